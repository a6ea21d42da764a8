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

#include <atomic>

namespace rs {
namespace {

QString nextConnectionName()
{
    static std::atomic<int> counter {0};
    return QStringLiteral("rebatesync-%1").arg(++counter);
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
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
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

StoreError Database::open(int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestSchemaVersion();
    close();

    if (QFileInfo::exists(m_path)) {
        if (StoreError error = checkExistingFile(); !error.ok())
            return error;
    } else if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        return {StoreError::Kind::Io,
                tr("Cannot create the folder for the database %1.")
                    .arg(QDir::toNativeSeparators(m_path))};
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(sqldialect::driverName(), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        return {StoreError::Kind::Io,
                tr("Cannot open the database %1: %2")
                    .arg(QDir::toNativeSeparators(m_path), db.lastError().text())};
    }

    // Everything up to applyConnectionSettings() only reads: a file that fails here is untouched.
    int version = 0;
    if (StoreError error = inspect(&version); !error.ok()) {
        close();
        return error;
    }
    if (version > latestSchemaVersion()) {
        close();
        return {StoreError::Kind::NewerVersion,
                tr("The database %1 was written by a newer version of RebateSync (schema %2; this "
                   "version understands up to %3). It has not been changed. Install the newer "
                   "version, or open another profile.")
                    .arg(QDir::toNativeSeparators(m_path))
                    .arg(version)
                    .arg(latestSchemaVersion())};
    }
    m_version = version;

    if (StoreError error = applyConnectionSettings(); !error.ok()) {
        close();
        return error;
    }
    if (StoreError error = migrate(targetVersion); !error.ok()) {
        close();
        return error;
    }
    return StoreError::none();
}

StoreError Database::checkExistingFile() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {StoreError::Kind::Io,
                tr("Cannot read the database %1: %2")
                    .arg(QDir::toNativeSeparators(m_path), file.errorString())};
    }
    const QByteArray magic = sqldialect::fileHeaderMagic();
    const QByteArray head = file.read(magic.size());
    if (file.size() > 0 && head != magic) {
        return {StoreError::Kind::Corrupt,
                tr("The file %1 is not a RebateSync database or is damaged. It has not been "
                   "changed. Restore it from a backup, or move it away to start with an empty "
                   "database.")
                    .arg(QDir::toNativeSeparators(m_path))};
    }
    return StoreError::none();
}

StoreError Database::inspect(int *version) const
{
    QSqlDatabase db = connection();
    QSqlQuery query(db);
    const StoreError damaged {
        StoreError::Kind::Corrupt,
        tr("The database %1 is damaged (SQLite's integrity check failed). It has not been "
           "changed. Restore it from a backup, or move it away to start with an empty database.")
            .arg(QDir::toNativeSeparators(m_path))};

    if (!query.exec(sqldialect::integrityCheckQuery()) || !query.next()
        || query.value(0).toString() != QLatin1String("ok")) {
        return damaged;
    }

    if (!query.exec(sqldialect::listTablesQuery()))
        return damaged;
    QStringList tables;
    while (query.next())
        tables.append(query.value(0).toString());
    if (tables.isEmpty()) {
        *version = 0;
        return StoreError::none();
    }
    if (!tables.contains(QLatin1String("schema_version"))) {
        return {StoreError::Kind::NotOurs,
                tr("The file %1 is a database, but not one written by RebateSync. It has not been "
                   "changed. Choose another profile folder.")
                    .arg(QDir::toNativeSeparators(m_path))};
    }
    if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !query.next())
        return damaged;
    *version = query.value(0).toInt();
    return StoreError::none();
}

StoreError Database::applyConnectionSettings() const
{
    QSqlQuery query(connection());
    for (const QString &pragma : sqldialect::connectionPragmas()) {
        if (!query.exec(pragma)) {
            return {StoreError::Kind::Io,
                    tr("Cannot prepare the database %1: %2")
                        .arg(QDir::toNativeSeparators(m_path), query.lastError().text())};
        }
    }
    return StoreError::none();
}

StoreError Database::migrate(int targetVersion)
{
    for (const Migration &migration : schemaMigrations()) {
        if (migration.version <= m_version || migration.version > targetVersion)
            continue;
        const bool firstEver = m_version == 0;
        StoreError error = transact([&](QSqlDatabase &db) {
            QSqlQuery query(db);
            if (firstEver) {
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

StoreError Database::transact(const std::function<StoreError(QSqlDatabase &)> &body) const
{
    QSqlDatabase db = connection();
    if (!db.transaction()) {
        return {StoreError::Kind::Sql,
                tr("Cannot start a database transaction: %1").arg(db.lastError().text())};
    }
    StoreError error = body(db);
    if (!error.ok()) {
        db.rollback();
        return error;
    }
    if (!db.commit()) {
        const QString reason = db.lastError().text();
        db.rollback();
        return {StoreError::Kind::Sql, tr("Cannot save to the database: %1").arg(reason)};
    }
    return StoreError::none();
}

} // namespace rs
