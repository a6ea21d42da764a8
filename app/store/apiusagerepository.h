#pragma once

#include "app/store/storeerror.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace rs {

class Database;

// Endpoint names used in the counters; the API assets view and `status --json` show them as is.
namespace api {
inline constexpr char DingTalkGetToken[] = "dingtalk.gettoken";
inline constexpr char DingTalkListIds[] = "dingtalk.listids";
inline constexpr char DingTalkGet[] = "dingtalk.get";
inline constexpr char DingTalkV1AccessToken[] = "dingtalk.v1.accessToken";
inline constexpr char DingTalkV1InstanceIds[] = "dingtalk.v1.instanceIds";
inline constexpr char DingTalkV1Instance[] = "dingtalk.v1.instance";
inline constexpr char DingTalkV1Comment[] = "dingtalk.v1.comment"; // write-back, issue 16
inline constexpr char DingTalkRobot[] = "dingtalk.robot";
// Stream mode: opening a connection (a registration), and each EVENT frame received (a push,
// counted against the month's push allowance, not the call allowance).
inline constexpr char DingTalkStreamOpen[] = "dingtalk.stream.open";
inline constexpr char DingTalkStreamEvent[] = "dingtalk.stream.event";
inline constexpr char KingdeeLogin[] = "kingdee.login";
inline constexpr char KingdeeBatchSave[] = "kingdee.batchSave";
inline constexpr char KingdeeQuery[] = "kingdee.executeBillQuery";
inline constexpr char KingdeeSubmit[] = "kingdee.submit";
inline constexpr char KingdeeAudit[] = "kingdee.audit";
inline constexpr char KingdeeUnAudit[] = "kingdee.unAudit";
inline constexpr char KingdeeDelete[] = "kingdee.delete";

// DingTalk's monthly quota counts approval calls; token calls and robot messages do not.
bool countsTowardDingTalkQuota(const QString &name);
// The endpoints the API assets view always lists, robot excluded, in the order it shows them.
QStringList knownEndpoints();
// `text` with anything that looks like a credential (access_token=…, "password":"…") replaced
// by ***, cut to a length fit for a table cell. Error texts are secret-free already; this is
// the second line of defence before one is stored.
QString maskSecrets(const QString &text);
} // namespace api

enum class ApiOutcome { Ok, Error, Throttled };

struct ApiUsage
{
    QString api;
    qint64 calls = 0; // every exchange, throttled ones included
    qint64 errors = 0;
    qint64 throttled = 0;
    qint64 totalMs = 0;

    // What DingTalk charges: a call refused for its rate is not counted (DINGTALK.md, Quota).
    qint64 charged() const { return calls - throttled; }
};

// One row of the API assets view: an endpoint's calls today and this month (Beijing days),
// the month's errors and throttled answers, latency percentiles and the last error it gave.
struct ApiEndpointStats
{
    QString api;
    qint64 callsToday = 0;
    qint64 callsMonth = 0;
    qint64 errors = 0;
    qint64 throttled = 0;
    qint64 p50Ms = -1; // -1: no call this month
    qint64 p95Ms = -1;
    QString lastError; // masked; empty when the endpoint never failed
    QString lastErrorOutcome; // "error" | "throttled"
    QDateTime lastErrorAt; // UTC
};

// Call counters per endpoint and Beijing calendar day (DingTalk's quota month is Beijing time).
class ApiUsageRepository final
{
public:
    explicit ApiUsageRepository(const Database &database);

    // Counts one exchange and its latency; an error or throttled answer also becomes the
    // endpoint's last error, with `errorText` masked by api::maskSecrets(). A call the store
    // cannot take (a full disk) is kept in memory, still counted by month(), and written with the
    // next record() or flushUnsaved() that succeeds: the month's meter never loses a call.
    StoreError record(const QString &api, ApiOutcome outcome, qint64 elapsedMs,
                      const QString &errorText = {},
                      const QDateTime &atUtc = QDateTime::currentDateTimeUtc()) const;
    // Writes the calls kept in memory for this database; ok when there are none left.
    StoreError flushUnsaved() const;
    // Calls counted in memory that the store has not taken yet.
    int unsavedCalls() const;

    // Totals per endpoint over the Beijing calendar month that contains `atUtc`.
    QList<ApiUsage> month(const QDateTime &atUtc = QDateTime::currentDateTimeUtc(),
                          StoreError *error = nullptr) const;
    // The month's charged approval calls (ApiUsage::charged()), what DingTalk's quota counts.
    qint64 dingTalkQuotaCalls(const QDateTime &atUtc = QDateTime::currentDateTimeUtc(),
                              StoreError *error = nullptr) const;
    static qint64 dingTalkQuotaCalls(const QList<ApiUsage> &month);
    // Stream pushes (EVENT frames) received this month: the push allowance's use.
    qint64 dingTalkMonthEvents(const QDateTime &atUtc = QDateTime::currentDateTimeUtc(),
                               StoreError *error = nullptr) const;

    // Every known endpoint, then any other one used this month, for the month containing `atUtc`.
    QList<ApiEndpointStats> endpointStats(const QDateTime &atUtc = QDateTime::currentDateTimeUtc(),
                                          StoreError *error = nullptr) const;

    static QDate beijingDate(const QDateTime &atUtc);
    // Latency buckets: 0 below 1 ms, then four per doubling. representativeMs() is the
    // bucket's geometric middle, what a percentile that falls into it reports.
    static int latencyBucket(qint64 elapsedMs);
    static qint64 representativeMs(int bucket);
    // Nearest-rank percentile (0 < p ≤ 100) over calls per bucket; -1 when there are none.
    static qint64 percentileMs(const QMap<int, qint64> &callsByBucket, int percent);

private:
    const Database &m_database;
};

} // namespace rs
