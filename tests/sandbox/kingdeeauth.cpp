#include "kingdeeauth.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QUuid>

namespace rs::sandbox {
namespace {

constexpr qint64 kClockSkewMs = 15 * 60 * 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Named or positional ({"parameters":[…]}) arguments, by name and position.
QString argument(const QJsonValue &body, const char *name, int position)
{
    const QJsonObject object = body.toObject();
    if (object.contains(QLatin1String("parameters"))) {
        const QJsonValue v = object.value(QLatin1String("parameters")).toArray().at(position);
        return v.isDouble() ? QString::number(qint64(v.toDouble())) : v.toString();
    }
    const QJsonValue v = object.value(QLatin1String(name));
    return v.isDouble() ? QString::number(qint64(v.toDouble())) : v.toString();
}

HttpResponse loginAnswer(int resultType, const QString &message, const QString &sessionId,
                         const KingdeeOptions &options)
{
    QJsonObject body {
        {QStringLiteral("Message"), message.isEmpty() ? QJsonValue() : QJsonValue(message)},
        {QStringLiteral("MessageCode"),
         resultType == 1 ? QStringLiteral("CheckPasswordPolicy") : QString()},
        {QStringLiteral("LoginResultType"), resultType},
        {QStringLiteral("IsSuccessByAPI"), resultType == 1}};
    if (resultType == 1) {
        body.insert(
            QStringLiteral("Context"),
            QJsonObject {{QStringLiteral("UserName"), options.username},
                         {QStringLiteral("DBid"), options.acctId},
                         {QStringLiteral("LogId"), QString()},
                         {QStringLiteral("UserId"), 100008},
                         {QStringLiteral("DataCenterName"), QStringLiteral("沙箱数据中心")},
                         {QStringLiteral("DisplayVersion"), QStringLiteral("8.2.0.202312")}});
        body.insert(QStringLiteral("KDSVCSessionId"), sessionId);
        body.insert(QStringLiteral("Lcid"), 2052);
        for (const char *empty : {"FormId", "RedirectFormParam", "FormInputObject",
                                  "ErrorStackTrace", "AccessToken", "KdAccessResult"})
            body.insert(QLatin1String(empty), QJsonValue());
    } else {
        body.insert(QStringLiteral("Context"), QJsonValue());
        body.insert(QStringLiteral("KDSVCSessionId"), QJsonValue());
    }
    HttpResponse response = HttpResponse::json(QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (resultType == 1) {
        response.headers.append(
            {"Set-Cookie", "kdservice-sessionid=" + sessionId.toLatin1() + "; path=/"});
        response.headers.append(
            {"Set-Cookie",
             "ASP.NET_SessionId=" + sessionId.toLatin1().left(24) + "; path=/; HttpOnly"});
    }
    return response;
}

} // namespace

KingdeeAuth::KingdeeAuth(KingdeeOptions options)
    : m_options(std::move(options))
{ }

QByteArray KingdeeAuth::loginSign(const QStringList &parts, bool sha1)
{
    QStringList sorted = parts;
    std::sort(sorted.begin(), sorted.end()); // ordinal: QString compares UTF-16 code units
    return QCryptographicHash::hash(sorted.join(QString()).toUtf8(),
                                    sha1 ? QCryptographicHash::Sha1 : QCryptographicHash::Sha256)
        .toHex();
}

QByteArray KingdeeAuth::hmacHexBase64(const QByteArray &key, const QByteArray &message)
{
    // Kingdee base64-encodes the lowercase hex string of the digest, not the raw digest.
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256)
        .toHex()
        .toBase64();
}

QByteArray KingdeeAuth::clientSecret(const QString &appId)
{
    const QStringList parts = appId.split(QLatin1Char('_'));
    if (parts.size() != 2 || parts.at(1).size() != 32)
        return {};
    QByteArray raw = QByteArray::fromBase64(parts.at(1).toLatin1());
    const QByteArray mask = QByteArrayLiteral("0054f397c6234378b09ca7d3e5debce7");
    for (qsizetype i = 0; i < raw.size(); ++i)
        raw[i] = char(raw.at(i) ^ mask.at(i % mask.size()));
    return raw.toBase64();
}

QByteArray KingdeeAuth::signaturePath(const QString &path)
{
    return QUrl::toPercentEncoding(path); // '/' becomes %2F too
}

HttpResponse KingdeeAuth::login(Mode mode, const QJsonValue &body, bool *loggedIn)
{
    *loggedIn = false;
    const QString acctId = argument(body, "acctID", 0);
    const QString username = argument(body, "username", 1);
    if (acctId != m_options.acctId) {
        // Some servers answer an unknown data centre with a non-JSON error page.
        return HttpResponse::text(
            "<html><body><h1>500</h1>数据中心不存在: " + acctId.toUtf8() + "</body></html>", 500);
    }
    if (username != m_options.username)
        return loginAnswer(0, QStringLiteral("用户名或密码错误！"), {}, m_options);

    switch (mode) {
    case Mode::ValidateUser:
        if (argument(body, "password", 2) != m_options.password)
            return loginAnswer(0, QStringLiteral("用户名或密码错误！"), {}, m_options);
        break;
    case Mode::AppSecret:
        if (argument(body, "appId", 2) != m_options.appId
            || argument(body, "appSecret", 3) != m_options.appSecret)
            return loginAnswer(-1, QStringLiteral("第三方系统登录授权验证失败：应用ID或密钥错误"),
                               {}, m_options);
        break;
    case Mode::Sign: {
        const QString appId = argument(body, "appId", 2);
        const QString timestamp = argument(body, "timestamp", 3);
        const QString sign = argument(body, "sign", 4);
        if (appId != m_options.appId)
            return loginAnswer(-1, QStringLiteral("第三方系统登录授权验证失败：应用ID错误"), {},
                               m_options);
        if (qAbs(nowMs() - timestamp.toLongLong() * 1000) > kClockSkewMs)
            return loginAnswer(-1, QStringLiteral("签名时间戳已过期，请检查客户端时间"), {},
                               m_options);
        const QByteArray expected = loginSign(
            {acctId, username, appId, m_options.appSecret, timestamp}, m_options.signWithSha1);
        if (sign.toLatin1() != expected)
            return loginAnswer(-1, QStringLiteral("第三方系统登录授权验证失败：签名错误"), {},
                               m_options);
        break;
    }
    }
    *loggedIn = true;
    return loginAnswer(1, {}, newSession(), m_options);
}

QString KingdeeAuth::newSession()
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_sessions.insert(id, nowMs());
    return id;
}

KingdeeAuth::Access KingdeeAuth::authorise(const HttpRequest &request, bool expireNow)
{
    if (!request.header("x-api-signature").isEmpty())
        return signatureValid(request) ? Access::Granted : Access::BadSignature;

    const auto it = m_sessions.find(sessionOf(request));
    if (it == m_sessions.end())
        return Access::SessionLost;
    if (expireNow || nowMs() - it.value() > qint64(m_options.sessionIdleSeconds) * 1000) {
        m_sessions.erase(it);
        return Access::SessionLost;
    }
    it.value() = nowMs(); // each call renews the session
    return Access::Granted;
}

QString KingdeeAuth::sessionOf(const HttpRequest &request)
{
    QByteArray session = request.cookie("kdservice-sessionid");
    if (session.isEmpty())
        session = request.header("kdservice-sessionid");
    return QString::fromLatin1(session);
}

bool KingdeeAuth::hasLiveSession(const HttpRequest &request) const
{
    return request.header("x-api-signature").isEmpty() && m_sessions.contains(sessionOf(request));
}

bool KingdeeAuth::signatureValid(const HttpRequest &request) const
{
    const QByteArray timestamp = request.header("x-api-timestamp");
    const QByteArray nonce = request.header("x-api-nonce");
    // The Python SDK sends seconds, the Java SDK milliseconds.
    const qint64 stamp = timestamp.toLongLong();
    const qint64 stampMs = timestamp.size() >= 13 ? stamp : stamp * 1000;
    if (qAbs(nowMs() - stampMs) > kClockSkewMs)
        return false;
    const QStringList parts = m_options.appId.split(QLatin1Char('_'));
    if (request.header("x-api-clientid") != parts.value(0).toLatin1()
        || request.header("x-kd-appkey") != m_options.appId.toLatin1())
        return false;
    const QByteArray apiSign = "POST\n" + signaturePath(request.path) + "\n\nx-api-nonce:" + nonce
        + "\nx-api-timestamp:" + timestamp + "\n";
    if (request.header("x-api-signature") != hmacHexBase64(clientSecret(m_options.appId), apiSign))
        return false;
    const QByteArray appData = QByteArray::fromBase64(request.header("x-kd-appdata"));
    const QList<QByteArray> fields = appData.split(',');
    if (fields.value(0) != m_options.acctId.toUtf8()
        || fields.value(1) != m_options.username.toUtf8())
        return false;
    return request.header("x-kd-signature")
        == hmacHexBase64(m_options.appSecret.toUtf8(), m_options.appId.toUtf8() + appData);
}

} // namespace rs::sandbox
