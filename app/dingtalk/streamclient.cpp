#include "app/dingtalk/streamclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <memory>

namespace rs::dingtalk {
namespace {

constexpr qsizetype kRemembered = 10'000; // ids kept for deduplication

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QUrl openUrl(const QUrl &apiUrl)
{
    QUrl url = apiUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/v1.0/gateway/connections/open"));
    return url;
}

} // namespace

StreamClient::StreamClient(DingTalkConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(new QNetworkAccessManager(this))
    , m_reconnect(new QTimer(this))
    , m_keepAlive(new QTimer(this))
{
    m_reconnect->setSingleShot(true);
    connect(m_reconnect, &QTimer::timeout, this, &StreamClient::registerNow);
    m_keepAlive->setInterval(60'000);
    connect(m_keepAlive, &QTimer::timeout, this, &StreamClient::keepAlive);
}

StreamClient::~StreamClient()
{
    m_running = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void StreamClient::setKeepAliveMs(int ms)
{
    m_keepAlive->setInterval(ms);
}

void StreamClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_attempt = 0;
    m_lostAtMs = -1;
    m_lastGapMs = -1;
    setState(State::Connecting);
    registerNow();
}

void StreamClient::stop()
{
    m_running = false;
    m_reconnect->stop();
    m_keepAlive->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    setState(State::Offline);
}

void StreamClient::setState(State state, const QString &problem)
{
    if (m_state == state && m_problem == problem)
        return;
    m_state = state;
    m_problem = problem;
    Q_EMIT stateChanged(state);
}

void StreamClient::connectionLost(qint64 atMs, const QString &problem)
{
    m_keepAlive->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    // A second loss before a connection opened again does not move the gap's start.
    if (m_state == State::Connected || m_lostAtMs < 0)
        m_lostAtMs = atMs;
    m_problem = problem;
}

void StreamClient::registerNow()
{
    if (!m_running)
        return;
    ++m_stats.registrations;
    QNetworkRequest request(openUrl(m_config.apiUrl));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setTransferTimeout(m_config.transferTimeoutMs);
    const QJsonObject body {
        {QStringLiteral("clientId"), m_config.appKey},
        {QStringLiteral("clientSecret"), m_config.appSecret},
        {QStringLiteral("subscriptions"),
         QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("EVENT")},
                                  {QStringLiteral("topic"), QStringLiteral("*")}}}},
        {QStringLiteral("ua"), QStringLiteral("rebatesync/0.2")},
        {QStringLiteral("localIp"), QStringLiteral("127.0.0.1")}};
    const qint64 started = QDateTime::currentMSecsSinceEpoch();
    QNetworkReply *reply = m_network->post(request, QJsonDocument(body).toJson());
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, started] { onRegistered(reply, started); });
}

void StreamClient::onRegistered(QNetworkReply *reply, qint64 startedMs)
{
    const std::unique_ptr<QNetworkReply, void (*)(QNetworkReply *)> owned(
        reply, [](QNetworkReply *r) { r->deleteLater(); });
    const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - startedMs;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    QJsonObject answer;
    Failure failure = status == 0
        ? FailureClassifier::transport(reply->error(), reply->errorString())
        : FailureClassifier::v1(status, body, &answer);
    const QString endpoint = answer.value(QLatin1String("endpoint")).toString();
    const QString ticket = answer.value(QLatin1String("ticket")).toString();
    if (failure.ok() && (endpoint.isEmpty() || ticket.isEmpty())) {
        failure.kind = Failure::Kind::Busy;
        failure.message = QString::fromUtf8(body.left(200));
    }
    // DingTalk's words go to the clerk and the log; an answer that echoes the secret must not.
    if (m_config.appSecret.size() >= 4)
        failure.message.replace(m_config.appSecret, QStringLiteral("***"));
    Q_EMIT registrationFinished(failure.ok(), elapsed, failure.describe());
    if (!m_running)
        return;
    if (failure.kind == Failure::Kind::Configuration) {
        stop();
        setState(State::Offline, failure.describe());
        Q_EMIT fatalError(failure);
        return;
    }
    if (!failure.ok()) {
        m_problem = tr("DingTalk did not open a connection: %1").arg(failure.describe());
        scheduleReconnect();
        return;
    }
    openSocket(endpoint, ticket);
}

void StreamClient::openSocket(const QString &endpoint, const QString &ticket)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        ++m_stats.connections;
        m_awaitingPong = false;
        m_lastAliveMs = QDateTime::currentMSecsSinceEpoch();
        m_lastGapMs = m_lostAtMs < 0 ? -1 : m_lastAliveMs - m_lostAtMs;
        m_keepAlive->start();
        setState(State::Connected);
        Q_EMIT connected();
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &StreamClient::onText);
    connect(m_socket, &QWebSocket::pong, this, [this] {
        m_awaitingPong = false;
        m_lastAliveMs = QDateTime::currentMSecsSinceEpoch();
    });
    connect(m_socket, &QWebSocket::disconnected, this, &StreamClient::onClosed);
    QUrl url(endpoint);
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("ticket"),
                       QString::fromLatin1(QUrl::toPercentEncoding(ticket)));
    url.setQuery(query);
    m_socket->open(url);
}

void StreamClient::onClosed()
{
    QString why;
    if (m_socket) {
        why = m_socket->closeReason();
        if (why.isEmpty() && m_socket->error() != QAbstractSocket::UnknownSocketError)
            why = m_socket->errorString();
    }
    connectionLost(QDateTime::currentMSecsSinceEpoch(),
                   why.isEmpty() ? tr("The connection to DingTalk closed.")
                                 : tr("The connection to DingTalk closed: %1").arg(why));
    if (m_running)
        scheduleReconnect();
}

void StreamClient::scheduleReconnect()
{
    setState(State::Reconnecting, m_problem);
    ++m_attempt;
    m_reconnect->start(int(m_backoff.delayMs(m_attempt)));
}

void StreamClient::keepAlive()
{
    if (!m_socket)
        return;
    if (m_awaitingPong) {
        // No pong since the last ping: the link is dead without having said so, since its last
        // sign of life (what was pushed after it went unacknowledged, or was lost).
        connectionLost(m_lastAliveMs, tr("DingTalk stopped answering keep-alive pings."));
        if (m_running)
            scheduleReconnect();
        return;
    }
    m_awaitingPong = true;
    m_socket->ping();
}

void StreamClient::onText(const QString &text)
{
    m_attempt = 0; // any frame proves the link: the next reconnect starts at the base delay
    m_lastAliveMs = QDateTime::currentMSecsSinceEpoch();
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(QLatin1String("type")).toString();
    if (type == QLatin1String("EVENT"))
        onEvent(frame);
    else if (type == QLatin1String("SYSTEM"))
        onSystem(frame);
    else if (type == QLatin1String("CALLBACK"))
        answer(frame.value(QLatin1String("headers"))
                   .toObject()
                   .value(QLatin1String("messageId"))
                   .toString(),
               compact({{QStringLiteral("response"), QJsonObject()}}));
}

void StreamClient::answer(const QString &messageId, const QString &data)
{
    if (!m_socket)
        return;
    const QJsonObject reply {
        {QStringLiteral("code"), 200},
        {QStringLiteral("headers"),
         QJsonObject {{QStringLiteral("messageId"), messageId},
                      {QStringLiteral("contentType"), QStringLiteral("application/json")}}},
        {QStringLiteral("message"), QStringLiteral("OK")},
        {QStringLiteral("data"), data}};
    m_socket->sendTextMessage(compact(reply));
}

void StreamClient::onEvent(const QJsonObject &frame)
{
    const QJsonObject headers = frame.value(QLatin1String("headers")).toObject();
    // Acknowledged first, looked at after: a slow detail call must not cause a redelivery.
    answer(headers.value(QLatin1String("messageId")).toString(),
           compact({{QStringLiteral("status"), QStringLiteral("SUCCESS")},
                    {QStringLiteral("message"), QStringLiteral("success")}}));
    ++m_stats.acks;
    ++m_stats.events;
    Q_EMIT pushReceived();

    const QString eventId = headers.value(QLatin1String("eventId")).toString();
    if (!eventId.isEmpty() && !remember(m_eventIds, m_eventOrder, eventId)) {
        ++m_stats.duplicates;
        return;
    }
    const QJsonObject data =
        QJsonDocument::fromJson(frame.value(QLatin1String("data")).toString().toUtf8()).object();
    const QString changeType = data.value(QLatin1String("type")).toString();
    const bool ends = changeType == QLatin1String("finish")
        || changeType == QLatin1String("terminate") || changeType == QLatin1String("delete");
    const QString instanceId = data.value(QLatin1String("processInstanceId")).toString();
    if (headers.value(QLatin1String("eventType")).toString()
            != QLatin1String("bpms_instance_change")
        || data.value(QLatin1String("processCode")).toString() != m_config.processCode || !ends
        || instanceId.isEmpty()) {
        ++m_stats.ignored;
        return;
    }
    if (!remember(m_changes, m_changeOrder, instanceId + QLatin1Char('/') + changeType)) {
        ++m_stats.duplicates;
        return;
    }
    StreamEvent event;
    event.eventId = eventId;
    event.instanceId = instanceId;
    event.type = changeType;
    event.result = data.value(QLatin1String("result")).toString();
    event.receivedMs = QDateTime::currentMSecsSinceEpoch();
    Q_EMIT instanceEnded(event);
}

void StreamClient::onSystem(const QJsonObject &frame)
{
    const QJsonObject headers = frame.value(QLatin1String("headers")).toObject();
    const QString topic = headers.value(QLatin1String("topic")).toString();
    const QString messageId = headers.value(QLatin1String("messageId")).toString();
    if (topic == QLatin1String("ping")) {
        ++m_stats.pings;
        answer(messageId, frame.value(QLatin1String("data")).toString());
        return;
    }
    if (topic == QLatin1String("disconnect")) {
        // Acknowledge, close this connection and register again at once (a new ticket).
        const QString data = frame.value(QLatin1String("data")).toString();
        answer(messageId, data);
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->close();
            m_socket->deleteLater();
            m_socket = nullptr;
        }
        const QString reason = QJsonDocument::fromJson(data.toUtf8())
                                   .object()
                                   .value(QLatin1String("reason"))
                                   .toString();
        connectionLost(QDateTime::currentMSecsSinceEpoch(),
                       tr("DingTalk asked for a new connection: %1").arg(reason));
        setState(State::Reconnecting, m_problem);
        m_attempt = 0;
        m_reconnect->start(0);
    }
}

bool StreamClient::remember(QSet<QString> &seen, QList<QString> &order, const QString &key)
{
    if (seen.contains(key))
        return false;
    seen.insert(key);
    order.append(key);
    if (order.size() > kRemembered)
        seen.remove(order.takeFirst());
    return true;
}

} // namespace rs::dingtalk
