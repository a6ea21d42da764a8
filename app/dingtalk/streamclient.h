#pragma once

#include "app/dingtalk/dingtalkconfig.h"
#include "app/dingtalk/failure.h"
#include "app/net/backoff.h"

#include <QList>
#include <QObject>
#include <QSet>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;
class QWebSocket;

namespace rs::dingtalk {

// One bpms_instance_change event that may have ended an instance of the configured process.
struct StreamEvent
{
    QString eventId;
    QString instanceId;
    QString type; // finish | terminate | delete
    QString result; // agree | refuse on finish
    qint64 receivedMs = 0; // when the frame arrived (epoch ms)
};

// DingTalk's Stream mode (DINGTALK.md "Stream mode"): registers with the app key and secret,
// opens the WebSocket with the single-use ticket, acknowledges every EVENT at once and then
// looks at it, echoes SYSTEM pings, and on a disconnect frame or a drop registers again with
// backoff. Only ended instances of the configured process come out, each once.
class StreamClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamClient)

public:
    enum class State { Offline, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    struct Stats
    {
        int registrations = 0;
        int connections = 0;
        int events = 0; // EVENT frames received, duplicates included (each is a push)
        int acks = 0;
        int pings = 0; // SYSTEM pings echoed
        int duplicates = 0; // dropped by eventId or by (instance, type)
        int ignored = 0; // other event types, other processes, start events
    };

    explicit StreamClient(DingTalkConfig config, QObject *parent = nullptr);
    ~StreamClient() override;

    void start();
    void stop();
    State state() const { return m_state; }
    // Why the client is reconnecting or offline, for the clerk (DingTalk's words where it gave
    // any); empty while connected.
    QString problem() const { return m_problem; }
    // How long no connection was open before the current one: from the moment the last one was
    // known to be lost (or, for a link found dead by the keep-alive, its last sign of life).
    // -1 for the run's first connection.
    qint64 lastGapMs() const { return m_lastGapMs; }
    const Stats &stats() const { return m_stats; }
    // Keep-alive: a WebSocket ping this often; no pong by the next one means the link is dead.
    void setKeepAliveMs(int ms);
    void setBackoff(net::Backoff backoff) { m_backoff = backoff; }

Q_SIGNALS:
    // The state, or the problem behind it, changed.
    void stateChanged(rs::dingtalk::StreamClient::State state);
    // A connection is open: whatever happened while none was is now to be swept.
    void connected();
    void instanceEnded(const rs::dingtalk::StreamEvent &event);
    // Every EVENT frame, counted against the month's push allowance.
    void pushReceived();
    // The registration call, for the counters; `errorText` empty when it went well.
    void registrationFinished(bool ok, qint64 elapsedMs, const QString &errorText);
    // DingTalk refused the credentials: the client has stopped; the user must fix them.
    void fatalError(const rs::dingtalk::Failure &failure);

private:
    void registerNow();
    void onRegistered(QNetworkReply *reply, qint64 startedMs);
    void openSocket(const QString &endpoint, const QString &ticket);
    void onText(const QString &text);
    void onEvent(const QJsonObject &frame);
    void onSystem(const QJsonObject &frame);
    void answer(const QString &messageId, const QString &data);
    void onClosed();
    void scheduleReconnect();
    void keepAlive();
    void setState(State state, const QString &problem = {});
    void connectionLost(qint64 atMs, const QString &problem);
    bool remember(QSet<QString> &seen, QList<QString> &order, const QString &key);

    DingTalkConfig m_config;
    QNetworkAccessManager *m_network;
    QWebSocket *m_socket = nullptr;
    QTimer *m_reconnect;
    QTimer *m_keepAlive;
    net::Backoff m_backoff {1000, 60'000, 0.3};
    int m_attempt = 0;
    bool m_running = false;
    bool m_awaitingPong = false;
    State m_state = State::Offline;
    QString m_problem;
    qint64 m_lostAtMs = -1; // when the last connection was lost; -1 before the first
    qint64 m_lastGapMs = -1;
    qint64 m_lastAliveMs = 0; // the last frame or pong
    Stats m_stats;
    QSet<QString> m_eventIds;
    QList<QString> m_eventOrder;
    QSet<QString> m_changes; // "instance/type"
    QList<QString> m_changeOrder;
};

} // namespace rs::dingtalk
