#include "ui/alerts/alertcenter.h"

#include "app/alerts/alertconfig.h"
#include "app/alerts/alertdispatcher.h"
#include "app/alerts/alertrules.h"
#include "app/alerts/budget.h"
#include "app/alerts/robotclient.h"
#include "app/alerts/scheduler.h"
#include "app/secrets/secretstore.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/apiusagerepository.h"
#include "app/store/applicationrepository.h"
#include "app/sync/syncrunner.h"
#include "ui/alerts/alertsdialog.h"
#include "ui/alerts/traynotifier.h"
#include "ui/jobcontroller.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace rs {

AlertCenter::AlertCenter(Settings &settings, SecretStore &secrets, const Database &database,
                         JobController &jobs, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_database(database)
    , m_rules(std::make_unique<alerts::AlertRules>())
    , m_robot(new alerts::RobotClient({}, {}, this))
    , m_dispatcher(new alerts::AlertDispatcher({}, this))
    , m_scheduler(new alerts::Scheduler([&jobs] { return jobs.isBusy(); }, this))
    , m_tray(new TrayNotifier(this))
    , m_periodic(new QTimer(this))
{
    connect(m_dispatcher, &alerts::AlertDispatcher::alertRaised, m_tray, &TrayNotifier::notify);
    connect(m_dispatcher, &alerts::AlertDispatcher::alertRaised, this,
            [this](const alerts::Alert &alert) { Q_EMIT notice(alert.title); });
    connect(m_dispatcher, &alerts::AlertDispatcher::robotFailed, this,
            [this](const QString &message) { Q_EMIT notice(message); });
    connect(m_scheduler, &alerts::Scheduler::fetchDue, &jobs, &JobController::fetchApprovals);
    connect(m_scheduler, &alerts::Scheduler::syncDue, &jobs, &JobController::syncAllPending);
    connect(jobs.runner(), &sync::SyncRunner::fetchFinished, this,
            [this](const sync::FetchReport &report) {
                raise(m_rules->afterFetch(report, QDateTime::currentDateTimeUtc()));
                checkNow();
            });
    connect(jobs.runner(), &sync::SyncRunner::pushFinished, this,
            [this](const sync::PushReport &report) {
                raise(m_rules->afterPush(report, QDateTime::currentDateTimeUtc()));
                checkNow();
            });
    connect(m_periodic, &QTimer::timeout, this, &AlertCenter::checkNow);
    m_periodic->start(60'000);
    reload();
}

AlertCenter::~AlertCenter() = default;

void AlertCenter::reload()
{
    const alerts::AlertConfig config = alerts::AlertConfig::fromSettings(
        m_settings, m_settings.integer(QLatin1String(keys::DingTalkMonthlyQuota)));
    m_rules->setThresholds(config.thresholds);
    m_scheduler->setIntervals(config.fetchMinutes, config.syncMinutes);
    m_dispatcher->setRobot(nullptr);
    if (!config.robotEnabled)
        return;
    // Token first, then the secret; the robot is used only once both are known.
    const int run = ++m_reloadRun;
    const QPointer<AlertCenter> guard(this);
    const QUrl url = config.robotUrl;
    m_secrets.read(SecretName::RobotAccessToken, [guard, run, url](const SecretResult &token) {
        if (!guard || run != guard->m_reloadRun)
            return;
        if (!token.ok()) {
            Q_EMIT guard->notice(token.message);
            return;
        }
        guard->m_secrets.read(
            SecretName::RobotSecret,
            [guard, run, url, tokenValue = token.value](const SecretResult &secret) {
                if (!guard || run != guard->m_reloadRun)
                    return;
                if (!secret.ok()) {
                    Q_EMIT guard->notice(secret.message);
                    return;
                }
                guard->m_robot->setConfig({url, tokenValue, secret.value});
                guard->m_dispatcher->setRobot(guard->m_robot);
            });
    });
}

void AlertCenter::editSettings(QWidget *parent)
{
    const std::unique_ptr<AlertsDialog> dialog(createDialog(parent));
    if (dialog->exec() == QDialog::Accepted)
        reload();
}

AlertsDialog *AlertCenter::createDialog(QWidget *parent)
{
    auto *dialog = new AlertsDialog(m_settings, m_secrets, parent);
    dialog->setScheduleCheck([this](int fetchMinutes) {
        const QHash<ApprovalState, int> counts =
            ApplicationRepository(m_database).countByApproval();
        qint64 stored = 0;
        for (int n : counts)
            stored += n;
        const bool v1 = m_settings.text(QLatin1String(keys::DingTalkApi)) == QLatin1String("v1");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        return alerts::Budget::scheduleRefusal(
            fetchMinutes,
            alerts::Budget::callsPerFetch(v1, counts.value(ApprovalState::InApproval), stored),
            ApiUsageRepository(m_database).dingTalkQuotaCalls(now),
            m_settings.integer(QLatin1String(keys::DingTalkMonthlyQuota)), now);
    });
    return dialog;
}

void AlertCenter::checkNow()
{
    raise(m_rules->periodic(m_database, QDateTime::currentDateTimeUtc()));
}

void AlertCenter::raise(const QList<alerts::Alert> &alerts)
{
    m_dispatcher->dispatchAll(alerts);
}

} // namespace rs
