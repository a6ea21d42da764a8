#pragma once

#include "app/mapping/template.h"

#include <QJsonObject>
#include <QJsonValue>

namespace rs {

class Value;

// The flattened record templates read (MAPPING.md's beatFlat): the application's header fields
// and attributes, plus the bill's first row for `{{X}}` and the current entry row for
// `{{list.X}}`. A row column shadows a header field of the same name. Holds pointers only: it
// lives for one evaluation.
class FlatRecord final
{
public:
    FlatRecord(const QJsonObject &header, const QJsonObject *billRow, const QJsonObject *row)
        : m_header(header)
        , m_billRow(billRow)
        , m_row(row)
    { }

    // Undefined when the field is absent (not filled in).
    QJsonValue json(const Placeholder &placeholder) const;
    // Text, a list for a multi-select, NULL when absent.
    Value value(const Placeholder &placeholder) const;
    // The template filled in: a lone placeholder keeps its value; otherwise text, with absent
    // values as empty text.
    Value fill(const Template &tmpl) const;
    QString fillText(const Template &tmpl) const;

private:
    const QJsonObject &m_header;
    const QJsonObject *m_billRow;
    const QJsonObject *m_row;
};

} // namespace rs
