#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace rs::cli {

struct Context;

// `fetch [--from YYYY-MM-DD] [--to YYYY-MM-DD]`: pulls the configured process's instances.
class FetchCommand final
{
    Q_DECLARE_TR_FUNCTIONS(rs::cli::FetchCommand)

public:
    static int run(const Context &context, const QStringList &arguments);
};

} // namespace rs::cli
