#include "app/store/ledgerwatcher.h"

#include "app/store/database.h"
#include "app/store/sqldialect.h"
#include "app/store/sqlutil.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <utility>

namespace rs {

LedgerWatcher::LedgerWatcher(const Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_coalesce(new QTimer(this))
    , m_check(new QTimer(this))
{
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(250);
    connect(m_coalesce, &QTimer::timeout, this, &LedgerWatcher::changed);
    if (!database.location().isServer() || !database.isOpen())
        return;
    QSqlDriver *driver = database.connection().driver();
    m_watching = driver->subscribeToNotification(sqldialect::changeChannel());
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource source, const QVariant &) {
                // What this connection wrote itself, the console already knows.
                if (name == sqldialect::changeChannel() && source != QSqlDriver::SelfSource
                    && !m_coalesce->isActive())
                    m_coalesce->start();
            });
    // A connection the server dropped (restarted, the network gone) hears nothing and says
    // nothing until the next query: a cheap one every few seconds finds out.
    m_check->setInterval(5000);
    connect(m_check, &QTimer::timeout, this, &LedgerWatcher::check);
    m_check->start();
}

LedgerWatcher::~LedgerWatcher()
{
    if (m_watching && !m_lost && m_database.isOpen())
        m_database.connection().driver()->unsubscribeFromNotification(sqldialect::changeChannel());
}

void LedgerWatcher::setCheckInterval(int ms)
{
    m_check->setInterval(ms);
}

void LedgerWatcher::check()
{
    if (m_lost) {
        tryToReconnect();
        return;
    }
    QSqlQuery probe(m_database.connection());
    const StoreError e = sql::run(probe, QStringLiteral("SELECT 1"), {},
                                  QT_TRANSLATE_NOOP("rs::Store", "checking the connection"));
    if (e.kind != StoreError::Kind::Unreachable)
        return;
    m_lost = true;
    Q_EMIT connectionLost(e.message);
}

void LedgerWatcher::tryToReconnect()
{
    // Reconnecting blocks this thread until the server answers or the connect timeout passes, so
    // it is tried only once the server's port accepts a connection, found out without blocking.
    if (m_probing)
        return;
    m_probing = true;
    auto *socket = new QTcpSocket(this);
    auto answered = std::make_shared<bool>(false);
    const auto done = [this, socket, answered](bool reachable) {
        if (std::exchange(*answered, true))
            return;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        m_probing = false;
        if (!reachable || !m_database.reconnect().ok())
            return;
        m_lost = false;
        Q_EMIT connectionRestored();
        Q_EMIT changed();
    };
    connect(socket, &QTcpSocket::connected, this, [done] { done(true); });
    connect(socket, &QTcpSocket::errorOccurred, this, [done] { done(false); });
    // A host that is gone may not refuse, only stay silent.
    QTimer::singleShot(5000, socket, [done] { done(false); });
    const StoreLocation &where = m_database.location();
    socket->connectToHost(where.host, quint16(where.port));
}

} // namespace rs
