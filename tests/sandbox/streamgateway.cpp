#include "streamgateway.h"

#include "dingtalkanswers.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketServer>

namespace rs::sandbox {
namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString hexId()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

StreamGateway::StreamGateway(StreamOptions options, QString appKey, QString appSecret, quint32 seed,
                             QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_appKey(std::move(appKey))
    , m_appSecret(std::move(appSecret))
    , m_random(seed ^ 0x5eed5eedu)
    , m_server(new QWebSocketServer(QStringLiteral("sandbox-stream"),
                                    QWebSocketServer::NonSecureMode, this))
    , m_redeliver(new QTimer(this))
    , m_pinger(new QTimer(this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, &StreamGateway::accept);
    connect(m_redeliver, &QTimer::timeout, this, &StreamGateway::redeliverDue);
    m_redeliver->start(100);
    connect(m_pinger, &QTimer::timeout, this, &StreamGateway::pingAll);
    if (m_options.pingIntervalMs > 0)
        m_pinger->start(m_options.pingIntervalMs);
}

StreamGateway::~StreamGateway()
{
    for (QWebSocket *socket : std::as_const(m_connections))
        socket->abort();
}

bool StreamGateway::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

std::optional<Route> StreamGateway::route(const HttpRequest &request)
{
    if (request.path == QLatin1String("/v1.0/gateway/connections/open"))
        return Route {QStringLiteral("dingtalk.stream.open"), [this](const HttpRequest &r) {
                          return open(r);
                      }};
    return std::nullopt;
}

Answer StreamGateway::open(const HttpRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (request.method != "POST" || body.value(QLatin1String("clientId")).toString() != m_appKey
        || body.value(QLatin1String("clientSecret")).toString() != m_appSecret) {
        return dingtalk::v1Error(400, QStringLiteral("invalidClientIdOrSecret"),
                                 QStringLiteral("无效的clientId或者clientSecret"));
    }
    const QString ticket = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_tickets.insert(ticket, nowMs() + qint64(m_options.ticketLifetimeS) * 1000);
    ++m_ticketsIssued;
    const QString endpoint =
        QStringLiteral("ws://127.0.0.1:%1/connect").arg(m_server->serverPort());
    return dingtalk::v1Ok(
        {{QStringLiteral("endpoint"), endpoint}, {QStringLiteral("ticket"), ticket}});
}

void StreamGateway::accept()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        const QUrl url = socket->requestUrl();
        const QString ticket =
            QUrlQuery(url).queryItemValue(QStringLiteral("ticket"), QUrl::FullyDecoded);
        const auto it = m_tickets.constFind(ticket);
        const bool valid = url.path() == QLatin1String("/connect") && it != m_tickets.constEnd()
            && it.value() > nowMs();
        m_tickets.remove(ticket); // single use, valid or not
        if (!valid) {
            ++m_refusedConnections;
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("ticket is invalid or expired"));
            socket->deleteLater();
            continue;
        }
        ++m_connectionsOpened;
        m_connections.append(socket);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &text) { onText(socket, text); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_connections.removeAll(socket);
            socket->deleteLater();
        });
    }
}

void StreamGateway::onText(QWebSocket *, const QString &text)
{
    // An answer names the frame it answers by messageId: an EVENT's ack, or a ping's echo.
    const QJsonObject answer = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString messageId = answer.value(QLatin1String("headers"))
                                  .toObject()
                                  .value(QLatin1String("messageId"))
                                  .toString();
    if (messageId.startsWith(QLatin1String("ping-"))) {
        ++m_pingAnswers;
        return;
    }
    const auto it = m_pending.find(messageId);
    if (it == m_pending.end())
        return;
    if (m_options.lostAckRate > 0 && m_random.generateDouble() < m_options.lostAckRate)
        return; // the ack is lost on the way: the gateway redelivers
    const QJsonObject status =
        QJsonDocument::fromJson(answer.value(QLatin1String("data")).toString().toUtf8()).object();
    if (status.value(QLatin1String("status")).toString() == QLatin1String("LATER")) {
        it->dueMs = nowMs() + m_options.redeliverMs;
        return;
    }
    ++m_acks;
    m_pending.erase(it);
}

QString StreamGateway::nextMessageId()
{
    return QStringLiteral("sbx_%1_%2").arg(nowMs(), 0, 16).arg(++m_messageCounter, 0, 16);
}

QWebSocket *StreamGateway::pickConnection()
{
    if (m_connections.isEmpty())
        return nullptr;
    // One connection per app is the rule; with several, each message goes to one at random.
    return m_connections.at(qsizetype(m_random.bounded(quint32(m_connections.size()))));
}

void StreamGateway::send(QWebSocket *socket, const QByteArray &frame)
{
    socket->sendTextMessage(QString::fromUtf8(frame));
}

void StreamGateway::publish(const SimInstance &instance, const QString &type)
{
    if (type == QLatin1String("start") && !m_options.startEvents)
        return;
    QJsonObject data {
        {QStringLiteral("processInstanceId"), instance.id},
        {QStringLiteral("corpId"), QStringLiteral("dingsandboxcorp")},
        {QStringLiteral("title"), instance.title},
        {QStringLiteral("type"), type},
        {QStringLiteral("url"),
         QString(
             QStringLiteral("https://aflow.dingtalk.com/dingtalk/mobile/homepage.htm?procInsId=")
             + instance.id)},
        {QStringLiteral("createTime"), double(instance.createMs)},
        {QStringLiteral("processCode"), instance.processCode},
        {QStringLiteral("bizCategoryId"), QString()},
        {QStringLiteral("businessId"), instance.businessId},
        {QStringLiteral("staffId"), instance.originatorUserId}};
    if (type != QLatin1String("start"))
        data.insert(QStringLiteral("finishTime"), double(instance.finishMs));
    if (type == QLatin1String("finish"))
        data.insert(QStringLiteral("result"), instance.result);
    publishRaw(QStringLiteral("bpms_instance_change"), data);
}

void StreamGateway::publishComment(const SimInstance &instance, const QString &userId)
{
    publishRaw(QStringLiteral("bpms_task_change"),
               {{QStringLiteral("processInstanceId"), instance.id},
                {QStringLiteral("corpId"), QStringLiteral("dingsandboxcorp")},
                {QStringLiteral("processCode"), instance.processCode},
                {QStringLiteral("businessId"), instance.businessId},
                {QStringLiteral("title"), instance.title},
                {QStringLiteral("type"), QStringLiteral("comment")},
                {QStringLiteral("staffId"), userId},
                {QStringLiteral("createTime"), double(nowMs())}});
}

void StreamGateway::publishRaw(const QString &eventType, const QJsonObject &data)
{
    ++m_events;
    const QString eventId = hexId();
    const int copies =
        m_options.duplicateRate > 0 && m_random.generateDouble() < m_options.duplicateRate ? 2 : 1;
    m_duplicates += copies - 1;
    for (int copy = 0; copy < copies; ++copy) {
        const QString messageId = nextMessageId();
        const QString now = QString::number(nowMs());
        const QJsonObject headers {
            {QStringLiteral("appId"), m_appKey},
            {QStringLiteral("connectionId"), QStringLiteral("sandbox-connection")},
            {QStringLiteral("contentType"), QStringLiteral("application/json")},
            {QStringLiteral("eventBornTime"), now},
            {QStringLiteral("eventCorpId"), QStringLiteral("dingsandboxcorp")},
            {QStringLiteral("eventId"), eventId},
            {QStringLiteral("eventType"), eventType},
            {QStringLiteral("eventUnifiedAppId"), m_appKey},
            {QStringLiteral("messageId"), messageId},
            {QStringLiteral("time"), now},
            {QStringLiteral("topic"), QStringLiteral("*")}};
        const QJsonObject frame {{QStringLiteral("specVersion"), QStringLiteral("1.0")},
                                 {QStringLiteral("type"), QStringLiteral("EVENT")},
                                 {QStringLiteral("headers"), headers},
                                 {QStringLiteral("data"), compact(data)}};
        m_pending.insert(messageId, {QJsonDocument(frame).toJson(QJsonDocument::Compact), 0, 0});
        deliver(messageId);
    }
}

void StreamGateway::deliver(const QString &messageId)
{
    const auto it = m_pending.find(messageId);
    if (it == m_pending.end())
        return;
    if (it->deliveries >= m_options.maxDeliveries
        || (m_options.monthlyPushes > 0 && m_pushes >= m_options.monthlyPushes)) {
        ++m_lost; // not replayed: the client's next sweep finds it
        m_pending.erase(it);
        return;
    }
    // With no connection open, the try fails like an unacknowledged one and is retried on the
    // same schedule: a client back within the redelivery time gets it, a later one does not.
    QWebSocket *socket = pickConnection();
    ++it->deliveries;
    it->dueMs = nowMs() + m_options.redeliverMs;
    if (!socket)
        return;
    if (it->sent > 0)
        ++m_redeliveries;
    ++it->sent;
    ++m_pushes;
    send(socket, it->frame);
}

void StreamGateway::redeliverDue()
{
    const qint64 now = nowMs();
    QStringList due;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it->dueMs <= now)
            due.append(it.key());
    }
    for (const QString &messageId : std::as_const(due))
        deliver(messageId);
}

void StreamGateway::pingAll()
{
    for (QWebSocket *socket : std::as_const(m_connections)) {
        ++m_pings;
        const QJsonObject headers {
            {QStringLiteral("contentType"), QStringLiteral("application/json")},
            {QStringLiteral("messageId"), QString(QStringLiteral("ping-") + nextMessageId())},
            {QStringLiteral("time"), QString::number(nowMs())},
            {QStringLiteral("topic"), QStringLiteral("ping")}};
        const QJsonObject frame {
            {QStringLiteral("specVersion"), QStringLiteral("1.0")},
            {QStringLiteral("type"), QStringLiteral("SYSTEM")},
            {QStringLiteral("headers"), headers},
            {QStringLiteral("data"), compact({{QStringLiteral("opaque"), hexId().left(12)}})}};
        send(socket, QJsonDocument(frame).toJson(QJsonDocument::Compact));
    }
}

void StreamGateway::disconnectAll(int graceMs)
{
    for (QWebSocket *socket : std::as_const(m_connections)) {
        ++m_disconnects;
        const QJsonObject headers {
            {QStringLiteral("contentType"), QStringLiteral("application/json")},
            {QStringLiteral("messageId"), nextMessageId()},
            {QStringLiteral("time"), QString::number(nowMs())},
            {QStringLiteral("topic"), QStringLiteral("disconnect")}};
        const QJsonObject frame {
            {QStringLiteral("specVersion"), QStringLiteral("1.0")},
            {QStringLiteral("type"), QStringLiteral("SYSTEM")},
            {QStringLiteral("headers"), headers},
            {QStringLiteral("data"),
             compact({{QStringLiteral("reason"), QStringLiteral("connection is expired")}})}};
        send(socket, QJsonDocument(frame).toJson(QJsonDocument::Compact));
        QPointer<QWebSocket> guard(socket);
        QTimer::singleShot(graceMs, this, [guard] {
            if (guard)
                guard->abort();
        });
    }
}

void StreamGateway::dropAll()
{
    const QList<QWebSocket *> open = m_connections;
    m_drops += open.size();
    for (QWebSocket *socket : open)
        socket->abort();
}

QJsonObject StreamGateway::stats() const
{
    return {{QStringLiteral("connections"), int(m_connections.size())},
            {QStringLiteral("tickets_issued"), m_ticketsIssued},
            {QStringLiteral("connections_opened"), m_connectionsOpened},
            {QStringLiteral("connections_refused"), m_refusedConnections},
            {QStringLiteral("events"), m_events},
            {QStringLiteral("pushes"), m_pushes},
            {QStringLiteral("acks"), m_acks},
            {QStringLiteral("unacknowledged"), int(m_pending.size())},
            {QStringLiteral("redeliveries"), m_redeliveries},
            {QStringLiteral("duplicates"), m_duplicates},
            {QStringLiteral("lost"), m_lost},
            {QStringLiteral("pings"), m_pings},
            {QStringLiteral("ping_answers"), m_pingAnswers},
            {QStringLiteral("disconnects"), m_disconnects},
            {QStringLiteral("drops"), m_drops}};
}

} // namespace rs::sandbox
