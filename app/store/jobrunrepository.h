#pragma once

#include "app/store/storeerror.h"

#include <QString>
#include <QtGlobal>

#include <optional>

namespace rs {

class Database;

// A fetch or sync run as the clerk and the next run see it.
struct JobRun
{
    qint64 id = 0;
    QString kind; // "fetch" | "sync"
    QString startedAt;
    QString finishedAt; // empty while running, or when the program died mid-run
    qint64 periodFromMs = 0;
    qint64 periodToMs = 0;
    QString result; // "ok" | "partial" | "failed"; empty while running
    QString summary;
    QString osUser; // who ran it: the operating-system user
    QString machine; // and on which computer
};

class JobRunRepository final
{
public:
    explicit JobRunRepository(const Database &database);

    // Returns the new run's id, 0 on failure.
    qint64 start(const QString &kind, qint64 periodFromMs, qint64 periodToMs,
                 StoreError *error = nullptr) const;
    StoreError finish(qint64 id, const QString &result, const QString &summary) const;
    // A running run says it is alive, on the database's clock; other runs on the same ledger
    // take over its claims only when this stops for longer than [store] claim_timeout_seconds.
    StoreError beat(qint64 id) const;
    static constexpr qint64 kHeartbeatMs = 5'000;
    // "user@machine" of this process, as runs and events record it.
    static QString currentActor();
    // The newest finished run of `kind`, optionally only those that ended with `result`.
    std::optional<JobRun> last(const QString &kind, const QString &result = {},
                               StoreError *error = nullptr) const;

private:
    const Database &m_database;
};

} // namespace rs
