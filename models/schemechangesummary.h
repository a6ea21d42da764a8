#pragma once

#include "app/mapping/decimal.h"
#include "app/store/records.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace rs {

class Database;
struct Scheme;

// One bill a new scheme makes differently from the active one.
struct SchemeBillChange
{
    enum class Kind { Changed, Added, Removed };
    QString applicationId;
    QString businessId;
    QString key; // idempotency key
    Kind kind = Kind::Changed;
    QString amountBefore; // exact decimal text; empty for an added bill or an unreadable amount
    QString amountAfter;
    bool sendableBefore = false;
    bool sendableAfter = false;
};

// What making a scheme active would change in the bills not yet handed to Kingdee, over the
// stored approved applications: which bills change and the sendable total before and after,
// exactly. Bills already handed over (queued, sending, in doubt, synced, reversed) keep the
// payload they were sent with whatever the scheme, so they are left out.
struct SchemeChangeSummary
{
    Q_DECLARE_TR_FUNCTIONS(rs::SchemeChangeSummary)

public:
    int applications = 0; // approved applications with bills not handed over
    int billsBefore = 0;
    int billsAfter = 0;
    int keptBills = 0; // handed over: unchanged by any scheme
    Decimal totalBefore; // the sendable bills' amounts
    Decimal totalAfter;
    QList<SchemeBillChange> changes;
    QString error; // the store could not be read
    bool cancelled = false; // stopped by Progress: the figures are partial

    // After each application: how many are done of how many; false stops the run (cancelled).
    using Progress = std::function<bool(int done, int total)>;

    // `before` may be null (the active scheme does not load): every bill is then new.
    static SchemeChangeSummary compute(const QList<ApplicationRecord> &applications,
                                       const QHash<QString, QList<BillRecord>> &storedBills,
                                       const Scheme *before, const Scheme &after,
                                       const Progress &progress = {});
    static SchemeChangeSummary compute(const Database &database, const Scheme *before,
                                       const Scheme &after);
};

} // namespace rs
