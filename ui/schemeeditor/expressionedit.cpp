#include "ui/schemeeditor/expressionedit.h"

#include "ui/preview/previewstyle.h"

#include <QFontDatabase>
#include <QTextBlock>

#include <algorithm>

namespace rs {

ExpressionEdit::ExpressionEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setFixedHeight(fontMetrics().lineSpacing() * 4 + 12);
}

void ExpressionEdit::setSyntaxError(const std::optional<ExpressionSyntaxError> &error)
{
    QList<QTextEdit::ExtraSelection> selections;
    setToolTip(QString());
    if (error) {
        const int length = int(document()->characterCount()) - 1; // without the final paragraph
        // At the end (nothing more came): the last character, so there is something to see.
        int start = int(error->position);
        int end = int(error->position + error->length);
        if (end <= start) {
            start = std::max(0, std::min(start, length) - 1);
            end = std::min(length, start + 1);
        }
        start = std::clamp(start, 0, length);
        end = std::clamp(end, start, length);
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(start);
        selection.cursor.setPosition(end, QTextCursor::KeepAnchor);
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(preview::errorColor());
        selection.format.setForeground(preview::errorColor());
        selection.format.setToolTip(error->message);
        selections.append(selection);
        setToolTip(error->message);
    }
    setExtraSelections(selections);
}

std::pair<int, int> ExpressionEdit::underlinedRange() const
{
    const QList<QTextEdit::ExtraSelection> selections = extraSelections();
    if (selections.isEmpty())
        return {0, 0};
    const QTextCursor &cursor = selections.constFirst().cursor;
    return {cursor.selectionStart(), cursor.selectionEnd()};
}

void ExpressionEdit::insertAtCursor(const QString &text)
{
    insertPlainText(text);
    setFocus();
}

} // namespace rs
