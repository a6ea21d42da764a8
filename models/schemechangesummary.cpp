#include "models/schemechangesummary.h"

#include "app/mapping/mapper.h"
#include "app/mapping/scheme.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"

#include <QSet>

namespace rs {
namespace {

bool isHandedOver(BillState state)
{
    return state != BillState::Pending && state != BillState::Failed;
}

struct MappedBill
{
    const BillDraft *draft = nullptr;
    bool sendable = false;
};

QHash<QString, MappedBill> byKey(const MappingResult &result)
{
    QHash<QString, MappedBill> bills;
    for (const BillDraft &draft : result.bills)
        bills.insert(draft.key, {&draft, result.approved && !draft.hasErrors});
    return bills;
}

void addAmount(Decimal &total, const MappedBill &bill)
{
    if (!bill.sendable)
        return;
    if (const std::optional<Decimal> amount = Decimal::parse(bill.draft->amount))
        total += *amount;
}

} // namespace

SchemeChangeSummary
SchemeChangeSummary::compute(const QList<ApplicationRecord> &applications,
                             const QHash<QString, QList<BillRecord>> &storedBills,
                             const Scheme *before, const Scheme &after, const Progress &progress)
{
    SchemeChangeSummary summary;
    const int total = int(applications.size());
    for (int done = 0; done < total; ++done) {
        if (progress && !progress(done, total)) {
            summary.cancelled = true;
            return summary;
        }
        const ApplicationRecord &application = applications.at(done);
        if (application.approval != ApprovalState::Approved)
            continue;
        QSet<QString> kept;
        for (const BillRecord &stored : storedBills.value(application.id)) {
            if (isHandedOver(stored.state))
                kept.insert(stored.key);
        }
        const MappingResult mappedBefore =
            before ? mapApplication(application, *before) : MappingResult {};
        const MappingResult mappedAfter = mapApplication(application, after);
        const QHash<QString, MappedBill> billsBefore = byKey(mappedBefore);
        const QHash<QString, MappedBill> billsAfter = byKey(mappedAfter);
        bool open = false;
        // In the order the new scheme makes them, then the ones it no longer makes.
        QStringList keys;
        for (const BillDraft &draft : mappedAfter.bills)
            keys.append(draft.key);
        for (const BillDraft &draft : mappedBefore.bills) {
            if (!billsAfter.contains(draft.key))
                keys.append(draft.key);
        }
        for (const QString &key : std::as_const(keys)) {
            if (kept.contains(key)) {
                ++summary.keptBills;
                continue;
            }
            open = true;
            const MappedBill was = billsBefore.value(key);
            const MappedBill will = billsAfter.value(key);
            summary.billsBefore += was.draft ? 1 : 0;
            summary.billsAfter += will.draft ? 1 : 0;
            addAmount(summary.totalBefore, was);
            addAmount(summary.totalAfter, will);
            const bool same = was.draft && will.draft && was.sendable == will.sendable
                && was.draft->model == will.draft->model;
            if (same)
                continue;
            SchemeBillChange change;
            change.applicationId = application.id;
            change.businessId = application.businessId;
            change.key = key;
            change.kind = !was.draft ? SchemeBillChange::Kind::Added
                : !will.draft        ? SchemeBillChange::Kind::Removed
                                     : SchemeBillChange::Kind::Changed;
            change.amountBefore = was.draft ? was.draft->amount : QString();
            change.amountAfter = will.draft ? will.draft->amount : QString();
            change.sendableBefore = was.sendable;
            change.sendableAfter = will.sendable;
            summary.changes.append(change);
        }
        summary.applications += open ? 1 : 0;
    }
    if (progress)
        progress(total, total);
    return summary;
}

SchemeChangeSummary SchemeChangeSummary::compute(const Database &database, const Scheme *before,
                                                 const Scheme &after)
{
    StoreError error;
    const QList<ApplicationRecord> applications =
        ApplicationRepository(database).listWithRows(ApprovalState::Approved, &error);
    QHash<QString, QList<BillRecord>> bills;
    if (error.ok())
        bills = BillRepository(database).byApplication(&error);
    if (!error.ok()) {
        SchemeChangeSummary failed;
        failed.error = error.message;
        return failed;
    }
    return compute(applications, bills, before, after);
}

} // namespace rs
