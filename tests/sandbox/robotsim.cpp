#include "robotsim.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

namespace rs::sandbox {
namespace {

Answer robotAnswer(int errcode, const QString &errmsg)
{
    Answer answer {
        HttpResponse::json(QJsonDocument(QJsonObject {{QStringLiteral("errcode"), errcode},
                                                      {QStringLiteral("errmsg"), errmsg}})
                               .toJson(QJsonDocument::Compact))};
    answer.throttled = errcode == 410100;
    answer.error = errcode != 0 && !answer.throttled;
    return answer;
}

} // namespace

RobotSim::RobotSim(RobotOptions options)
    : m_options(std::move(options))
    , m_rate(m_options.perMinute, 60 * 1000)
{ }

QByteArray RobotSim::expectedSign(const QByteArray &timestamp, const QString &secret)
{
    const QByteArray key = secret.toUtf8();
    const QByteArray message = timestamp + '\n' + key;
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256).toBase64();
}

std::optional<Route> RobotSim::route(const HttpRequest &request)
{
    if (request.path != QLatin1String("/robot/send"))
        return std::nullopt;
    return Route {QStringLiteral("dingtalk.robot"), [this](const HttpRequest &r) {
                      return send(r);
                  }};
}

Answer RobotSim::send(const HttpRequest &request)
{
    const qint64 now = m_options.now ? m_options.now() : QDateTime::currentMSecsSinceEpoch();
    if (request.query.queryItemValue(QStringLiteral("access_token")) != m_options.accessToken)
        return robotAnswer(300001, QStringLiteral("token is not exist"));
    // The query is decoded exactly once here: a sign encoded twice arrives with %2B etc. and fails.
    const QByteArray timestamp =
        request.query.queryItemValue(QStringLiteral("timestamp")).toLatin1();
    const QByteArray sign =
        request.query.queryItemValue(QStringLiteral("sign"), QUrl::FullyDecoded).toLatin1();
    bool numeric = false;
    const qint64 stamp = timestamp.toLongLong(&numeric);
    if (!numeric || qAbs(now - stamp) > 3600 * 1000)
        return robotAnswer(310000, QStringLiteral("invalid timestamp"));
    if (sign != expectedSign(timestamp, m_options.secret))
        return robotAnswer(
            310000,
            QStringLiteral(
                "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"));
    if (now < m_mutedUntilMs)
        return robotAnswer(410100, QStringLiteral("send too fast, exceed 20 times per minute"));
    if (!m_rate.allow(QStringLiteral("robot"), now)) {
        m_mutedUntilMs = now + qint64(m_options.muteSeconds) * 1000;
        return robotAnswer(410100, QStringLiteral("send too fast, exceed 20 times per minute"));
    }
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    const QString type = doc.object().value(QLatin1String("msgtype")).toString();
    if (error.error != QJsonParseError::NoError
        || (type != QLatin1String("text") && type != QLatin1String("markdown")))
        return robotAnswer(40035, QStringLiteral("缺少参数 json"));
    m_messages.append(doc.object());
    return robotAnswer(0, QStringLiteral("ok"));
}

} // namespace rs::sandbox
