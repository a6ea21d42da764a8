#pragma once

#include "app/store/records.h"
#include "app/store/storeerror.h"

class QSqlDatabase;

namespace rs {

class Database;

// The sync log the clerk reads: what happened to which application and bill, and why.
class EventLog final
{
public:
    explicit EventLog(const Database &database);

    StoreError append(const SyncEvent &event) const;
    // Appends inside a transaction the caller already holds, so the event commits with its change.
    static StoreError appendIn(QSqlDatabase &db, const SyncEvent &event);

    // Newest first.
    QList<SyncEvent> recent(int limit, StoreError *error = nullptr) const;
    // Events with an id above `lastId`, oldest first, at most `limit`: what a live view reads to
    // catch up. SQLite has one writer at a time, so ids commit in order and none is skipped.
    QList<SyncEvent> after(qint64 lastId, int limit, StoreError *error = nullptr) const;

private:
    const Database &m_database;
};

} // namespace rs
