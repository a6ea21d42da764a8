#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QTcpSocket>

#include <optional>

namespace rs::testing {

struct RawResponse
{
    int status = 0; // 0: nothing complete arrived in time
    QByteArray head; // status line and header lines
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

// A raw TCP connection to a loopback port, to send a request exactly as a client library frames
// it (chunked bodies, Expect, pipelining) and read the answers as they come. It turns the event
// loop while it waits, so an in-process server keeps serving.
class RawHttpConnection final
{
    Q_DISABLE_COPY_MOVE(RawHttpConnection)

public:
    explicit RawHttpConnection(quint16 port, int timeoutMs = 5000);

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void write(const QByteArray &bytes);
    // Writes the bytes in pieces of `pieceSize`, letting the server read between them.
    void writeInPieces(const QByteArray &bytes, qsizetype pieceSize);
    // The next complete answer (a Content-Length body, or none for 1xx), or status 0 on timeout.
    RawResponse read(int timeoutMs = 5000);
    // True once the server has closed the connection, within the timeout.
    bool closedByServer(int timeoutMs = 5000);
    // Whatever arrived and was not read as an answer.
    QByteArray unread();

private:
    bool wait(int timeoutMs);
    std::optional<RawResponse> takeResponse();

    QTcpSocket m_socket;
    QByteArray m_buffer;
    qsizetype m_pos = 0; // where the next unread answer starts
};

// A request as bytes: the request line, the headers as given, and the body exactly as framed.
QByteArray rawRequest(const QByteArray &method, const QByteArray &target,
                      const QList<QByteArray> &headers, const QByteArray &body = {});

// `body` in chunked transfer coding, in chunks of at most `chunkSize` bytes, then the last chunk.
QByteArray chunked(const QByteArray &body, qsizetype chunkSize = 0x7fffffff);

} // namespace rs::testing
