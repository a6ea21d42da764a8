#pragma once

#include "app/mapping/sourcefields.h"
#include "app/mapping/template.h"

namespace rs {

class Value;

// The flattened record templates read (MAPPING.md's beatFlat): the application's header fields
// and attributes, plus the bill's first row for `{{X}}` and the current entry row for
// `{{list.X}}`. A row column shadows a header field of the same name. Holds pointers only: it
// lives for one evaluation.
class FlatRecord final
{
public:
    FlatRecord(const SourceFields &header, const SourceFields *billRow, const SourceFields *row)
        : m_header(header)
        , m_billRow(billRow)
        , m_row(row)
    { }

    // Text, a list for a multi-select, NULL when absent.
    Value value(const Placeholder &placeholder) const;
    // The template filled in: a lone placeholder keeps its value; otherwise text, with absent
    // values as empty text.
    Value fill(const Template &tmpl) const;
    QString fillText(const Template &tmpl) const;

private:
    const SourceFields &m_header;
    const SourceFields *m_billRow;
    const SourceFields *m_row;
};

} // namespace rs
