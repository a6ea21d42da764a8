#include "app/alerts/robotclient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>

namespace rs::alerts {

RobotClient::RobotClient(RobotConfig config, std::function<qint64()> now, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_now(now ? std::move(now) : [] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_network(new QNetworkAccessManager(this))
{ }

QByteArray RobotClient::sign(qint64 timestampMs, const QString &secret)
{
    const QByteArray key = secret.toUtf8();
    // A QByteArray, not a QStringBuilder: since Qt 6.6 hash() takes a QByteArrayView, which the
    // builder does not convert to.
    const QByteArray message = QByteArray::number(timestampMs) + '\n' + key;
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256).toBase64();
}

QString RobotClient::masked(QString text) const
{
    for (const QString &secret : {m_config.accessToken, m_config.secret}) {
        if (!secret.isEmpty())
            text.replace(secret, QStringLiteral("***"));
    }
    // A network error quotes the whole URL: drop its query, which holds the token and the sign.
    static const QRegularExpression query(QStringLiteral("\\?[^\\s\"']*"));
    text.replace(query, QStringLiteral("?***"));
    return text;
}

void RobotClient::send(const QString &title, const QString &text, Handler done)
{
    if (!m_config.isComplete()) {
        done({false, false, -1,
              tr("The group robot is not set up: enter its address, access token and sign "
                 "secret in Alerts and Schedule.")});
        return;
    }
    const qint64 timestamp = m_now();
    // Encoded exactly once: base64 holds + / = which the robot must see as they are.
    const QByteArray query = "access_token=" + QUrl::toPercentEncoding(m_config.accessToken)
        + "&timestamp=" + QByteArray::number(timestamp)
        + "&sign=" + QUrl::toPercentEncoding(QString::fromLatin1(sign(timestamp, m_config.secret)));
    QUrl url = m_config.url;
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(m_config.transferTimeoutMs);
    const QJsonObject body {
        {QStringLiteral("msgtype"), QStringLiteral("text")},
        {QStringLiteral("text"),
         QJsonObject {{QStringLiteral("content"), QString(title + QLatin1Char('\n') + text)}}}};
    QNetworkReply *reply =
        m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, done] { finish(reply, done); });
}

void RobotClient::finish(QNetworkReply *reply, const Handler &done)
{
    reply->deleteLater();
    const QByteArray bytes = reply->readAll();
    QJsonParseError parseError {};
    const QJsonObject answer = QJsonDocument::fromJson(bytes, &parseError).object();
    RobotAnswer result;
    if (parseError.error == QJsonParseError::NoError && answer.contains(QLatin1String("errcode"))) {
        result.errcode = answer.value(QLatin1String("errcode")).toInt(-1);
        result.ok = result.errcode == 0;
        result.throttled = result.errcode == 410100;
        if (!result.ok) {
            result.message = masked(tr("The group robot refused the message: %1 (errcode %2)")
                                        .arg(answer.value(QLatin1String("errmsg")).toString())
                                        .arg(result.errcode));
        }
    } else if (reply->error() != QNetworkReply::NoError) {
        result.message =
            masked(tr("The group robot could not be reached: %1").arg(reply->errorString()));
    } else {
        result.message = masked(tr("The group robot answered something unexpected: %1")
                                    .arg(QString::fromUtf8(bytes.left(200))));
    }
    done(result);
}

} // namespace rs::alerts
