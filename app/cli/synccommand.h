#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace rs {
class Database;
class Settings;
} // namespace rs

namespace rs::sync {
struct PushReport;
} // namespace rs::sync

namespace rs::cli {

struct Context;

// `sync (--all-pending | ID...) [--dry-run]`: pushes bills to Kingdee, one line per bill.
class SyncCommand final
{
    Q_DECLARE_TR_FUNCTIONS(rs::cli::SyncCommand)

public:
    static int run(const Context &context, const QStringList &arguments);

private:
    static void writeBack(const Context &context, const Settings &settings,
                          const Database &database, const sync::PushReport &report);
};

} // namespace rs::cli
