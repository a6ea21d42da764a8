#pragma once

#include "ratelimiter.h"
#include "route.h"

#include <QJsonArray>

#include <functional>
#include <optional>

namespace rs::sandbox {

struct RobotOptions
{
    QString accessToken = QStringLiteral("sandbox-robot-token");
    QString secret = QStringLiteral("sandbox-robot-secret");
    int perMinute = 20;
    int muteSeconds = 600;
    std::function<qint64()> now; // ms since the epoch; empty: the system clock (tests move time)
};

// DingTalk's custom group robot: checks the signature and the timestamp, allows 20 messages a
// minute and mutes the robot for ten minutes beyond that. It takes text, markdown, link,
// actionCard and feedCard messages, refusing one that lacks a required field with errcode
// 400402 naming it. Accepted messages are kept for tests.
class RobotSim final
{
public:
    explicit RobotSim(RobotOptions options);

    std::optional<Route> route(const HttpRequest &request);
    const QJsonArray &messages() const { return m_messages; }

    // sign = base64(HmacSHA256(secret, timestamp + "\n" + secret)), before URL encoding.
    static QByteArray expectedSign(const QByteArray &timestamp, const QString &secret);

private:
    Answer send(const HttpRequest &request);

    RobotOptions m_options;
    RateLimiter m_rate;
    qint64 m_mutedUntilMs = 0;
    QJsonArray m_messages;
};

} // namespace rs::sandbox
