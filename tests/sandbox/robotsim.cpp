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

bool present(const QJsonObject &object, const char *field)
{
    const QJsonValue value = object.value(QLatin1String(field));
    return value.isString() ? !value.toString().isEmpty() : !value.isUndefined() && !value.isNull();
}

// "part --》 field" for the first required field a message lacks (DingTalk's custom robot
// documentation: text, markdown, link, actionCard with one button or several, feedCard).
std::optional<QString> missingField(const QString &type, const QJsonObject &message)
{
    const QJsonObject part = message.value(type).toObject();
    const auto firstMissing =
        [](const QString &name, const QJsonObject &object,
           std::initializer_list<const char *> fields) -> std::optional<QString> {
        for (const char *field : fields) {
            if (!present(object, field))
                return name + QStringLiteral(" --》 ") + QLatin1String(field);
        }
        return std::nullopt;
    };
    if (type == QLatin1String("text"))
        return firstMissing(type, part, {"content"});
    if (type == QLatin1String("markdown"))
        return firstMissing(type, part, {"title", "text"});
    if (type == QLatin1String("link"))
        return firstMissing(type, part, {"title", "text", "messageUrl"}); // picUrl is optional
    if (type == QLatin1String("actionCard")) {
        if (auto missing = firstMissing(type, part, {"title", "text"}))
            return missing;
        const QJsonArray buttons = part.value(QLatin1String("btns")).toArray();
        if (buttons.isEmpty())
            return firstMissing(type, part, {"singleTitle", "singleURL"});
        for (const QJsonValue &button : buttons) {
            if (auto missing =
                    firstMissing(QStringLiteral("btns"), button.toObject(), {"title", "actionURL"}))
                return missing;
        }
        return std::nullopt;
    }
    // feedCard
    const QJsonArray links = part.value(QLatin1String("links")).toArray();
    if (links.isEmpty())
        return type + QStringLiteral(" --》 links");
    for (const QJsonValue &link : links) {
        if (auto missing = firstMissing(QStringLiteral("links"), link.toObject(),
                                        {"title", "messageURL", "picURL"}))
            return missing;
    }
    return std::nullopt;
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
    static const QStringList types = {QStringLiteral("text"), QStringLiteral("markdown"),
                                      QStringLiteral("link"), QStringLiteral("actionCard"),
                                      QStringLiteral("feedCard")};
    if (error.error != QJsonParseError::NoError || !types.contains(type))
        return robotAnswer(40035, QStringLiteral("缺少参数 json"));
    if (const std::optional<QString> missing = missingField(type, doc.object())) {
        return robotAnswer(400402,
                           QStringLiteral("错误描述:参数 %1 缺失，或者参数格式不正确; "
                                          "解决方案:请填充上对应参数;参考链接:"
                                          "请参考本接口对应文档查看参数获取方式，或者在"
                                          "https://open.dingtalk.com/document/  "
                                          "搜索对应文档;")
                               .arg(*missing));
    }
    m_messages.append(doc.object());
    return robotAnswer(0, QStringLiteral("ok"));
}

} // namespace rs::sandbox
