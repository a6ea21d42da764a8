#include "app/mapping/flatrecord.h"

#include "app/mapping/value.h"

#include <QJsonArray>

namespace rs {

QJsonValue FlatRecord::json(const Placeholder &placeholder) const
{
    const QJsonObject *row = placeholder.fromRow ? m_row : m_billRow;
    if (row) {
        const auto it = row->constFind(placeholder.name);
        if (it != row->constEnd())
            return it.value();
    }
    const auto it = m_header.constFind(placeholder.name);
    return it == m_header.constEnd() ? QJsonValue(QJsonValue::Undefined) : it.value();
}

Value FlatRecord::value(const Placeholder &placeholder) const
{
    const QJsonValue v = json(placeholder);
    switch (v.type()) {
    case QJsonValue::String:
        return Value::text(v.toString());
    case QJsonValue::Array: {
        QStringList items;
        const QJsonArray array = v.toArray();
        for (const QJsonValue &item : array)
            items.append(item.toString());
        return Value::list(items);
    }
    case QJsonValue::Bool:
        return Value::boolean(v.toBool());
    case QJsonValue::Double:
        // Not produced by the fetch (values are strings); kept readable, never used as money.
        return Value::text(v.toVariant().toString());
    default:
        return {};
    }
}

Value FlatRecord::fill(const Template &tmpl) const
{
    if (tmpl.isSinglePlaceholder())
        return value(*tmpl.pieces().constFirst().placeholder);
    return Value::text(fillText(tmpl));
}

QString FlatRecord::fillText(const Template &tmpl) const
{
    QString text;
    for (const Template::Piece &piece : tmpl.pieces())
        text += piece.placeholder ? value(*piece.placeholder).toText() : piece.text;
    return text;
}

} // namespace rs
