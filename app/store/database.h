#pragma once

#include "app/store/storeerror.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QSqlDatabase;

namespace rs {

// One connection to the profile's database, used on the thread that opened it. Opening checks
// that the file is a sound RebateSync database of a version this build understands before
// anything is written, then migrates it forward; a file that fails a check is left untouched.
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(rs::Database)

public:
    explicit Database(QString path);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Opens and migrates up to `targetVersion` (tests use a lower one to build old databases).
    StoreError open(int targetVersion = -1);
    bool isOpen() const;

    QString path() const { return m_path; }
    int schemaVersion() const { return m_version; }
    QSqlDatabase connection() const;

    // Runs `body` in one transaction: commits when it returns ok, rolls everything back otherwise.
    StoreError transact(const std::function<StoreError(QSqlDatabase &)> &body) const;

private:
    StoreError checkExistingFile() const;
    StoreError inspect(int *version) const;
    StoreError applyConnectionSettings() const;
    StoreError migrate(int targetVersion);
    void close();

    QString m_path;
    QString m_connectionName;
    int m_version = 0;
};

} // namespace rs
