#include "app/kingdee/signer.h"

#include "app/kingdee/services.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <algorithm>

namespace rs::kingdee {

const char *Signer::loginService(KingdeeConfig::Auth auth)
{
    switch (auth) {
    case KingdeeConfig::Auth::Password:
        return service::ValidateUser;
    case KingdeeConfig::Auth::AppSecret:
        return service::LoginByAppSecret;
    case KingdeeConfig::Auth::Sign:
    case KingdeeConfig::Auth::Signature:
        break;
    }
    return service::LoginBySign;
}

QJsonObject Signer::loginBody(const KingdeeConfig &config, qint64 timestampSecs)
{
    QJsonObject body {{QStringLiteral("acctID"), config.acctId},
                      {QStringLiteral("username"), config.username},
                      {QStringLiteral("lcid"), config.lcid}};
    switch (config.auth) {
    case KingdeeConfig::Auth::Password:
        body.insert(QStringLiteral("password"), config.password);
        break;
    case KingdeeConfig::Auth::AppSecret:
        body.insert(QStringLiteral("appId"), config.appId);
        body.insert(QStringLiteral("appSecret"), config.appSecret);
        break;
    case KingdeeConfig::Auth::Sign:
    case KingdeeConfig::Auth::Signature: {
        const QString timestamp = QString::number(timestampSecs);
        body.insert(QStringLiteral("appId"), config.appId);
        body.insert(QStringLiteral("timestamp"), QJsonValue(timestampSecs));
        body.insert(QStringLiteral("sign"),
                    QString::fromLatin1(loginSign(
                        {config.acctId, config.username, config.appId, config.appSecret, timestamp},
                        config.signAlgorithm)));
        break;
    }
    }
    return body;
}

QByteArray Signer::loginSign(const QStringList &parts, KingdeeConfig::SignAlgorithm algorithm)
{
    QStringList sorted = parts;
    // Ordinal, as .NET's string.CompareOrdinal: QString compares UTF-16 code units.
    std::sort(sorted.begin(), sorted.end());
    return QCryptographicHash::hash(sorted.join(QString()).toUtf8(),
                                    algorithm == KingdeeConfig::SignAlgorithm::Sha1
                                        ? QCryptographicHash::Sha1
                                        : QCryptographicHash::Sha256)
        .toHex();
}

QByteArray Signer::clientSecret(const QString &appId)
{
    const QStringList parts = appId.split(QLatin1Char('_'));
    if (parts.size() != 2 || parts.at(1).size() != 32)
        return {};
    QByteArray raw = QByteArray::fromBase64(parts.at(1).toLatin1());
    const QByteArray key = QByteArrayLiteral("0054f397c6234378b09ca7d3e5debce7");
    for (qsizetype i = 0; i < raw.size(); ++i)
        raw[i] = char(raw.at(i) ^ key.at(i % key.size()));
    return raw.toBase64();
}

QByteArray Signer::hmacHexBase64(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256)
        .toHex()
        .toBase64();
}

QByteArray Signer::apiSignature(const QByteArray &clientSecret, const QString &path,
                                const QByteArray &timestamp)
{
    // The path is percent-encoded whole, '/' included (%2F), as the SDKs do.
    const QByteArray message = "POST\n" + QUrl::toPercentEncoding(path)
        + "\n\nx-api-nonce:" + timestamp + "\nx-api-timestamp:" + timestamp + "\n";
    return hmacHexBase64(clientSecret, message);
}

QByteArray Signer::appData(const KingdeeConfig &config)
{
    return QString(config.acctId + QLatin1Char(',') + config.username + QLatin1Char(',')
                   + QString::number(config.lcid)
                   + QLatin1Char(',')
                   // Never empty: both official SDKs send an organisation part ("0" in Python).
                   + (config.orgNumber.isEmpty() ? QStringLiteral("0") : config.orgNumber))
        .toUtf8();
}

Signer::Headers Signer::signatureHeaders(const KingdeeConfig &config, const QString &path,
                                         qint64 timestampSecs)
{
    const QByteArray timestamp = QByteArray::number(timestampSecs);
    const QByteArray data = appData(config);
    return {
        {"X-Api-ClientID", config.appId.section(QLatin1Char('_'), 0, 0).toUtf8()},
        {"X-Api-Auth-Version", "2.0"},
        {"x-api-timestamp", timestamp},
        {"x-api-nonce", timestamp},
        {"x-api-signheaders", "x-api-timestamp,x-api-nonce"},
        {"X-Api-Signature", apiSignature(clientSecret(config.appId), path, timestamp)},
        {"X-Kd-Appkey", config.appId.toUtf8()},
        {"X-Kd-Appdata", data.toBase64()},
        {"X-Kd-Signature", hmacHexBase64(config.appSecret.toUtf8(), config.appId.toUtf8() + data)},
    };
}

} // namespace rs::kingdee
