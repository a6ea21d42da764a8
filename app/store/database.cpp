#include "app/store/database.h"

#include "app/store/migrations.h"
#include "app/store/sqldialect.h"
#include "app/store/sqlutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

namespace rs {
namespace {

QString nextConnectionName()
{
    static std::atomic<int> counter {0};
    return QStringLiteral("rebatesync-%1").arg(++counter);
}

// The highest migration applied, 0 for an empty database, -1 when the tables are someone else's.
int versionIn(QSqlQuery &query, StoreDriver driver, bool *ok)
{
    *ok = query.exec(sqldialect::listTablesQuery(driver));
    if (!*ok)
        return 0;
    QStringList tables;
    while (query.next())
        tables.append(query.value(0).toString());
    if (tables.isEmpty())
        return 0;
    if (!tables.contains(QLatin1String("schema_version")))
        return -1;
    *ok = query.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) && query.next();
    return *ok ? query.value(0).toInt() : 0;
}

} // namespace

Database::Database(QString path)
    : Database(StoreLocation::sqlite(path))
{ }

Database::Database(StoreLocation location)
    : m_location(std::move(location))
    , m_path(m_location.path)
    , m_connectionName(nextConnectionName())
{ }

Database::~Database()
{
    close();
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::writable() const
{
    // SQLite writes the -wal and -shm files beside the database: the folder must take new files.
    // access(2) answers for this user, so root on a writable disk passes, as it can write there.
    const QFileInfo file(m_path);
    const QFileInfo folder(file.absolutePath());
    return (!folder.exists() || folder.isWritable()) && (!file.exists() || file.isWritable());
}

StoreError Database::readOnlyFolder() const
{
    return {StoreError::Kind::ReadOnly,
            tr("The profile folder %1 is read-only: RebateSync cannot save anything there. Make "
               "the folder and rebatesync.db writable for this user, or choose another folder "
               "with --profile. (status and list still work.)")
                .arg(QDir::toNativeSeparators(QFileInfo(m_path).absolutePath()))};
}

StoreError Database::openForReading()
{
    if (m_location.isServer() || !QFileInfo::exists(m_path) || writable())
        return open();
    close();
    m_version = 0;
    m_immutable = false;
    if (StoreError error = checkFileHeader(); !error.ok())
        return error;
    StoreError inspected = inspectReadOnly(&m_version);
    if (!inspected.ok() && !QFileInfo::exists(m_path + QStringLiteral("-wal"))) {
        // SQLite could not make its -shm file beside a WAL database; with no -wal file every
        // committed change is in the file itself, so it can be read as it is.
        m_immutable = true;
        inspected = inspectReadOnly(&m_version);
    }
    if (!inspected.ok())
        return inspected;
    if (m_version != latestSchemaVersion()) {
        // An older schema needs an upgrade, which is a write.
        return readOnlyFolder();
    }
    if (StoreError error = openReadOnly(); !error.ok()) {
        close();
        return error;
    }
    return StoreError::none();
}

StoreError Database::open(int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestSchemaVersion();
    if (m_location.isServer())
        return openServer(targetVersion);
    close();
    m_version = 0;
    m_readOnly = false;
    m_immutable = false;

    if (QFileInfo::exists(m_path)) {
        if (StoreError error = checkFileHeader(); !error.ok())
            return error;
        if (!writable())
            return readOnlyFolder();
        if (StoreError error = inspectReadOnly(&m_version); !error.ok())
            return error;
    } else if (!writable()) {
        return readOnlyFolder();
    } else if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        return {StoreError::Kind::Io,
                tr("Cannot create the folder for the database %1.")
                    .arg(QDir::toNativeSeparators(m_path))};
    }

    if (StoreError error = openReadWrite(); !error.ok()) {
        close();
        return error;
    }
    if (StoreError error = migrate(targetVersion); !error.ok()) {
        close();
        return error;
    }
    return StoreError::none();
}

StoreError Database::checkFileHeader() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {StoreError::Kind::Io,
                tr("Cannot read the database %1: %2")
                    .arg(QDir::toNativeSeparators(m_path), file.errorString())};
    }
    const QByteArray magic = sqldialect::fileHeaderMagic();
    if (file.size() > 0 && file.read(magic.size()) != magic) {
        return {StoreError::Kind::Corrupt,
                tr("The file %1 is not a RebateSync database or is damaged. It has not been "
                   "changed. Restore it from a backup, or move it away to start with an empty "
                   "database.")
                    .arg(QDir::toNativeSeparators(m_path))};
    }
    return StoreError::none();
}

StoreError Database::failedToRead(const QString &driverText, const QString &nativeCode) const
{
    if (sqldialect::isCorruptionError(nativeCode)) {
        return {StoreError::Kind::Corrupt,
                tr("The database %1 is damaged (SQLite's integrity check failed). It has not been "
                   "changed. Restore it from a backup, or move it away to start with an empty "
                   "database.")
                    .arg(QDir::toNativeSeparators(m_path))};
    }
    // Busy, locked, no permission: the file may well be sound, so no advice to discard it.
    return {StoreError::Kind::Io,
            tr("Cannot read the database %1: %2. It has not been changed; "
               "close other programs using it and try again.")
                .arg(QDir::toNativeSeparators(m_path), driverText)};
}

StoreError Database::inspectReadOnly(int *version) const
{
    const QString name = m_connectionName + QStringLiteral("-inspect");
    StoreError result;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(sqldialect::driverName(StoreDriver::Sqlite), name);
        db.setDatabaseName(m_immutable ? sqldialect::immutableDatabaseName(m_path) : m_path);
        db.setConnectOptions(m_immutable ? sqldialect::immutableConnectOptions()
                                         : sqldialect::connectOptions(StoreDriver::Sqlite, true));
        if (!db.open()) {
            result = failedToRead(db.lastError().text(), db.lastError().nativeErrorCode());
        } else {
            QSqlQuery query(db);
            bool ok = query.exec(sqldialect::integrityCheckQuery());
            if (!ok) {
                result =
                    failedToRead(query.lastError().text(), query.lastError().nativeErrorCode());
            } else if (!query.next() || query.value(0).toString() != QLatin1String("ok")) {
                result = failedToRead(QString(), QStringLiteral("11"));
            } else {
                query.finish();
                result = checkTables(db, version);
            }
        }
        db.close(); // a read-only connection never checkpoints: the WAL stays as it was
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

StoreError Database::checkTables(QSqlDatabase &db, int *version) const
{
    QSqlQuery query(db);
    bool ok = false;
    *version = versionIn(query, m_location.driver, &ok);
    const QString where = m_location.display();
    if (!ok)
        return failedToRead(query.lastError().text(), query.lastError().nativeErrorCode());
    if (*version < 0) {
        return {StoreError::Kind::NotOurs,
                m_location.isServer()
                    ? tr("%1 holds tables of another program, not a RebateSync ledger. Nothing "
                         "was written to it. Give RebateSync an empty database of its own.")
                          .arg(where)
                    : tr("The file %1 is a database, but not one written by RebateSync. It has not "
                         "been changed. Choose another profile folder.")
                          .arg(where)};
    }
    if (*version > latestSchemaVersion()) {
        return {StoreError::Kind::NewerVersion,
                tr("The database %1 was written by a newer version of RebateSync (schema %2; this "
                   "version understands up to %3). It has not been changed. Install the newer "
                   "version, or open another profile.")
                    .arg(where)
                    .arg(*version)
                    .arg(latestSchemaVersion())};
    }
    return StoreError::none();
}

StoreError Database::openServer(int targetVersion)
{
    close();
    m_version = 0;
    m_readOnly = false;
    if (StoreError error = connectServer(); !error.ok()) {
        close();
        return error;
    }
    if (StoreError error = checkServer(); !error.ok()) {
        close();
        return error;
    }
    if (StoreError error = migrate(targetVersion); !error.ok()) {
        close();
        return error;
    }
    return StoreError::none();
}

StoreError Database::connectServer()
{
    const StoreDriver driver = m_location.driver;
    if (!QSqlDatabase::isDriverAvailable(sqldialect::driverName(driver))) {
        return {StoreError::Kind::Io,
                tr("This installation cannot reach a PostgreSQL ledger: Qt's PostgreSQL driver "
                   "(QPSQL) is missing. Reinstall RebateSync, or set [store] driver=sqlite.")};
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(sqldialect::driverName(driver), m_connectionName);
    db.setHostName(m_location.host);
    db.setPort(m_location.port);
    db.setDatabaseName(m_location.database);
    db.setUserName(m_location.user);
    db.setPassword(m_location.password);
    db.setConnectOptions(sqldialect::connectOptions(driver, false));
    if (!db.open())
        return serverRefused(db.lastError().databaseText() + db.lastError().driverText());
    return prepareConnection(db);
}

StoreError Database::prepareConnection(QSqlDatabase &db) const
{
    QSqlQuery query(db);
    for (const QString &statement : sqldialect::connectionPragmas(m_location.driver)) {
        if (!query.exec(statement)) {
            return {
                StoreError::Kind::Io,
                tr("Cannot prepare %1: %2").arg(m_location.display(), query.lastError().text())};
        }
    }
    return StoreError::none();
}

StoreError Database::reconnect() const
{
    if (!m_location.isServer() || !QSqlDatabase::contains(m_connectionName))
        return StoreError::none();
    QSqlDatabase db = connection();
    // The driver object outlives close(), so whoever listens to its notification() signal keeps
    // listening; the server forgets the LISTENs with the old connection, so they are sent again.
    QSqlDriver *driver = db.driver();
    const QStringList channels = driver->subscribedToNotifications();
    db.close();
    if (!db.open())
        return serverRefused(db.lastError().databaseText() + db.lastError().driverText());
    if (StoreError e = prepareConnection(db); !e.ok())
        return e;
    for (const QString &channel : channels) {
        if (!driver->subscribeToNotification(channel)) {
            return {StoreError::Kind::Io,
                    tr("Cannot listen for changes on %1 again: %2")
                        .arg(m_location.display(), driver->lastError().text())};
        }
    }
    return StoreError::none();
}

StoreError Database::serverRefused(const QString &driverText) const
{
    // libpq's words are English (the server's may be in its own language): they are passed on as
    // they are, after a sentence that says what to check.
    const QString words = driverText.simplified();
    const QString where = m_location.display();
    if (words.contains(QLatin1String("password authentication failed"))
        || words.contains(QLatin1String("no password supplied"))
        || words.contains(QLatin1String("role \""))
        || words.contains(QLatin1String("no pg_hba.conf entry"))) {
        return {StoreError::Kind::Denied,
                tr("%1 refused the user or the password (%2). Nothing was written. Save the "
                   "ledger's password in the settings (or with rebatesync-cli secret set "
                   "store.password), or ask who runs the server for access.")
                    .arg(where, words)};
    }
    if (words.contains(QLatin1String("does not exist"))) {
        return {StoreError::Kind::Io,
                tr("%1 does not exist on that server (%2). Nothing was written. Create an empty "
                   "database for RebateSync there, or correct [store] database.")
                    .arg(where, words)};
    }
    return {StoreError::Kind::Unreachable,
            tr("Cannot reach %1 (%2). Nothing was written. Check [store] host and port, the "
               "network, and that the server is running; then try again.")
                .arg(where, words)};
}

StoreError Database::checkServer()
{
    QSqlDatabase db = connection();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SHOW server_version_num")) || !query.next()) {
        return {StoreError::Kind::Io,
                tr("Cannot read the server version of %1: %2")
                    .arg(m_location.display(), query.lastError().text())};
    }
    const int serverVersion = query.value(0).toInt();
    query.finish();
    if (serverVersion < sqldialect::oldestServerVersion()) {
        return {StoreError::Kind::TooOld,
                tr("%1 runs PostgreSQL %2.%3; RebateSync needs PostgreSQL 12 or newer. Nothing was "
                   "written. Ask who runs the server to upgrade it.")
                    .arg(m_location.display())
                    .arg(serverVersion / 10000)
                    .arg(serverVersion % 10000)};
    }
    return checkTables(db, &m_version);
}

StoreError Database::openReadWrite()
{
    QSqlDatabase db =
        QSqlDatabase::addDatabase(sqldialect::driverName(StoreDriver::Sqlite), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(sqldialect::connectOptions(StoreDriver::Sqlite, false));
    if (!db.open()) {
        return {StoreError::Kind::Io,
                tr("Cannot open the database %1: %2")
                    .arg(QDir::toNativeSeparators(m_path), db.lastError().text())};
    }
    QSqlQuery query(db);
    for (const QString &pragma : sqldialect::connectionPragmas(StoreDriver::Sqlite)) {
        // Switching to WAL needs the file to itself and SQLite does not wait for that on its busy
        // timeout: when another process is opening it at the same moment, wait here instead.
        bool done = query.exec(pragma);
        for (int attempt = 0;
             !done && sqldialect::isBusyError(query.lastError().nativeErrorCode()) && attempt < 100;
             ++attempt) {
            QThread::msleep(50);
            done = query.exec(pragma);
        }
        // Where access(2) cannot tell (a folder's permissions on Windows), SQLite finds out when
        // it creates the -wal file.
        if (!done && sqldialect::isReadOnlyError(query.lastError().nativeErrorCode()))
            return readOnlyFolder();
        if (!done) {
            return {StoreError::Kind::Io,
                    tr("Cannot prepare the database %1: %2")
                        .arg(QDir::toNativeSeparators(m_path), query.lastError().text())};
        }
    }
    return StoreError::none();
}

StoreError Database::openReadOnly()
{
    QSqlDatabase db =
        QSqlDatabase::addDatabase(sqldialect::driverName(StoreDriver::Sqlite), m_connectionName);
    db.setDatabaseName(m_immutable ? sqldialect::immutableDatabaseName(m_path) : m_path);
    db.setConnectOptions(m_immutable ? sqldialect::immutableConnectOptions()
                                     : sqldialect::connectOptions(StoreDriver::Sqlite, true));
    if (!db.open())
        return failedToRead(db.lastError().text(), db.lastError().nativeErrorCode());
    m_readOnly = true;
    return StoreError::none();
}

StoreError Database::migrate(int targetVersion)
{
    const StoreDriver driver = m_location.driver;
    for (const Migration &migration : schemaMigrations(driver)) {
        if (migration.version <= m_version || migration.version > targetVersion)
            continue;
        StoreError error = transact([&](QSqlDatabase &db) {
            QSqlQuery query(db);
            // Another process (the console and a scheduled CLI run) may have migrated while this
            // one waited for the write lock: read the version again under the lock.
            if (const QString lock = sqldialect::migrationLock(driver); !lock.isEmpty()) {
                if (StoreError e = sql::run(query, lock, {},
                                            QT_TRANSLATE_NOOP("rs::Store", "upgrading the schema"));
                    !e.ok()) {
                    return e;
                }
            }
            bool ok = false;
            const int current = versionIn(query, driver, &ok);
            if (!ok)
                return StoreError {StoreError::Kind::Sql, query.lastError().text()};
            if (current >= migration.version)
                return StoreError::none();
            if (current == 0) {
                if (StoreError e =
                        sql::run(query,
                                 QStringLiteral("CREATE TABLE schema_version ("
                                                " version INTEGER NOT NULL PRIMARY KEY,"
                                                " description VARCHAR(200) NOT NULL,"
                                                " applied_at VARCHAR(32) NOT NULL)"),
                                 {}, QT_TRANSLATE_NOOP("rs::Store", "creating the schema"));
                    !e.ok()) {
                    return e;
                }
            }
            for (const QString &statement : migration.statements) {
                if (StoreError e = sql::run(query, statement, {},
                                            QT_TRANSLATE_NOOP("rs::Store", "upgrading the schema"));
                    !e.ok()) {
                    return e;
                }
            }
            return sql::run(query,
                            QStringLiteral("INSERT INTO schema_version (version, description,"
                                           " applied_at) VALUES (?, ?, ?)"),
                            {migration.version, migration.description, sql::nowUtc()},
                            QT_TRANSLATE_NOOP("rs::Store", "upgrading the schema"));
        });
        if (!error.ok())
            return error;
        m_version = migration.version;
    }
    return StoreError::none();
}

StoreError Database::failedToWrite(const QSqlError &error) const
{
    const QString path = m_location.display();
    if (sqldialect::isConnectionError(m_location.driver, error.nativeErrorCode())) {
        return {StoreError::Kind::Unreachable,
                tr("The connection to %1 was lost (%2). Nothing half-done was kept: check the "
                   "network or ask who runs the server, then try again.")
                    .arg(path, error.text().trimmed())};
    }
    if (sqldialect::isDiskFullError(error.nativeErrorCode())) {
        return {StoreError::Kind::Full,
                tr("The disk is full: the database %1 cannot save anything more. Free some disk "
                   "space and try again.")
                    .arg(path)};
    }
    if (sqldialect::isReadOnlyError(error.nativeErrorCode())) {
        return {StoreError::Kind::ReadOnly,
                tr("The database %1 is read-only: nothing can be saved. Make the profile folder "
                   "writable, or choose another one with --profile.")
                    .arg(path)};
    }
    return {StoreError::Kind::Sql, tr("Cannot save to the database: %1").arg(error.text())};
}

StoreError Database::transact(const std::function<StoreError(QSqlDatabase &)> &body,
                              Access access) const
{
    // A ledger aborts one of two transactions that deadlock; running it again is what the server
    // expects. Three attempts: a fourth conflict in a row is a real problem to report.
    constexpr int attempts = 3;
    StoreError error;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        error = transactOnce(body, access);
        if (!error.retryable)
            break;
        QThread::msleep(20 * attempt);
    }
    return error;
}

StoreError Database::transactOnce(const std::function<StoreError(QSqlDatabase &)> &body,
                                  Access access) const
{
    QSqlDatabase db = connection();
    const StoreDriver driver = m_location.driver;
    {
        QSqlQuery begin(db);
        if (!begin.exec(access == Access::Write ? sqldialect::beginWriteTransaction(driver)
                                                : sqldialect::beginReadTransaction(driver))) {
            const StoreError e = failedToWrite(begin.lastError());
            if (e.kind != StoreError::Kind::Sql)
                return e;
            return {StoreError::Kind::Sql,
                    tr("Cannot start a database transaction: %1").arg(begin.lastError().text())};
        }
    }
    StoreError error = body(db);
    QSqlQuery end(db);
    if (!error.ok()) {
        end.exec(QStringLiteral("ROLLBACK"));
        return error;
    }
    // Delivered to the listeners when, and only when, the transaction commits.
    if (access == Access::Write && m_location.isServer())
        end.exec(QStringLiteral("NOTIFY ") + sqldialect::changeChannel());
    if (!end.exec(QStringLiteral("COMMIT"))) {
        const QSqlError reason = end.lastError();
        end.exec(QStringLiteral("ROLLBACK"));
        StoreError failed = failedToWrite(reason);
        failed.retryable = sqldialect::isRetryableTransactionError(reason.nativeErrorCode());
        return failed;
    }
    return StoreError::none();
}

} // namespace rs
