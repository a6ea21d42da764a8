#pragma once

#include "app/mapping/expression.h"

#include <QList>
#include <QString>

#include <optional>

namespace rs {

struct ExpressionToken
{
    enum class Kind { Number, String, Placeholder, Identifier, Symbol, End };

    Kind kind = Kind::End;
    QString text; // a string's content without quotes; a placeholder's inner text with braces
    qsizetype position = 0; // 0-based, in the expression text
};

// Splits an expression into tokens. Placeholders are recognised before anything else, inside and
// outside quotes, so the scheme's own quoting decides the structure, never the source values.
std::optional<QList<ExpressionToken>> tokenizeExpression(const QString &text,
                                                         ExpressionSyntaxError *error);

} // namespace rs
