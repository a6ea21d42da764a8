#pragma once

#include "httprequestparser.h"

#include <QObject>

#include <functional>

class QTcpSocket;

namespace rs::sandbox {

class HttpExchange;

// One client connection of HttpServer. It reads requests as their bytes arrive and answers them
// one at a time, in the order they came (pipelined ones wait their turn), keeps the connection
// alive between them, says "100 Continue" when a client waits for it, and closes after a request
// that asks for it or whose framing is broken. A loop serves the requests, never recursion: an
// answer given at once lets the same loop go on; one given later starts a new loop.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    using Handler = std::function<void(HttpExchange *)>;

    // Lives as long as `socket`, its parent.
    HttpConnection(QTcpSocket *socket, Handler handler);

    // Requests served in one turn of the event loop before the others get theirs.
    static constexpr int kRequestsPerTurn = 64;
    // While a request is being answered, at most this much more is read ahead of it.
    static constexpr qsizetype kReadAhead = 1024 * 1024;

private:
    void readRequests();
    void serve(HttpRequest request);
    void finished(HttpExchange *exchange);
    void refuse(int status);

    QTcpSocket *m_socket;
    Handler m_handler;
    HttpRequestParser m_parser;
    bool m_busy = false; // a request is being answered
    bool m_reading = false; // inside readRequests: an answer given now needs no new loop
    bool m_closing = false;
};

} // namespace rs::sandbox
