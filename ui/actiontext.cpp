#include "ui/actiontext.h"

#include <QAction>
#include <QRegularExpression>

namespace rs {

void setActionText(QAction *action, const QString &text)
{
    static const QRegularExpression bracketedMnemonic(QStringLiteral("\\(&[^)]\\)"));
    QString compact = text;
    compact.remove(bracketedMnemonic);
    compact.remove(QLatin1Char('&'));
    if (compact.endsWith(QStringLiteral("…")))
        compact.chop(1);
    action->setText(text);
    action->setIconText(compact.trimmed());
}

} // namespace rs
