#include "httpserver.h"

#include "httpconnection.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace rs::sandbox {

HttpServer::HttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            new HttpConnection(socket, m_handler);
    });
}

quint16 HttpServer::listen(quint16 port)
{
    if (!m_server->listen(QHostAddress::LocalHost, port))
        return 0;
    return m_server->serverPort();
}

} // namespace rs::sandbox
