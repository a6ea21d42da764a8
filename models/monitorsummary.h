#pragma once

#include "app/store/jobrunrepository.h"
#include "app/store/monitorrepository.h"
#include "app/store/states.h"
#include "app/store/storeerror.h"

#include <QDate>
#include <QHash>
#include <QList>

#include <optional>

namespace rs {

class Database;

// Synced bills on one local calendar day.
struct DaySynced
{
    QDate day;
    int bills = 0;
    QString amount; // exact decimal sum, e.g. "1834.60"
};

// The monitoring summary: what the store says about the last 30 days, in local calendar days.
struct MonitorSummary
{
    static constexpr int Days = 30;

    QHash<BillState, int> bills; // every bill, by state
    int syncedToday = 0;
    QString syncedTodayAmount = QStringLiteral("0"); // exact decimal sum
    // Over the last 30 days: bills that ended failed / those that ended synced or failed.
    int synced30 = 0;
    int failed30 = 0;
    std::optional<JobRun> lastFetch;
    std::optional<JobRun> lastSync;
    QList<DaySynced> perDay; // Days entries, oldest first, today last

    // failed30 / (synced30 + failed30) in per mille, nothing when no bill settled.
    std::optional<int> failurePerMille() const;

    // Sums and buckets `settled` (amounts as exact decimals; an unreadable amount counts as 0).
    static MonitorSummary fromSettled(const QList<SettledBill> &settled, const QDate &today);
    // Reads the store; `nowUtc` decides what "today" is (local time).
    static MonitorSummary load(const Database &database,
                               const QDateTime &nowUtc = QDateTime::currentDateTimeUtc(),
                               StoreError *error = nullptr);
};

} // namespace rs
