#pragma once

#include <QObject>

class QTimer;
class QWidget;

namespace rs {

class Database;
class JobController;
class SecretStore;
class Settings;
class AlertsDialog;
class TrayNotifier;

namespace alerts {
class AlertDispatcher;
class AlertRules;
class RobotClient;
class Scheduler;
struct Alert;
} // namespace alerts

// The console's alerts and scheduled runs in one place: evaluates the rules after each job and
// every minute, hands alerts to the tray and the group robot, and starts the scheduled fetch and
// sync through the JobController. Reads its settings and the robot's secrets (asynchronously)
// at start and after the Alerts and Schedule dialog is saved.
class AlertCenter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertCenter)

public:
    AlertCenter(Settings &settings, SecretStore &secrets, const Database &database,
                JobController &jobs, QObject *parent = nullptr);
    ~AlertCenter() override;

    alerts::AlertDispatcher *dispatcher() const { return m_dispatcher; }
    alerts::Scheduler *scheduler() const { return m_scheduler; }
    TrayNotifier *tray() const { return m_tray; }

    void reload();
    // Opens the Alerts and Schedule dialog; applies what the clerk saved.
    void editSettings(QWidget *parent);
    // The same dialog, not yet shown (editSettings runs it; a screenshot shows it).
    AlertsDialog *createDialog(QWidget *parent);
    // Runs the store's rules now (quota, bills in doubt); also every minute by itself.
    void checkNow();

Q_SIGNALS:
    // A short text for the status bar: an alert's title, or why the robot refused a message.
    void notice(const QString &text);

private:
    void raise(const QList<alerts::Alert> &alerts);

    Settings &m_settings;
    SecretStore &m_secrets;
    const Database &m_database;
    std::unique_ptr<alerts::AlertRules> m_rules;
    alerts::RobotClient *m_robot = nullptr;
    alerts::AlertDispatcher *m_dispatcher = nullptr;
    alerts::Scheduler *m_scheduler = nullptr;
    TrayNotifier *m_tray = nullptr;
    QTimer *m_periodic = nullptr;
    int m_reloadRun = 0; // a keychain answer for an older reload is dropped
};

} // namespace rs
