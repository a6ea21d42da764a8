#include "ui/reconcile/reconciletables.h"

#include "app/report/xlsxexport.h"
#include "models/applicationsmodel.h"
#include "models/modelroles.h"

#include <QStandardItemModel>

namespace rs {
namespace {

QStandardItem *textItem(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    item->setData(text, UnderlyingDataRole);
    return item;
}

QStandardItem *moneyItem(const QString &exact)
{
    auto *item = new QStandardItem(ApplicationsModel::formatMoney(exact));
    item->setEditable(false);
    item->setData(exact, UnderlyingDataRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

void ReconcileTables::fillDifferences(QStandardItemModel &model,
                                      const report::ReconcileReport &report)
{
    model.removeRows(0, model.rowCount());
    for (const report::Difference &d : report.differences) {
        QList<QStandardItem *> row {textItem(report::XlsxExport::kindName(d.kind)),
                                    textItem(d.businessId),
                                    textItem(d.key),
                                    textItem(d.number),
                                    moneyItem(d.dingtalkAmount),
                                    moneyItem(d.kingdeeAmount)};
        for (QStandardItem *item : row)
            item->setData(d.application, ApplicationIdRole);
        row.first()->setData(d.kind, UnderlyingDataRole);
        model.appendRow(row);
    }
}

void ReconcileTables::fillTotals(QStandardItemModel &model, const report::ReconcileReport &report)
{
    model.removeRows(0, model.rowCount());
    for (const report::Total &t : report.totals) {
        const bool all = t.level == report::Total::Level::All;
        const bool organisation = t.level == report::Total::Level::Organisation;
        QList<QStandardItem *> row {textItem(all ? tr("Total") : t.organisation),
                                    textItem(organisation ? tr("All customers") : t.customer),
                                    moneyItem(t.dingtalk), moneyItem(t.kingdee)};
        if (all || organisation) {
            for (QStandardItem *item : row) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
        }
        // The raw values keep the levels apart for a reader that compares with the CLI.
        row.at(OrganisationColumn)->setData(all ? QString() : t.organisation, UnderlyingDataRole);
        row.at(CustomerColumn)
            ->setData(t.level == report::Total::Level::Customer ? t.customer : QString(),
                      UnderlyingDataRole);
        model.appendRow(row);
    }
}

void ReconcileTables::setHeaders(QStandardItemModel &differences, QStandardItemModel &totals)
{
    differences.setHorizontalHeaderLabels({tr("Kind"), tr("Approval no."), tr("Bill key"),
                                           tr("Kingdee bill no."), tr("DingTalk amount"),
                                           tr("Kingdee amount")});
    totals.setHorizontalHeaderLabels(
        {tr("Organisation"), tr("Customer"), tr("DingTalk amount"), tr("Kingdee amount")});
}

} // namespace rs
