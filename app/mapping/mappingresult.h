#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace rs {

// Something wrong with an application or one of its bills: shown in the preview, and a reason not
// to send. `bill` is the bill's idempotency key (empty for the whole application), `field` the
// Kingdee field path (FEntity[1].FNOTAXAMOUNTFOR) or source field it is about.
struct MappingIssue
{
    QString bill;
    QString field;
    QString message; // translated
    // The scheme check that failed, by its name ("compare", "sumEquals"… when unnamed); empty
    // for every other issue. The scheme editor marks the check with it.
    QString check {};
};

// One Kingdee bill made from an application: the BatchSave Model object and what identifies it.
struct BillDraft
{
    QString key; // idempotency key, also written into the bill (FAR_OtherRemarks by default)
    QString group; // the grouping value, e.g. the customer code
    // The bill's total as Kingdee books it (sum of the scheme's amount field), scale 2, e.g.
    // "-600.10"; empty when an amount is missing or unreadable.
    QString amount;
    QJsonObject model;
    QList<int> rows; // indexes into the application's rowsJson, in order
    bool hasErrors = false; // some issue names this bill: it must not be sent
};

struct MappingResult
{
    QList<BillDraft> bills;
    QList<MappingIssue> issues;
    bool approved = false; // only an approved application's bills may be sent

    bool hasErrors() const { return !issues.isEmpty(); }
    // The drafts that may go to Kingdee: the application is approved and the draft has no issue.
    QList<BillDraft> sendableBills() const
    {
        QList<BillDraft> sendable;
        if (!approved)
            return sendable;
        for (const BillDraft &bill : bills) {
            if (!bill.hasErrors)
                sendable.append(bill);
        }
        return sendable;
    }
};

} // namespace rs
