#pragma once

#include "app/store/storeerror.h"
#include "app/store/storelocation.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QSqlDatabase;
class QSqlError;

namespace rs {

// One connection to the store, used on the thread that opened it: the profile's SQLite file, or a
// PostgreSQL ledger a team shares. Opening a file first inspects it through a separate read-only
// connection — a sound RebateSync database of a version this build understands — and only then
// opens it for writing and migrates it forward; a file that fails a check is never written, not
// even by a WAL checkpoint. A ledger is checked the same way on its one connection (server
// version, whose tables, which schema) before anything is written to it.
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(rs::Database)

public:
    explicit Database(QString path); // an SQLite file
    explicit Database(StoreLocation location);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Opens and migrates up to `targetVersion` (tests use a lower one to build old databases).
    // A profile folder or file that cannot be written is refused as ReadOnly, saying so.
    StoreError open(int targetVersion = -1);
    // For commands that only read (status, list): like open(), but a database in a folder that
    // cannot be written is opened read-only instead of refused, when it needs no upgrade.
    StoreError openForReading();
    bool isOpen() const;
    bool isReadOnly() const { return m_readOnly; }

    // The SQLite file; empty for a ledger on a server.
    QString path() const { return m_location.path; }
    const StoreLocation &location() const { return m_location; }
    StoreDriver driver() const { return m_location.driver; }
    int schemaVersion() const { return m_version; }
    QSqlDatabase connection() const;

    // On a ledger, after its server was lost (restarted, the network gone): opens the connection
    // again with the same settings and listens again on the channels it listened on. Blocks for
    // up to the connect timeout when the server does not answer: call it when it is known to.
    StoreError reconnect() const;

    enum class Access { Read, Write };
    // Runs `body` in one transaction: commits when it returns ok, rolls everything back otherwise.
    // A Write transaction holds the write lock from its start; a Read one sees one snapshot.
    // On a ledger, a transaction the server aborts for a deadlock or a serialisation conflict runs
    // again (the body must not keep state across attempts), and every committed write is announced
    // on sqldialect::changeChannel() for the other consoles.
    StoreError transact(const std::function<StoreError(QSqlDatabase &)> &body,
                        Access access = Access::Write) const;

private:
    StoreError transactOnce(const std::function<StoreError(QSqlDatabase &)> &body,
                            Access access) const;
    StoreError openServer(int targetVersion);
    StoreError connectServer();
    StoreError prepareConnection(QSqlDatabase &db) const;
    StoreError checkServer();
    StoreError serverRefused(const QString &driverText) const;
    StoreError checkTables(QSqlDatabase &db, int *version) const;
    StoreError checkFileHeader() const;
    StoreError inspectReadOnly(int *version) const;
    StoreError openReadWrite();
    StoreError openReadOnly();
    bool writable() const;
    StoreError readOnlyFolder() const;
    StoreError migrate(int targetVersion);
    StoreError failedToRead(const QString &driverText, const QString &nativeCode) const;
    StoreError failedToWrite(const QSqlError &error) const;
    void close();

    StoreLocation m_location;
    QString m_path; // m_location.path, for the SQLite code
    QString m_connectionName;
    int m_version = 0;
    bool m_readOnly = false;
    bool m_immutable = false; // read-only without locks: see sqldialect::immutableDatabaseName()
};

} // namespace rs
