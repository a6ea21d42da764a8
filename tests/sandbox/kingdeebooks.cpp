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

constexpr int kMicro = 6; // amounts are summed as integers of 10^-6: exact for money

std::optional<qint64> microsOf(const QJsonValue &value)
{
    QString text = value.isDouble() ? QString::number(value.toDouble(), 'f', kMicro)
                                    : value.toString().trimmed();
    if (text.isEmpty())
        return qint64(0);
    const bool negative = text.startsWith(QLatin1Char('-'));
    if (negative || text.startsWith(QLatin1Char('+')))
        text.remove(0, 1);
    QString whole = text.section(QLatin1Char('.'), 0, 0);
    QString fraction = text.section(QLatin1Char('.'), 1);
    if (fraction.size() > kMicro)
        return std::nullopt;
    fraction = fraction.leftJustified(kMicro, QLatin1Char('0'));
    bool ok = false;
    const qint64 micros =
        (whole.isEmpty() ? QStringLiteral("0") : whole).append(fraction).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return negative ? -micros : micros;
}

QString fromMicros(qint64 micros)
{
    const bool negative = micros < 0;
    const qint64 magnitude = negative ? -micros : micros;
    QString fraction =
        QString::number(magnitude % 1000000).rightJustified(kMicro, QLatin1Char('0'));
    while (fraction.size() > 2 && fraction.endsWith(QLatin1Char('0')))
        fraction.chop(1);
    return (negative ? QStringLiteral("-") : QString()) + QString::number(magnitude / 1000000)
        + QLatin1Char('.') + fraction;
}

QString statusName(const QString &status)
{
    if (status == QLatin1String("Z"))
        return QStringLiteral("暂存");
    if (status == QLatin1String("A"))
        return QStringLiteral("创建");
    if (status == QLatin1String("B"))
        return QStringLiteral("审核中");
    if (status == QLatin1String("C"))
        return QStringLiteral("已审核");
    return QStringLiteral("重新审核");
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
    if (field == QLatin1String("FAMOUNTFOR"))
        return bill.total();
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
            QStringLiteral("FAMOUNTFOR"),
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
        if (!row.error && inClosedPeriod(canonical.last()))
            row.error = FieldError {QStringLiteral("FDATE"),
                                    QStringLiteral("业务日期所在的会计期间已结账，不允许保存"), 11};
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

QString SavedBill::total() const
{
    qint64 micros = 0;
    for (const QJsonValue &entry : model.value(QLatin1String("FEntity")).toArray()) {
        for (const char *field : {"FNOTAXAMOUNTFOR", "FTAXAMOUNTFOR"})
            micros += microsOf(entry.toObject().value(QLatin1String(field))).value_or(0);
    }
    return fromMicros(micros);
}

bool KingdeeBooks::inClosedPeriod(const QJsonObject &model) const
{
    if (!m_closedBefore.isValid())
        return false;
    const QDate date =
        QDate::fromString(model.value(QLatin1String("FDATE")).toString().left(10), Qt::ISODate);
    return date.isValid() && date < m_closedBefore;
}

QList<KingdeeBooks::OperationResult>
KingdeeBooks::operate(Operation operation, const QStringList &numbers, const QList<qint64> &ids)
{
    QList<OperationResult> results;
    const int count = int(numbers.isEmpty() ? ids.size() : numbers.size());
    for (int i = 0; i < count; ++i) {
        const QString number = numbers.value(i);
        const qint64 id = numbers.isEmpty() ? ids.at(i) : 0;
        OperationResult result {i, std::nullopt, id, number};
        const auto at = std::find_if(m_bills.begin(), m_bills.end(), [&](const SavedBill &b) {
            return number.isEmpty() ? b.id == id : b.number == number;
        });
        if (at == m_bills.end()) {
            result.error = FieldError {{},
                                       QStringLiteral("单据编号为“%1”的其他应收单不存在或已被删除")
                                           .arg(number.isEmpty() ? QString::number(id) : number),
                                       10};
            results.append(result);
            continue;
        }
        result.id = at->id;
        result.number = at->number;
        const QString status = at->documentStatus;
        const QString prefix = QStringLiteral("单据编号为“%1”的其他应收单，数据状态为“%2”，")
                                   .arg(at->number, statusName(status));
        const auto refuse = [&](const QString &what, int msgCode = 12) {
            result.error = FieldError {{}, prefix + what, msgCode};
        };
        const bool closed = inClosedPeriod(at->model);
        switch (operation) {
        case Operation::Submit:
            if (status == QLatin1String("A") || status == QLatin1String("D")
                || status == QLatin1String("Z"))
                at->documentStatus = QStringLiteral("B");
            else
                refuse(QStringLiteral("不允许提交！"));
            break;
        case Operation::Audit:
            if (status == QLatin1String("B") && m_auditRefusals.contains(at->remarks()))
                result.error = FieldError {{}, m_auditRefusals.value(at->remarks()), 11};
            else if (status == QLatin1String("B"))
                at->documentStatus = QStringLiteral("C");
            else
                refuse(QStringLiteral("不允许审核！"));
            break;
        case Operation::UnAudit:
            if (status != QLatin1String("C"))
                refuse(QStringLiteral("不允许反审核！"));
            else if (closed)
                refuse(QStringLiteral("所在会计期间已结账，不允许反审核！"), 11);
            else
                at->documentStatus = QStringLiteral("D");
            break;
        case Operation::Delete:
            if (status == QLatin1String("B") || status == QLatin1String("C"))
                refuse(QStringLiteral("不允许删除！"));
            else if (closed)
                refuse(QStringLiteral("所在会计期间已结账，不允许删除！"), 11);
            else
                m_bills.erase(at);
            break;
        }
        results.append(result);
    }
    return results;
}

bool KingdeeBooks::removeByOther(const QString &number)
{
    return m_bills.removeIf([&number](const SavedBill &b) { return b.number == number; }) > 0;
}

bool KingdeeBooks::amendByOther(const QString &number, const QString &total)
{
    const auto wanted = microsOf(QJsonValue(total));
    for (SavedBill &bill : m_bills) {
        if (bill.number != number || !wanted)
            continue;
        QJsonArray entries = bill.model.value(QLatin1String("FEntity")).toArray();
        if (entries.isEmpty())
            return false;
        const qint64 difference = *wanted - *microsOf(QJsonValue(bill.total()));
        QJsonObject first = entries.at(0).toObject();
        first.insert(QStringLiteral("FNOTAXAMOUNTFOR"),
                     fromMicros(microsOf(first.value(QLatin1String("FNOTAXAMOUNTFOR"))).value_or(0)
                                + difference));
        entries.replace(0, first);
        bill.model.insert(QStringLiteral("FEntity"), entries);
        return true;
    }
    return false;
}

const SavedBill *KingdeeBooks::duplicateByOther(const QString &number)
{
    const SavedBill *original = find(0, number);
    if (!original)
        return nullptr;
    SavedBill copy = *original;
    copy.id = m_nextId++;
    copy.number = QStringLiteral("QTYS%1").arg(copy.id - 100000, 8, 10, QLatin1Char('0'));
    copy.documentStatus = QStringLiteral("A");
    copy.savedMs = QDateTime::currentMSecsSinceEpoch();
    m_bills.append(copy);
    return &m_bills.constLast();
}

} // namespace rs::sandbox
