#pragma once

#include <QObject>

class QTimer;

namespace rs {

class Database;

// A console's companion on a shared ledger. It tells the console that another clerk's console or
// a scheduled run changed the ledger: the PostgreSQL NOTIFY that Database::transact() sends with
// each committed write, heard through QSqlDriver::subscribeToNotification(); bursts (a sync
// commits a bill at a time) come out as one changed() per quarter second. And it keeps the
// console's long-lived connection: it asks the server every few seconds whether it is still
// there, says when it is not, and once the server's port answers again reconnects, listens again
// and reports changed() (what was missed meanwhile). On SQLite it does nothing: there the
// console's own worker reports what it changed.
class LedgerWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit LedgerWatcher(const Database &database, QObject *parent = nullptr);
    ~LedgerWatcher() override;

    bool isWatching() const { return m_watching; }
    bool isConnected() const { return !m_lost; }
    // How often the connection is checked; tests make it shorter.
    void setCheckInterval(int ms);

Q_SIGNALS:
    void changed();
    // The ledger's server cannot be reached; `reason` says why, in the user's language.
    void connectionLost(const QString &reason);
    void connectionRestored();

private:
    void check();
    void tryToReconnect();

    const Database &m_database;
    QTimer *m_coalesce = nullptr;
    QTimer *m_check = nullptr;
    bool m_watching = false;
    bool m_lost = false;
    bool m_probing = false;
};

} // namespace rs
