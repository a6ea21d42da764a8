#pragma once

#include "app/store/states.h"
#include "app/store/storeerror.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace rs {

class Database;

// A bill that reached an end of a run (synced or failed), with when it got there.
struct SettledBill
{
    BillState state = BillState::Synced;
    QDateTime changedAt; // UTC: the bill's last state change
    QString amount; // exact decimal text
};

// What the monitoring summary reads that the other repositories do not offer.
class MonitorRepository final
{
public:
    explicit MonitorRepository(const Database &database);

    // Synced and failed bills whose last change is at or after `sinceUtc`, oldest first. A
    // synced bill never changes again, so its last change is when it was synced.
    QList<SettledBill> settledSince(const QDateTime &sinceUtc, StoreError *error = nullptr) const;

private:
    const Database &m_database;
};

} // namespace rs
