#pragma once

#include "dingtalksim.h"
#include "faultplan.h"
#include "generator.h"
#include "kingdeesim.h"
#include "robotsim.h"
#include "streamgateway.h"

#include <QMap>
#include <QObject>

class QTimer;

namespace rs::sandbox {

class HttpServer;
class HttpExchange;

struct SandboxOptions
{
    GeneratorOptions data;
    DingTalkOptions dingTalk;
    RobotOptions robot;
    KingdeeOptions kingdee;
    FaultOptions faults;
    StreamOptions stream;
    int approveIntervalMs = 0; // > 0: every interval the oldest running instance is approved
};

// The loopback DingTalk + Kingdee on one port: routes each request, counts it, injects the
// configured faults, and serves /sandbox/… for tests and benchmarks to inspect and steer it.
class Sandbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sandbox)

public:
    explicit Sandbox(SandboxOptions options, QObject *parent = nullptr);
    ~Sandbox() override;

    quint16 listen(quint16 port);
    QString baseUrl() const;
    // The one JSON line printed at start: base URLs and what was generated.
    QByteArray startLine() const;

    struct Counter
    {
        qint64 calls = 0;
        qint64 errors = 0;
        qint64 throttled = 0;
        qint64 stalled = 0; // never answered (the stall fault)
    };
    const QMap<QString, Counter> &counters() const { return m_counters; }
    DingTalkSim &dingTalk() { return m_dingTalk; }
    const KingdeeSim &kingdee() const { return m_kingdee; }
    KingdeeSim &kingdee() { return m_kingdee; }
    const RobotSim &robot() const { return m_robot; }
    FaultPlan &faults() { return m_faults; }
    StreamGateway &stream() { return *m_stream; }

private:
    void dispatch(HttpExchange *exchange);
    bool inspect(HttpExchange *exchange);

    SandboxOptions m_options;
    DingTalkSim m_dingTalk;
    RobotSim m_robot;
    KingdeeSim m_kingdee;
    FaultPlan m_faults;
    QMap<QString, Counter> m_counters;
    HttpServer *m_server = nullptr;
    StreamGateway *m_stream = nullptr;
    QTimer *m_approver = nullptr;
    quint16 m_port = 0;
};

} // namespace rs::sandbox
