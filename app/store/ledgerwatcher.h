#pragma once

#include <QObject>

class QTimer;

namespace rs {

class Database;

// Tells a console that another clerk's console or a scheduled run changed the shared ledger: the
// PostgreSQL NOTIFY that Database::transact() sends with each committed write, heard on this
// connection through QSqlDriver::subscribeToNotification(). Bursts (a sync commits a bill at a
// time) come out as one changed() per quarter second. On SQLite it watches nothing: there the
// console's own worker reports what it changed.
class LedgerWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit LedgerWatcher(const Database &database, QObject *parent = nullptr);
    ~LedgerWatcher() override;

    bool isWatching() const { return m_watching; }

Q_SIGNALS:
    void changed();

private:
    const Database &m_database;
    QTimer *m_coalesce = nullptr;
    bool m_watching = false;
};

} // namespace rs
