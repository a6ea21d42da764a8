#include "dingtalksim.h"

#include "dingtalkanswers.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <algorithm>

namespace rs::sandbox {

using namespace dingtalk;

namespace {

constexpr int kMaxPage = 20;
constexpr int kMaxCommentLength = 1024; // DINGTALK.md: text ≤ 1,024 characters

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A JSON object, or (topapi, as DingTalk's legacy SDK posts it) a form whose values are strings.
QJsonObject parseObject(const HttpRequest &request, bool *ok)
{
    if (request.header("content-type").startsWith("application/x-www-form-urlencoded")) {
        QByteArray form = request.body;
        const QUrlQuery query(QString::fromUtf8(form.replace('+', "%20")));
        QJsonObject object;
        for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
            object.insert(name, value);
        *ok = true;
        return object;
    }
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    *ok = error.error == QJsonParseError::NoError && doc.isObject();
    return doc.object();
}

// An integer parameter sent as 20 or as "20" (both reach DingTalk); `fallback` when absent,
// nullopt when it is there but no integer.
std::optional<qint64> integer(const QJsonObject &body, const char *key, qint64 fallback)
{
    const QJsonValue value = body.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (value.isDouble() && value.toDouble() == double(qint64(value.toDouble())))
        return qint64(value.toDouble());
    bool ok = false;
    const qint64 n = value.toString().trimmed().toLongLong(&ok);
    return ok ? std::optional(n) : std::nullopt;
}

enum class WindowProblem { None, TooLong, TooOld, Reversed };

WindowProblem checkWindow(qint64 startMs, qint64 endMs)
{
    if (endMs < startMs)
        return WindowProblem::Reversed;
    if (endMs - startMs > 120 * kDayMs)
        return WindowProblem::TooLong;
    if (startMs < nowMs() - 365 * kDayMs)
        return WindowProblem::TooOld;
    return WindowProblem::None;
}

QString windowMessage(WindowProblem problem)
{
    switch (problem) {
    case WindowProblem::TooLong:
        return QStringLiteral("结束时间与开始时间的间隔不能超过120天");
    case WindowProblem::TooOld:
        return QStringLiteral("开始时间不能早于当前时间365天");
    case WindowProblem::Reversed:
        return QStringLiteral("结束时间不能早于开始时间");
    case WindowProblem::None:
        break;
    }
    return {};
}

} // namespace

DingTalkSim::DingTalkSim(DingTalkOptions options, QList<SimInstance> instances)
    : m_options(std::move(options))
    , m_instances(std::move(instances))
    , m_qps(m_options.qpsLimit, 1000)
    , m_quotaUsed(m_options.quotaUsed)
{
    std::sort(m_instances.begin(), m_instances.end(),
              [](const SimInstance &a, const SimInstance &b) { return a.createMs < b.createMs; });
    for (qsizetype i = 0; i < m_instances.size(); ++i)
        m_index.insert(m_instances.at(i).id, i);
}

QStringList DingTalkSim::idsIn(const QString &processCode, qint64 startMs, qint64 endMs,
                               const QStringList &statuses) const
{
    auto it = std::lower_bound(m_instances.cbegin(), m_instances.cend(), startMs,
                               [](const SimInstance &i, qint64 ms) { return i.createMs < ms; });
    QStringList ids;
    for (; it != m_instances.cend() && it->createMs <= endMs; ++it) {
        if (it->processCode == processCode && (statuses.isEmpty() || statuses.contains(it->status)))
            ids.append(it->id);
    }
    return ids;
}

std::optional<Route> DingTalkSim::route(const HttpRequest &request)
{
    const QString &path = request.path;
    const auto bind = [this](Answer (DingTalkSim::*handler)(const HttpRequest &)) {
        return [this, handler](const HttpRequest &r) {
            return (this->*handler)(r);
        };
    };
    if (path == QLatin1String("/gettoken"))
        return Route {QStringLiteral("dingtalk.gettoken"), bind(&DingTalkSim::getToken)};
    if (path == QLatin1String("/v1.0/oauth2/accessToken"))
        return Route {QStringLiteral("dingtalk.v1.accessToken"), bind(&DingTalkSim::v1AccessToken)};
    if (path == QLatin1String("/topapi/processinstance/listids"))
        return Route {QStringLiteral("dingtalk.listids"), bind(&DingTalkSim::listIds)};
    if (path == QLatin1String("/topapi/processinstance/get"))
        return Route {QStringLiteral("dingtalk.get"), bind(&DingTalkSim::get)};
    if (path == QLatin1String("/v1.0/workflow/processes/instanceIds/query"))
        return Route {QStringLiteral("dingtalk.v1.instanceIds"), bind(&DingTalkSim::v1InstanceIds)};
    if (path == QLatin1String("/v1.0/workflow/processInstances"))
        return Route {QStringLiteral("dingtalk.v1.instance"), bind(&DingTalkSim::v1Instance)};
    if (path == QLatin1String("/v1.0/workflow/processInstances/comments"))
        return Route {QStringLiteral("dingtalk.v1.comment"), bind(&DingTalkSim::v1Comment)};
    return std::nullopt;
}

QString DingTalkSim::issueToken()
{
    // Within its lifetime DingTalk hands out the same token again and extends it.
    if (m_currentToken.isEmpty() || !tokenValid(m_currentToken.toLatin1())) {
        m_currentToken =
            QStringLiteral("%1%2")
                .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'))
                .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    }
    m_tokens.insert(m_currentToken, nowMs() + qint64(m_options.tokenLifetimeS) * 1000);
    return m_currentToken;
}

bool DingTalkSim::tokenValid(const QByteArray &token) const
{
    const auto it = m_tokens.constFind(QString::fromLatin1(token));
    return it != m_tokens.constEnd() && it.value() > nowMs();
}

Answer DingTalkSim::getToken(const HttpRequest &request)
{
    if (request.query.queryItemValue(QStringLiteral("appkey")) != m_options.appKey
        || request.query.queryItemValue(QStringLiteral("appsecret")) != m_options.appSecret) {
        return topError(40089, QStringLiteral("不合法的corpid或corpsecret"));
    }
    const QString token = issueToken();
    return {HttpResponse::json(
        QJsonDocument(QJsonObject {{QStringLiteral("errcode"), 0},
                                   {QStringLiteral("errmsg"), QStringLiteral("ok")},
                                   {QStringLiteral("access_token"), token},
                                   {QStringLiteral("expires_in"), m_options.tokenLifetimeS}})
            .toJson(QJsonDocument::Compact))};
}

Answer DingTalkSim::v1AccessToken(const HttpRequest &request)
{
    bool ok = false;
    const QJsonObject body = parseObject(request, &ok);
    if (!ok || body.value(QLatin1String("appKey")).toString() != m_options.appKey
        || body.value(QLatin1String("appSecret")).toString() != m_options.appSecret) {
        return v1Error(400, QStringLiteral("invalidClientIdOrSecret"),
                       QStringLiteral("无效的clientId或者clientSecret"));
    }
    return v1Ok({{QStringLiteral("accessToken"), issueToken()},
                 {QStringLiteral("expireIn"), m_options.tokenLifetimeS}});
}

std::optional<Answer> DingTalkSim::admitTopApi(const HttpRequest &request, const QString &api)
{
    if (!tokenValid(request.query.queryItemValue(QStringLiteral("access_token")).toLatin1()))
        return invalidToken();
    if (!m_qps.allow(api, nowMs()))
        return topError(90018, QStringLiteral("当前企业正在调用此接口的频率过快，请稍后再试"));
    if (m_options.monthlyQuota > 0 && m_quotaUsed >= m_options.monthlyQuota)
        return topError(90020, QStringLiteral("本月api调用量已超过限制"));
    ++m_quotaUsed;
    return std::nullopt;
}

std::optional<Answer> DingTalkSim::admitV1(const HttpRequest &request, const QString &api)
{
    if (!tokenValid(request.header("x-acs-dingtalk-access-token")))
        return v1Error(400, QStringLiteral("InvalidAuthentication"),
                       QStringLiteral("不合法的access_token"));
    if (!m_qps.allow(api, nowMs())) {
        return v1Error(403, QStringLiteral("Forbidden.AccessDenied.QpsLimitForAppkeyAndApi"),
                       QStringLiteral("调用该接口触发了限流"));
    }
    if (m_options.monthlyQuota > 0 && m_quotaUsed >= m_options.monthlyQuota) {
        return v1Error(403, QStringLiteral("Forbidden.AccessDenied.ApiCountLimitForOrg"),
                       QStringLiteral("企业本月接口调用次数已超过上限"));
    }
    ++m_quotaUsed;
    return std::nullopt;
}

Answer DingTalkSim::listIds(const HttpRequest &request)
{
    if (auto refused = admitTopApi(request, QStringLiteral("listids")))
        return *refused;
    bool ok = false;
    const QJsonObject body = parseObject(request, &ok);
    if (!ok)
        return topError(40035, QStringLiteral("不合法的参数: 请求体不是 JSON"));
    const std::optional<qint64> size = integer(body, "size", kMaxPage);
    if (!size || *size < 1 || *size > maxPage())
        return topError(40035, QStringLiteral("不合法的参数: size 最大值为%1").arg(maxPage()));
    const std::optional<qint64> start = integer(body, "start_time", 0);
    const std::optional<qint64> end = integer(body, "end_time", nowMs());
    const std::optional<qint64> cursor = integer(body, "cursor", 0);
    if (!start || !end || !cursor || *cursor < 0)
        return topError(40035, QStringLiteral("不合法的参数: 时间和 cursor 须为整数"));
    if (const WindowProblem problem = checkWindow(*start, *end); problem != WindowProblem::None)
        return topError(40035, QStringLiteral("不合法的参数: ") + windowMessage(problem));
    const QString processCode = body.value(QLatin1String("process_code")).toString();

    const QStringList matching = idsIn(processCode, *start, *end, {});
    QJsonObject result {
        {QStringLiteral("list"), QJsonArray::fromStringList(matching.mid(*cursor, *size))}};
    if (*cursor + *size < matching.size())
        result.insert(QStringLiteral("next_cursor"), *cursor + *size);
    return dingtalk::ok(QJsonObject {{QStringLiteral("result"), result}});
}

int DingTalkSim::maxPage() const
{
    return std::clamp(m_options.maxPageSize, 1, kMaxPage);
}

const SimInstance *DingTalkSim::find(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_instances.at(it.value());
}

Answer DingTalkSim::get(const HttpRequest &request)
{
    if (auto refused = admitTopApi(request, QStringLiteral("get")))
        return *refused;
    bool ok = false;
    const QJsonObject body = parseObject(request, &ok);
    const SimInstance *instance = find(body.value(QLatin1String("process_instance_id")).toString());
    if (!ok || !instance)
        return topError(40035, QStringLiteral("不合法的参数: 审批实例不存在"));
    return dingtalk::ok(QJsonObject {{QStringLiteral("process_instance"), instance->toTopApi()}});
}

Answer DingTalkSim::v1InstanceIds(const HttpRequest &request)
{
    if (auto refused = admitV1(request, QStringLiteral("v1.instanceIds")))
        return *refused;
    bool ok = false;
    const QJsonObject body = parseObject(request, &ok);
    if (!ok)
        return v1Error(400, QStringLiteral("invalidParameter"), QStringLiteral("请求体不是 JSON"));
    const std::optional<qint64> size = integer(body, "maxResults", kMaxPage);
    if (!size || *size < 1 || *size > maxPage())
        return v1Error(400, QStringLiteral("invalidMaxResults"),
                       QStringLiteral("maxResults 最大值为%1").arg(maxPage()));
    const std::optional<qint64> start = integer(body, "startTime", 0);
    const std::optional<qint64> end = integer(body, "endTime", nowMs());
    if (!start)
        return v1Error(400, QStringLiteral("invalidStartTime"),
                       QStringLiteral("startTime 须为整数"));
    if (!end)
        return v1Error(400, QStringLiteral("invalidEndTime"), QStringLiteral("endTime 须为整数"));
    if (const WindowProblem problem = checkWindow(*start, *end); problem != WindowProblem::None) {
        return v1Error(400,
                       problem == WindowProblem::TooOld ? QStringLiteral("invalidStartTime")
                                                        : QStringLiteral("invalidEndTime"),
                       windowMessage(problem));
    }
    QStringList statuses;
    for (const QJsonValue &s : body.value(QLatin1String("statuses")).toArray())
        statuses.append(s.toString());
    const QString processCode = body.value(QLatin1String("processCode")).toString();
    // nextToken is a number in the request and a string in the answer; accept either.
    const std::optional<qint64> cursor = integer(body, "nextToken", 0);
    if (!cursor || *cursor < 0)
        return v1Error(400, QStringLiteral("invalidNextToken"), QStringLiteral("nextToken 不合法"));

    const QStringList matching = idsIn(processCode, *start, *end, statuses);
    QJsonObject result {
        {QStringLiteral("list"), QJsonArray::fromStringList(matching.mid(*cursor, *size))}};
    if (*cursor + *size < matching.size())
        result.insert(QStringLiteral("nextToken"), QString::number(*cursor + *size));
    return v1Ok({{QStringLiteral("result"), result}, {QStringLiteral("success"), true}});
}

Answer DingTalkSim::v1Instance(const HttpRequest &request)
{
    if (auto refused = admitV1(request, QStringLiteral("v1.instance")))
        return *refused;
    const SimInstance *instance =
        find(request.query.queryItemValue(QStringLiteral("processInstanceId")));
    if (!instance)
        return v1Error(400, QStringLiteral("instanceNotExist"), QStringLiteral("审批实例不存在"));
    // `success` is a string in this answer, unlike in instanceIds/query.
    return v1Ok({{QStringLiteral("result"), instance->toV1()},
                 {QStringLiteral("success"), QStringLiteral("true")}});
}

Answer DingTalkSim::v1Comment(const HttpRequest &request)
{
    if (auto refused = admitV1(request, QStringLiteral("v1.comment")))
        return *refused;
    if (m_refuseComments) {
        return v1Error(403, QStringLiteral("Forbidden.AccessDenied.AccessTokenPermissionDenied"),
                       QStringLiteral("应用尚未开通所需的权限：Workflow.Instance.Write"));
    }
    bool ok = false;
    const QJsonObject body = parseObject(request, &ok);
    if (!ok)
        return v1Error(400, QStringLiteral("invalidParameter"), QStringLiteral("请求体不是 JSON"));
    const QString userId = body.value(QLatin1String("commentUserId")).toString();
    if (userId.isEmpty()) {
        return v1Error(400, QStringLiteral("MissingcommentUserId"),
                       QStringLiteral("commentUserId is mandatory for this action."));
    }
    const QString text = body.value(QLatin1String("text")).toString();
    if (text.isEmpty() || text.size() > kMaxCommentLength) {
        return v1Error(400, QStringLiteral("invalidText"),
                       QStringLiteral("评论内容不能为空且不能超过%1个字符").arg(kMaxCommentLength));
    }
    const QString id = body.value(QLatin1String("processInstanceId")).toString();
    const SimInstance *instance = find(id);
    if (!instance)
        return v1Error(400, QStringLiteral("instanceNotExist"), QStringLiteral("审批实例不存在"));
    m_comments[id].append(Comment {userId, text});
    if (m_commented)
        m_commented(*instance, userId);
    return v1Ok({{QStringLiteral("result"), true}, {QStringLiteral("success"), true}});
}

bool DingTalkSim::complete(const QString &id, const QString &result, qint64 now)
{
    const auto it = m_index.constFind(id);
    if (it == m_index.constEnd() || m_instances.at(it.value()).isFinal())
        return false;
    m_instances[it.value()].complete(result, now);
    if (m_changed)
        m_changed(m_instances.at(it.value()), QStringLiteral("finish"));
    return true;
}

void DingTalkSim::submit(SimInstance instance, qint64 nowMs)
{
    instance.createMs =
        m_instances.isEmpty() ? nowMs : std::max(nowMs, m_instances.constLast().createMs);
    m_instances.append(instance);
    m_index.insert(instance.id, m_instances.size() - 1);
    if (m_changed)
        m_changed(m_instances.constLast(), QStringLiteral("start"));
}

bool DingTalkSim::terminate(const QString &id, qint64 now)
{
    const auto it = m_index.constFind(id);
    if (it == m_index.constEnd() || m_instances.at(it.value()).isFinal())
        return false;
    SimInstance &instance = m_instances[it.value()];
    instance.status = QStringLiteral("TERMINATED");
    instance.result.clear();
    instance.finishMs = now;
    if (m_changed)
        m_changed(instance, QStringLiteral("terminate"));
    return true;
}

bool DingTalkSim::completeOldestRunning(qint64 now)
{
    for (SimInstance &i : m_instances) {
        if (!i.isFinal()) {
            i.complete(QStringLiteral("agree"), now);
            if (m_changed)
                m_changed(i, QStringLiteral("finish"));
            return true;
        }
    }
    return false;
}

bool DingTalkSim::corruptTable(const QString &id)
{
    const auto it = m_index.constFind(id);
    if (it == m_index.constEnd())
        return false;
    QJsonArray &values = m_instances[it.value()].formValues;
    for (qsizetype i = 0; i < values.size(); ++i) {
        QJsonObject value = values.at(i).toObject();
        if (value.value(QLatin1String("component_type")) != QLatin1String("TableField"))
            continue;
        const QString text = value.value(QLatin1String("value")).toString();
        value.insert(QStringLiteral("value"), text.left(text.size() / 2));
        values.replace(i, value);
        return true;
    }
    return false;
}

bool DingTalkSim::revokeInPlace(const QString &id)
{
    const auto it = m_index.constFind(id);
    if (it == m_index.constEnd())
        return false;
    m_instances[it.value()].bizAction = QStringLiteral("REVOKE");
    return true;
}

QString DingTalkSim::revokeByRequest(const QString &originalId, qint64 nowMs)
{
    const auto it = m_index.constFind(originalId);
    if (it == m_index.constEnd())
        return {};
    SimInstance request = m_instances.at(it.value());
    request.id = QStringLiteral("revoke-%1")
                     .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    request.businessId += QStringLiteral("R");
    request.title += QStringLiteral("（撤销）");
    request.createMs = std::max(nowMs, m_instances.constLast().createMs);
    request.complete(QStringLiteral("agree"), nowMs);
    request.bizAction = QStringLiteral("REVOKE");
    request.mainProcessInstanceId = originalId;
    request.attachedIds.clear();
    m_instances[it.value()].attachedIds.append(request.id);
    // The newest submission: appending keeps the list sorted for the binary search.
    m_instances.append(request);
    m_index.insert(request.id, m_instances.size() - 1);
    if (m_changed)
        m_changed(m_instances.constLast(), QStringLiteral("finish"));
    return request.id;
}

} // namespace rs::sandbox
