#include "app/kingdee/billreader.h"

#include "app/kingdee/billfilter.h"
#include "app/kingdee/kingdeeclient.h"

#include <QCoreApplication>
#include <QTimer>

#include <memory>

namespace rs::kingdee {
namespace {

QString text(const QJsonValue &v)
{
    // Kingdee may answer a number as a JSON number: money has two decimals, ids none.
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'f', 2);
    }
    return v.toString();
}

} // namespace

QStringList BillReader::fieldKeys(const QString &keyField)
{
    return {QStringLiteral("FID"),
            QStringLiteral("FBillNo"),
            QStringLiteral("FDocumentStatus"),
            keyField,
            QStringLiteral("FDATE"),
            QStringLiteral("FAMOUNTFOR"),
            QStringLiteral("FSETTLEORGID.FNumber"),
            QStringLiteral("FCONTACTUNIT.FNumber")};
}

KingdeeBill BillReader::fromRow(const QJsonArray &row)
{
    return {text(row.at(3)),          text(row.at(0)), text(row.at(1)), text(row.at(2)),
            text(row.at(4)).left(10), text(row.at(5)), text(row.at(6)), text(row.at(7))};
}

void BillReader::byKeys(KingdeeClient &client, const QString &formId, const QString &keyField,
                        const QStringList &keys, Handler handler)
{
    QStringList unique = keys;
    unique.removeDuplicates();
    if (unique.isEmpty() || !BillFilter::isFieldKey(keyField)) {
        BillsRead none;
        if (!BillFilter::isFieldKey(keyField)) {
            none.failure.kind = Failure::Kind::Rejected;
            none.failure.message =
                QCoreApplication::translate("rs::Kingdee", "\"%1\" is not a field key")
                    .arg(keyField);
        }
        QTimer::singleShot(0, &client, [handler, none] { handler(none); });
        return;
    }
    struct Pending
    {
        BillsRead read;
        int queries = 0;
    };
    auto pending = std::make_shared<Pending>();
    for (qsizetype at = 0; at < unique.size(); at += KeysPerQuery) {
        ++pending->queries;
        client.executeBillQuery(formId, fieldKeys(keyField),
                                BillFilter::in(keyField, unique.mid(at, KeysPerQuery)),
                                [pending, handler](const QueryResult &answer) {
                                    if (!answer.failure.ok() && pending->read.failure.ok())
                                        pending->read.failure = answer.failure;
                                    for (const QJsonArray &row : answer.rows)
                                        pending->read.bills.append(fromRow(row));
                                    if (--pending->queries == 0)
                                        handler(pending->read);
                                });
    }
}

void BillReader::inPeriod(KingdeeClient &client, const QString &formId, const QString &keyField,
                          const QDate &from, const QDate &to, Handler handler)
{
    if (!BillFilter::isFieldKey(keyField)) {
        byKeys(client, formId, keyField, {keyField}, std::move(handler)); // answers the refusal
        return;
    }
    // FDATE is a date and time in Kingdee: "before the next day" keeps the whole last day.
    const QString filter =
        QStringLiteral("FDATE>=%1 AND FDATE<%2 AND %3<>''")
            .arg(BillFilter::quote(from.toString(Qt::ISODate)),
                 BillFilter::quote(to.addDays(1).toString(Qt::ISODate)), keyField);
    client.executeBillQuery(formId, fieldKeys(keyField), filter,
                            [handler](const QueryResult &answer) {
                                BillsRead read;
                                read.failure = answer.failure;
                                for (const QJsonArray &row : answer.rows)
                                    read.bills.append(fromRow(row));
                                handler(read);
                            });
}

QString BillReader::statusName(const QString &documentStatus)
{
    if (documentStatus == QLatin1String("Z"))
        return QCoreApplication::translate("rs::Kingdee", "Draft", "FDocumentStatus Z");
    if (documentStatus == QLatin1String("A"))
        return QCoreApplication::translate("rs::Kingdee", "Created", "FDocumentStatus A");
    if (documentStatus == QLatin1String("B"))
        return QCoreApplication::translate("rs::Kingdee", "In audit", "FDocumentStatus B");
    if (documentStatus == QLatin1String("C"))
        return QCoreApplication::translate("rs::Kingdee", "Audited", "FDocumentStatus C");
    if (documentStatus == QLatin1String("D"))
        return QCoreApplication::translate("rs::Kingdee", "Re-audit", "FDocumentStatus D");
    // Not Kingdee's: what the store records for a synced bill someone deleted there.
    if (documentStatus == QLatin1String("gone"))
        return QCoreApplication::translate("rs::Kingdee", "No longer in Kingdee");
    return documentStatus;
}

} // namespace rs::kingdee
