#include "app/mapping/billchecks.h"

#include "app/mapping/decimal.h"
#include "app/mapping/scheme.h"
#include "app/mapping/sourcefields.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace rs {
namespace {

std::optional<Decimal> numberIn(const QJsonValue &value)
{
    if (value.isString())
        return Decimal::parse(value.toString());
    // A JSON number here comes from an integer field or a fixed value; toInteger() gives its
    // default for anything that is not a whole number, so two defaults tell (no double needed).
    if (value.isDouble() && value.toInteger(0) == value.toInteger(1))
        return Decimal::fromInt(value.toInteger());
    return std::nullopt;
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

QString failure(const CheckSpec &check, const QString &standard)
{
    return checkFailure(check, standard);
}

void compare(const CheckSpec &check, BillValues &values, const QString &billId,
             QList<MappingIssue> &issues)
{
    for (const FieldValue &field : values.at(check.field)) {
        const qsizetype entry = field.entry;
        const QJsonValue &value = field.value;
        const std::optional<Decimal> &number = field.number();
        if (value.isUndefined())
            continue; // absence is the required check's business
        if (!number) {
            issues.append(
                {billId, entryPath(check.field, entry),
                 failure(check,
                         QCoreApplication::translate("rs::Mapping", "\"%1\" is not a number")
                             .arg(value.toVariant().toString()))});
        } else if (!holds(*number <=> check.operand, check.op)) {
            issues.append(
                {billId, entryPath(check.field, entry),
                 failure(check,
                         QCoreApplication::translate("rs::Mapping", "%1 is not %2 %3")
                             .arg(number->toString(), check.op, check.operand.toString()))});
        }
    }
}

void sumEquals(const CheckSpec &check, BillValues &values, const QList<const SourceFields *> &rows,
               const QString &billId, QList<MappingIssue> &issues)
{
    try {
        Decimal entries;
        for (const FieldValue &field : values.at(check.field)) {
            const qsizetype entry = field.entry;
            const QJsonValue &value = field.value;
            const std::optional<Decimal> &number = field.number();
            if (value.isUndefined())
                continue;
            if (!number) {
                issues.append(
                    {billId, entryPath(check.field, entry),
                     failure(check,
                             QCoreApplication::translate("rs::Mapping", "\"%1\" is not a number")
                                 .arg(value.toVariant().toString()))});
                return;
            }
            entries += *number;
        }
        Decimal source;
        for (const SourceFields *row : rows) {
            const Value *cell = row->find(check.column);
            const QString text = cell ? cell->toText() : QString();
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

void required(const CheckSpec &check, BillValues &values, const QString &billId,
              QList<MappingIssue> &issues)
{
    for (const QString &field : check.fields) {
        // A header field is one lookup; only entry paths go through the shared reader.
        if (!field.contains(QLatin1Char('.'))) {
            if (!values.hasValue(field)) {
                issues.append({billId, field,
                               failure(check,
                                       QCoreApplication::translate("rs::Mapping", "%1 has no value")
                                           .arg(field))});
            }
            continue;
        }
        for (const FieldValue &fieldValue : values.at(field)) {
            const qsizetype entry = fieldValue.entry;
            const QJsonValue &value = fieldValue.value;
            if (!fieldHasValue(value)) {
                const QString path = entryPath(field, entry);
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
    case CheckSpec::Kind::HeaderTotal:
        return QStringLiteral("headerTotal");
    }
    return {};
}

QString checkFailure(const CheckSpec &check, const QString &standard)
{
    const QString detail = check.message.isEmpty() ? standard : check.message;
    return QCoreApplication::translate("rs::Mapping", "check \"%1\" failed: %2")
        .arg(checkName(check), detail);
}

bool fieldHasValue(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return false;
    if (value.isString()) {
        const QString text = value.toString();
        for (const QChar c : text) {
            if (!c.isSpace())
                return true;
        }
        return false;
    }
    if (value.isArray())
        return !value.toArray().isEmpty();
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (fieldHasValue(it.value()))
                return true;
        }
        return false;
    }
    return true;
}

bool BillValues::hasValue(const QString &name) const
{
    if (m_shared) {
        const auto known = m_shared->constFind(name);
        if (known != m_shared->constEnd())
            return known.value();
    }
    return fieldHasValue(m_model.value(name));
}

const std::optional<Decimal> &FieldValue::number() const
{
    if (!m_number)
        m_number = numberIn(value);
    return *m_number;
}

const QList<FieldValue> &BillValues::at(const QString &path)
{
    for (const auto &[cachedPath, cached] : std::as_const(m_cache)) {
        if (cachedPath == path)
            return cached;
    }
    m_cache.append({path, {}});
    QList<FieldValue> &values = m_cache.last().second;
    const qsizetype dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        values.append({-1, m_model.value(path)});
        return values;
    }
    const QJsonArray entries = m_model.value(QStringView(path).left(dot)).toArray();
    const QStringView child = QStringView(path).mid(dot + 1);
    if (entries.isEmpty())
        values.append({-1, QJsonValue(QJsonValue::Undefined)});
    values.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        values.append({i, entries.at(i).toObject().value(child)});
    }
    return values;
}

QString entryPath(const QString &path, qsizetype entry)
{
    const qsizetype dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return path;
    if (entry < 0)
        return path.left(dot);
    return QStringLiteral("%1[%2]%3").arg(path.left(dot)).arg(entry).arg(path.mid(dot));
}

void runChecks(const Scheme &scheme, BillValues &values, const QList<const SourceFields *> &rows,
               const QString &billId, QList<MappingIssue> &issues)
{
    for (const CheckSpec &check : scheme.checks) {
        const qsizetype before = issues.size();
        switch (check.kind) {
        case CheckSpec::Kind::Compare:
            compare(check, values, billId, issues);
            break;
        case CheckSpec::Kind::SumEquals:
            sumEquals(check, values, rows, billId, issues);
            break;
        case CheckSpec::Kind::Required:
            required(check, values, billId, issues);
            break;
        case CheckSpec::Kind::HeaderTotal:
            break; // once per application: applicationchecks.h
        }
        for (qsizetype i = before; i < issues.size(); ++i)
            issues[i].check = checkName(check);
    }
}

} // namespace rs
