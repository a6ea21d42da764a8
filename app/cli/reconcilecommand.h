#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace rs::cli {

struct Context;

// `reconcile [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json] [--xlsx FILE]`: the store's bills of a
// period (default: last month) against Kingdee's; exit 0 no difference, 1 differences, 2 config.
class ReconcileCommand final
{
    Q_DECLARE_TR_FUNCTIONS(rs::cli::ReconcileCommand)

public:
    static int run(const Context &context, const QStringList &arguments);
};

} // namespace rs::cli
