#include "httpconnection.h"

#include "httpexchange.h"

#include <QTcpSocket>
#include <QTimer>

namespace rs::sandbox {

HttpConnection::HttpConnection(QTcpSocket *socket, Handler handler)
    : QObject(socket)
    , m_socket(socket)
    , m_handler(std::move(handler))
{
    // Qt stops reading from the network while its own buffer is full: the client waits (TCP).
    m_socket->setReadBufferSize(kReadAhead);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readRequests);
    connect(m_socket, &QTcpSocket::disconnected, m_socket, &QObject::deleteLater);
}

void HttpConnection::readRequests()
{
    if (m_reading || m_closing)
        return;
    m_reading = true;
    int served = 0;
    for (;;) {
        if (!m_busy || m_parser.buffered() < kReadAhead)
            m_parser.append(m_socket->readAll());
        if (m_busy || m_closing || m_socket->state() != QAbstractSocket::ConnectedState)
            break;
        if (served == kRequestsPerTurn) { // the rest next turn, after the other connections
            QTimer::singleShot(0, this, &HttpConnection::readRequests);
            break;
        }
        const HttpRequestParser::Result result = m_parser.next();
        if (result == HttpRequestParser::Result::NeedMore) {
            if (m_parser.takeContinue())
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            break;
        }
        if (result == HttpRequestParser::Result::Error) {
            refuse(m_parser.errorStatus());
            break;
        }
        ++served;
        serve(m_parser.take());
    }
    m_reading = false;
}

void HttpConnection::serve(HttpRequest request)
{
    m_busy = true;
    auto *exchange = new HttpExchange(std::move(request), m_socket, this);
    connect(exchange, &HttpExchange::finished, this, [this, exchange] { finished(exchange); });
    m_handler(exchange);
}

void HttpConnection::finished(HttpExchange *exchange)
{
    exchange->deleteLater();
    m_busy = false;
    if (exchange->request().closeConnection) {
        m_closing = true;
        m_socket->disconnectFromHost(); // after what was written has gone out
        return;
    }
    if (!m_reading && m_socket->state() == QAbstractSocket::ConnectedState)
        readRequests();
}

void HttpConnection::refuse(int status)
{
    m_closing = true;
    const HttpResponse response = HttpResponse::text(
        "the request's framing cannot be read (HTTP " + QByteArray::number(status) + ")", status);
    m_socket->write(response.toBytes(true));
    m_socket->disconnectFromHost();
}

} // namespace rs::sandbox
