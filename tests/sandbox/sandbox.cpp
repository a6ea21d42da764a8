#include "sandbox.h"

#include "httpexchange.h"
#include "httpserver.h"
#include "inspection.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace rs::sandbox {

Sandbox::Sandbox(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_dingTalk(m_options.dingTalk, generateInstances(m_options.data))
    , m_robot(m_options.robot)
    , m_kingdee(m_options.kingdee, m_options.faults.sessionExpiryEvery)
    , m_faults(m_options.faults, m_options.data.seed)
    , m_server(new HttpServer([this](HttpExchange *exchange) { dispatch(exchange); }, this))
    , m_stream(new StreamGateway(m_options.stream, m_options.dingTalk.appKey,
                                 m_options.dingTalk.appSecret, m_options.data.seed, this))
{
    m_dingTalk.setChangeListener([this](const SimInstance &instance, const QString &type) {
        m_stream->publish(instance, type);
    });
    m_dingTalk.setCommentListener([this](const SimInstance &instance, const QString &userId) {
        m_stream->publishComment(instance, userId);
    });
    if (m_options.approveIntervalMs > 0) {
        m_approver = new QTimer(this);
        connect(m_approver, &QTimer::timeout, this,
                [this] { m_dingTalk.completeOldestRunning(QDateTime::currentMSecsSinceEpoch()); });
        m_approver->start(m_options.approveIntervalMs);
    }
}

Sandbox::~Sandbox() = default;

quint16 Sandbox::listen(quint16 port)
{
    m_port = m_server->listen(port);
    if (m_port != 0 && !m_stream->listen())
        m_port = 0;
    return m_port;
}

QString Sandbox::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QByteArray Sandbox::startLine() const
{
    const QJsonObject line {
        {QStringLiteral("url"), baseUrl()},
        {QStringLiteral("dingtalk_oapi_url"), baseUrl()},
        {QStringLiteral("dingtalk_api_url"), baseUrl()},
        {QStringLiteral("kingdee_url"), QString(baseUrl() + QStringLiteral("/k3cloud"))},
        {QStringLiteral("inspect_url"), QString(baseUrl() + QStringLiteral("/sandbox"))},
        {QStringLiteral("process_code"), m_options.data.processCode},
        {QStringLiteral("applications"), m_options.data.count},
        {QStringLiteral("seed"), double(m_options.data.seed)}};
    return QJsonDocument(line).toJson(QJsonDocument::Compact);
}

void Sandbox::dispatch(HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    if (inspect(exchange))
        return;
    std::optional<Route> route = m_stream->route(request);
    if (!route)
        route = m_dingTalk.route(request);
    if (!route)
        route = m_robot.route(request);
    if (!route)
        route = m_kingdee.route(request);
    if (!route) {
        exchange->respond(HttpResponse::text("no such endpoint in the sandbox", 404));
        return;
    }

    Counter &counter = m_counters[route->api];
    ++counter.calls;
    if (m_faults.nextStall()) {
        ++counter.stalled;
        exchange->stall();
        return;
    }
    const int latency = m_faults.nextLatencyMs();
    if (m_faults.nextHttp500()) {
        ++counter.errors;
        exchange->respondAfter(latency,
                               {500,
                                {{"Content-Type", "text/html"}},
                                "<html><body><h1>500 Internal Server Error</h1></body></html>"});
        return;
    }

    Answer answer = route->handle(request);
    counter.errors += answer.error ? 1 : 0;
    counter.throttled += answer.throttled ? 1 : 0;
    if (answer.committedWrite && m_faults.nextDropAfterCommit()) {
        // The bills are saved; the answer is lost on the way back. This is what makes duplicates.
        QTimer::singleShot(latency, exchange, [exchange] { exchange->drop(); });
        return;
    }
    if (m_faults.nextMalformed())
        answer.response.body.truncate(answer.response.body.size() / 2);
    exchange->respondAfter(latency, answer.response);
}

bool Sandbox::inspect(HttpExchange *exchange)
{
    if (!exchange->request().path.startsWith(QLatin1String("/sandbox/")))
        return false;
    exchange->respond(Inspection::answer(*this, exchange->request()));
    return true;
}

} // namespace rs::sandbox
