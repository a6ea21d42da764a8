#include "app/store/apiusagerepository.h"

#include "app/store/database.h"
#include "app/store/sqlutil.h"

#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace rs {

bool api::countsTowardDingTalkQuota(const QString &name)
{
    return name.startsWith(QLatin1String("dingtalk.")) && name != QLatin1String(DingTalkGetToken)
        && name != QLatin1String(DingTalkV1AccessToken) && name != QLatin1String(DingTalkRobot)
        && name != QLatin1String(DingTalkStreamOpen) && name != QLatin1String(DingTalkStreamEvent);
}

QStringList api::knownEndpoints()
{
    return {QLatin1String(DingTalkGetToken),      QLatin1String(DingTalkListIds),
            QLatin1String(DingTalkGet),           QLatin1String(DingTalkV1AccessToken),
            QLatin1String(DingTalkV1InstanceIds), QLatin1String(DingTalkV1Instance),
            QLatin1String(KingdeeLogin),          QLatin1String(KingdeeBatchSave),
            QLatin1String(KingdeeQuery)};
}

QString api::maskSecrets(const QString &text)
{
    // key=value, key: value and "key":"value" for every name a credential travels under.
    static const QRegularExpression credential(
        QStringLiteral("(\\b(?:access[-_]?token|x-acs-dingtalk-access-token|token|app_?secret|"
                       "appsecret|password|passwd|secret|signature|sign|session_?id|"
                       "kdservice-sessionid)\"?\\s*[=:]\\s*\"?)[^&\\s\",;}]+"),
        QRegularExpression::CaseInsensitiveOption);
    constexpr qsizetype kMaxLength = 500;
    QString masked = text;
    masked.replace(credential, QStringLiteral("\\1***"));
    if (masked.size() > kMaxLength)
        masked = masked.left(kMaxLength - 1) + QChar(0x2026);
    return masked;
}

ApiUsageRepository::ApiUsageRepository(const Database &database)
    : m_database(database)
{ }

QDate ApiUsageRepository::beijingDate(const QDateTime &atUtc)
{
    // China has one zone and no daylight saving: UTC+8 all year.
    return atUtc.toUTC().addSecs(8 * 3600).date();
}

int ApiUsageRepository::latencyBucket(qint64 elapsedMs)
{
    if (elapsedMs < 1)
        return 0;
    return 1 + int(std::floor(4.0 * std::log2(double(elapsedMs))));
}

qint64 ApiUsageRepository::representativeMs(int bucket)
{
    if (bucket <= 0)
        return 0;
    return std::llround(std::exp2((double(bucket) - 0.5) / 4.0));
}

qint64 ApiUsageRepository::percentileMs(const QMap<int, qint64> &callsByBucket, int percent)
{
    qint64 total = 0;
    for (const qint64 calls : callsByBucket)
        total += calls;
    if (total == 0)
        return -1;
    // Nearest rank: the smallest bucket by which ceil(p% of the calls) have been seen.
    const qint64 rank = std::max<qint64>(1, (total * percent + 99) / 100);
    qint64 seen = 0;
    for (auto it = callsByBucket.cbegin(); it != callsByBucket.cend(); ++it) {
        seen += it.value();
        if (seen >= rank)
            return representativeMs(it.key());
    }
    return representativeMs(callsByBucket.lastKey());
}

namespace {

struct UnsavedCall
{
    QString api;
    ApiOutcome outcome;
    qint64 elapsedMs;
    QString errorText;
    QDateTime atUtc;
};

// Calls the store could not take, per database path, until a later write succeeds. Process-wide:
// the console's next fetch on the same profile writes what an earlier one could not.
QMutex g_unsavedMutex;
QHash<QString, QList<UnsavedCall>> g_unsaved;

QList<UnsavedCall> takeUnsaved(const QString &path)
{
    const QMutexLocker lock(&g_unsavedMutex);
    return g_unsaved.take(path);
}

void keepUnsaved(const QString &path, const QList<UnsavedCall> &calls)
{
    const QMutexLocker lock(&g_unsavedMutex);
    QList<UnsavedCall> &kept = g_unsaved[path];
    kept = calls + kept; // any added meanwhile stay after these
}

StoreError write(QSqlQuery &q, const UnsavedCall &c)
{
    const int error = c.outcome == ApiOutcome::Error ? 1 : 0;
    const int throttled = c.outcome == ApiOutcome::Throttled ? 1 : 0;
    const QString day = ApiUsageRepository::beijingDate(c.atUtc).toString(Qt::ISODate);
    const char *what = QT_TRANSLATE_NOOP("rs::Store", "counting an API call");
    StoreError e = sql::run(q,
                            QStringLiteral("INSERT INTO api_usage (api, day, calls, errors,"
                                           " throttled, total_ms) VALUES (?, ?, 1, ?, ?, ?)"
                                           " ON CONFLICT (api, day) DO UPDATE SET"
                                           " calls = api_usage.calls + 1,"
                                           " errors = api_usage.errors + excluded.errors,"
                                           " throttled = api_usage.throttled"
                                           " + excluded.throttled,"
                                           " total_ms = api_usage.total_ms + excluded.total_ms"),
                            {c.api, day, error, throttled, c.elapsedMs}, what);
    if (e.ok()) {
        e = sql::run(q,
                     QStringLiteral("INSERT INTO api_latency (api, day, bucket, calls)"
                                    " VALUES (?, ?, ?, 1) ON CONFLICT (api, day, bucket)"
                                    " DO UPDATE SET calls = api_latency.calls + 1"),
                     {c.api, day, ApiUsageRepository::latencyBucket(c.elapsedMs)}, what);
    }
    if (e.ok() && c.outcome != ApiOutcome::Ok) {
        e = sql::run(q,
                     QStringLiteral("INSERT INTO api_last_error (api, occurred_at, outcome,"
                                    " message) VALUES (?, ?, ?, ?) ON CONFLICT (api)"
                                    " DO UPDATE SET occurred_at = excluded.occurred_at,"
                                    " outcome = excluded.outcome,"
                                    " message = excluded.message"),
                     {c.api, c.atUtc.toUTC().toString(Qt::ISODateWithMs),
                      throttled ? QStringLiteral("throttled") : QStringLiteral("error"),
                      sql::text(api::maskSecrets(c.errorText))},
                     what);
    }
    return e;
}

} // namespace

StoreError ApiUsageRepository::record(const QString &api, ApiOutcome outcome, qint64 elapsedMs,
                                      const QString &errorText, const QDateTime &atUtc) const
{
    QList<UnsavedCall> calls = takeUnsaved(m_database.path());
    calls.append({api, outcome, elapsedMs, errorText, atUtc});
    const StoreError e = m_database.transact([&calls](QSqlDatabase &db) {
        QSqlQuery q(db);
        for (const UnsavedCall &c : std::as_const(calls)) {
            if (StoreError written = write(q, c); !written.ok())
                return written;
        }
        return StoreError::none();
    });
    if (!e.ok())
        keepUnsaved(m_database.path(), calls);
    return e;
}

StoreError ApiUsageRepository::flushUnsaved() const
{
    QList<UnsavedCall> calls = takeUnsaved(m_database.path());
    if (calls.isEmpty())
        return StoreError::none();
    const StoreError e = m_database.transact([&calls](QSqlDatabase &db) {
        QSqlQuery q(db);
        for (const UnsavedCall &c : std::as_const(calls)) {
            if (StoreError written = write(q, c); !written.ok())
                return written;
        }
        return StoreError::none();
    });
    if (!e.ok())
        keepUnsaved(m_database.path(), calls);
    return e;
}

int ApiUsageRepository::unsavedCalls() const
{
    const QMutexLocker lock(&g_unsavedMutex);
    return int(g_unsaved.value(m_database.path()).size());
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
    // Calls not written yet are still calls DingTalk charged this month.
    const QMutexLocker lock(&g_unsavedMutex);
    for (const UnsavedCall &c : g_unsaved.value(m_database.path())) {
        const QDate callDay = beijingDate(c.atUtc);
        if (callDay < first || callDay > last)
            continue;
        auto it = std::find_if(result.begin(), result.end(),
                               [&c](const ApiUsage &u) { return u.api == c.api; });
        if (it == result.end()) {
            ApiUsage added;
            added.api = c.api;
            it = result.insert(result.end(), added);
        }
        ++it->calls;
        it->errors += c.outcome == ApiOutcome::Error ? 1 : 0;
        it->throttled += c.outcome == ApiOutcome::Throttled ? 1 : 0;
        it->totalMs += c.elapsedMs;
    }
    return result;
}

qint64 ApiUsageRepository::dingTalkQuotaCalls(const QDateTime &atUtc, StoreError *error) const
{
    return dingTalkQuotaCalls(month(atUtc, error));
}

qint64 ApiUsageRepository::dingTalkQuotaCalls(const QList<ApiUsage> &month)
{
    qint64 calls = 0;
    for (const ApiUsage &u : month) {
        if (api::countsTowardDingTalkQuota(u.api))
            calls += u.charged();
    }
    return calls;
}

qint64 ApiUsageRepository::dingTalkMonthEvents(const QDateTime &atUtc, StoreError *error) const
{
    const QList<ApiUsage> usage = month(atUtc, error);
    for (const ApiUsage &u : usage) {
        if (u.api == QLatin1String(api::DingTalkStreamEvent))
            return u.calls;
    }
    return 0;
}

QList<ApiEndpointStats> ApiUsageRepository::endpointStats(const QDateTime &atUtc,
                                                          StoreError *error) const
{
    const QDate today = beijingDate(atUtc);
    const QString first = QDate(today.year(), today.month(), 1).toString(Qt::ISODate);
    const QString last = today.toString(Qt::ISODate).left(8) + QStringLiteral("31");
    const char *what = QT_TRANSLATE_NOOP("rs::Store", "reading API usage");

    QList<ApiEndpointStats> rows;
    QHash<QString, qsizetype> rowOf;
    const auto row = [&](const QString &name) -> ApiEndpointStats & {
        auto it = rowOf.constFind(name);
        if (it == rowOf.cend()) {
            it = rowOf.insert(name, rows.size());
            ApiEndpointStats added;
            added.api = name;
            rows.append(added);
        }
        return rows[*it];
    };
    for (const QString &name : api::knownEndpoints())
        row(name);

    StoreError e;
    for (const ApiUsage &u : month(atUtc, &e)) {
        ApiEndpointStats &r = row(u.api);
        r.callsMonth = u.calls;
        r.errors = u.errors;
        r.throttled = u.throttled;
    }
    QSqlQuery q(m_database.connection());
    if (e.ok()) {
        e = sql::run(q, QStringLiteral("SELECT api, calls FROM api_usage WHERE day = ?"),
                     {today.toString(Qt::ISODate)}, what);
        while (e.ok() && q.next())
            row(q.value(0).toString()).callsToday = q.value(1).toLongLong();
    }
    if (e.ok()) {
        e = sql::run(q,
                     QStringLiteral("SELECT api, bucket, SUM(calls) FROM api_latency"
                                    " WHERE day >= ? AND day <= ? GROUP BY api, bucket"),
                     {first, last}, what);
        QHash<QString, QMap<int, qint64>> buckets;
        while (e.ok() && q.next())
            buckets[q.value(0).toString()].insert(q.value(1).toInt(), q.value(2).toLongLong());
        for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
            ApiEndpointStats &r = row(it.key());
            r.p50Ms = percentileMs(it.value(), 50);
            r.p95Ms = percentileMs(it.value(), 95);
        }
    }
    if (e.ok()) {
        e = sql::run(q,
                     QStringLiteral("SELECT api, occurred_at, outcome, message"
                                    " FROM api_last_error"),
                     {}, what);
        while (e.ok() && q.next()) {
            ApiEndpointStats &r = row(q.value(0).toString());
            r.lastErrorAt = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
            r.lastErrorOutcome = q.value(2).toString();
            r.lastError = q.value(3).toString();
        }
    }
    if (error)
        *error = e;
    return rows;
}

} // namespace rs
