#include "models/monitorsummary.h"

#include "app/mapping/decimal.h"
#include "app/store/billrepository.h"

namespace rs {

std::optional<int> MonitorSummary::failurePerMille() const
{
    const int settled = synced30 + failed30;
    if (settled == 0)
        return std::nullopt;
    return int((qint64(failed30) * 1000 + settled / 2) / settled);
}

MonitorSummary MonitorSummary::fromSettled(const QList<SettledBill> &settled, const QDate &today)
{
    MonitorSummary s;
    const QDate first = today.addDays(-(Days - 1));
    QList<Decimal> sums(Days);
    s.perDay.reserve(Days);
    for (int i = 0; i < Days; ++i)
        s.perDay.append({first.addDays(i), 0, {}});
    for (const SettledBill &bill : settled) {
        const QDate day = bill.changedAt.toLocalTime().date();
        const qint64 index = first.daysTo(day);
        if (index < 0 || index >= Days)
            continue;
        if (bill.state == BillState::Failed) {
            ++s.failed30;
            continue;
        }
        if (bill.state != BillState::Synced)
            continue;
        ++s.synced30;
        ++s.perDay[index].bills;
        sums[index] += Decimal::parse(bill.amount).value_or(Decimal());
    }
    for (int i = 0; i < Days; ++i)
        s.perDay[i].amount = sums.at(i).toString();
    s.syncedToday = s.perDay.constLast().bills;
    s.syncedTodayAmount = s.perDay.constLast().amount;
    return s;
}

MonitorSummary MonitorSummary::load(const Database &database, const QDateTime &nowUtc,
                                    StoreError *error)
{
    const QDate today = nowUtc.toLocalTime().date();
    const QDateTime since = today.addDays(-(Days - 1)).startOfDay().toUTC();
    StoreError e;
    MonitorSummary s = fromSettled(MonitorRepository(database).settledSince(since, &e), today);
    if (e.ok())
        s.bills = BillRepository(database).countByState(&e);
    const JobRunRepository runs(database);
    if (e.ok())
        s.lastFetch = runs.last(QStringLiteral("fetch"), {}, &e);
    if (e.ok())
        s.lastSync = runs.last(QStringLiteral("sync"), {}, &e);
    if (error)
        *error = e;
    return s;
}

} // namespace rs
