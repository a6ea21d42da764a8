#pragma once

#include "app/alerts/alert.h"

#include <QList>
#include <QObject>

#include <deque>
#include <functional>

class QTimer;

namespace rs::alerts {

class RobotClient;
struct RobotAnswer;

// Hands each alert to the tray (alertRaised, at once) and to the group robot, which takes at
// most 20 messages in any 60 s and mutes itself for ten minutes beyond that. Alerts the budget
// cannot take now wait, and go out together as one digest as soon as a slot frees up: every
// alert reaches the group, none is dropped to stay under the limit. One message at a time.
class AlertDispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertDispatcher)

public:
    static constexpr int kRobotPerMinute = 20;
    static constexpr qint64 kWindowMs = 60'000;
    static constexpr qint64 kMutedMs = 10 * 60'000; // what the robot does after 410100

    // `now` in ms since the epoch; empty: the system clock (tests pass a clock they can advance).
    explicit AlertDispatcher(std::function<qint64()> now = {}, QObject *parent = nullptr);

    // Not owned; nullptr: tray only.
    void setRobot(RobotClient *robot);
    void dispatch(const Alert &alert);
    void dispatchAll(const QList<Alert> &alerts);

    int waiting() const { return int(m_queue.size()); }
    bool isSending() const { return m_sending; }
    // Robot messages sent in the last 60 s (by the clock given).
    int sentInWindow();

public Q_SLOTS:
    // Sends what the budget allows now; also runs by itself when a slot frees up.
    void pump();

Q_SIGNALS:
    void alertRaised(const rs::alerts::Alert &alert); // for the tray
    void robotDelivered(int alerts); // one message carrying `alerts` alerts was accepted
    // The robot refused or could not be reached; `message` is the robot's own answer, masked.
    void robotFailed(const QString &message, int alerts);

private:
    void sent(const QList<Alert> &batch, const RobotAnswer &answer);
    void scheduleRetry();

    std::function<qint64()> m_now;
    RobotClient *m_robot = nullptr;
    std::deque<Alert> m_queue;
    std::deque<qint64> m_sentAtMs; // the sliding window
    qint64 m_mutedUntilMs = 0; // after a 410100 the robot takes nothing for a while
    bool m_sending = false;
    QTimer *m_retry = nullptr;
};

// The text of a message carrying several alerts: how many, by kind, then each one.
QString digestTitle(const QList<Alert> &alerts);
QString digestText(const QList<Alert> &alerts);

} // namespace rs::alerts
