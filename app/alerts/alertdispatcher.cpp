#include "app/alerts/alertdispatcher.h"

#include "app/alerts/robotclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QTimer>

namespace rs::alerts {
namespace {

QString kindName(Alert::Kind kind)
{
    switch (kind) {
    case Alert::Kind::RunFailures:
        return QCoreApplication::translate("rs::alerts::AlertDispatcher", "Failures in a run");
    case Alert::Kind::ConfigError:
        return QCoreApplication::translate("rs::alerts::AlertDispatcher",
                                           "Configuration or sign-in failures");
    case Alert::Kind::Quota:
        return QCoreApplication::translate("rs::alerts::AlertDispatcher", "DingTalk quota");
    case Alert::Kind::InDoubt:
        return QCoreApplication::translate("rs::alerts::AlertDispatcher", "Bills in doubt");
    case Alert::Kind::Test:
        return QCoreApplication::translate("rs::alerts::AlertDispatcher", "Test alerts");
    case Alert::Kind::DuplicateInKingdee:
        return QCoreApplication::translate("rs::alerts::AlertDispatcher", "Bills in Kingdee twice");
    }
    return {};
}

// DingTalk takes up to 20,000 bytes a message; the count stays exact beyond the listed lines.
constexpr int kListedLines = 100;

} // namespace

QString digestTitle(const QList<Alert> &alerts)
{
    return QCoreApplication::translate("rs::alerts::AlertDispatcher",
                                       "RebateSync: %n alert(s) in one message", nullptr,
                                       int(alerts.size()));
}

QString digestText(const QList<Alert> &alerts)
{
    QMap<int, int> byKind;
    for (const Alert &a : alerts)
        ++byKind[int(a.kind)];
    QStringList lines;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        lines.append(kindName(Alert::Kind(it.key())) + QStringLiteral(": ") + QString::number(*it));
    for (qsizetype i = 0; i < alerts.size() && i < kListedLines; ++i) {
        lines.append(
            QStringLiteral("- ")
            + QDateTime::fromMSecsSinceEpoch(alerts.at(i).atMs).toString(QStringLiteral("HH:mm:ss"))
            + QLatin1Char(' ') + alerts.at(i).line());
    }
    if (alerts.size() > kListedLines) {
        lines.append(QCoreApplication::translate("rs::alerts::AlertDispatcher", "… and %n more",
                                                 nullptr, int(alerts.size() - kListedLines)));
    }
    return lines.join(QLatin1Char('\n'));
}

AlertDispatcher::AlertDispatcher(std::function<qint64()> now, QObject *parent)
    : QObject(parent)
    , m_now(now ? std::move(now) : [] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &AlertDispatcher::pump);
}

void AlertDispatcher::setRobot(RobotClient *robot)
{
    m_robot = robot;
    pump();
}

void AlertDispatcher::dispatch(const Alert &alert)
{
    Q_EMIT alertRaised(alert);
    if (!m_robot)
        return;
    m_queue.push_back(alert);
    pump();
}

void AlertDispatcher::dispatchAll(const QList<Alert> &alerts)
{
    for (const Alert &alert : alerts)
        dispatch(alert);
}

int AlertDispatcher::sentInWindow()
{
    const qint64 now = m_now();
    while (!m_sentAtMs.empty() && m_sentAtMs.front() <= now - kWindowMs)
        m_sentAtMs.pop_front();
    return int(m_sentAtMs.size());
}

void AlertDispatcher::pump()
{
    if (m_sending || m_queue.empty() || !m_robot)
        return;
    if (m_now() < m_mutedUntilMs || sentInWindow() >= kRobotPerMinute) {
        scheduleRetry();
        return;
    }
    // Everything waiting goes in this one message: one alert as itself, several as a digest.
    const QList<Alert> batch(m_queue.cbegin(), m_queue.cend());
    m_queue.clear();
    m_sending = true;
    m_sentAtMs.push_back(m_now());
    const QString title = batch.size() == 1 ? batch.constFirst().title : digestTitle(batch);
    const QString text = batch.size() == 1 ? batch.constFirst().text : digestText(batch);
    m_robot->send(title, text, [this, batch](const RobotAnswer &answer) { sent(batch, answer); });
}

void AlertDispatcher::sent(const QList<Alert> &batch, const RobotAnswer &answer)
{
    m_sending = false;
    if (answer.ok) {
        Q_EMIT robotDelivered(int(batch.size()));
    } else if (answer.throttled) {
        // Muted: the alerts go back to the front and wait out the robot's window.
        m_queue.insert(m_queue.begin(), batch.cbegin(), batch.cend());
        m_mutedUntilMs = m_now() + kMutedMs;
        Q_EMIT robotFailed(answer.message, int(batch.size()));
    } else {
        // A wrong token or secret does not heal by itself; the tray already showed these.
        Q_EMIT robotFailed(answer.message, int(batch.size()));
    }
    pump();
}

void AlertDispatcher::scheduleRetry()
{
    const qint64 now = m_now();
    qint64 at = m_mutedUntilMs;
    if (!m_sentAtMs.empty() && int(m_sentAtMs.size()) >= kRobotPerMinute)
        at = qMax(at, m_sentAtMs.front() + kWindowMs);
    const qint64 delay = qBound<qint64>(100, at - now + 50, kWindowMs * 10);
    if (!m_retry->isActive() || m_retry->remainingTime() > delay)
        m_retry->start(int(delay));
}

} // namespace rs::alerts
