#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace rs {

// `{{name}}` reads a header field, instance attribute or the bill's first row; `{{list.name}}`
// reads the current row of an entry.
struct Placeholder
{
    QString name;
    bool fromRow = false;
};

// A value template parsed once per scheme: literal text and placeholders.
class Template final
{
public:
    struct Piece
    {
        QString text; // literal text, when not a placeholder
        std::optional<Placeholder> placeholder;
    };

    Template() = default;
    // Nothing, with `error` set, for an unclosed `{{` or an empty name.
    static std::optional<Template> parse(const QString &text, QString *error);

    const QList<Piece> &pieces() const { return m_pieces; }
    bool isEmpty() const { return m_pieces.isEmpty(); }
    // Exactly one placeholder and nothing around it: the source value is kept as it is.
    bool isSinglePlaceholder() const
    {
        return m_pieces.size() == 1 && m_pieces.constFirst().placeholder.has_value();
    }
    bool usesRows() const;
    const QString &source() const { return m_source; }

private:
    QList<Piece> m_pieces;
    QString m_source;
};

} // namespace rs
