#include "app/store/apiusagerepository.h"

#include "app/store/database.h"
#include "app/store/sqlutil.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace rs {

bool api::countsTowardDingTalkQuota(const QString &name)
{
    return name.startsWith(QLatin1String("dingtalk.")) && name != QLatin1String(DingTalkGetToken)
        && name != QLatin1String(DingTalkV1AccessToken) && name != QLatin1String(DingTalkRobot);
}

ApiUsageRepository::ApiUsageRepository(const Database &database)
    : m_database(database)
{ }

QDate ApiUsageRepository::beijingDate(const QDateTime &atUtc)
{
    // China has one zone and no daylight saving: UTC+8 all year.
    return atUtc.toUTC().addSecs(8 * 3600).date();
}

StoreError ApiUsageRepository::record(const QString &api, ApiOutcome outcome, qint64 elapsedMs,
                                      const QDateTime &atUtc) const
{
    const int error = outcome == ApiOutcome::Error ? 1 : 0;
    const int throttled = outcome == ApiOutcome::Throttled ? 1 : 0;
    return m_database.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        return sql::run(
            q,
            QStringLiteral("INSERT INTO api_usage (api, day, calls, errors, throttled,"
                           " total_ms) VALUES (?, ?, 1, ?, ?, ?)"
                           " ON CONFLICT (api, day) DO UPDATE SET"
                           " calls = api_usage.calls + 1,"
                           " errors = api_usage.errors + excluded.errors,"
                           " throttled = api_usage.throttled + excluded.throttled,"
                           " total_ms = api_usage.total_ms + excluded.total_ms"),
            {api, beijingDate(atUtc).toString(Qt::ISODate), error, throttled, elapsedMs},
            QT_TRANSLATE_NOOP("rs::Store", "counting an API call"));
    });
}

QList<ApiUsage> ApiUsageRepository::month(const QDateTime &atUtc, StoreError *error) const
{
    const QDate day = beijingDate(atUtc);
    const QDate first(day.year(), day.month(), 1);
    const QDate last = first.addMonths(1).addDays(-1);

    QList<ApiUsage> result;
    QSqlQuery q(m_database.connection());
    const StoreError e = sql::run(
        q,
        QStringLiteral("SELECT api, SUM(calls), SUM(errors), SUM(throttled), SUM(total_ms)"
                       " FROM api_usage WHERE day >= ? AND day <= ? GROUP BY api ORDER BY api"),
        {first.toString(Qt::ISODate), last.toString(Qt::ISODate)},
        QT_TRANSLATE_NOOP("rs::Store", "reading API usage"));
    if (error)
        *error = e;
    if (!e.ok())
        return result;
    while (q.next()) {
        result.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                       q.value(3).toLongLong(), q.value(4).toLongLong()});
    }
    return result;
}

qint64 ApiUsageRepository::dingTalkQuotaCalls(const QDateTime &atUtc, StoreError *error) const
{
    qint64 calls = 0;
    const QList<ApiUsage> usage = month(atUtc, error);
    for (const ApiUsage &u : usage) {
        if (api::countsTowardDingTalkQuota(u.api))
            calls += u.calls;
    }
    return calls;
}

} // namespace rs
