#pragma once

#include "route.h"
#include "siminstance.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QRandomGenerator>

#include <optional>

class QWebSocket;
class QWebSocketServer;
class QTimer;

namespace rs::sandbox {

struct StreamOptions
{
    int ticketLifetimeS = 90; // a ticket opens one connection within this time
    int redeliverMs = 3000; // an EVENT not acknowledged by then is sent again
    // First delivery plus redeliveries. A try with no connection open counts: an event is kept
    // for about maxDeliveries × redeliverMs, then lost.
    int maxDeliveries = 4;
    int pingIntervalMs = 0; // > 0: a SYSTEM ping to every connection this often
    int disconnectGraceMs = 10'000; // after a disconnect frame the TCP connection closes this late
    int monthlyPushes = 3000; // the push allowance; 0 = unlimited
    double duplicateRate = 0; // share of events sent twice (same eventId, new messageId)
    double lostAckRate = 0; // share of acks the gateway does not hear (it redelivers)
    // Start events are subscribed to (the developer console chooses event types per app).
    bool startEvents = true;
};

// DingTalk's Stream gateway: POST /v1.0/gateway/connections/open hands out a single-use ticket
// and a ws:// endpoint; over the WebSocket it pushes EVENT frames as instances change, SYSTEM
// pings and disconnects, redelivers what is not acknowledged, and counts every push.
class StreamGateway final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamGateway)

public:
    StreamGateway(StreamOptions options, QString appKey, QString appSecret, quint32 seed,
                  QObject *parent = nullptr);
    ~StreamGateway() override;

    bool listen();
    std::optional<Route> route(const HttpRequest &request);

    // A bpms_instance_change event about `instance`; `type` start | finish | terminate | delete.
    void publish(const SimInstance &instance, const QString &type);
    // The bpms_task_change event of type comment that a comment posted through the API produces.
    void publishComment(const SimInstance &instance, const QString &userId);
    // Any event, as it goes into `data` (tests: other processes, task events).
    void publishRaw(const QString &eventType, const QJsonObject &data);
    void pingAll();
    void disconnectAll(int graceMs); // a disconnect frame, then the TCP close graceMs later
    void dropAll(); // abrupt close, no frame
    void expireTickets() { m_tickets.clear(); }

    StreamOptions &options() { return m_options; }
    QJsonObject stats() const;

private:
    struct Pending
    {
        QByteArray frame;
        int deliveries = 0; // tries, with or without a connection to send to
        int sent = 0;
        qint64 dueMs = 0;
    };

    Answer open(const HttpRequest &request);
    void accept();
    void onText(QWebSocket *socket, const QString &text);
    void deliver(const QString &messageId);
    void redeliverDue();
    QWebSocket *pickConnection();
    QString nextMessageId();
    void send(QWebSocket *socket, const QByteArray &frame);

    StreamOptions m_options;
    QString m_appKey;
    QString m_appSecret;
    QRandomGenerator m_random;
    QWebSocketServer *m_server;
    QTimer *m_redeliver;
    QTimer *m_pinger;
    QHash<QString, qint64> m_tickets; // ticket → expiry (epoch ms)
    QList<QWebSocket *> m_connections;
    QHash<QString, Pending> m_pending; // messageId → unacknowledged EVENT
    int m_messageCounter = 0;
    qint64 m_ticketsIssued = 0;
    qint64 m_connectionsOpened = 0;
    qint64 m_refusedConnections = 0;
    qint64 m_pushes = 0; // EVENT frames sent (every delivery counts against the allowance)
    qint64 m_events = 0; // events published
    qint64 m_acks = 0;
    qint64 m_redeliveries = 0;
    qint64 m_duplicates = 0;
    qint64 m_lost = 0; // published while no connection was open, or over the allowance
    qint64 m_pings = 0;
    qint64 m_pingAnswers = 0;
    qint64 m_disconnects = 0;
    qint64 m_drops = 0;
};

} // namespace rs::sandbox
