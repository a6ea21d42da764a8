#include "app/mapping/billchecks.h"

#include "app/mapping/decimal.h"
#include "app/mapping/scheme.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace rs {
namespace {

std::optional<Decimal> numberIn(const QJsonValue &value)
{
    if (value.isString())
        return Decimal::parse(value.toString());
    if (value.isDouble() && value.toDouble() == double(value.toInteger()))
        return Decimal::fromInt(value.toInteger());
    return std::nullopt;
}

bool hasValue(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return false;
    if (value.isString())
        return !value.toString().trimmed().isEmpty();
    if (value.isArray())
        return !value.toArray().isEmpty();
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (hasValue(it.value()))
                return true;
        }
        return false;
    }
    return true;
}

bool holds(const std::strong_ordering order, const QString &op)
{
    if (op == QLatin1String("="))
        return order == 0;
    if (op == QLatin1String("<>"))
        return order != 0;
    if (op == QLatin1String("<"))
        return order < 0;
    if (op == QLatin1String("<="))
        return order <= 0;
    if (op == QLatin1String(">"))
        return order > 0;
    return order >= 0;
}

QString checkName(const CheckSpec &check)
{
    if (!check.name.isEmpty())
        return check.name;
    switch (check.kind) {
    case CheckSpec::Kind::Compare:
        return QStringLiteral("compare");
    case CheckSpec::Kind::SumEquals:
        return QStringLiteral("sumEquals");
    case CheckSpec::Kind::Required:
        return QStringLiteral("required");
    }
    return {};
}

// The scheme's own message when it has one; else the standard one.
QString failure(const CheckSpec &check, const QString &standard)
{
    const QString detail = check.message.isEmpty() ? standard : check.message;
    return QCoreApplication::translate("rs::Mapping", "check \"%1\" failed: %2")
        .arg(checkName(check), detail);
}

void compare(const CheckSpec &check, const BillDraft &bill, const QString &billId,
             QList<MappingIssue> &issues)
{
    for (const auto &[path, value] : valuesAt(bill.model, check.field)) {
        if (value.isUndefined())
            continue; // absence is the required check's business
        const std::optional<Decimal> number = numberIn(value);
        if (!number) {
            issues.append(
                {billId, path,
                 failure(check,
                         QCoreApplication::translate("rs::Mapping", "\"%1\" is not a number")
                             .arg(value.toVariant().toString()))});
        } else if (!holds(*number <=> check.operand, check.op)) {
            issues.append(
                {billId, path,
                 failure(check,
                         QCoreApplication::translate("rs::Mapping", "%1 is not %2 %3")
                             .arg(number->toString(), check.op, check.operand.toString()))});
        }
    }
}

void sumEquals(const CheckSpec &check, const BillDraft &bill, const QList<QJsonObject> &rows,
               const QString &billId, QList<MappingIssue> &issues)
{
    try {
        Decimal entries;
        for (const auto &[path, value] : valuesAt(bill.model, check.field)) {
            if (value.isUndefined())
                continue;
            const std::optional<Decimal> number = numberIn(value);
            if (!number) {
                issues.append(
                    {billId, path,
                     failure(check,
                             QCoreApplication::translate("rs::Mapping", "\"%1\" is not a number")
                                 .arg(value.toVariant().toString()))});
                return;
            }
            entries += *number;
        }
        Decimal source;
        for (const QJsonObject &row : rows) {
            const QString text = row.value(check.column).toString();
            const std::optional<Decimal> number = Decimal::parse(text);
            if (!number) {
                issues.append({billId, check.column,
                               failure(check,
                                       QCoreApplication::translate(
                                           "rs::Mapping", "the row value \"%1\" is not a number")
                                           .arg(text))});
                return;
            }
            source += *number;
        }
        const Decimal expected = check.factor * source;
        if (entries != expected) {
            issues.append(
                {billId, check.field,
                 failure(check,
                         QCoreApplication::translate(
                             "rs::Mapping",
                             "the entries sum to %1, but %2 × the sum of the rows' %3 "
                             "(%4) is %5")
                             .arg(entries.toString(), check.factor.toString(), check.column,
                                  source.toString(), expected.toString()))});
        }
    } catch (const DecimalOverflow &) {
        issues.append({billId, check.field,
                       failure(check,
                               QCoreApplication::translate(
                                   "rs::Mapping", "a number grew beyond 38 digits (overflow)"))});
    }
}

void required(const CheckSpec &check, const BillDraft &bill, const QString &billId,
              QList<MappingIssue> &issues)
{
    for (const QString &field : check.fields) {
        for (const auto &[path, value] : valuesAt(bill.model, field)) {
            if (!hasValue(value)) {
                issues.append(
                    {billId, path,
                     failure(
                         check,
                         QCoreApplication::translate("rs::Mapping", "%1 has no value").arg(path))});
            }
        }
    }
}

} // namespace

QList<QPair<QString, QJsonValue>> valuesAt(const QJsonObject &model, const QString &path)
{
    QList<QPair<QString, QJsonValue>> values;
    const qsizetype dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        values.append({path, model.value(path)});
        return values;
    }
    const QString entryName = path.left(dot);
    const QString child = path.mid(dot + 1);
    const QJsonArray entries = model.value(entryName).toArray();
    if (entries.isEmpty())
        values.append({entryName, QJsonValue(QJsonValue::Undefined)});
    for (qsizetype i = 0; i < entries.size(); ++i) {
        values.append({QStringLiteral("%1[%2].%3").arg(entryName).arg(i).arg(child),
                       entries.at(i).toObject().value(child)});
    }
    return values;
}

void runChecks(const Scheme &scheme, const BillDraft &bill, const QList<QJsonObject> &rows,
               const QString &billId, QList<MappingIssue> &issues)
{
    for (const CheckSpec &check : scheme.checks) {
        switch (check.kind) {
        case CheckSpec::Kind::Compare:
            compare(check, bill, billId, issues);
            break;
        case CheckSpec::Kind::SumEquals:
            sumEquals(check, bill, rows, billId, issues);
            break;
        case CheckSpec::Kind::Required:
            required(check, bill, billId, issues);
            break;
        }
    }
}

} // namespace rs
