#pragma once

#include "httpexchange.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>

namespace rs::sandbox {

struct KingdeeOptions
{
    QString acctId = QStringLiteral("sandbox-dc");
    QString username = QStringLiteral("demo");
    QString password = QStringLiteral("sandbox-password");
    // "{clientId}_{32-char part}"; the 32-char part is base64 of 24 bytes, as real app ids are.
    QString appId = QStringLiteral("302745_MDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1u");
    QString appSecret = QStringLiteral("sandbox-app-secret");
    QString orgNumber = QStringLiteral("100");
    int sessionIdleSeconds = 1200;
    bool signWithSha1 = false; // servers older than 8.0.0.202205
    bool atomicBatches = false; // the other reading: one bad row fails the whole BatchSave
    // false: a user without the right to read BD_Customer / ORG_Organizations (MsgCode 2)
    bool baseDataReadable = true;
    QDate closedBefore; // bills dated before it are in a closed period (null: none closed)
};

// Kingdee's login services, its session cookies and the v2 signature headers.
class KingdeeAuth final
{
public:
    explicit KingdeeAuth(KingdeeOptions options);

    enum class Mode { ValidateUser, AppSecret, Sign };
    // A login answer; sets the session cookies when it succeeds. `loggedIn` tells the caller.
    HttpResponse login(Mode mode, const QJsonValue &body, bool *loggedIn);

    enum class Access { Granted, SessionLost, BadSignature };
    // Checks the session (cookie or header) or the signature headers of a service call.
    // `expireNow` makes a valid session expire first (the fault "session expiry every K calls").
    Access authorise(const HttpRequest &request, bool expireNow);
    // AuthService.Logout: the call's session ends (a call without one changes nothing).
    void logout(const HttpRequest &request) { m_sessions.remove(sessionOf(request)); }
    // Whether the call carries a session the server still holds (signature calls have none).
    bool hasLiveSession(const HttpRequest &request) const;

    const KingdeeOptions &options() const { return m_options; }

    // The algorithms of KINGDEE.md, public so tests can build requests with them.
    static QByteArray loginSign(const QStringList &parts, bool sha1);
    static QByteArray hmacHexBase64(const QByteArray &key, const QByteArray &message);
    static QByteArray clientSecret(const QString &appId);
    static QByteArray signaturePath(const QString &path);

private:
    bool signatureValid(const HttpRequest &request) const;
    static QString sessionOf(const HttpRequest &request);
    QString newSession();

    KingdeeOptions m_options;
    QHash<QString, qint64> m_sessions; // session id → last use (epoch ms)
};

} // namespace rs::sandbox
