#include "app/store/monitorrepository.h"

#include "app/store/database.h"
#include "app/store/sqlutil.h"

#include <QSqlQuery>

namespace rs {

MonitorRepository::MonitorRepository(const Database &database)
    : m_database(database)
{ }

QList<SettledBill> MonitorRepository::settledSince(const QDateTime &sinceUtc,
                                                   StoreError *error) const
{
    QList<SettledBill> bills;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    // updated_at is ISO 8601 UTC with milliseconds everywhere, so text order is time order.
    const StoreError e =
        sql::run(q,
                 QStringLiteral("SELECT state, updated_at, amount FROM bills"
                                " WHERE state IN (?, ?) AND updated_at >= ? ORDER BY updated_at"),
                 {toWireName(BillState::Synced), toWireName(BillState::Failed),
                  sinceUtc.toUTC().toString(Qt::ISODateWithMs)},
                 QT_TRANSLATE_NOOP("rs::Store", "reading synced bills"));
    if (error)
        *error = e;
    while (e.ok() && q.next()) {
        SettledBill bill;
        bill.state = billStateFromWireName(q.value(0).toString()).value_or(BillState::Failed);
        bill.changedAt = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        bill.amount = q.value(2).toString();
        bills.append(bill);
    }
    return bills;
}

} // namespace rs
