#pragma once

#include "app/kingdee/kingdeeconfig.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <utility>

namespace rs::kingdee {

// The credentials Kingdee expects, as pure functions of the configuration and a timestamp
// (KINGDEE.md "Logging in" and "Signature headers"). Nothing here touches the network.
class Signer final
{
public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    // The login service for a session mode (not Signature) and its body.
    static const char *loginService(KingdeeConfig::Auth auth);
    static QJsonObject loginBody(const KingdeeConfig &config, qint64 timestampSecs);

    // LoginBySign: lowercase hex of SHA256 (or SHA1) over the ordinally sorted, joined parts.
    static QByteArray loginSign(const QStringList &parts, KingdeeConfig::SignAlgorithm algorithm);

    // v2 signature mode: the headers of one POST to `path` (e.g. "/k3cloud/Kingdee…kdsvc").
    static Headers signatureHeaders(const KingdeeConfig &config, const QString &path,
                                    qint64 timestampSecs);
    // base64(base64decode(32-char part of the app id) XOR the SDKs' fixed key); empty when the
    // app id does not have the "{clientId}_{32 chars}" form.
    static QByteArray clientSecret(const QString &appId);
    // base64 of the lowercase hex HMAC-SHA256: Kingdee encodes the hex text, not the digest.
    static QByteArray hmacHexBase64(const QByteArray &key, const QByteArray &message);
    static QByteArray apiSignature(const QByteArray &clientSecret, const QString &path,
                                   const QByteArray &timestamp);
    // "acctId,username,lcid,orgNumber", before base64.
    static QByteArray appData(const KingdeeConfig &config);
};

} // namespace rs::kingdee
