#include "app/cli/clialerts.h"

#include "app/alerts/alertconfig.h"
#include "app/alerts/alertdispatcher.h"
#include "app/alerts/alertrules.h"
#include "app/alerts/robotclient.h"
#include "app/cli/clicontext.h"
#include "app/secrets/secretstore.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QSettings>
#include <QTimer>

namespace rs::cli {
namespace {

constexpr char kAnnouncedKey[] = "announced";

} // namespace

CliAlerts::CliAlerts(const Context &context, const Settings &settings, const Database &database)
    : m_context(context)
    , m_database(database)
    , m_statePath(QDir(context.profile.dir()).filePath(QStringLiteral("alerts-state.ini")))
    , m_dispatcher(std::make_unique<alerts::AlertDispatcher>())
{
    const alerts::AlertConfig config = alerts::AlertConfig::fromSettings(
        settings, settings.integer(QLatin1String(keys::DingTalkMonthlyQuota)));
    m_rules = std::make_unique<alerts::AlertRules>(config.thresholds);
    m_rules->restoreAnnounced(QSettings(m_statePath, QSettings::IniFormat)
                                  .value(QLatin1String(kAnnouncedKey))
                                  .toStringList());
    if (!config.robotEnabled)
        return;
    SecretStore secrets(context.profile.keychainScope());
    const SecretResult token = secrets.readNow(SecretName::RobotAccessToken);
    const SecretResult secret = token.ok() ? secrets.readNow(SecretName::RobotSecret) : token;
    if (!token.ok() || !secret.ok()) {
        context.err << tr("alerts: the group robot is on but its secrets cannot be read: %1")
                           .arg(token.ok() ? secret.message : token.message)
                    << Qt::endl;
        return;
    }
    m_robot = std::make_unique<alerts::RobotClient>(
        alerts::RobotConfig {config.robotUrl, token.value, secret.value});
    m_dispatcher->setRobot(m_robot.get());
    QObject::connect(m_dispatcher.get(), &alerts::AlertDispatcher::robotFailed, m_dispatcher.get(),
                     [this](const QString &message, int) {
                         m_context.err << tr("alerts: the group robot refused: %1").arg(message)
                                       << Qt::endl;
                     });
}

CliAlerts::~CliAlerts() = default;

void CliAlerts::afterFetch(const sync::FetchReport &report)
{
    raise(m_rules->afterFetch(report, QDateTime::currentDateTimeUtc()));
}

void CliAlerts::afterPush(const sync::PushReport &report)
{
    raise(m_rules->afterPush(report, QDateTime::currentDateTimeUtc()));
}

void CliAlerts::raise(const QList<alerts::Alert> &alerts)
{
    for (const alerts::Alert &alert : alerts)
        m_context.err << tr("alert: %1").arg(alert.title) << Qt::endl;
    m_dispatcher->dispatchAll(alerts);
}

void CliAlerts::finish()
{
    raise(m_rules->periodic(m_database, QDateTime::currentDateTimeUtc()));
    QSettings state(m_statePath, QSettings::IniFormat);
    state.setValue(QLatin1String(kAnnouncedKey), m_rules->announced());
    state.sync();
    const QDeadlineTimer deadline(20'000);
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if ((!m_dispatcher->isSending() && m_dispatcher->waiting() == 0) || deadline.hasExpired())
            loop.quit();
    });
    poll.start(50);
    if (m_dispatcher->isSending() || m_dispatcher->waiting() > 0)
        loop.exec();
}

} // namespace rs::cli
