#include "app/dingtalk/failure.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <optional>

namespace rs::dingtalk {
namespace {

using Kind = Failure::Kind;

Failure make(Kind kind, QString code, QString message, qint64 waitMs = 0)
{
    return {kind, std::move(code), std::move(message), waitMs};
}

bool parseObject(const QByteArray &body, QJsonObject *answer)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *answer = doc.object();
    return true;
}

Failure notJson(int httpStatus)
{
    // A gateway's HTML page or a truncated body: the call may well work a second time.
    return make(
        Kind::Busy, QString::number(httpStatus),
        QCoreApplication::translate("rs::DingTalk", "the answer was not complete JSON (HTTP %1)")
            .arg(httpStatus));
}

// The per-IP block answers {"status":1111,"wait":5,"punish":"deny"}; `wait` is read as minutes,
// the length of the block DingTalk documents.
std::optional<Failure> ipBlock(const QJsonObject &o)
{
    if (o.value(QLatin1String("status")).toInt() != 1111)
        return std::nullopt;
    const int minutes = o.value(QLatin1String("wait")).toInt(5);
    return make(Kind::Throttled, QStringLiteral("1111"),
                QCoreApplication::translate("rs::DingTalk", "this IP is blocked for a while"),
                qint64(minutes) * 60'000);
}

Kind kindOfErrcode(int code)
{
    switch (code) {
    case 40014: // illegal token
    case 42001: // token expired
    case 41001: // token missing
        return Kind::TokenInvalid;
    case 90018:
        return Kind::Throttled;
    case 90002:
    case 90006:
        return Kind::GlobalThrottled;
    case -1:
        return Kind::Busy;
    case 90020:
        return Kind::QuotaExhausted;
    case 40001:
    case 40089:
    case 60011:
    case 60020:
        return Kind::Configuration;
    default:
        return Kind::Rejected;
    }
}

Kind kindOfV1Code(int httpStatus, const QString &code)
{
    if (code == QLatin1String("InvalidAuthentication"))
        return Kind::TokenInvalid;
    if (code.endsWith(QLatin1String("QpsLimitForAppkeyAndApi"))
        || code.endsWith(QLatin1String("QpmLimitForAppkeyAndApi")))
        return Kind::Throttled;
    if (code.endsWith(QLatin1String("QpsLimitForApi")))
        return Kind::GlobalThrottled;
    if (code.endsWith(QLatin1String("ApiCountLimitForOrg")))
        return Kind::QuotaExhausted;
    if (code == QLatin1String("invalidClientIdOrSecret")
        || code.startsWith(QLatin1String("Forbidden")))
        return Kind::Configuration;
    if (httpStatus == 429 || httpStatus >= 500 || code == QLatin1String("systemBusy"))
        return Kind::Busy;
    return Kind::Rejected;
}

} // namespace

QString Failure::describe() const
{
    const char *what = nullptr;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::TokenInvalid:
        what = QT_TRANSLATE_NOOP("rs::DingTalk", "DingTalk did not accept the access token");
        break;
    case Kind::Throttled:
    case Kind::GlobalThrottled:
        what = QT_TRANSLATE_NOOP("rs::DingTalk", "DingTalk is limiting the call rate");
        break;
    case Kind::Busy:
        what = QT_TRANSLATE_NOOP("rs::DingTalk", "DingTalk is busy or the connection failed");
        break;
    case Kind::QuotaExhausted:
        what = QT_TRANSLATE_NOOP("rs::DingTalk",
                                 "the organisation's DingTalk API calls for this month are used up;"
                                 " fetching can go on next month or after the quota is raised");
        break;
    case Kind::Configuration:
        if (code == QLatin1String("tls")) {
            // No answer came, so no DingTalk words or code: Qt names the certificate problem.
            return QCoreApplication::translate(
                       "rs::DingTalk",
                       "the secure connection to DingTalk failed because of its certificate: %1."
                       " Check [dingtalk] oapi_url and api_url, the computer's date and time, and"
                       " any proxy that replaces certificates")
                .arg(message);
        }
        what = QT_TRANSLATE_NOOP("rs::DingTalk",
                                 "DingTalk refused the app: check the app key and secret, that the"
                                 " app may use the approval API, and the IP whitelist");
        break;
    case Kind::Rejected:
        what = QT_TRANSLATE_NOOP("rs::DingTalk", "DingTalk refused the request");
        break;
    case Kind::Cancelled:
        what = QT_TRANSLATE_NOOP("rs::DingTalk", "the call was cancelled before it was sent");
        break;
    }
    const QString sentence = QCoreApplication::translate("rs::DingTalk", what);
    // Our own codes for what happened before DingTalk answered are no words for a clerk
    // ("错误码 network"): the sentence says it, and the message is Qt's or ours, not DingTalk's.
    static const QStringList ownCodes {QStringLiteral("network"), QStringLiteral("token"),
                                       QStringLiteral("cancelled"), QStringLiteral("tls")};
    if (code.isEmpty() || ownCodes.contains(code)) {
        if (message.isEmpty())
            return sentence;
        return QCoreApplication::translate("rs::DingTalk", "%1 (%2)").arg(sentence, message);
    }
    return QCoreApplication::translate("rs::DingTalk", "%1 (DingTalk: %2, code %3)")
        .arg(sentence, message, code);
}

Failure FailureClassifier::topApi(int httpStatus, const QByteArray &body, QJsonObject *answer)
{
    QJsonObject o;
    if (!parseObject(body, &o))
        return notJson(httpStatus);
    if (auto blocked = ipBlock(o))
        return *blocked;
    if (httpStatus == 429 || httpStatus >= 500)
        return make(Kind::Busy, QString::number(httpStatus),
                    o.value(QLatin1String("errmsg")).toString());
    if (!o.contains(QLatin1String("errcode"))) // gettoken and friends always carry it
        return notJson(httpStatus);
    int code = o.value(QLatin1String("errcode")).toInt();
    QString message = o.value(QLatin1String("errmsg")).toString();
    // errcode 88 wraps the real error in sub_code / sub_msg.
    if (code == 88 && o.contains(QLatin1String("sub_code"))) {
        code = o.value(QLatin1String("sub_code")).toString().toInt();
        message = o.value(QLatin1String("sub_msg")).toString(message);
    }
    if (code == 0) {
        *answer = o;
        return {};
    }
    return make(kindOfErrcode(code), QString::number(code), message);
}

Failure FailureClassifier::v1(int httpStatus, const QByteArray &body, QJsonObject *answer)
{
    QJsonObject o;
    if (!parseObject(body, &o))
        return notJson(httpStatus);
    if (auto blocked = ipBlock(o))
        return *blocked;
    if (httpStatus >= 200 && httpStatus < 300) {
        *answer = o;
        return {};
    }
    const QString code = o.value(QLatin1String("code")).toString(QString::number(httpStatus));
    return make(kindOfV1Code(httpStatus, code), code, o.value(QLatin1String("message")).toString());
}

Failure FailureClassifier::transport(QNetworkReply::NetworkError error, const QString &detail)
{
    if (error == QNetworkReply::SslHandshakeFailedError)
        return make(Kind::Configuration, QStringLiteral("tls"), detail);
    return make(Kind::Busy, QStringLiteral("network"), detail);
}

} // namespace rs::dingtalk
