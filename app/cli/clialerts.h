#pragma once

#include <QCoreApplication>
#include <QList>

#include <memory>

namespace rs {
class Database;
class Settings;
} // namespace rs

namespace rs::sync {
struct FetchReport;
struct PushReport;
} // namespace rs::sync

namespace rs::alerts {
struct Alert;
class AlertDispatcher;
class AlertRules;
class RobotClient;
} // namespace rs::alerts

namespace rs::cli {

struct Context;

// The console's alert rules and group robot, for `fetch`, `sync` and `watch`: a scheduled run
// alerts the group as the open console would. Each alert is also printed to stderr. What was
// announced is kept in the profile's alerts-state.ini, so a run every 30 minutes says a quota
// level or a bill in doubt once.
class CliAlerts final
{
    Q_DECLARE_TR_FUNCTIONS(rs::cli::CliAlerts)
    Q_DISABLE_COPY_MOVE(CliAlerts)

public:
    CliAlerts(const Context &context, const Settings &settings, const Database &database);
    ~CliAlerts();

    void afterFetch(const sync::FetchReport &report);
    void afterPush(const sync::PushReport &report);
    // The store's checks (quota, pushes, bills in doubt), then waits (≤ 20 s) until the robot
    // has taken every message, and remembers what was announced.
    void finish();

private:
    void raise(const QList<alerts::Alert> &alerts);

    const Context &m_context;
    const Database &m_database;
    QString m_statePath;
    std::unique_ptr<alerts::AlertRules> m_rules;
    std::unique_ptr<alerts::RobotClient> m_robot;
    std::unique_ptr<alerts::AlertDispatcher> m_dispatcher;
};

} // namespace rs::cli
