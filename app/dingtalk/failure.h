#pragma once

#include <QJsonObject>
#include <QNetworkReply>
#include <QString>

namespace rs::dingtalk {

// What went wrong with one DingTalk call, classified by what the caller must do about it.
struct Failure
{
    enum class Kind {
        None,
        TokenInvalid, // drop the token, get a new one, retry once
        Throttled, // per-app QPS (90018, 403 QpsLimitForAppkeyAndApi): wait 1 s, retry
        GlobalThrottled, // per-API across tenants (90002, 403 QpsLimitForApi): back off
        Busy, // −1, 429, 5xx, a dropped connection, a truncated answer: retry ≤ 3 times
        QuotaExhausted, // 90020, 403 ApiCountLimitForOrg: stop, nothing helps this month
        Configuration, // credentials, permission, IP whitelist: stop, the user must fix it
        Rejected, // DingTalk refused the request itself (a parameter): not retried
        Cancelled, // dropped from the queue by cancel() or by a failure that stopped the run
    };
    Kind kind = Kind::None;
    QString code; // DingTalk's errcode or code, e.g. "90018", "Forbidden.AccessDenied…"
    QString message; // DingTalk's own words
    qint64 waitMs = 0; // a wait DingTalk asked for, if any

    bool ok() const { return kind == Kind::None; }
    bool stopsTheRun() const { return kind == Kind::QuotaExhausted || kind == Kind::Configuration; }
    // The clerk's sentence: what happened, in their language, with DingTalk's words and code.
    QString describe() const;
};

// Reads an answer of either generation. On success `answer` holds the parsed body.
class FailureClassifier final
{
public:
    static Failure topApi(int httpStatus, const QByteArray &body, QJsonObject *answer);
    static Failure v1(int httpStatus, const QByteArray &body, QJsonObject *answer);
    // A transport error (no HTTP answer, or a timeout); `detail` is Qt's error text. A TLS
    // failure (an untrusted or wrong certificate) is Configuration with code "tls": waiting does
    // not fix it, and certificate checks are never turned off.
    static Failure transport(QNetworkReply::NetworkError error, const QString &detail);
};

} // namespace rs::dingtalk
