#include "dingtalkanswers.h"

#include <QJsonDocument>

#include <atomic>

namespace rs::sandbox::dingtalk {

QByteArray requestId()
{
    static std::atomic<int> counter {0};
    return "sbx" + QByteArray::number(++counter, 36);
}

Answer ok(QJsonObject body)
{
    body.insert(QStringLiteral("errcode"), 0);
    body.insert(QStringLiteral("errmsg"), QStringLiteral("ok"));
    body.insert(QStringLiteral("request_id"), QString::fromLatin1(requestId()));
    return {HttpResponse::json(QJsonDocument(body).toJson(QJsonDocument::Compact))};
}

Answer topError(int errcode, const QString &errmsg)
{
    const QJsonObject body {{QStringLiteral("errcode"), errcode},
                            {QStringLiteral("errmsg"), errmsg},
                            {QStringLiteral("request_id"), QString::fromLatin1(requestId())}};
    Answer answer {HttpResponse::json(QJsonDocument(body).toJson(QJsonDocument::Compact))};
    answer.throttled = errcode == 90018 || errcode == 90002;
    answer.error = !answer.throttled;
    return answer;
}

Answer invalidToken()
{
    const QJsonObject body {
        {QStringLiteral("errcode"), 88},
        {QStringLiteral("sub_code"), QStringLiteral("40014")},
        {QStringLiteral("sub_msg"), QStringLiteral("不合法的access_token")},
        {QStringLiteral("errmsg"),
         QStringLiteral("ding talk error[subcode=40014,submsg=不合法的access_token]")},
        {QStringLiteral("request_id"), QString::fromLatin1(requestId())}};
    Answer answer {HttpResponse::json(QJsonDocument(body).toJson(QJsonDocument::Compact))};
    answer.error = true;
    return answer;
}

Answer v1Ok(const QJsonObject &body)
{
    return {HttpResponse::json(QJsonDocument(body).toJson(QJsonDocument::Compact))};
}

Answer v1Error(int status, const QString &code, const QString &message)
{
    const QJsonObject body {{QStringLiteral("code"), code},
                            {QStringLiteral("requestid"), QString::fromLatin1(requestId())},
                            {QStringLiteral("message"), message}};
    Answer answer {HttpResponse::json(QJsonDocument(body).toJson(QJsonDocument::Compact), status)};
    answer.throttled = code.startsWith(QLatin1String("Forbidden.AccessDenied.Qps"));
    answer.error = !answer.throttled;
    return answer;
}

} // namespace rs::sandbox::dingtalk
