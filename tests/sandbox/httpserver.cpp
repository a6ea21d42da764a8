#include "httpserver.h"

#include "httpexchange.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace rs::sandbox {
namespace {

constexpr const char *kBufferProperty = "rs_buffer";
constexpr const char *kBusyProperty = "rs_busy";
constexpr qsizetype kMaxRequest = 64 * 1024 * 1024;

// Parses one complete request from the front of `buffer`; false while more bytes are needed.
bool takeRequest(QByteArray &buffer, HttpRequest *request, bool *malformed)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        *malformed = buffer.size() > 64 * 1024;
        return false;
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() < 3) {
        *malformed = true;
        return false;
    }
    HttpRequest parsed;
    parsed.method = requestLine.at(0);
    const QUrl target(QString::fromLatin1(requestLine.at(1)));
    parsed.path = target.path();
    parsed.query = QUrlQuery(target.query(QUrl::FullyEncoded));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            parsed.headers.insert(line.left(colon).trimmed().toLower(),
                                  line.mid(colon + 1).trimmed());
    }
    bool ok = true;
    const qsizetype length = parsed.headers.value("content-length", "0").toLongLong(&ok);
    if (!ok || length < 0 || length > kMaxRequest) {
        *malformed = true;
        return false;
    }
    if (buffer.size() < headerEnd + 4 + length)
        return false;
    parsed.body = buffer.mid(headerEnd + 4, length);
    buffer.remove(0, headerEnd + 4 + length);
    *request = std::move(parsed);
    return true;
}

} // namespace

HttpServer::HttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            serve(socket);
    });
}

quint16 HttpServer::listen(quint16 port)
{
    if (!m_server->listen(QHostAddress::LocalHost, port))
        return 0;
    return m_server->serverPort();
}

void HttpServer::serve(QTcpSocket *socket)
{
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequests(socket); });
}

void HttpServer::readRequests(QTcpSocket *socket)
{
    QByteArray buffer = socket->property(kBufferProperty).toByteArray() + socket->readAll();
    // One request at a time per connection, as HTTP/1.1 without pipelining answers them.
    while (!socket->property(kBusyProperty).toBool()) {
        HttpRequest request;
        bool malformed = false;
        if (!takeRequest(buffer, &request, &malformed)) {
            if (malformed) {
                socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                socket->disconnectFromHost();
                return;
            }
            break;
        }
        socket->setProperty(kBusyProperty, true);
        auto *exchange = new HttpExchange(std::move(request), socket, socket);
        connect(exchange, &HttpExchange::finished, socket, [this, socket, exchange] {
            exchange->deleteLater();
            socket->setProperty(kBusyProperty, false);
            if (socket->state() == QAbstractSocket::ConnectedState)
                readRequests(socket);
        });
        socket->setProperty(kBufferProperty, buffer);
        m_handler(exchange);
        buffer = socket->property(kBufferProperty).toByteArray();
    }
    socket->setProperty(kBufferProperty, buffer);
}

} // namespace rs::sandbox
