#include "app/mapping/coercion.h"

#include "app/mapping/value.h"

#include <QCoreApplication>

namespace rs::coerce {

std::optional<Decimal> toNumber(const Value &value, QString *error)
{
    switch (value.type()) {
    case Value::Type::Number:
        return value.number();
    case Value::Type::Boolean:
        return Decimal::fromInt(value.boolean() ? 1 : 0);
    case Value::Type::Text:
    case Value::Type::List: {
        const QString text = value.toText();
        if (std::optional<Decimal> number = Decimal::parse(text))
            return number;
        *error = text.trimmed().isEmpty()
            ? QCoreApplication::translate("rs::Mapping", "an empty value is not a number")
            : QCoreApplication::translate("rs::Mapping",
                                          "\"%1\" is not a number (expected digits such as "
                                          "1234.50 or 1,234.50)")
                  .arg(text);
        return std::nullopt;
    }
    case Value::Type::Date:
        *error = QCoreApplication::translate("rs::Mapping", "the date %1 is not a number")
                     .arg(value.toText());
        return std::nullopt;
    case Value::Type::Null:
        break;
    }
    *error = QCoreApplication::translate("rs::Mapping", "NULL is not a number");
    return std::nullopt;
}

std::optional<DateTimeText> toDate(const Value &value, QString *error)
{
    if (value.type() == Value::Type::Date)
        return DateTimeText {value.date(), value.time()};
    const QString text = value.toText();
    if (value.type() == Value::Type::Text) {
        if (std::optional<DateTimeText> parsed = parseDateTime(text))
            return parsed;
    }
    *error = QCoreApplication::translate("rs::Mapping",
                                         "\"%1\" is not a date (expected YYYY-MM-DD, optionally "
                                         "with a time HH:MM[:SS])")
                 .arg(text);
    return std::nullopt;
}

std::optional<bool> toCondition(const Value &value, QString *error)
{
    if (value.type() == Value::Type::Boolean)
        return value.boolean();
    if (value.type() == Value::Type::Date)
        return true;
    const std::optional<Decimal> number = toNumber(value, error);
    if (!number)
        return std::nullopt;
    return !number->isZero();
}

std::optional<int> compare(const Value &a, const Value &b, QString *error)
{
    using Type = Value::Type;
    auto numeric = [](const Value &v) {
        return v.type() == Type::Number || v.type() == Type::Boolean;
    };
    auto order = [](auto x, auto y) {
        return x < y ? -1 : (y < x ? 1 : 0);
    };
    if (numeric(a) || numeric(b)) {
        const std::optional<Decimal> x = toNumber(a, error);
        const std::optional<Decimal> y = x ? toNumber(b, error) : std::nullopt;
        if (!y)
            return std::nullopt;
        return order(*x, *y);
    }
    if (a.type() == Type::Date || b.type() == Type::Date) {
        const std::optional<DateTimeText> x = toDate(a, error);
        const std::optional<DateTimeText> y = x ? toDate(b, error) : std::nullopt;
        if (!y)
            return std::nullopt;
        const QTime midnight(0, 0);
        if (x->date != y->date)
            return order(x->date, y->date);
        return order(x->time.isValid() ? x->time : midnight,
                     y->time.isValid() ? y->time : midnight);
    }
    return order(a.toText(), b.toText());
}

} // namespace rs::coerce
