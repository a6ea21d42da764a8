#include "app/store/database.h"

#include "app/store/migrations.h"
#include "app/store/sqldialect.h"
#include "app/store/sqlutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
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
int versionIn(QSqlQuery &query, bool *ok)
{
    *ok = query.exec(sqldialect::listTablesQuery());
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
    : m_path(std::move(path))
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
    if (!QFileInfo::exists(m_path) || writable())
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
        QSqlDatabase db = QSqlDatabase::addDatabase(sqldialect::driverName(), name);
        db.setDatabaseName(m_immutable ? sqldialect::immutableDatabaseName(m_path) : m_path);
        db.setConnectOptions(m_immutable ? sqldialect::immutableConnectOptions()
                                         : sqldialect::connectOptions(true));
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
                *version = versionIn(query, &ok);
                if (!ok) {
                    result =
                        failedToRead(query.lastError().text(), query.lastError().nativeErrorCode());
                } else if (*version < 0) {
                    result = {StoreError::Kind::NotOurs,
                              tr("The file %1 is a database, but not one written by RebateSync. It "
                                 "has not been changed. Choose another profile folder.")
                                  .arg(QDir::toNativeSeparators(m_path))};
                } else if (*version > latestSchemaVersion()) {
                    result = {StoreError::Kind::NewerVersion,
                              tr("The database %1 was written by a newer version of RebateSync "
                                 "(schema %2; this version understands up to %3). It has not been "
                                 "changed. Install the newer version, or open another profile.")
                                  .arg(QDir::toNativeSeparators(m_path))
                                  .arg(*version)
                                  .arg(latestSchemaVersion())};
                }
            }
        }
        db.close(); // a read-only connection never checkpoints: the WAL stays as it was
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

StoreError Database::openReadWrite()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(sqldialect::driverName(), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(sqldialect::connectOptions(false));
    if (!db.open()) {
        return {StoreError::Kind::Io,
                tr("Cannot open the database %1: %2")
                    .arg(QDir::toNativeSeparators(m_path), db.lastError().text())};
    }
    QSqlQuery query(db);
    for (const QString &pragma : sqldialect::connectionPragmas()) {
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
    QSqlDatabase db = QSqlDatabase::addDatabase(sqldialect::driverName(), m_connectionName);
    db.setDatabaseName(m_immutable ? sqldialect::immutableDatabaseName(m_path) : m_path);
    db.setConnectOptions(m_immutable ? sqldialect::immutableConnectOptions()
                                     : sqldialect::connectOptions(true));
    if (!db.open())
        return failedToRead(db.lastError().text(), db.lastError().nativeErrorCode());
    m_readOnly = true;
    return StoreError::none();
}

StoreError Database::migrate(int targetVersion)
{
    for (const Migration &migration : schemaMigrations()) {
        if (migration.version <= m_version || migration.version > targetVersion)
            continue;
        StoreError error = transact([&](QSqlDatabase &db) {
            QSqlQuery query(db);
            // Another process (the console and a scheduled CLI run) may have migrated while this
            // one waited for the write lock: read the version again under the lock.
            bool ok = false;
            const int current = versionIn(query, &ok);
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
    const QString path = QDir::toNativeSeparators(m_path);
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
    QSqlDatabase db = connection();
    {
        QSqlQuery begin(db);
        if (!begin.exec(access == Access::Write ? sqldialect::beginWriteTransaction()
                                                : sqldialect::beginReadTransaction())) {
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
    if (!end.exec(QStringLiteral("COMMIT"))) {
        const QSqlError reason = end.lastError();
        end.exec(QStringLiteral("ROLLBACK"));
        return failedToWrite(reason);
    }
    return StoreError::none();
}

} // namespace rs
