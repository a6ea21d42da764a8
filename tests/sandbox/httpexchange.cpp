#include "httpexchange.h"

#include <QTcpSocket>
#include <QTimer>

namespace rs::sandbox {
namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

} // namespace

QByteArray HttpRequest::cookie(const QByteArray &name) const
{
    const QList<QByteArray> parts = header("cookie").split(';');
    for (const QByteArray &part : parts) {
        const QByteArray trimmed = part.trimmed();
        const qsizetype eq = trimmed.indexOf('=');
        if (eq > 0 && trimmed.left(eq) == name)
            return trimmed.mid(eq + 1);
    }
    return {};
}

HttpResponse HttpResponse::json(const QByteArray &body, int status)
{
    return {status, {{"Content-Type", "application/json; charset=utf-8"}}, body};
}

HttpResponse HttpResponse::text(const QByteArray &body, int status)
{
    return {status, {{"Content-Type", "text/plain; charset=utf-8"}}, body};
}

QByteArray HttpResponse::toBytes(bool closeConnection) const
{
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    for (const auto &[name, value] : headers)
        bytes += name + ": " + value + "\r\n";
    if (closeConnection)
        bytes += "Connection: close\r\n";
    return bytes + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

HttpExchange::HttpExchange(HttpRequest request, QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_socket(socket)
{ }

void HttpExchange::respond(const HttpResponse &response)
{
    if (m_done)
        return;
    m_done = true;
    if (m_socket)
        m_socket->write(response.toBytes(m_request.closeConnection));
    Q_EMIT finished();
}

void HttpExchange::respondAfter(int delayMs, const HttpResponse &response)
{
    if (delayMs <= 0) {
        respond(response);
        return;
    }
    QTimer::singleShot(delayMs, this, [this, response] { respond(response); });
}

void HttpExchange::drop()
{
    if (m_done)
        return;
    m_done = true;
    if (m_socket)
        m_socket->abort();
    Q_EMIT finished();
}

void HttpExchange::stall()
{
    // Nothing is written and `finished` never fires: later requests on this connection wait too,
    // exactly as behind a hung server.
}

} // namespace rs::sandbox
