#include "ui/preview/billsview.h"

#include "models/applicationsmodel.h"

#include "ui/preview/billjsonview.h"
#include "ui/preview/billpreview.h"
#include "ui/preview/previewstyle.h"

#include <QClipboard>
#include <QEvent>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTextLayout>
#include <QVBoxLayout>

#include <algorithm>

namespace rs {

namespace {

// Both lines laid out as they are painted: a Chinese name in an English UI falls back to a
// taller font, and the style's own measure then left room for one line only.
QSize twoLineSize(const QString &text, const QFont &font)
{
    int width = 0;
    qreal height = 0;
    for (const QString &part : text.split(QLatin1Char('\n'))) {
        QTextLayout layout(part, font);
        layout.beginLayout();
        QTextLine line = layout.createLine();
        if (line.isValid()) {
            line.setLineWidth(100'000);
            height += line.height();
            width = std::max(width, int(line.naturalTextWidth()));
        }
        layout.endLayout();
    }
    return {width + 8, int(height) + 8};
}

} // namespace

BillsView::BillsView(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_copyButton(new QPushButton(this))
    , m_tabs(new QTabWidget(this))
    , m_list(new QListWidget(this))
    , m_noBills(new QLabel(this))
{
    m_heading->setObjectName(QStringLiteral("billsHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_copyButton->setObjectName(QStringLiteral("copyJsonButton"));
    m_tabs->setObjectName(QStringLiteral("billTabs"));
    m_tabs->setDocumentMode(true);
    m_noBills->setObjectName(QStringLiteral("previewNoBills"));
    m_noBills->setAlignment(Qt::AlignCenter);
    connect(m_copyButton, &QPushButton::clicked, this, &BillsView::copyJson);
    m_list->setObjectName(QStringLiteral("billList"));
    // The customer on one line, amount and state on the next; a long name loses its middle, so
    // the code at its end stays readable. The JSON beside keeps the rest of the width.
    m_list->setMinimumWidth(170);
    m_list->setMaximumWidth(260);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->setWordWrap(false);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_tabs, &QTabWidget::currentChanged, this, &BillsView::showPage);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_tabs->setCurrentIndex(row);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_heading);
    top->addStretch(1);
    top->addWidget(m_copyButton);
    auto *pages = new QHBoxLayout;
    pages->addWidget(m_list);
    pages->addWidget(m_tabs, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(pages, 1);
    layout->addWidget(m_noBills, 1);
    retranslateUi();
    clear();
}

QString BillsView::whereItIs(const BillPreview &bill)
{
    const BillState state = bill.stored ? bill.stored->state : BillState::Pending;
    switch (state) {
    case BillState::Synced:
        return tr("in Kingdee", "a bill Kingdee holds");
    case BillState::Sending:
    case BillState::InDoubt:
    case BillState::Reversed:
        return displayName(state);
    default:
        return tr("not in Kingdee", "a bill Kingdee does not hold (yet)");
    }
}

void BillsView::setBills(const QList<BillPreview> &bills, const QString &keepKey,
                         const QString &markedKey)
{
    clear();
    const QSignalBlocker blocker(m_tabs);
    const QSignalBlocker listBlocker(m_list);
    const bool asList = bills.size() > TabsAtMost;
    int inKingdee = 0;
    int current = -1;
    int secondLine = 0; // the widest amount and place: never elided (it is money and a state)
    const QFontMetrics metrics(m_list->font());
    for (const BillPreview &bill : bills) {
        auto *view = new BillJsonView(bill, m_tabs);
        const bool synced = bill.stored && bill.stored->state == BillState::Synced;
        inKingdee += synced ? 1 : 0;
        // Which bill of an application Kingdee holds, readable on the tab without opening it.
        const QString amountAndPlace = bill.amount.isEmpty()
            ? whereItIs(bill)
            : ApplicationsModel::formatMoney(bill.amount) + QStringLiteral(" · ") + whereItIs(bill);
        const int index =
            m_tabs->addTab(view, bill.customer + QStringLiteral("  ") + amountAndPlace);
        auto *item =
            new QListWidgetItem(bill.customer + QLatin1Char('\n') + amountAndPlace, m_list);
        item->setSizeHint(twoLineSize(item->text(), m_list->font()));
        secondLine = std::max(secondLine, metrics.horizontalAdvance(amountAndPlace));
        const QColor colour =
            bill.hasErrors() || (bill.stored && bill.stored->state == BillState::Failed)
            ? preview::errorColor()
            : synced ? preview::syncedColor()
                     : QColor();
        if (colour.isValid()) {
            m_tabs->tabBar()->setTabTextColor(index, colour);
            item->setForeground(colour);
        }
        const bool marked = !markedKey.isEmpty() && bill.key == markedKey;
        if (marked) {
            // The bill the clerk came for: current, and marked so it is found again at a glance.
            m_markedKey = bill.key;
            const QIcon marker = style()->standardIcon(QStyle::SP_ArrowRight);
            m_tabs->setTabIcon(index, marker);
            item->setIcon(marker);
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
            item->setBackground(preview::markedColor());
        }
        // The bill in view stays in view on a refresh; otherwise the marked one is shown.
        if (keepKey.isEmpty() ? marked : bill.key == keepKey)
            current = index;
        const QString tip =
            marked ? bill.key + QLatin1Char('\n') + tr("The bill the log event names") : bill.key;
        m_tabs->setTabToolTip(index, tip);
        item->setToolTip(tip);
    }
    if (current >= 0)
        m_tabs->setCurrentIndex(current);
    m_list->setCurrentRow(m_tabs->currentIndex());
    // Only the customer's name may lose its middle: "−12,787.81 … in Kingdee" would say the
    // opposite of "not in Kingdee".
    const int needed = secondLine + 2 * m_list->frameWidth()
        + m_list->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 3 * metrics.averageCharWidth();
    m_list->setMinimumWidth(std::max(170, needed));
    m_list->setMaximumWidth(std::max(260, needed));
    m_inKingdee = inKingdee;
    m_billCount = int(bills.size());
    retranslateUi();
    const bool any = !bills.isEmpty();
    m_tabs->setVisible(any);
    m_tabs->tabBar()->setVisible(!asList);
    m_list->setVisible(any && asList);
    m_noBills->setVisible(!any);
    m_copyButton->setEnabled(any);
    announceCurrentRows();
}

void BillsView::clear()
{
    const QSignalBlocker blocker(m_tabs);
    const QSignalBlocker listBlocker(m_list);
    // Pages go at once, not later: whoever looks next must not find the old application's bills.
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    m_list->clear();
    m_list->hide();
    m_tabs->hide();
    m_noBills->hide();
    m_billCount = 0;
    m_inKingdee = 0;
    m_markedKey.clear();
    m_copyButton->setEnabled(false);
    announceCurrentRows();
}

void BillsView::showPage(int index)
{
    const QSignalBlocker blocker(m_list);
    m_list->setCurrentRow(index);
    announceCurrentRows();
}

const BillPreview *BillsView::currentBill() const
{
    const auto *view = qobject_cast<const BillJsonView *>(m_tabs->currentWidget());
    return view ? &view->bill() : nullptr;
}

void BillsView::copyJson()
{
    const auto *view = qobject_cast<const BillJsonView *>(m_tabs->currentWidget());
    if (view)
        QGuiApplication::clipboard()->setText(view->jsonText());
}

void BillsView::announceCurrentRows()
{
    const BillPreview *bill = currentBill();
    Q_EMIT currentRowsChanged(bill ? bill->rows : QList<int>());
}

void BillsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void BillsView::retranslateUi()
{
    // "2 张单据，1 张已在金蝶": a partly synced application says so above its tabs.
    m_heading->setText(
        m_billCount > 1 ? tr("Kingdee bills: %1 of %2 in Kingdee").arg(m_inKingdee).arg(m_billCount)
                        : tr("Kingdee bills"));
    m_copyButton->setText(tr("Copy JSON"));
    m_copyButton->setToolTip(tr("Copy the JSON of the bill shown (its Model object)"));
    m_noBills->setText(tr("No bills to show"));
}

} // namespace rs
