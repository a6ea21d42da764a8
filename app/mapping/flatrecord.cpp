#include "app/mapping/flatrecord.h"

#include "app/mapping/value.h"

namespace rs {

Value FlatRecord::value(const Placeholder &placeholder) const
{
    const SourceFields *row = placeholder.fromRow ? m_row : m_billRow;
    if (row) {
        if (const Value *found = row->find(placeholder.name))
            return *found;
    }
    const Value *found = m_header.find(placeholder.name);
    return found ? *found : Value();
}

Value FlatRecord::fill(const Template &tmpl) const
{
    if (tmpl.isSinglePlaceholder())
        return value(*tmpl.pieces().constFirst().placeholder);
    return Value::text(fillText(tmpl));
}

QString FlatRecord::fillText(const Template &tmpl) const
{
    if (tmpl.isSinglePlaceholder())
        return value(*tmpl.pieces().constFirst().placeholder).toText();
    QString text;
    for (const Template::Piece &piece : tmpl.pieces())
        text += piece.placeholder ? value(*piece.placeholder).toText() : piece.text;
    return text;
}

} // namespace rs
