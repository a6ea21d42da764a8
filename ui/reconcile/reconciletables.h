#pragma once

#include "app/report/reconciliation.h"

#include <QCoreApplication>

class QStandardItemModel;

namespace rs {

// The reconciliation's two tables as the pane shows them: DisplayRole formatted (money with
// thousands separators), UnderlyingDataRole the exact decimal text, and on the differences the
// application's id under ApplicationIdRole (empty for a bill the store does not know).
class ReconcileTables final
{
    Q_DECLARE_TR_FUNCTIONS(rs::ReconcileTables)

public:
    static constexpr int ApplicationIdRole = Qt::UserRole + 1;
    enum DifferenceColumn {
        KindColumn,
        BusinessIdColumn,
        KeyColumn,
        NumberColumn,
        DingTalkAmountColumn,
        KingdeeAmountColumn,
        DifferenceColumnCount
    };
    enum TotalColumn {
        OrganisationColumn,
        CustomerColumn,
        TotalDingTalkColumn,
        TotalKingdeeColumn,
        TotalColumnCount
    };

    static void fillDifferences(QStandardItemModel &model, const report::ReconcileReport &report);
    static void fillTotals(QStandardItemModel &model, const report::ReconcileReport &report);
    static void setHeaders(QStandardItemModel &differences, QStandardItemModel &totals);
};

} // namespace rs
