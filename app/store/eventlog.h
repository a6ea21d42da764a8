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

private:
    const Database &m_database;
};

} // namespace rs
