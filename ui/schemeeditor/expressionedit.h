#pragma once

#include "app/mapping/expression.h"

#include <QPlainTextEdit>

#include <optional>

namespace rs {

// A `_function` expression, a few lines high. A syntax error is underlined in red where the
// parser says it is, with the parser's message as the tooltip.
class ExpressionEdit final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExpressionEdit)

public:
    explicit ExpressionEdit(QWidget *parent = nullptr);

    void setSyntaxError(const std::optional<ExpressionSyntaxError> &error);
    // The underlined characters [start, end); empty when there is no error.
    std::pair<int, int> underlinedRange() const;
    // Puts `text` where the cursor is (a placeholder picked from the source fields).
    void insertAtCursor(const QString &text);
};

} // namespace rs
