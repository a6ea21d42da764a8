#include "ui/preview/billpreview.h"

#include <QJsonDocument>
#include <QSet>

namespace rs {
namespace {

// Bills Kingdee has (or is about to have): saveDraft keeps their payload, a new mapping would
// not be what was sent.
bool isHandedOver(BillState state)
{
    return state != BillState::Pending && state != BillState::Failed;
}

QString indented(const QJsonObject &model)
{
    return QString::fromUtf8(QJsonDocument(model).toJson(QJsonDocument::Indented));
}

QString payloadText(const QByteArray &payload)
{
    const QJsonDocument document = QJsonDocument::fromJson(payload);
    return document.isObject() ? indented(document.object()) : QString::fromUtf8(payload);
}

BillPreview fromStored(const BillRecord &record, BillPreview::Source source)
{
    BillPreview bill;
    bill.key = record.key;
    bill.amount = record.amount;
    bill.json = payloadText(record.payloadJson);
    bill.stored = record;
    bill.source = source;
    // A stored bill keeps no customer of its own: its key names it.
    bill.customer = record.key;
    return bill;
}

} // namespace

ApplicationPreview buildApplicationPreview(const MappingResult *mapping,
                                           const QList<BillRecord> &stored,
                                           const QStringList &customers)
{
    ApplicationPreview preview;
    QSet<QString> shown;
    QSet<QString> billIds;
    if (mapping) {
        for (qsizetype i = 0; i < mapping->bills.size(); ++i) {
            const BillDraft &draft = mapping->bills.at(i);
            // The mapping names a bill without a key "#1", "#2" … in its issues.
            const QString id =
                draft.key.trimmed().isEmpty() ? QStringLiteral("#%1").arg(i + 1) : draft.key;
            billIds.insert(id);
            BillPreview bill;
            for (const BillRecord &record : stored) {
                if (!draft.key.isEmpty() && record.key == draft.key) {
                    bill = isHandedOver(record.state)
                        ? fromStored(record, BillPreview::Source::HandedOver)
                        : BillPreview {};
                    bill.stored = record;
                    shown.insert(record.key);
                }
            }
            bill.customer = customers.value(i);
            if (bill.customer.isEmpty())
                bill.customer = draft.group.isEmpty() ? id : draft.group;
            bill.rows = draft.rows;
            if (bill.source == BillPreview::Source::Mapping) {
                bill.key = draft.key;
                bill.amount = draft.amount;
                bill.json = indented(draft.model);
                for (const MappingIssue &issue : mapping->issues) {
                    if (issue.bill == id)
                        bill.issues.append(issue);
                }
            }
            preview.bills.append(bill);
        }
        for (const MappingIssue &issue : mapping->issues) {
            if (!billIds.contains(issue.bill))
                preview.issues.append(issue);
        }
    }
    for (const BillRecord &record : stored) {
        if (!shown.contains(record.key))
            preview.bills.append(fromStored(record, BillPreview::Source::StoredOnly));
    }
    return preview;
}

} // namespace rs
