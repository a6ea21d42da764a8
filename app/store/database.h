#pragma once

#include "app/store/storeerror.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QSqlDatabase;
class QSqlError;

namespace rs {

// One connection to the profile's database, used on the thread that opened it. Opening first
// inspects the file through a separate read-only connection — a sound RebateSync database of a
// version this build understands — and only then opens it for writing and migrates it forward;
// a file that fails a check is never written, not even by a WAL checkpoint.
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(rs::Database)

public:
    explicit Database(QString path);
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

    QString path() const { return m_path; }
    int schemaVersion() const { return m_version; }
    QSqlDatabase connection() const;

    enum class Access { Read, Write };
    // Runs `body` in one transaction: commits when it returns ok, rolls everything back otherwise.
    // A Write transaction holds the write lock from its start; a Read one sees one snapshot.
    StoreError transact(const std::function<StoreError(QSqlDatabase &)> &body,
                        Access access = Access::Write) const;

private:
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

    QString m_path;
    QString m_connectionName;
    int m_version = 0;
    bool m_readOnly = false;
    bool m_immutable = false; // read-only without locks: see sqldialect::immutableDatabaseName()
};

} // namespace rs
