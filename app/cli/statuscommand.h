#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace rs::cli {

struct Context;

// `status [--json]`: counts per state, API calls per endpoint this month, DingTalk month usage.
class StatusCommand final
{
    Q_DECLARE_TR_FUNCTIONS(rs::cli::StatusCommand)

public:
    static int run(const Context &context, const QStringList &arguments);
};

} // namespace rs::cli
