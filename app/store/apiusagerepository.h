#pragma once

#include "app/store/storeerror.h"

#include <QDate>
#include <QDateTime>
#include <QList>
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
inline constexpr char DingTalkRobot[] = "dingtalk.robot";
inline constexpr char KingdeeLogin[] = "kingdee.login";
inline constexpr char KingdeeBatchSave[] = "kingdee.batchSave";
inline constexpr char KingdeeQuery[] = "kingdee.executeBillQuery";

// DingTalk's monthly quota counts approval calls; token calls and robot messages do not.
bool countsTowardDingTalkQuota(const QString &name);
} // namespace api

enum class ApiOutcome { Ok, Error, Throttled };

struct ApiUsage
{
    QString api;
    qint64 calls = 0;
    qint64 errors = 0;
    qint64 throttled = 0;
    qint64 totalMs = 0;
};

// Call counters per endpoint and Beijing calendar day (DingTalk's quota month is Beijing time).
class ApiUsageRepository final
{
public:
    explicit ApiUsageRepository(const Database &database);

    StoreError record(const QString &api, ApiOutcome outcome, qint64 elapsedMs,
                      const QDateTime &atUtc = QDateTime::currentDateTimeUtc()) const;

    // Totals per endpoint over the Beijing calendar month that contains `atUtc`.
    QList<ApiUsage> month(const QDateTime &atUtc = QDateTime::currentDateTimeUtc(),
                          StoreError *error = nullptr) const;
    qint64 dingTalkQuotaCalls(const QDateTime &atUtc = QDateTime::currentDateTimeUtc(),
                              StoreError *error = nullptr) const;

    static QDate beijingDate(const QDateTime &atUtc);

private:
    const Database &m_database;
};

} // namespace rs
