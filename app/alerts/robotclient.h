#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace rs::alerts {

struct RobotConfig
{
    QUrl url; // https://oapi.dingtalk.com/robot/send, without the query
    QString accessToken; // secret: from the keychain
    QString secret; // secret: signs each message
    int transferTimeoutMs = 15'000;
    bool isComplete() const { return url.isValid() && !accessToken.isEmpty() && !secret.isEmpty(); }
};

struct RobotAnswer
{
    bool ok = false;
    bool throttled = false; // 410100: over 20 messages a minute
    int errcode = -1; // the robot's, or -1 when it did not answer
    QString message; // the robot's errmsg or the network's error, token and secret masked
};

// DingTalk's custom group robot: one signed text message per send(). Never writes the access
// token, the secret or the sign anywhere: error texts are masked before they leave.
class RobotClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RobotClient)

public:
    using Handler = std::function<void(const RobotAnswer &)>;

    // `now` gives the signing timestamp in ms; empty: the system clock.
    explicit RobotClient(RobotConfig config, std::function<qint64()> now = {},
                         QObject *parent = nullptr);

    void setConfig(RobotConfig config) { m_config = std::move(config); }
    const RobotConfig &config() const { return m_config; }
    void send(const QString &title, const QString &text, Handler done);

    // sign = base64(HmacSHA256(secret, timestamp + "\n" + secret)), not yet URL-encoded.
    static QByteArray sign(qint64 timestampMs, const QString &secret);
    // `text` with the token, the secret and anything signed by them replaced by ***.
    QString masked(QString text) const;

private:
    void finish(QNetworkReply *reply, const Handler &done);

    RobotConfig m_config;
    std::function<qint64()> m_now;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace rs::alerts
