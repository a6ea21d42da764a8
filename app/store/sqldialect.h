#pragma once

#include "app/store/storelocation.h"

#include <QString>
#include <QStringList>

namespace rs::sqldialect {

// THE ONE PLACE FOR DRIVER-SPECIFIC SQL. Everything else in app/store/ is portable SQL that runs
// on SQLite and PostgreSQL alike (bound parameters, VARCHAR/TEXT/INTEGER/BIGINT/SMALLINT,
// INSERT … ON CONFLICT); the functions here give each driver's spelling of what differs.

// Qt Sql driver name: QSQLITE or QPSQL.
QString driverName(StoreDriver driver);

// SQLite: a busy timeout instead of SQLITE_BUSY, and read-only for the connection that inspects a
// file before anything may write to it. PostgreSQL: a connect timeout, so an unreachable server
// is reported in seconds, and the program's name in pg_stat_activity.
QString connectOptions(StoreDriver driver, bool readOnly);

// SQLite only: the database name and options for reading a file in a folder nobody may write,
// where SQLite cannot create its -shm file: "immutable", so it reads the file without locks. Only
// when there is no -wal file (everything is in the file itself).
QString immutableDatabaseName(const QString &path);
QString immutableConnectOptions();

// Starting transactions. SQLite: a write transaction takes the write lock up front (BEGIN
// IMMEDIATE), so two writers queue on the busy timeout instead of one failing when it upgrades a
// read lock. PostgreSQL: row locks do that; a read transaction sees one snapshot.
QString beginWriteTransaction(StoreDriver driver);
QString beginReadTransaction(StoreDriver driver);

// Serialises schema migrations between processes inside the migration's transaction. SQLite: the
// write lock already does (empty). PostgreSQL: a transaction-scoped advisory lock.
QString migrationLock(StoreDriver driver);

// Error classification. SQLite reports its result codes ("5", "11", "1032"), PostgreSQL its
// five-character SQLSTATE ("53100"); each function knows both, so a caller needs no driver.
// The file itself is damaged (SQLITE_CORRUPT, SQLITE_NOTADB).
bool isCorruptionError(const QString &nativeErrorCode);
// Another connection holds a lock (SQLITE_BUSY, SQLITE_LOCKED).
bool isBusyError(const QString &nativeErrorCode);
// The disk or the size limit is full (SQLITE_FULL; SQLSTATE 53100 disk_full, 53200 out of
// memory and 53300 too many connections are not this).
bool isDiskFullError(const QString &nativeErrorCode);
// The file cannot be written (SQLITE_READONLY, SQLITE_CANTOPEN for a new -wal file; SQLSTATE
// 25006 read_only_sql_transaction, a standby server).
bool isReadOnlyError(const QString &nativeErrorCode);
// PostgreSQL: the connection to the server is gone or was refused (SQLSTATE class 08, an
// administrator's shutdown 57P01–57P03, or no SQLSTATE at all when libpq lost the socket).
bool isConnectionError(StoreDriver driver, const QString &nativeErrorCode);
// PostgreSQL: a deadlock or serialisation failure; the whole transaction may simply run again.
bool isRetryableTransactionError(const QString &nativeErrorCode);

// Run on every new read-write connection. SQLite: WAL so readers never block the writer, FULL
// sync so a committed state change survives a power cut, foreign keys on. PostgreSQL: UTC, so
// server-side times read the same on every clerk's machine.
QStringList connectionPragmas(StoreDriver driver);

// SQLite only: the integrity check; the first column of the first row is "ok" when sound.
QString integrityCheckQuery();

// The names of all user tables.
QString listTablesQuery(StoreDriver driver);

// A surrogate key that the database assigns.
QString identityPrimaryKey(StoreDriver driver);

// The database's clock in milliseconds since the epoch, as an SQL expression: heartbeats of runs
// on different machines are compared on one clock, the server's.
QString nowMillisExpression(StoreDriver driver);

// Appended to a SELECT that claims rows for this transaction. PostgreSQL: FOR UPDATE SKIP LOCKED,
// so a run passes over the rows another run is claiming this instant instead of waiting for them.
// SQLite: empty, its write transaction already excludes every other writer.
QString claimRowsSuffix(StoreDriver driver);

// Appended to the SELECT of a bill (alias b) joined to its application (alias a) that must see both
// as they are and keep them so until the transaction ends: a revocation stored at that moment
// waits for the send to commit, or is seen by it. PostgreSQL: FOR UPDATE OF b FOR SHARE OF a.
// SQLite: empty, its write transaction already excludes every other writer.
QString lockBillAndApplicationSuffix(StoreDriver driver);

// After rows were copied in with their ids: the statement that moves the table's identity counter
// past them. PostgreSQL: setval on the column's sequence. SQLite: empty (INTEGER PRIMARY KEY
// continues after the largest id by itself).
QString resetIdentity(StoreDriver driver, const QString &table);

// PostgreSQL: the channel each committed write announces itself on, for the other consoles.
QString changeChannel();

// The 16 bytes every SQLite 3 file starts with; anything else is not a database.
QByteArray fileHeaderMagic();

// PostgreSQL: the oldest server this build supports (server_version_num).
int oldestServerVersion();

} // namespace rs::sqldialect
