#pragma once

#include <QHostAddress>
#include <QObject>

#include <functional>

class QTcpServer;

namespace rs::sandbox {

class HttpExchange;

// A small HTTP/1.1 server over QTcpServer: keep-alive, pipelining, Content-Length and chunked
// bodies, Expect: 100-continue, Connection: close (HttpConnection serves each connection). The
// sandbox needs what a fault injector needs and QtHttpServer's API does not offer the same way in
// every Qt 6 release: the raw connection, to cut it after a commit or to leave a request
// unanswered.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using Handler = std::function<void(HttpExchange *)>;

    explicit HttpServer(Handler handler, QObject *parent = nullptr);

    // Listens on loopback; port 0 picks a free one. Returns the port, 0 on failure.
    quint16 listen(quint16 port);

private:
    Handler m_handler;
    QTcpServer *m_server = nullptr;
};

} // namespace rs::sandbox
