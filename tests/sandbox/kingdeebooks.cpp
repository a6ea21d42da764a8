#include "kingdeebooks.h"

#include "filterexpression.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>

namespace rs::sandbox {
namespace {

QString numberOf(const QJsonValue &value)
{
    return value.isObject() ? value.toObject().value(QLatin1String("FNumber")).toString()
                            : value.toString();
}

QString fieldValue(const SavedBill &bill, const QString &field)
{
    if (field == QLatin1String("FID"))
        return QString::number(bill.id);
    if (field == QLatin1String("FBillNo"))
        return bill.number;
    if (field == QLatin1String("FDocumentStatus"))
        return bill.documentStatus;
    if (field == QLatin1String("FAR_OtherRemarks"))
        return bill.remarks();
    if (field == QLatin1String("FDATE"))
        return bill.model.value(QLatin1String("FDATE")).toString();
    if (field == QLatin1String("FCONTACTUNIT.FNumber") || field == QLatin1String("FCONTACTUNIT"))
        return numberOf(bill.model.value(QLatin1String("FCONTACTUNIT")));
    if (field == QLatin1String("FSETTLEORGID.FNumber") || field == QLatin1String("FSETTLEORGID"))
        return numberOf(bill.model.value(QLatin1String("FSETTLEORGID")));
    return {};
}

} // namespace

QStringList KingdeeBooks::queryableFields()
{
    return {QStringLiteral("FID"),
            QStringLiteral("FBillNo"),
            QStringLiteral("FDocumentStatus"),
            QStringLiteral("FAR_OtherRemarks"),
            QStringLiteral("FDATE"),
            QStringLiteral("FCONTACTUNIT"),
            QStringLiteral("FCONTACTUNIT.FNumber"),
            QStringLiteral("FSETTLEORGID"),
            QStringLiteral("FSETTLEORGID.FNumber")};
}

QList<KingdeeBooks::RowResult> KingdeeBooks::save(const QJsonArray &models, bool autoAudit,
                                                  bool atomic, bool rejectRepeats)
{
    QList<RowResult> results;
    for (int i = 0; i < models.size(); ++i) {
        RowResult row {i, validateOtherReceivable(models.at(i).toObject()), nullptr};
        const QByteArray package = QCryptographicHash::hash(
            QJsonDocument(models.at(i).toObject()).toJson(QJsonDocument::Compact),
            QCryptographicHash::Sha1);
        if (!row.error && rejectRepeats && m_savedPackages.contains(package))
            row.error = FieldError {QString(), QStringLiteral("数据包重复提交，请勿重复保存"), 11};
        results.append(row);
    }
    const bool anyError = std::any_of(results.cbegin(), results.cend(),
                                      [](const RowResult &r) { return r.error.has_value(); });
    if (atomic && anyError)
        return results;

    m_bills.reserve(m_bills.size() + models.size());
    for (RowResult &row : results) {
        if (row.error)
            continue;
        SavedBill bill;
        bill.id = m_nextId++;
        bill.number = QStringLiteral("QTYS%1").arg(bill.id - 100000, 8, 10, QLatin1Char('0'));
        bill.documentStatus = autoAudit ? QStringLiteral("C") : QStringLiteral("A");
        bill.model = models.at(row.index).toObject();
        bill.savedMs = QDateTime::currentMSecsSinceEpoch();
        m_savedPackages.insert(QCryptographicHash::hash(
            QJsonDocument(bill.model).toJson(QJsonDocument::Compact), QCryptographicHash::Sha1));
        m_bills.append(bill);
    }
    // Pointers are taken only after every append, so no reallocation can move them.
    int saved = 0;
    const qsizetype firstNew = m_bills.size()
        - std::count_if(results.cbegin(), results.cend(),
                        [](const RowResult &r) { return !r.error; });
    for (RowResult &row : results) {
        if (!row.error)
            row.bill = &m_bills.at(firstNew + saved++);
    }
    return results;
}

KingdeeBooks::QueryResult KingdeeBooks::query(const QJsonObject &parameters) const
{
    QueryResult result;
    const QString formId = parameters.value(QLatin1String("FormId")).toString();
    if (formId != QLatin1String("AR_OtherRecAble")) {
        result.error = FieldError {QStringLiteral("FormId"), QStringLiteral("业务对象不存在"), 4};
        return result;
    }
    const QStringList keys = parameters.value(QLatin1String("FieldKeys"))
                                 .toString()
                                 .split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &key : keys) {
        if (!queryableFields().contains(key.trimmed())) {
            result.error =
                FieldError {QStringLiteral("FieldKeys"),
                            QStringLiteral("元数据中标识为%1的字段不存在").arg(key.trimmed()), 9};
            return result;
        }
    }
    QString problem;
    const auto filter = FilterExpression::parse(
        parameters.value(QLatin1String("FilterString")).toString(), queryableFields(), &problem);
    if (!filter) {
        result.error = FieldError {QStringLiteral("FilterString"), problem, 9};
        return result;
    }
    const int start = parameters.value(QLatin1String("StartRow")).toInt(0);
    int limit = parameters.value(QLatin1String("Limit")).toInt(2000);
    const int top = parameters.value(QLatin1String("TopRowCount")).toInt(0);
    if (limit <= 0)
        limit = 2000;
    if (top > 0)
        limit = std::min(limit, top);
    int matched = 0;
    for (const SavedBill &bill : m_bills) {
        if (!filter->matches([&bill](const QString &field) { return fieldValue(bill, field); }))
            continue;
        if (matched++ < start)
            continue;
        if (result.rows.size() >= limit)
            break;
        QJsonArray row;
        for (const QString &key : keys)
            row.append(fieldValue(bill, key.trimmed()));
        result.rows.append(row);
    }
    return result;
}

const SavedBill *KingdeeBooks::find(qint64 id, const QString &number) const
{
    for (const SavedBill &bill : m_bills) {
        if ((id > 0 && bill.id == id) || (!number.isEmpty() && bill.number == number))
            return &bill;
    }
    return nullptr;
}

} // namespace rs::sandbox
