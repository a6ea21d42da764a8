#include "app/kingdee/kingdeeclient.h"

#include "app/kingdee/billfilter.h"
#include "app/kingdee/oneshotbody.h"
#include "app/kingdee/savebody.h"
#include "app/kingdee/services.h"
#include "app/kingdee/signer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopedPointer>
#include <QSet>
#include <QTimer>

namespace rs::kingdee {
namespace {

constexpr int kQueryPageRows = 2000; // Kingdee's default Limit
constexpr int kMaxQueryPages = 500; // a server that ignores StartRow must not loop forever
constexpr int kKeysPerLookup = 100;

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
    if (failure.ok())
        return ApiOutcome::Ok;
    constexpr int kCallLimit = 14;
    return failure.kind == Failure::Kind::Busy && failure.msgCode == kCallLimit
        ? ApiOutcome::Throttled
        : ApiOutcome::Error;
}

Failure rejected(const QString &message)
{
    Failure f;
    f.kind = Failure::Kind::Rejected;
    f.message = message;
    return f;
}

} // namespace

// One logical call; it survives its retries.
struct KingdeeClient::Call
{
    QString api; // rs::api name
    const char *service = nullptr;
    QByteArray body;
    bool save = false; // never resent once it may have reached Kingdee
    // Reads an HTTP answer; keeps what `done` needs.
    std::function<Failure(int httpStatus, const QByteArray &raw)> read;
    std::function<void(const Failure &)> done;
    bool sessionRetried = false;
    bool optional = false; // its refusal does not stop the other calls
    bool onWire = false;
    bool slow = false; // on the wire past slowCallMs: no longer holds a lane
    int sends = 0;
    int busy = 0;
    int sessionGeneration = 0;
};

struct KingdeeClient::QueryState
{
    QString formId;
    QStringList fieldKeys;
    QString filter;
    int limit = kQueryPageRows;
    int topRowCount = 0;
    int pages = 0;
    QList<QJsonArray> rows;
    QList<QJsonArray> page;
    QueryHandler handler;
    bool optional = false;
};

KingdeeClient::KingdeeClient(KingdeeConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setAutoDeleteReplies(false);
    // The client's own jar holds this session's kdservice-sessionid and ASP.NET_SessionId.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

KingdeeClient::~KingdeeClient() = default;

QNetworkRequest KingdeeClient::request(const char *service) const
{
    QNetworkRequest r(serviceUrl(m_config.url, service));
    r.setTransferTimeout(std::min(m_config.transferTimeoutMs, m_config.lookupTimeoutMs));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    // HTTP/1.1 only: the no-resend guarantee below is proven on Qt's HTTP/1 channel.
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (m_config.auth == KingdeeConfig::Auth::Signature) {
        const auto headers =
            Signer::signatureHeaders(m_config, r.url().path(), QDateTime::currentSecsSinceEpoch());
        for (const auto &[name, value] : headers)
            r.setRawHeader(name, value);
    } else if (!m_session.isEmpty()) {
        r.setRawHeader("kdservice-sessionid", m_session.toUtf8());
    }
    return r;
}

void KingdeeClient::batchSave(const QJsonObject &body, SaveHandler handler)
{
    auto call = std::make_shared<Call>();
    int count = 0;
    call->api = QLatin1String(api::KingdeeBatchSave);
    call->service = service::BatchSave;
    call->body = SaveBody::prepare(body, &count);
    call->save = true;
    auto result = std::make_shared<SaveResult>();
    call->read = [result, count](int httpStatus, const QByteArray &raw) {
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(raw, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()
            || !doc.object().value(QLatin1String("Result")).isObject())
            return FailureClassifier::unreadableSave(httpStatus, raw);
        *result = SaveResult::fromAnswer(doc.object(), count);
        return result->failure;
    };
    if (count == 0) {
        const Failure empty = rejected(
            QCoreApplication::translate("rs::Kingdee", "the batch holds no bills (data.Model)"));
        QTimer::singleShot(0, this,
                           [handler, empty] { handler(SaveResult::withoutAnswer(empty, 0)); });
        return;
    }
    call->done = [result, count, handler = std::move(handler)](const Failure &failure) {
        // None and Rejected only come from an answer that was read; anything else has no
        // per-bill answer.
        const bool answered =
            failure.kind == Failure::Kind::None || failure.kind == Failure::Kind::Rejected;
        handler(answered ? *result : SaveResult::withoutAnswer(failure, count));
    };
    submit(std::move(call));
}

void KingdeeClient::operate(const QString &formId, Operation operation, const QStringList &numbers,
                            SaveHandler handler)
{
    auto call = std::make_shared<Call>();
    QJsonObject data {{QStringLiteral("Numbers"), QJsonArray::fromStringList(numbers)},
                      {QStringLiteral("CreateOrgId"), 0},
                      {QStringLiteral("NetworkCtrl"), false}};
    switch (operation) {
    case Operation::Submit:
        call->api = QLatin1String(api::KingdeeSubmit);
        call->service = service::Submit;
        data.insert(QStringLiteral("SelectedPostId"), 0);
        data.insert(QStringLiteral("IgnoreInterationFlag"), true);
        break;
    case Operation::Audit:
    case Operation::UnAudit:
        call->api =
            QLatin1String(operation == Operation::Audit ? api::KingdeeAudit : api::KingdeeUnAudit);
        call->service = operation == Operation::Audit ? service::Audit : service::UnAudit;
        data.insert(QStringLiteral("InterationFlags"), QString());
        data.insert(QStringLiteral("IsVerifyProcInst"), true);
        data.insert(QStringLiteral("IgnoreInterationFlag"), true);
        break;
    case Operation::Delete:
        call->api = QLatin1String(api::KingdeeDelete);
        call->service = service::Delete;
        break;
    }
    const int count = int(numbers.size());
    call->body = compact({{QStringLiteral("formid"), formId}, {QStringLiteral("data"), data}});
    call->save = true; // changes Kingdee: a lost answer is settled by a lookup, not a resend
    auto result = std::make_shared<SaveResult>();
    call->read = [result, count](int httpStatus, const QByteArray &raw) {
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(raw, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()
            || !doc.object().value(QLatin1String("Result")).isObject())
            return FailureClassifier::unreadableSave(httpStatus, raw);
        *result = SaveResult::fromAnswer(doc.object(), count);
        return result->failure;
    };
    if (count == 0) {
        QTimer::singleShot(0, this, [handler] { handler(SaveResult::withoutAnswer({}, 0)); });
        return;
    }
    call->done = [result, count, handler = std::move(handler)](const Failure &failure) {
        const bool answered =
            failure.kind == Failure::Kind::None || failure.kind == Failure::Kind::Rejected;
        handler(answered ? *result : SaveResult::withoutAnswer(failure, count));
    };
    submit(std::move(call));
}

void KingdeeClient::executeBillQuery(const QString &formId, const QStringList &fieldKeys,
                                     const QString &filterString, QueryHandler handler,
                                     bool optional)
{
    auto state = std::make_shared<QueryState>();
    state->optional = optional;
    state->formId = formId;
    state->fieldKeys = fieldKeys;
    state->filter = filterString;
    state->handler = std::move(handler);
    queryPage(state);
}

void KingdeeClient::queryPage(const std::shared_ptr<QueryState> &state)
{
    auto call = std::make_shared<Call>();
    call->api = QLatin1String(api::KingdeeQuery);
    call->service = service::ExecuteBillQuery;
    call->body = compact(
        {{QStringLiteral("data"),
          QJsonObject {{QStringLiteral("FormId"), state->formId},
                       {QStringLiteral("FieldKeys"), state->fieldKeys.join(QLatin1Char(','))},
                       {QStringLiteral("FilterString"), state->filter},
                       {QStringLiteral("OrderString"), QString()},
                       {QStringLiteral("TopRowCount"), state->topRowCount},
                       {QStringLiteral("StartRow"), int(state->rows.size())},
                       {QStringLiteral("Limit"), state->limit}}}});
    call->optional = state->optional;
    call->read = [state](int httpStatus, const QByteArray &raw) {
        state->page.clear();
        return FailureClassifier::query(httpStatus, raw, &state->page);
    };
    call->done = [this, state](const Failure &failure) {
        if (!failure.ok()) {
            state->handler({failure, state->rows});
            return;
        }
        state->rows.append(state->page);
        const bool more = state->topRowCount == 0 && state->page.size() >= state->limit
            && ++state->pages < kMaxQueryPages;
        state->page.clear();
        if (more)
            queryPage(state);
        else
            state->handler({{}, state->rows});
    };
    submit(std::move(call));
}

void KingdeeClient::findBills(const QString &formId, const QString &keyField,
                              const QStringList &keys, FindHandler handler)
{
    if (!BillFilter::isFieldKey(keyField)) {
        const Failure bad = rejected(
            QCoreApplication::translate("rs::Kingdee", "\"%1\" is not a field key").arg(keyField));
        QTimer::singleShot(0, this, [handler, bad] { handler({bad, {}}); });
        return;
    }
    QStringList unique = keys;
    unique.removeDuplicates();
    struct Lookup
    {
        FindResult result;
        int pending = 0;
    };
    auto lookup = std::make_shared<Lookup>();
    if (unique.isEmpty()) {
        QTimer::singleShot(0, this, [handler] { handler({}); });
        return;
    }
    const QStringList fields = {QStringLiteral("FID"), QStringLiteral("FBillNo"),
                                QStringLiteral("FDocumentStatus"), keyField};
    for (qsizetype at = 0; at < unique.size(); at += kKeysPerLookup) {
        ++lookup->pending;
        const QStringList chunk = unique.mid(at, kKeysPerLookup);
        executeBillQuery(formId, fields, BillFilter::in(keyField, chunk),
                         [lookup, handler](const QueryResult &answer) {
                             if (!answer.failure.ok() && lookup->result.failure.ok())
                                 lookup->result.failure = answer.failure;
                             const auto text = [](const QJsonValue &v) {
                                 return v.isDouble() ? QString::number(v.toInteger())
                                                     : v.toString();
                             };
                             for (const QJsonArray &row : answer.rows)
                                 lookup->result.bills.append({text(row.at(3)), text(row.at(0)),
                                                              text(row.at(1)), text(row.at(2))});
                             if (--lookup->pending == 0)
                                 handler(lookup->result);
                         });
    }
}

void KingdeeClient::testConnection(CheckHandler handler)
{
    // One row of the bills this console writes: proves the login (or the signature) and the
    // right to read AR_OtherRecAble, and changes nothing.
    auto state = std::make_shared<QueryState>();
    state->formId = QStringLiteral("AR_OtherRecAble");
    state->fieldKeys = {QStringLiteral("FID")};
    state->limit = 1;
    state->topRowCount = 1;
    state->handler = [handler = std::move(handler)](const QueryResult &r) {
        handler(r.failure);
    };
    queryPage(state);
}

void KingdeeClient::cancel()
{
    Failure cancelled;
    cancelled.kind = Failure::Kind::Cancelled;
    failEverything(cancelled);
}

void KingdeeClient::submit(std::shared_ptr<Call> call)
{
    m_queue.push_back(std::move(call));
    pump();
}

void KingdeeClient::pump()
{
    if (m_queue.empty())
        return;
    if (m_config.usesSession() && !m_loggedIn) {
        login();
        return;
    }
    while (m_inFlight < std::max(1, m_config.concurrency) && !m_queue.empty()) {
        std::shared_ptr<Call> call = std::move(m_queue.front());
        m_queue.pop_front();
        send(call);
    }
}

void KingdeeClient::send(const std::shared_ptr<Call> &call)
{
    ++m_inFlight;
    call->onWire = true;
    call->slow = false;
    call->sessionGeneration = m_sessionGeneration;
    QNetworkRequest r = request(call->service);
    QNetworkReply *reply = nullptr;
    if (call->save) {
        // Qt resends a POST whose connection closed before an answer; it cannot rewind this body,
        // so such a resend fails instead of saving the bills twice (docs/DECISIONS.md).
        r.setTransferTimeout(m_config.transferTimeoutMs);
        r.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        r.setHeader(QNetworkRequest::ContentLengthHeader, call->body.size());
        auto *body = new OneShotBody(call->body);
        reply = m_network->post(r, body);
        body->setParent(reply);
    } else {
        reply = m_network->post(r, call->body);
    }
    const qint64 started = nowMs();
    connect(reply, &QNetworkReply::finished, this,
            [this, call, reply, started] { finish(call, reply, started); });
    const int send = ++call->sends;
    QTimer::singleShot(m_config.slowCallMs, reply, [this, call, send] {
        if (call->sends != send || !call->onWire || call->slow
            || m_slow >= std::max(1, m_config.concurrency))
            return;
        call->slow = true; // still on the wire: its lane goes to the next call
        ++m_slow;
        --m_inFlight;
        pump();
    });
}

Failure KingdeeClient::redacted(Failure failure) const
{
    // Kingdee's words go to the clerk and the log; a server that echoes a secret must not.
    for (const QString &secret : {m_config.password, m_config.appSecret, m_session}) {
        if (secret.size() >= 4)
            failure.message.replace(secret, QStringLiteral("***"));
    }
    return failure;
}

void KingdeeClient::finish(const std::shared_ptr<Call> &call, QNetworkReply *reply,
                           qint64 startedMs)
{
    QScopedPointer<QNetworkReply, QScopedPointerDeleteLater> owner(reply);
    call->onWire = false;
    if (call->slow)
        --m_slow;
    else
        --m_inFlight;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray raw = reply->isOpen() ? reply->readAll() : QByteArray();
    // An answer cut mid-body still has a status; `read` finds it unreadable (for a save:
    // OutcomeUnknown).
    const Failure failure =
        redacted(status.isValid() ? call->read(status.toInt(), raw)
                                  : FailureClassifier::transport(reply->error(),
                                                                 reply->errorString(), call->save));
    Q_EMIT callFinished(call->api, outcomeOf(failure), nowMs() - startedMs, failure.describe());

    using Kind = Failure::Kind;
    switch (failure.kind) {
    case Kind::SessionLost: {
        // Kingdee saved nothing (MsgCode 1 with no SuccessEntitys): log in and resend once.
        if (m_config.usesSession() && !call->sessionRetried) {
            call->sessionRetried = true;
            if (call->sessionGeneration == m_sessionGeneration)
                m_loggedIn = false;
            m_queue.push_front(call);
            pump();
            return;
        }
        // Signature mode has no session to renew, and a fresh login that is not accepted will
        // not be accepted on the next try either: the settings must change.
        Failure refused = failure;
        refused.kind = Kind::Authentication;
        call->done(refused);
        failEverything(refused);
        return;
    }
    case Kind::Busy:
        // For a save, Busy means it certainly was not processed (no connection, call limit).
        if (++call->busy <= m_config.maxRetries) {
            retryLater(call, m_config.retryBackoff.delayMs(call->busy));
            pump();
            return;
        }
        break;
    case Kind::Authentication:
        call->done(failure);
        if (!call->optional)
            failEverything(failure);
        else
            pump();
        return;
    case Kind::None:
    case Kind::OutcomeUnknown:
    case Kind::Rejected:
    case Kind::Cancelled:
        break;
    }
    call->done(failure);
    pump();
}

void KingdeeClient::retryLater(const std::shared_ptr<Call> &call, qint64 delayMs)
{
    QTimer::singleShot(delayMs, this, [this, call] {
        m_queue.push_front(call);
        pump();
    });
}

void KingdeeClient::login()
{
    if (m_loggingIn)
        return;
    m_loggingIn = true;
    m_session.clear();
    QNetworkRequest r = request(Signer::loginService(m_config.auth));
    const QByteArray body =
        compact(Signer::loginBody(m_config, QDateTime::currentSecsSinceEpoch()));
    const qint64 started = nowMs();
    QNetworkReply *reply = m_network->post(r, body);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, started] { loginFinished(reply, started); });
}

void KingdeeClient::loginFinished(QNetworkReply *reply, qint64 startedMs)
{
    QScopedPointer<QNetworkReply, QScopedPointerDeleteLater> owner(reply);
    m_loggingIn = false;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    QString session;
    const Failure failure = redacted(
        status.isValid()
            ? FailureClassifier::login(status.toInt(),
                                       reply->isOpen() ? reply->readAll() : QByteArray(), &session)
            : FailureClassifier::transport(reply->error(), reply->errorString(), false));
    Q_EMIT callFinished(QLatin1String(api::KingdeeLogin), outcomeOf(failure), nowMs() - startedMs,
                        failure.describe());
    if (failure.ok()) {
        m_loginAttempts = 0;
        m_loggedIn = true;
        m_session = session;
        ++m_sessionGeneration;
        pump();
        return;
    }
    if (failure.kind == Failure::Kind::Busy && ++m_loginAttempts <= m_config.maxRetries) {
        QTimer::singleShot(m_config.retryBackoff.delayMs(m_loginAttempts), this,
                           [this] { pump(); });
        return;
    }
    m_loginAttempts = 0;
    failEverything(failure);
}

void KingdeeClient::failEverything(const Failure &failure)
{
    std::deque<std::shared_ptr<Call>> queued;
    queued.swap(m_queue);
    for (const std::shared_ptr<Call> &call : queued)
        call->done(failure);
}

} // namespace rs::kingdee
