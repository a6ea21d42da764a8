#include "ui/schemeeditor/changesummarydialog.h"

#include "models/schemechangesummary.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rs {
namespace {

QString kindText(const SchemeBillChange &change)
{
    switch (change.kind) {
    case SchemeBillChange::Kind::Added:
        return ChangeSummaryDialog::tr("new bill");
    case SchemeBillChange::Kind::Removed:
        return ChangeSummaryDialog::tr("no longer made");
    case SchemeBillChange::Kind::Changed:
        break;
    }
    if (change.sendableBefore && !change.sendableAfter)
        return ChangeSummaryDialog::tr("now held back by an issue");
    if (!change.sendableBefore && change.sendableAfter)
        return ChangeSummaryDialog::tr("now sendable");
    return ChangeSummaryDialog::tr("changed");
}

} // namespace

ChangeSummaryDialog::ChangeSummaryDialog(const SchemeChangeSummary &summary, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(int(summary.changes.size()), 5, this))
{
    setObjectName(QStringLiteral("changeSummaryDialog"));
    setWindowTitle(tr("What the new scheme changes"));
    auto *heading = new QLabel(this);
    heading->setObjectName(QStringLiteral("changeSummaryText"));
    heading->setWordWrap(true);
    heading->setText(
        tr("%n pending bill(s) change", nullptr, int(summary.changes.size()))
        + tr(" (of %n bill(s) not yet handed to Kingdee).", nullptr, summary.billsAfter)
        + QLatin1Char('\n')
        + tr("Sendable total before: %1   after: %2")
              .arg(summary.totalBefore.toString(2), summary.totalAfter.toString(2))
        + QLatin1Char('\n')
        + tr("%n bill(s) already handed to Kingdee keep the payload they were sent with.", nullptr,
             summary.keptBills));
    m_table->setObjectName(QStringLiteral("changeSummaryTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Approval no."), tr("Bill"), tr("Change"), tr("Amount before"), tr("Amount after")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < summary.changes.size(); ++row) {
        const SchemeBillChange &change = summary.changes.at(row);
        const QStringList cells {change.businessId, change.key, kindText(change),
                                 change.amountBefore, change.amountAfter};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column >= 3)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Use the new scheme"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(760, 420);
}

} // namespace rs
