#include "app/sync/pushplanner.h"

#include "app/store/billerror.h"

#include "app/mapping/mapper.h"
#include "app/mapping/scheme.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace rs::sync {
namespace {

QString issuesOf(const MappingResult &result, const QString &billKey)
{
    QStringList texts;
    for (const MappingIssue &issue : result.issues) {
        if (issue.bill.isEmpty() || issue.bill == billKey)
            texts.append(clerkErrorText(issue.message, issue.field));
    }
    return texts.join(QStringLiteral("; "));
}

} // namespace

QString PushPlanner::notApproved(const QString &applicationId, ApprovalState state)
{
    return QCoreApplication::translate("rs::Sync",
                                       "application %1 is %2 in DingTalk, only approved"
                                       " applications are sent")
        .arg(applicationId, displayName(state));
}

PushPlan PushPlanner::plan(const Database &database, const Scheme &scheme,
                           const QStringList &applicationIds, bool store,
                           QList<QJsonObject> *dryRunModels)
{
    PushPlan plan;
    ApplicationRepository applications(database);
    BillRepository bills(database);
    QList<ApplicationRecord> selected;
    if (applicationIds.isEmpty()) {
        // The lean id list, then each application once with its rows: list() would read every
        // raw answer only to have find() read it again.
        const QHash<QString, ApprovalState> approvals = applications.approvalById();
        QStringList approved;
        for (auto it = approvals.cbegin(); it != approvals.cend(); ++it) {
            if (it.value() == ApprovalState::Approved)
                approved.append(it.key());
        }
        approved.sort(); // a stable order for the report
        for (const QString &id : std::as_const(approved)) {
            if (auto full = applications.find(id))
                selected.append(*full);
        }
    } else {
        for (const QString &id : applicationIds) {
            if (auto found = applications.find(id))
                selected.append(*found);
            else
                plan.unknownIds.append(id);
        }
    }

    for (const ApplicationRecord &application : std::as_const(selected)) {
        if (application.approval != ApprovalState::Approved) {
            plan.notSendable.append({application.id,
                                     application.id,
                                     BillState::Pending,
                                     {},
                                     notApproved(application.id, application.approval)});
            continue;
        }
        const MappingResult mapped = mapApplication(application, scheme);
        if (mapped.bills.isEmpty()) {
            plan.notSendable.append(
                {application.id, application.id, BillState::Pending, {}, issuesOf(mapped, {})});
            continue;
        }
        for (const BillDraft &draft : mapped.bills) {
            const auto existing = bills.find(draft.key);
            if (existing && existing->state == BillState::Synced)
                continue; // in Kingdee already: never again
            if (draft.hasErrors) {
                plan.notSendable.append({draft.key,
                                         application.id,
                                         BillState::Pending,
                                         {},
                                         issuesOf(mapped, draft.key)});
                continue;
            }
            if (!store) {
                if (dryRunModels)
                    dryRunModels->append(draft.model);
                plan.keysToSend.append(draft.key);
                continue;
            }
            BillRecord record;
            record.key = draft.key;
            record.applicationId = application.id;
            record.amount = draft.amount;
            record.payloadJson = QJsonDocument(draft.model).toJson(QJsonDocument::Compact);
            // A Conflict means the bill is queued, sending or in doubt: it keeps the draft it
            // was sent with, and the run picks it up from the store.
            bills.saveDraft(record);
            const auto now = bills.find(draft.key);
            if (now && (now->state == BillState::Pending || now->state == BillState::Failed))
                plan.keysToSend.append(draft.key);
        }
    }
    return plan;
}

} // namespace rs::sync
