#include "ui/preview/billjsonview.h"

#include "ui/preview/previewstyle.h"

#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace rs {

BillJsonView::BillJsonView(BillPreview bill, QWidget *parent)
    : QWidget(parent)
    , m_bill(std::move(bill))
    , m_state(new QLabel(this))
    , m_source(new QLabel(this))
    , m_kingdeeError(new QLabel(this))
    , m_issues(new QListWidget(this))
    , m_json(new QPlainTextEdit(this))
{
    m_state->setObjectName(QStringLiteral("billState"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source->setObjectName(QStringLiteral("billSource"));
    m_source->setWordWrap(true);
    m_kingdeeError->setObjectName(QStringLiteral("billKingdeeError"));
    m_kingdeeError->setWordWrap(true);
    m_kingdeeError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_kingdeeError->setStyleSheet(preview::errorStyle());

    m_issues->setObjectName(QStringLiteral("billIssues"));
    m_issues->setWordWrap(true);
    m_issues->setSelectionMode(QAbstractItemView::NoSelection);
    m_issues->setFocusPolicy(Qt::NoFocus);
    for (const MappingIssue &issue : std::as_const(m_bill.issues)) {
        auto *item = new QListWidgetItem(preview::issueText(issue), m_issues);
        item->setForeground(preview::errorColor());
    }
    // A few issues in view, more scroll: the JSON stays the larger part.
    m_issues->setMaximumHeight(m_issues->fontMetrics().lineSpacing() * 6
                               + 2 * m_issues->frameWidth());
    m_issues->setVisible(m_issues->count() > 0);

    m_json->setObjectName(QStringLiteral("billJson"));
    m_json->setReadOnly(true);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setPlainText(m_bill.json);

    // Texts come from the data and are built once; the pane rebuilds its tabs on a language
    // change, since the mapping's messages are translated when it maps.
    m_state->setText(stateText());
    m_source->setText(sourceText());
    m_source->setVisible(!m_source->text().isEmpty());
    m_kingdeeError->setText(kingdeeErrorText());
    m_kingdeeError->setVisible(!m_kingdeeError->text().isEmpty());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(m_source);
    layout->addWidget(m_kingdeeError);
    layout->addWidget(m_issues);
    layout->addWidget(m_json, 1);
}

QString BillJsonView::stateText() const
{
    QStringList parts;
    if (!m_bill.stored) {
        parts.append(tr("Not stored yet"));
    } else {
        parts.append(displayName(m_bill.stored->state));
        if (!m_bill.stored->kingdeeNumber.isEmpty())
            parts.append(tr("Kingdee number %1").arg(m_bill.stored->kingdeeNumber));
    }
    if (!m_bill.key.isEmpty())
        parts.append(tr("key %1").arg(m_bill.key));
    return parts.join(QStringLiteral(" · "));
}

QString BillJsonView::sourceText() const
{
    switch (m_bill.source) {
    case BillPreview::Source::Mapping:
        return {};
    case BillPreview::Source::HandedOver:
        return tr("Already handed to Kingdee: shown is the stored payload that was (or is being) "
                  "sent, not a fresh mapping.");
    case BillPreview::Source::StoredOnly:
        return tr("Shown is the stored payload: the current mapping makes no such bill, or could "
                  "not run.");
    }
    return {};
}

QString BillJsonView::kingdeeErrorText() const
{
    if (!m_bill.stored || m_bill.stored->lastError.isEmpty())
        return {};
    const BillRecord &stored = *m_bill.stored;
    const QString advice =
        remedyAdvice(errorRemedy(stored.state, stored.retryable, stored.lastError));
    const QString error =
        tr("Kingdee's last error: %1").arg(clerkErrorText(stored.lastError, stored.errorField));
    return advice.isEmpty() ? error : error + QLatin1Char('\n') + advice;
}

} // namespace rs
