#include "rawhttpclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QTimer>

namespace rs::testing {

QByteArray RawResponse::header(const QByteArray &name) const
{
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

RawHttpConnection::RawHttpConnection(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    QElapsedTimer timer;
    timer.start();
    while (m_socket.state() != QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        if (!wait(int(timeoutMs - timer.elapsed())))
            break;
    }
}

void RawHttpConnection::write(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

void RawHttpConnection::writeInPieces(const QByteArray &bytes, qsizetype pieceSize)
{
    for (qsizetype at = 0; at < bytes.size(); at += pieceSize) {
        write(bytes.mid(at, pieceSize));
        wait(5); // the server reads what has arrived so far
    }
}

bool RawHttpConnection::wait(int timeoutMs)
{
    if (timeoutMs <= 0)
        return false;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QTcpSocket::readyRead, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QTcpSocket::connected, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    m_buffer += m_socket.readAll();
    return timer.isActive();
}

std::optional<RawResponse> RawHttpConnection::takeResponse()
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n", m_pos);
    if (headEnd < 0)
        return std::nullopt;
    RawResponse response;
    response.head = m_buffer.mid(m_pos, headEnd - m_pos);
    const QList<QByteArray> statusLine = response.head.split('\r').constFirst().split(' ');
    response.status = statusLine.value(1).toInt();
    const qsizetype length =
        response.status < 200 ? 0 : response.header("content-length").toLongLong();
    if (m_buffer.size() < headEnd + 4 + length)
        return std::nullopt;
    response.body = m_buffer.mid(headEnd + 4, length);
    m_pos = headEnd + 4 + length;
    if (m_pos > 64 * 1024) { // read on from an offset: thousands of answers stay linear
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    return response;
}

RawResponse RawHttpConnection::read(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    m_buffer += m_socket.readAll();
    for (;;) {
        if (auto response = takeResponse())
            return *response;
        if (m_socket.state() != QAbstractSocket::ConnectedState || timer.elapsed() >= timeoutMs)
            return {};
        wait(int(timeoutMs - timer.elapsed()));
    }
}

bool RawHttpConnection::closedByServer(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs)
        wait(int(timeoutMs - timer.elapsed()));
    return m_socket.state() != QAbstractSocket::ConnectedState;
}

QByteArray RawHttpConnection::unread()
{
    m_buffer += m_socket.readAll();
    const QByteArray rest = m_buffer.mid(m_pos);
    m_buffer.clear();
    m_pos = 0;
    return rest;
}

QByteArray rawRequest(const QByteArray &method, const QByteArray &target,
                      const QList<QByteArray> &headers, const QByteArray &body)
{
    QByteArray bytes = method + ' ' + target + " HTTP/1.1\r\n";
    for (const QByteArray &header : headers)
        bytes += header + "\r\n";
    return bytes + "\r\n" + body;
}

QByteArray chunked(const QByteArray &body, qsizetype chunkSize)
{
    QByteArray bytes;
    for (qsizetype at = 0; at < body.size(); at += chunkSize) {
        const QByteArray chunk = body.mid(at, chunkSize);
        bytes += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    return bytes + "0\r\n\r\n";
}

} // namespace rs::testing
