// The functions of the `_function` language, over already evaluated arguments.
#include "app/mapping/coercion.h"
#include "app/mapping/datetimetext.h"
#include "app/mapping/expressionevaluator.h"

#include <QCoreApplication>

namespace rs {
namespace {

// An integer argument (a position, a length, ROUND's digits); MySQL rounds a fraction.
std::optional<qint64> toInteger(const Value &value, QString *error)
{
    const std::optional<Decimal> number = coerce::toNumber(value, error);
    if (!number)
        return std::nullopt;
    const std::optional<qint64> integer = number->rounded(0).toInt64();
    if (!integer)
        *error = QCoreApplication::translate("rs::Mapping", "%1 is too large here")
                     .arg(number->toString());
    return integer;
}

// MySQL's SUBSTRING: 1-based; a negative start counts from the end; 0 or beyond the text gives ''.
QString substring(const QString &text, qint64 start, std::optional<qint64> length)
{
    const qint64 size = text.size();
    if (start == 0 || start > size || -start > size)
        return {};
    const qint64 from = start > 0 ? start - 1 : size + start;
    if (length && *length <= 0)
        return {};
    const qint64 count = length ? qMin(*length, size - from) : size - from;
    return text.mid(qsizetype(from), qsizetype(count));
}

QString trimSpaces(const QString &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && text[begin] == QLatin1Char(' '))
        ++begin;
    while (end > begin && text[end - 1] == QLatin1Char(' '))
        --end;
    return text.mid(begin, end - begin);
}

} // namespace

bool ExpressionEvaluator::callOnValues(Function function, const QList<Value> &args, Value &result)
{
    // NOW() and CURDATE() take nothing; every other function here gives NULL for a NULL argument.
    for (const Value &arg : args) {
        if (arg.isNull()) {
            result = Value();
            return true;
        }
    }
    switch (function) {
    case Function::Concat: {
        QString text;
        for (const Value &arg : args)
            text += arg.toText();
        result = Value::text(text);
        return true;
    }
    case Function::Replace: {
        const QString from = args[1].toText();
        QString text = args[0].toText();
        if (!from.isEmpty())
            text.replace(from, args[2].toText());
        result = Value::text(text);
        return true;
    }
    case Function::Substring: {
        const std::optional<qint64> start = toInteger(args[1], &m_error);
        if (!start)
            return false;
        std::optional<qint64> length;
        if (args.size() > 2) {
            length = toInteger(args[2], &m_error);
            if (!length)
                return false;
        }
        result = Value::text(substring(args[0].toText(), *start, length));
        return true;
    }
    case Function::Trim:
        result = Value::text(trimSpaces(args[0].toText()));
        return true;
    case Function::Upper:
        result = Value::text(args[0].toText().toUpper());
        return true;
    case Function::Lower:
        result = Value::text(args[0].toText().toLower());
        return true;
    case Function::Round:
    case Function::Abs: {
        const std::optional<Decimal> number = coerce::toNumber(args[0], &m_error);
        if (!number)
            return false;
        if (function == Function::Abs) {
            result = Value::number(number->abs());
            return true;
        }
        std::optional<qint64> digits = 0;
        if (args.size() > 1 && !(digits = toInteger(args[1], &m_error)))
            return false;
        result = Value::number(
            number->rounded(int(qBound(qint64(-40), *digits, qint64(Decimal::MaxScale)))));
        return true;
    }
    case Function::DateFormat: {
        const std::optional<DateTimeText> date = coerce::toDate(args[0], &m_error);
        if (!date)
            return false;
        result = Value::text(formatDateTime(date->date, date->time, args[1].toText()));
        return true;
    }
    case Function::Now:
    case Function::CurDate: {
        const QDateTime now = m_clock();
        result = function == Function::Now ? Value::date(now.date(), now.time())
                                           : Value::date(now.date());
        return true;
    }
    case Function::If:
    case Function::IfNull:
    case Function::Coalesce:
        break; // evaluated lazily in call()
    }
    return false;
}

} // namespace rs
