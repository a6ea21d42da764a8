#include "ui/preview/billsview.h"

#include "models/applicationsmodel.h"

#include "ui/preview/billjsonview.h"
#include "ui/preview/billpreview.h"
#include "ui/preview/previewstyle.h"

#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace rs {

BillsView::BillsView(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_copyButton(new QPushButton(this))
    , m_tabs(new QTabWidget(this))
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
    connect(m_tabs, &QTabWidget::currentChanged, this, &BillsView::announceCurrentRows);

    auto *top = new QHBoxLayout;
    top->addWidget(m_heading);
    top->addStretch(1);
    top->addWidget(m_copyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
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

void BillsView::setBills(const QList<BillPreview> &bills, const QString &keepKey)
{
    clear();
    const QSignalBlocker blocker(m_tabs);
    int inKingdee = 0;
    for (const BillPreview &bill : bills) {
        auto *view = new BillJsonView(bill, m_tabs);
        const bool synced = bill.stored && bill.stored->state == BillState::Synced;
        inKingdee += synced ? 1 : 0;
        QString title = bill.amount.isEmpty()
            ? bill.customer
            : bill.customer + QStringLiteral("  ") + ApplicationsModel::formatMoney(bill.amount);
        // Which bill of an application Kingdee holds, readable on the tab without opening it.
        title += QStringLiteral(" · ") + whereItIs(bill);
        const int index = m_tabs->addTab(view, title);
        m_tabs->setTabToolTip(index, bill.key);
        if (bill.hasErrors() || (bill.stored && bill.stored->state == BillState::Failed))
            m_tabs->tabBar()->setTabTextColor(index, preview::errorColor());
        else if (synced)
            m_tabs->tabBar()->setTabTextColor(index, preview::syncedColor());
        if (!keepKey.isEmpty() && bill.key == keepKey)
            m_tabs->setCurrentIndex(index);
    }
    m_inKingdee = inKingdee;
    m_billCount = int(bills.size());
    retranslateUi();
    const bool any = !bills.isEmpty();
    m_tabs->setVisible(any);
    m_noBills->setVisible(!any);
    m_copyButton->setEnabled(any);
    announceCurrentRows();
}

void BillsView::clear()
{
    const QSignalBlocker blocker(m_tabs);
    // Pages go at once, not later: whoever looks next must not find the old application's bills.
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    m_tabs->hide();
    m_noBills->hide();
    m_billCount = 0;
    m_inKingdee = 0;
    m_copyButton->setEnabled(false);
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
