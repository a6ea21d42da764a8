#include "app/mapping/fieldconverter.h"

#include "app/mapping/coercion.h"
#include "app/mapping/scheme.h"
#include "app/mapping/value.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace rs {
namespace {

bool isEmpty(const Value &value)
{
    return value.isNull() || (value.type() == Value::Type::Text && value.text().isEmpty())
        || (value.type() == Value::Type::List && value.list().isEmpty());
}

std::optional<bool> toBoolean(const Value &value, QString *error)
{
    if (value.type() == Value::Type::Boolean)
        return value.boolean();
    const QString text = value.toText().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1") || text == QLatin1String("yes")
        || text == QStringLiteral("是"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0") || text == QLatin1String("no")
        || text == QStringLiteral("否"))
        return false;
    *error = QCoreApplication::translate("rs::Mapping",
                                         "\"%1\" is not a yes/no value (expected true, false, 1, "
                                         "0, 是 or 否)")
                 .arg(value.toText());
    return std::nullopt;
}

std::optional<QJsonValue> toType(const FieldSpec &field, const Value &value, QString *error)
{
    switch (field.type) {
    case FieldSpec::Type::Any:
        if (value.type() == Value::Type::Boolean)
            return QJsonValue(value.boolean());
        return QJsonValue(value.toText());
    case FieldSpec::Type::String:
        return QJsonValue(value.toText());
    case FieldSpec::Type::Decimal: {
        // Money goes out as exact decimal text ("-600.00"), never as a binary double.
        const std::optional<Decimal> number = coerce::toNumber(value, error);
        if (!number)
            return std::nullopt;
        return QJsonValue(number->toString(field.scale));
    }
    case FieldSpec::Type::Integer: {
        const std::optional<Decimal> number = coerce::toNumber(value, error);
        if (!number)
            return std::nullopt;
        const std::optional<qint64> integer = number->toInt64();
        const qint64 exactLimit = qint64(1) << 53; // a JSON number above this is not exact
        if (!integer || *number != Decimal::fromInt(*integer) || *integer > exactLimit
            || *integer < -exactLimit) {
            *error = QCoreApplication::translate("rs::Mapping", "\"%1\" is not a whole number")
                         .arg(value.toText());
            return std::nullopt;
        }
        return QJsonValue(*integer);
    }
    case FieldSpec::Type::Date: {
        const std::optional<DateTimeText> date = coerce::toDate(value, error);
        if (!date)
            return std::nullopt;
        return QJsonValue(formatDateTime(date->date, date->time, field.dateFormat));
    }
    case FieldSpec::Type::Boolean: {
        const std::optional<bool> flag = toBoolean(value, error);
        if (!flag)
            return std::nullopt;
        return QJsonValue(*flag);
    }
    }
    return std::nullopt;
}

// Value map, then type, on one value (each item of a list separately).
std::optional<QJsonValue> convertOne(const FieldSpec &field, const Value &value,
                                     const Scheme &scheme, QString *error)
{
    if (field.valueMap.isEmpty())
        return toType(field, value, error);
    const QHash<QString, QString> &map = scheme.valueMaps[field.valueMap];
    const auto it = map.constFind(value.toText());
    if (it == map.constEnd()) {
        *error = QCoreApplication::translate("rs::Mapping",
                                             "\"%1\" is not in the value map \"%2\"; add it to "
                                             "valueMaps.%2 in the scheme")
                     .arg(value.toText(), field.valueMap);
        return std::nullopt;
    }
    return toType(field, Value::text(it.value()), error);
}

QJsonValue applyParser(const FieldSpec &field, const QJsonValue &value)
{
    switch (field.parser) {
    case FieldSpec::Parser::None:
        return value;
    case FieldSpec::Parser::ConvertObject:
        if (value.isArray()) {
            QJsonArray wrapped;
            const QJsonArray items = value.toArray();
            for (const QJsonValue &item : items)
                wrapped.append(QJsonObject {{field.parserParam, item}});
            return wrapped;
        }
        return QJsonObject {{field.parserParam, value}};
    case FieldSpec::Parser::ArrayToString: {
        if (!value.isArray())
            return value;
        QStringList parts;
        const QJsonArray items = value.toArray();
        for (const QJsonValue &item : items)
            parts.append(item.isString() ? item.toString() : item.toVariant().toString());
        return parts.join(field.parserParam);
    }
    case FieldSpec::Parser::StringToArray: {
        if (!value.isString())
            return value;
        QJsonArray items;
        const QStringList parts = value.toString().split(field.parserParam, Qt::SkipEmptyParts);
        for (const QString &part : parts)
            items.append(part.trimmed());
        return items;
    }
    }
    return value;
}

} // namespace

std::optional<QJsonValue> convertField(const FieldSpec &field, const Value &raw,
                                       const Scheme &scheme, QString *error)
{
    Value value = raw;
    if (isEmpty(value)) {
        if (field.defaultValue) {
            value = Value::text(*field.defaultValue);
        } else if (field.required) {
            *error = QCoreApplication::translate("rs::Mapping",
                                                 "required, but the source has no value for it");
            return std::nullopt;
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    QJsonValue converted;
    if (value.type() == Value::Type::List) {
        QJsonArray items;
        for (const QString &item : value.list()) {
            const std::optional<QJsonValue> one =
                convertOne(field, Value::text(item), scheme, error);
            if (!one)
                return std::nullopt;
            items.append(*one);
        }
        converted = items;
    } else {
        const std::optional<QJsonValue> one = convertOne(field, value, scheme, error);
        if (!one)
            return std::nullopt;
        converted = *one;
    }
    return applyParser(field, converted);
}

} // namespace rs
