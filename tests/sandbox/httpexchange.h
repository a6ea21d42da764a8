#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

class QTcpSocket;

namespace rs::sandbox {

struct HttpRequest
{
    QByteArray method;
    QString path; // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body; // decoded: a chunked body arrives here as its data only
    bool closeConnection = false; // "Connection: close", or HTTP/1.0 without keep-alive

    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    // The value of one cookie from the Cookie header, or empty.
    QByteArray cookie(const QByteArray &name) const;
};

struct HttpResponse
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static HttpResponse json(const QByteArray &body, int status = 200);
    static HttpResponse text(const QByteArray &body, int status);

    // The answer as it goes on the wire, with Content-Length (and "Connection: close").
    QByteArray toBytes(bool closeConnection) const;
};

// One request on one connection. The sandbox answers it, answers it late, cuts the connection
// (as a network failure does) or never answers at all.
class HttpExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpExchange)

public:
    HttpExchange(HttpRequest request, QTcpSocket *socket, QObject *parent = nullptr);

    const HttpRequest &request() const { return m_request; }

    void respond(const HttpResponse &response);
    void respondAfter(int delayMs, const HttpResponse &response);
    // Closes the TCP connection without a byte of answer: the client sees a reset/remote close.
    void drop();
    // Never answers; the connection stays open until the client gives up.
    void stall();

Q_SIGNALS:
    void finished(); // answered or dropped: the connection may read its next request

private:
    HttpRequest m_request;
    QPointer<QTcpSocket> m_socket;
    bool m_done = false;
};

} // namespace rs::sandbox
