#include "app/dingtalk/dingtalkclient.h"

#include "app/dingtalk/instanceparser.h"
#include "app/dingtalk/tokencache.h"
#include "app/net/backoff.h"
#include "app/net/pacer.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopedPointer>
#include <QTimer>
#include <QUrlQuery>

namespace rs::dingtalk {
namespace {

constexpr int kPageSize = 20; // DingTalk's maximum for both generations
constexpr int kSmallPageSize = 10; // the older reading (DINGTALK.md: sources disagree)
constexpr int kMaxThrottledRetries = 10;
constexpr int kMaxGlobalThrottleRetries = 5;
constexpr int kMaxBusyRetries = 3; // DINGTALK.md: −1 系统繁忙, retry at most 3 times
constexpr qint64 kThrottleWaitMs = 1000;

const net::Backoff kBusyBackoff {1000, 8000, 0.2};
const net::Backoff kGlobalBackoff {1000, 16'000, 0.1};

QUrl endpoint(const QUrl &base, const QString &path, const QUrlQuery &query = {})
{
    QUrl url = base;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(query);
    return url;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

ApiOutcome outcomeOf(const Failure &failure)
{
    switch (failure.kind) {
    case Failure::Kind::None:
        return ApiOutcome::Ok;
    case Failure::Kind::Throttled:
    case Failure::Kind::GlobalThrottled:
        return ApiOutcome::Throttled;
    default:
        return ApiOutcome::Error;
    }
}

// DingTalk refused the page size itself: v1.0 says invalidMaxResults, topapi an invalid
// parameter (40035) whose text names `size`. Any other refusal is not the size's fault.
bool refusesPageSize(const Failure &failure)
{
    if (failure.kind != Failure::Kind::Rejected)
        return false;
    return failure.code == QLatin1String("invalidMaxResults")
        || failure.message.contains(QLatin1String("maxResults"), Qt::CaseInsensitive)
        || failure.message.contains(QLatin1String("size"), Qt::CaseInsensitive);
}

// The page size a DingTalk (host + app) accepted, for every later client in this process: the
// console's next fetch does not pay the refused call again.
QMutex g_pageSizesMutex;
QHash<QString, int> g_pageSizes;

int rememberedPageSize(const QString &key)
{
    const QMutexLocker lock(&g_pageSizesMutex);
    return g_pageSizes.value(key, kPageSize);
}

void rememberPageSize(const QString &key, int size)
{
    const QMutexLocker lock(&g_pageSizesMutex);
    g_pageSizes.insert(key, size);
}

} // namespace

// One logical call; it survives its retries.
struct DingTalkClient::Call
{
    QString api; // rs::api name, also the pacing key
    std::function<QNetworkRequest(const QString &token)> request;
    QByteArray body; // empty: GET
    std::function<QByteArray(int pageSize)> pagedBody; // listids: the body for a page size
    int pageSize = 0; // the page size this call was last sent with
    Done done;
    int generation = 0; // calls of an older generation were cancelled while they waited
    bool tokenRetried = false;
    int throttled = 0;
    int globalThrottled = 0;
    int busy = 0;
    bool v1Answer = false; // a v1.0-only API (comments), read as v1.0 whatever the config says
};

DingTalkClient::DingTalkClient(DingTalkConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(new QNetworkAccessManager(this))
    , m_pacer(std::make_unique<net::Pacer>(m_config.callsPerSecond))
    , m_pageSize(rememberedPageSize(cacheKey()))
{
    m_network->setAutoDeleteReplies(false);
}

int DingTalkClient::pageSize() const
{
    return m_pageSize;
}

DingTalkClient::~DingTalkClient() = default;

QString DingTalkClient::cacheKey() const
{
    // A token belongs to an app on one DingTalk; a test or staging host must not reuse it. Nor
    // may a different secret: a connection test of a mistyped secret must not pass on the
    // token the right one got. Only a digest of the secret goes into the key.
    const QUrl &host = m_config.api == DingTalkConfig::Api::V1 ? m_config.apiUrl : m_config.oapiUrl;
    const QByteArray secret =
        QCryptographicHash::hash(m_config.appSecret.toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return m_config.appKey + QLatin1Char('@') + host.toString(QUrl::RemovePath) + QLatin1Char('#')
        + QString::fromLatin1(secret);
}

void DingTalkClient::listIds(qint64 startMs, qint64 endMs, const QString &cursor,
                             PageHandler handler, const QStringList &statuses)
{
    auto call = std::make_shared<Call>();
    const bool v1 = m_config.api == DingTalkConfig::Api::V1;
    const double position = cursor.toDouble();
    const QString processCode = m_config.processCode;
    call->api = QLatin1String(v1 ? api::DingTalkV1InstanceIds : api::DingTalkListIds);
    call->pagedBody = [v1, processCode, startMs, endMs, position, statuses](int pageSize) {
        if (v1) {
            QJsonObject body {{QStringLiteral("processCode"), processCode},
                              {QStringLiteral("startTime"), double(startMs)},
                              {QStringLiteral("endTime"), double(endMs)},
                              {QStringLiteral("nextToken"), position},
                              {QStringLiteral("maxResults"), pageSize}};
            if (!statuses.isEmpty())
                body.insert(QStringLiteral("statuses"), QJsonArray::fromStringList(statuses));
            return compact(body);
        }
        return compact({{QStringLiteral("process_code"), processCode},
                        {QStringLiteral("start_time"), double(startMs)},
                        {QStringLiteral("end_time"), double(endMs)},
                        {QStringLiteral("cursor"), position},
                        {QStringLiteral("size"), pageSize}});
    };
    const DingTalkConfig &c = m_config;
    call->request = [&c, v1](const QString &token) {
        if (v1) {
            QNetworkRequest r(
                endpoint(c.apiUrl, QStringLiteral("/v1.0/workflow/processes/instanceIds/query")));
            r.setRawHeader("x-acs-dingtalk-access-token", token.toUtf8());
            return r;
        }
        return QNetworkRequest(endpoint(c.oapiUrl,
                                        QStringLiteral("/topapi/processinstance/listids"),
                                        QUrlQuery {{QStringLiteral("access_token"), token}}));
    };
    call->done = [handler = std::move(handler), v1](const QJsonObject &answer, const QByteArray &,
                                                    const Failure &failure) {
        IdPage page;
        if (failure.ok()) {
            const QJsonObject result = answer.value(QLatin1String("result")).toObject();
            for (const QJsonValue &id : result.value(QLatin1String("list")).toArray())
                page.ids.append(id.toString());
            const QJsonValue next =
                result.value(v1 ? QLatin1String("nextToken") : QLatin1String("next_cursor"));
            // nextToken is a string on v1.0, next_cursor a number on topapi.
            if (next.isString())
                page.nextCursor = next.toString();
            else if (next.isDouble())
                page.nextCursor = QString::number(next.toInteger());
        }
        handler(page, failure);
    };
    submit(std::move(call));
}

void DingTalkClient::getInstance(const QString &id, InstanceHandler handler)
{
    auto call = std::make_shared<Call>();
    const bool v1 = m_config.api == DingTalkConfig::Api::V1;
    const DingTalkConfig &c = m_config;
    if (v1) {
        call->api = QLatin1String(api::DingTalkV1Instance);
        call->request = [&c, id](const QString &token) {
            QNetworkRequest r(endpoint(c.apiUrl, QStringLiteral("/v1.0/workflow/processInstances"),
                                       QUrlQuery {{QStringLiteral("processInstanceId"), id}}));
            r.setRawHeader("x-acs-dingtalk-access-token", token.toUtf8());
            return r;
        };
    } else {
        call->api = QLatin1String(api::DingTalkGet);
        call->body = compact({{QStringLiteral("process_instance_id"), id}});
        call->request = [&c](const QString &token) {
            return QNetworkRequest(endpoint(c.oapiUrl,
                                            QStringLiteral("/topapi/processinstance/get"),
                                            QUrlQuery {{QStringLiteral("access_token"), token}}));
        };
    }
    call->done = [handler = std::move(handler), id,
                  v1](const QJsonObject &answer, const QByteArray &raw, const Failure &failure) {
        InstanceAnswer result;
        result.id = id;
        result.rawJson = raw;
        if (failure.ok()) {
            const QLatin1String key =
                v1 ? QLatin1String("result") : QLatin1String("process_instance");
            const QJsonValue body = answer.value(key);
            if (!body.isObject()) {
                result.parseError =
                    QCoreApplication::translate("rs::DingTalk", "the answer has no \"%1\" object")
                        .arg(key);
            } else {
                result.instance = v1
                    ? InstanceParser::fromV1(id, body.toObject(), &result.parseError)
                    : InstanceParser::fromTopApi(id, body.toObject(), &result.parseError);
            }
        }
        handler(result, failure);
    };
    submit(std::move(call));
}

void DingTalkClient::postComment(const QString &instanceId, const QString &userId,
                                 const QString &text, CheckHandler handler)
{
    auto call = std::make_shared<Call>();
    call->api = QLatin1String(api::DingTalkV1Comment);
    call->v1Answer = true;
    call->body = compact({{QStringLiteral("processInstanceId"), instanceId},
                          {QStringLiteral("text"), text},
                          {QStringLiteral("commentUserId"), userId}});
    const DingTalkConfig &c = m_config;
    call->request = [&c](const QString &token) {
        QNetworkRequest r(
            endpoint(c.apiUrl, QStringLiteral("/v1.0/workflow/processInstances/comments")));
        r.setRawHeader("x-acs-dingtalk-access-token", token.toUtf8());
        return r;
    };
    call->done = [handler = std::move(handler)](const QJsonObject &answer, const QByteArray &,
                                                const Failure &failure) {
        if (!failure.ok() || answer.value(QLatin1String("result")).toBool()) {
            handler(failure);
            return;
        }
        Failure refused;
        refused.kind = Failure::Kind::Rejected;
        refused.message =
            QCoreApplication::translate("rs::DingTalk", "DingTalk did not accept the comment");
        handler(refused);
    };
    submit(std::move(call));
}

void DingTalkClient::testConnection(CheckHandler handler)
{
    const qint64 end = nowMs();
    listIds(end - 24 * 3600 * 1000, end, {},
            [handler = std::move(handler)](const IdPage &, const Failure &failure) {
                handler(failure);
            });
}

void DingTalkClient::cancel()
{
    failEverything(cancelled());
}

void DingTalkClient::submit(std::shared_ptr<Call> call)
{
    call->generation = m_generation;
    m_queue.push_back(std::move(call));
    pump();
}

void DingTalkClient::pump()
{
    if (m_queue.empty())
        return;
    // The cache knows when a token is due for renewal; a stale one is never sent.
    m_token = TokenCache::instance().valid(cacheKey());
    if (m_token.isEmpty()) {
        requestToken();
        return;
    }
    while (m_inFlight < m_config.maxInFlight && !m_queue.empty()) {
        std::shared_ptr<Call> call = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_inFlight;
        const qint64 delay = m_pacer->reserveDelayMs(call->api);
        // A coarse timer may fire 5 % early: two calls would share a slot and cross the limit.
        QTimer::singleShot(delay, Qt::PreciseTimer, this, [this, call] { send(call); });
    }
}

void DingTalkClient::send(const std::shared_ptr<Call> &call)
{
    if (call->generation != m_generation) { // cancelled while it waited for its slot
        --m_inFlight;
        call->done({}, {}, cancelled());
        return;
    }
    // The token may have been renewed, or dropped, while this call waited for its slot.
    const QString token = TokenCache::instance().valid(cacheKey());
    if (token.isEmpty()) {
        --m_inFlight;
        m_queue.push_front(call);
        pump();
        return;
    }
    if (call->pagedBody) {
        call->pageSize = m_pageSize;
        call->body = call->pagedBody(m_pageSize);
    }
    QNetworkRequest request = call->request(token);
    request.setTransferTimeout(m_config.transferTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const qint64 started = nowMs();
    QNetworkReply *reply =
        call->body.isEmpty() ? m_network->get(request) : m_network->post(request, call->body);
    connect(reply, &QNetworkReply::finished, this,
            [this, call, reply, token, started] { finish(call, reply, token, started); });
}

Failure DingTalkClient::read(QNetworkReply *reply, QByteArray *raw, QJsonObject *answer,
                             bool v1) const
{
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    *raw = reply->readAll();
    Failure failure;
    if (!status.isValid())
        failure = FailureClassifier::transport(reply->error(), reply->errorString());
    else if (v1)
        failure = FailureClassifier::v1(status.toInt(), *raw, answer);
    else
        failure = FailureClassifier::topApi(status.toInt(), *raw, answer);
    // The words go to the clerk and the log: Qt's error text can quote the gettoken address,
    // whose query carries the secret, and a proxy's answer can echo it.
    if (m_config.appSecret.size() >= 4)
        failure.message.replace(m_config.appSecret, QStringLiteral("***"));
    return failure;
}

void DingTalkClient::finish(const std::shared_ptr<Call> &call, QNetworkReply *reply,
                            const QString &token, qint64 startedMs)
{
    QScopedPointer<QNetworkReply, QScopedPointerDeleteLater> owner(reply);
    --m_inFlight;
    QByteArray raw;
    QJsonObject answer;
    const Failure failure =
        read(reply, &raw, &answer, call->v1Answer || m_config.api == DingTalkConfig::Api::V1);
    Q_EMIT callFinished(call->api, outcomeOf(failure), nowMs() - startedMs, failure.describe());

    using Kind = Failure::Kind;
    switch (failure.kind) {
    case Kind::TokenInvalid:
        if (!call->tokenRetried) {
            call->tokenRetried = true;
            TokenCache::instance().invalidate(cacheKey(), token);
            if (m_token == token)
                m_token.clear();
            retryLater(call, 0);
            return;
        }
        break;
    case Kind::Throttled:
        if (++call->throttled <= kMaxThrottledRetries) {
            // Slows this API down when throttles repeat; the hold has jitter.
            const qint64 wait =
                m_pacer->throttled(call->api, std::max(kThrottleWaitMs, failure.waitMs));
            retryLater(call, wait);
            return;
        }
        break;
    case Kind::GlobalThrottled:
        if (++call->globalThrottled <= kMaxGlobalThrottleRetries) {
            retryLater(call, kGlobalBackoff.delayMs(call->globalThrottled));
            return;
        }
        break;
    case Kind::Busy:
        if (++call->busy <= kMaxBusyRetries) {
            retryLater(call, kBusyBackoff.delayMs(call->busy));
            return;
        }
        break;
    case Kind::QuotaExhausted:
    case Kind::Configuration:
        call->done(answer, raw, failure);
        failEverything(failure);
        return;
    case Kind::Rejected:
        // Sent with 20 and refused for it: 10 from now on, this page asked again at once.
        if (call->pageSize > kSmallPageSize && refusesPageSize(failure)) {
            m_pageSize = kSmallPageSize;
            rememberPageSize(cacheKey(), m_pageSize);
            retryLater(call, 0);
            return;
        }
        break;
    case Kind::None:
    case Kind::Cancelled:
        break;
    }
    call->done(answer, raw, failure);
    pump();
}

void DingTalkClient::retryLater(const std::shared_ptr<Call> &call, qint64 delayMs)
{
    QTimer::singleShot(delayMs, this, [this, call] {
        if (call->generation != m_generation) {
            call->done({}, {}, cancelled());
            return;
        }
        m_queue.push_front(call);
        pump();
    });
}

Failure DingTalkClient::cancelled()
{
    return {Failure::Kind::Cancelled, QStringLiteral("cancelled"), QString(), 0};
}

void DingTalkClient::requestToken()
{
    if (m_tokenRequested)
        return;
    m_tokenRequested = true;
    QNetworkRequest request;
    QNetworkReply *reply = nullptr;
    if (m_config.api == DingTalkConfig::Api::V1) {
        request.setUrl(endpoint(m_config.apiUrl, QStringLiteral("/v1.0/oauth2/accessToken")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setTransferTimeout(m_config.transferTimeoutMs);
        reply = m_network->post(request,
                                compact({{QStringLiteral("appKey"), m_config.appKey},
                                         {QStringLiteral("appSecret"), m_config.appSecret}}));
    } else {
        request.setUrl(endpoint(m_config.oapiUrl, QStringLiteral("/gettoken"),
                                QUrlQuery {{QStringLiteral("appkey"), m_config.appKey},
                                           {QStringLiteral("appsecret"), m_config.appSecret}}));
        request.setTransferTimeout(m_config.transferTimeoutMs);
        reply = m_network->get(request);
    }
    const qint64 started = nowMs();
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, started] { tokenFinished(reply, started); });
}

void DingTalkClient::tokenFinished(QNetworkReply *reply, qint64 startedMs)
{
    QScopedPointer<QNetworkReply, QScopedPointerDeleteLater> owner(reply);
    m_tokenRequested = false;
    const bool v1 = m_config.api == DingTalkConfig::Api::V1;
    QByteArray raw;
    QJsonObject answer;
    Failure failure = read(reply, &raw, &answer, v1);
    const QString api = QLatin1String(v1 ? api::DingTalkV1AccessToken : api::DingTalkGetToken);
    const QString token =
        answer.value(v1 ? QLatin1String("accessToken") : QLatin1String("access_token")).toString();
    if (failure.ok() && token.isEmpty()) {
        failure = {Failure::Kind::Busy, QStringLiteral("token"),
                   QCoreApplication::translate("rs::DingTalk", "the answer carries no token")};
    }
    // A bad key or secret on v1.0 is HTTP 400 invalidClientIdOrSecret; anything the token
    // endpoint rejects is the user's configuration to fix, not a reason to retry.
    if (failure.kind == Failure::Kind::Rejected || failure.kind == Failure::Kind::TokenInvalid)
        failure.kind = Failure::Kind::Configuration;
    Q_EMIT callFinished(api, outcomeOf(failure), nowMs() - startedMs, failure.describe());

    if (failure.ok()) {
        m_tokenAttempts = 0;
        const qint64 lifetime =
            answer.value(v1 ? QLatin1String("expireIn") : QLatin1String("expires_in"))
                .toInteger(7200);
        TokenCache::instance().store(cacheKey(), token, lifetime);
        m_token = token;
        pump();
        return;
    }
    if (!failure.stopsTheRun() && ++m_tokenAttempts <= kMaxBusyRetries) {
        QTimer::singleShot(kBusyBackoff.delayMs(m_tokenAttempts), this, [this] { pump(); });
        return;
    }
    m_tokenAttempts = 0;
    failEverything(failure);
}

void DingTalkClient::failEverything(const Failure &failure)
{
    // Calls waiting for a pacing slot or a retry belong to the old generation: they answer
    // Cancelled when their timer fires instead of reaching DingTalk.
    ++m_generation;
    std::deque<std::shared_ptr<Call>> queued;
    queued.swap(m_queue);
    for (const std::shared_ptr<Call> &call : queued)
        call->done({}, {}, failure);
}

} // namespace rs::dingtalk
