#include "app/store/ledgerwatcher.h"

#include "app/store/database.h"
#include "app/store/sqldialect.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QTimer>

namespace rs {

LedgerWatcher::LedgerWatcher(const Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_coalesce(new QTimer(this))
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
}

LedgerWatcher::~LedgerWatcher()
{
    if (m_watching && m_database.isOpen())
        m_database.connection().driver()->unsubscribeFromNotification(sqldialect::changeChannel());
}

} // namespace rs
