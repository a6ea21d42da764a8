#include "app/dingtalk/flattener.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <optional>

namespace rs::dingtalk {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// A JSON number literal as plain decimal text, digit for digit: 1e2 → 100, 1.5e-3 → 0.0015,
// anything else as written (an absurd exponent too: the mapping says it is not a number).
// Nothing when it is not a JSON number, so the parser still refuses the answer.
std::optional<QByteArray> plainDecimal(const QByteArray &literal)
{
    qsizetype i = literal.startsWith('-') ? 1 : 0;
    const qsizetype integerStart = i;
    while (i < literal.size() && isDigit(literal[i]))
        ++i;
    const QByteArray integer = literal.mid(integerStart, i - integerStart);
    QByteArray fraction;
    if (i < literal.size() && literal[i] == '.') {
        const qsizetype start = ++i;
        while (i < literal.size() && isDigit(literal[i]))
            ++i;
        fraction = literal.mid(start, i - start);
        if (fraction.isEmpty())
            return std::nullopt;
    }
    if (integer.isEmpty() || (integer.size() > 1 && integer.startsWith('0')))
        return std::nullopt;
    if (i == literal.size())
        return literal; // no exponent: already plain
    if (literal[i] != 'e' && literal[i] != 'E')
        return std::nullopt;
    QByteArray exponentText = literal.mid(i + 1);
    if (exponentText.startsWith('+') || exponentText.startsWith('-'))
        exponentText.remove(0, 1);
    if (exponentText.isEmpty() || !std::all_of(exponentText.cbegin(), exponentText.cend(), isDigit))
        return std::nullopt;
    bool ok = false;
    int exponent = exponentText.toInt(&ok);
    if (!ok || exponent > 400)
        return literal;
    if (literal.at(i + 1) == '-')
        exponent = -exponent;
    // Move the point `exponent` places through the digits, padding with zeros.
    QByteArray digits = integer + fraction;
    qsizetype point = integer.size() + exponent;
    if (point <= 0) {
        digits.prepend(QByteArray(1 - point, '0'));
        point = 1;
    } else if (point > digits.size()) {
        digits.append(QByteArray(point - digits.size(), '0'));
    }
    QByteArray whole = digits.left(point);
    while (whole.size() > 1 && whole.startsWith('0'))
        whole.remove(0, 1);
    const QByteArray rest = digits.mid(point);
    return (literal.startsWith('-') ? QByteArray("-") : QByteArray()) + whole
        + (rest.isEmpty() ? QByteArray() : '.' + rest);
}

// QJsonDocument reads every number as a double, so 24442.42 would come back as
// 24442.419999999998. Money must keep its text: bare number literals outside strings become
// strings holding their exact decimal text before the document is parsed.
QByteArray quoteNumbers(const QByteArray &json)
{
    QByteArray out;
    out.reserve(json.size() + 16);
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < json.size())
                out += json[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '-' || isDigit(c)) {
            // Outside strings only numbers hold these characters (true, false and null do not).
            qsizetype end = i + 1;
            while (end < json.size()
                   && (isDigit(json[end]) || QByteArrayView(".eE+-").contains(json[end])))
                ++end;
            const QByteArray literal = json.mid(i, end - i);
            const std::optional<QByteArray> text = plainDecimal(literal);
            out += text ? '"' + *text + '"' : literal;
            i = end - 1;
            continue;
        }
        inString = c == '"';
        out += c;
    }
    return out;
}

// A cell's or a multi-select's value: text stays text, a list of options becomes a list of
// their labels (options may be plain strings or {label, key} objects).
QJsonValue cellValue(const QJsonValue &value)
{
    if (value.isString())
        return value;
    // Only a table that came as a real JSON array (v1.0) still has doubles here: their shortest
    // text is the literal DingTalk sent whenever a double could hold it.
    if (value.isDouble())
        return QString::number(value.toDouble(), 'f', QLocale::FloatingPointShortest);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isArray()) {
        QJsonArray labels;
        for (const QJsonValue &item : value.toArray())
            labels.append(item.isObject() ? item.toObject().value(QLatin1String("label"))
                                          : cellValue(item));
        return labels;
    }
    return QJsonValue::Undefined;
}

QJsonValue multiSelectValue(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(quoteNumbers(text.toUtf8()));
    return doc.isArray() ? cellValue(doc.array()) : QJsonValue(text);
}

// Reads a TableField's JSON text into rows. An empty table may carry column definitions
// (objects without rowValue) instead of rows: those are not rows.
QString readTable(const QString &table, const QString &text, QList<QJsonObject> *rows)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(quoteNumbers(text.toUtf8()), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
        return QCoreApplication::translate("rs::DingTalk",
                                           "the table \"%1\" is not a JSON array (%2 at %3)")
            .arg(table,
                 parseError.error == QJsonParseError::NoError ? QStringLiteral("not an array")
                                                              : parseError.errorString())
            .arg(parseError.offset);
    }
    const QString prefix = table + QLatin1Char('_');
    for (const QJsonValue &entry : doc.array()) {
        const QJsonValue cells = entry.toObject().value(QLatin1String("rowValue"));
        if (!cells.isArray())
            continue;
        QJsonObject row;
        for (const QJsonValue &cellEntry : cells.toArray()) {
            const QJsonObject cell = cellEntry.toObject();
            // Older forms give the label as the key; match by label, fall back to key.
            QString column = cell.value(QLatin1String("label")).toString();
            if (column.isEmpty())
                column = cell.value(QLatin1String("key")).toString();
            const QJsonValue value = cellValue(cell.value(QLatin1String("value")));
            if (!column.isEmpty() && !value.isUndefined())
                row.insert(prefix + column, value);
        }
        rows->append(row);
    }
    return {};
}

} // namespace

FlatApplication Flattener::flatten(const Instance &instance, const QStringList &tables)
{
    FlatApplication flat;
    QJsonObject &h = flat.header;
    h.insert(QStringLiteral("process_instance_id"), instance.id);
    h.insert(QStringLiteral("business_id"), instance.businessId);
    h.insert(QStringLiteral("title"), instance.title);
    h.insert(QStringLiteral("originator_userid"), instance.originatorUserId);
    h.insert(QStringLiteral("originator_dept_name"), instance.originatorDeptName);
    h.insert(QStringLiteral("create_time"), instance.createTime);
    h.insert(QStringLiteral("finish_time"), instance.finishTime);

    for (const FormValue &field : instance.form) {
        if (!field.value || field.name.isEmpty())
            continue; // an optional field left empty has no value at all
        const QString &type = field.componentType;
        if (type == QLatin1String("TableField") && tables.contains(field.name)) {
            const QString problem = readTable(field.name, *field.value, &flat.rows);
            if (!problem.isEmpty() && flat.error.isEmpty())
                flat.error = problem;
        } else if (type == QLatin1String("DDMultiSelectField")) {
            h.insert(field.name, multiSelectValue(*field.value));
        } else if (type == QLatin1String("TextareaField")
                   && *field.value == QLatin1String("null")) {
            h.insert(field.name, QString()); // DingTalk's empty textarea
        } else {
            h.insert(field.name, *field.value); // unknown component types stay text
        }
    }
    return flat;
}

} // namespace rs::dingtalk
