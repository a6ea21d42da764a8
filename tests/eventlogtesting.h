#pragma once

#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "app/store/records.h"

#include <QThread>

#include <atomic>
#include <memory>

namespace rs::testdata {

inline SyncEvent event(SyncEvent::Level level, const QString &message,
                       const QString &applicationId = {}, const QString &billKey = {})
{
    SyncEvent e;
    e.level = level;
    e.kind = QStringLiteral("test");
    e.message = message;
    e.applicationId = applicationId;
    e.billKey = billKey;
    return e;
}

// Appends `events` the way a fetch or push job does: from a worker thread through its own
// connection to the database file, while the caller's connection stays open.
inline bool appendFromWorker(const QString &databasePath, const QList<SyncEvent> &events)
{
    std::atomic<bool> ok {true};
    std::unique_ptr<QThread> worker(QThread::create([&] {
        Database db(databasePath);
        if (!db.open().ok()) {
            ok = false;
            return;
        }
        const EventLog log(db);
        for (const SyncEvent &e : events) {
            if (!log.append(e).ok())
                ok = false;
        }
    }));
    worker->start();
    worker->wait();
    return ok;
}

} // namespace rs::testdata
