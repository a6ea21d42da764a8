#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace rs::cli {

struct Context;

// `reverse ID... [--dry-run]`: reverses the synced bills of those applications in Kingdee, one
// line per bill: KEY<TAB>reversed<TAB>deleted | red NUMBER, or KEY<TAB>failed<TAB>Kingdee's words.
class ReverseCommand final
{
    Q_DECLARE_TR_FUNCTIONS(rs::cli::ReverseCommand)

public:
    static int run(const Context &context, const QStringList &arguments);
};

} // namespace rs::cli
