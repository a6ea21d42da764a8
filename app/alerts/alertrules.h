#pragma once

#include "app/alerts/alert.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>

#include <optional>

class QDateTime;

namespace rs {
class Database;
}

namespace rs::sync {
struct FetchReport;
struct PushReport;
} // namespace rs::sync

namespace rs::alerts {

struct AlertThresholds
{
    int failures = 1; // failures in one run; 0 = off
    int inDoubtMinutes = 30; // 0 = off
    int dingTalkQuota = 5000; // calls a month
    int quotaPercent = 80; // the first alert; a second one at quotaUrgentPercent
    int dingTalkPushes = 3000; // Stream pushes a month
    int quotaUrgentPercent = 95;
};

// Turns job reports and the store's state into alerts. Remembers, in memory, what it already
// announced, so a quota or a bill in doubt is reported once and not at every check.
class AlertRules final
{
    Q_DECLARE_TR_FUNCTIONS(rs::alerts::AlertRules)
    Q_DISABLE_COPY_MOVE(AlertRules)

public:
    explicit AlertRules(AlertThresholds thresholds = {});

    void setThresholds(const AlertThresholds &thresholds) { m_thresholds = thresholds; }
    const AlertThresholds &thresholds() const { return m_thresholds; }

    QList<Alert> afterFetch(const sync::FetchReport &report, const QDateTime &nowUtc);
    QList<Alert> afterPush(const sync::PushReport &report, const QDateTime &nowUtc);
    // The store's side: DingTalk's month quota and bills in doubt too long.
    QList<Alert> periodic(const Database &database, const QDateTime &nowUtc);

    // What was announced, for a process that does not live long (a CLI run) to keep between
    // runs, so a quota or a bill in doubt is still said once, not at every scheduled run.
    QStringList announced() const;
    void restoreAnnounced(const QStringList &keys);

private:
    std::optional<Alert> quota(qint64 monthCalls, const QDateTime &nowUtc);
    std::optional<Alert> pushes(qint64 monthPushes, const QDateTime &nowUtc);
    // The highest threshold `used` has reached that was not yet announced this month, or 0.
    int newLevel(const QString &what, qint64 used, qint64 allowed, const QDateTime &nowUtc);

    AlertThresholds m_thresholds;
    QSet<QString> m_levelsAnnounced; // "calls/2026-11/80": what went out, per allowance and month
    QSet<QString> m_inDoubtAnnounced; // bill keys
};

} // namespace rs::alerts
