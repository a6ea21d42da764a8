#pragma once

#include "app/store/storeerror.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace rs {

class Database;

// Moving a clerk's SQLite store into a team's empty ledger (`rebatesync-cli store migrate`):
// every table row for row in one transaction on the target, then checked — the same row count in
// every table, and the same exact money totals of applications and bills. The source is only
// read.
class StoreCopy final
{
    Q_DECLARE_TR_FUNCTIONS(rs::StoreCopy)

public:
    struct Table
    {
        QString name;
        qint64 rows = 0;
    };
    struct Report
    {
        QList<Table> tables;
        QString applicationTotal; // exact decimal sums, the same on both sides after a copy
        QString billTotal;
    };

    // Both open at the latest schema version; `to` must hold no row in any table.
    static StoreError copy(const Database &from, const Database &to, Report *report);

    // The tables a store holds, parents before children.
    static QStringList tables();
};

} // namespace rs
