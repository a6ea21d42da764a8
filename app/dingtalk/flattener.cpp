#include "app/dingtalk/flattener.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace rs::dingtalk {
namespace {

// A cell's or a multi-select's value: text stays text, a list of options becomes a list of
// their labels (options may be plain strings or {label, key} objects).
QJsonValue cellValue(const QJsonValue &value)
{
    if (value.isString())
        return value;
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
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
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    return doc.isArray() ? cellValue(doc.array()) : QJsonValue(text);
}

// Reads a TableField's JSON text into rows. An empty table may carry column definitions
// (objects without rowValue) instead of rows: those are not rows.
QString readTable(const QString &table, const QString &text, QList<QJsonObject> *rows)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
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
