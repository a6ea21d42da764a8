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
        Sql, // a statement failed (constraint, disk full, …)
        Conflict, // the row was not in the state the caller expected
    };

    Kind kind = Kind::None;
    QString message;

    bool ok() const { return kind == Kind::None; }
    static StoreError none() { return {}; }
};

} // namespace rs
