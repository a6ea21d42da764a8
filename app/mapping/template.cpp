#include "app/mapping/template.h"

#include <QCoreApplication>

namespace rs {

std::optional<Template> Template::parse(const QString &text, QString *error)
{
    Template result;
    result.m_source = text;
    const QLatin1String open("{{");
    const QLatin1String close("}}");
    const QLatin1String listPrefix("list.");
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype start = text.indexOf(open, pos);
        if (start < 0) {
            result.m_pieces.append({text.mid(pos), std::nullopt});
            break;
        }
        if (start > pos)
            result.m_pieces.append({text.mid(pos, start - pos), std::nullopt});
        const qsizetype end = text.indexOf(close, start + 2);
        if (end < 0) {
            *error = QCoreApplication::translate("rs::Mapping",
                                                 "\"{{\" at position %1 is not closed with \"}}\"")
                         .arg(start + 1);
            return std::nullopt;
        }
        Placeholder placeholder;
        placeholder.name = text.mid(start + 2, end - start - 2).trimmed();
        if (placeholder.name.startsWith(listPrefix)) {
            placeholder.fromRow = true;
            placeholder.name = placeholder.name.mid(listPrefix.size());
        }
        if (placeholder.name.isEmpty()) {
            *error = QCoreApplication::translate("rs::Mapping",
                                                 "the placeholder at position %1 has no name")
                         .arg(start + 1);
            return std::nullopt;
        }
        result.m_pieces.append({QString(), placeholder});
        pos = end + 2;
    }
    return result;
}

bool Template::usesRows() const
{
    for (const Piece &piece : m_pieces) {
        if (piece.placeholder && piece.placeholder->fromRow)
            return true;
    }
    return false;
}

} // namespace rs
