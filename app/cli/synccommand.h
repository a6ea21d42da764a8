#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace rs::cli {

struct Context;

// `sync (--all-pending | ID...) [--dry-run]`: pushes bills to Kingdee, one line per bill.
class SyncCommand final
{
    Q_DECLARE_TR_FUNCTIONS(rs::cli::SyncCommand)

public:
    static int run(const Context &context, const QStringList &arguments);
};

} // namespace rs::cli
