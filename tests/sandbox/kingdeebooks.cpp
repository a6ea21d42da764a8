#include "kingdeebooks.h"

#include "filterexpression.h"
#include "kingdeevalues.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>

namespace rs::sandbox {
namespace {

QString numberOf(const QJsonValue &value)
{
    return kingdee::baseNumberOf(value);
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
    QList<QJsonObject> canonical;
    for (int i = 0; i < models.size(); ++i) {
        canonical.append(canonicalOtherReceivable(models.at(i).toObject()));
        RowResult row {i, validateOtherReceivable(canonical.last()), nullptr};
        const QByteArray package =
            QCryptographicHash::hash(QJsonDocument(canonical.last()).toJson(QJsonDocument::Compact),
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
        bill.model = canonical.at(row.index);
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
    const auto parameter = [&parameters](const char *key) {
        return kingdee::valueOf(parameters, QLatin1String(key));
    };
    if (!kingdee::isFormId(parameter("FormId").toString(), QLatin1String("AR_OtherRecAble"))) {
        result.error = FieldError {QStringLiteral("FormId"), QStringLiteral("业务对象不存在"), 4};
        return result;
    }
    QStringList keys;
    for (const QString &key :
         parameter("FieldKeys").toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        keys.append(kingdee::canonicalKey(key.trimmed(), queryableFields()));
    for (const QString &key : keys) {
        if (!queryableFields().contains(key)) {
            result.error =
                FieldError {QStringLiteral("FieldKeys"),
                            QStringLiteral("元数据中标识为%1的字段不存在").arg(key.trimmed()), 9};
            return result;
        }
    }
    QString problem;
    const auto filter =
        FilterExpression::parse(parameter("FilterString").toString(), queryableFields(), &problem);
    if (!filter) {
        result.error = FieldError {QStringLiteral("FilterString"), problem, 9};
        return result;
    }
    const int start = kingdee::intOf(parameter("StartRow"), 0);
    int limit = kingdee::intOf(parameter("Limit"), 2000);
    const int top = kingdee::intOf(parameter("TopRowCount"), 0);
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
            row.append(fieldValue(bill, key));
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
