#pragma once

#include <QString>

namespace rs {

// What went wrong in the store, with a message a clerk can act on (already translated).
struct StoreError
{
    enum class Kind {
        None,
        Corrupt, // not a database, or SQLite's integrity check failed
        NotOurs, // a database, but not one RebateSync wrote
        NewerVersion, // written by a newer RebateSync; never downgraded
        Io, // cannot create or open the file
        Sql, // a statement failed (a constraint, …)
        Conflict, // the row was not in the state the caller expected
        Full, // the disk (or the database's size limit) is full: no write succeeds until freed
        ReadOnly, // the file or its folder cannot be written: no write succeeds at all
        Unreachable, // the ledger's server cannot be reached, or the connection to it was lost
        Denied, // the ledger's server refused the user or the password
        TooOld, // the ledger's server is older than this build supports
    };

    Kind kind = Kind::None;
    QString message;
    // A deadlock or a serialisation failure on a shared ledger: the whole transaction may run
    // again, and Database::transact() does so.
    bool retryable = false;

    bool ok() const { return kind == Kind::None; }
    // The store itself cannot take writes any more (not this one record): a job stops at once
    // rather than spend DingTalk calls on answers it cannot keep.
    bool storeCannotWrite() const
    {
        return kind == Kind::Full || kind == Kind::ReadOnly || kind == Kind::Io
            || kind == Kind::Unreachable || kind == Kind::Denied;
    }
    static StoreError none() { return {}; }
};

} // namespace rs
