#include "models/statecountsmodel.h"

#include "models/modelroles.h"

#include <QLocale>

namespace rs {
namespace {

constexpr int kApprovalRows = int(ApprovalState::Count);
constexpr int kBillRows = int(BillState::Count);

} // namespace

StateCountsModel::StateCountsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int StateCountsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kApprovalRows + kBillRows;
}

int StateCountsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int StateCountsModel::countAt(int row) const
{
    if (row < kApprovalRows)
        return m_applications.value(ApprovalState(row));
    return m_bills.value(BillState(row - kApprovalRows));
}

QVariant StateCountsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const bool isApproval = row < kApprovalRows;

    if (role == Qt::TextAlignmentRole && index.column() == CountColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != UnderlyingDataRole)
        return {};

    switch (index.column()) {
    case CategoryColumn:
        return isApproval ? tr("Applications") : tr("Bills");
    case StateColumn:
        if (role == UnderlyingDataRole)
            return isApproval ? toWireName(ApprovalState(row))
                              : toWireName(BillState(row - kApprovalRows));
        return isApproval ? displayName(ApprovalState(row))
                          : displayName(BillState(row - kApprovalRows));
    case CountColumn:
        if (role == UnderlyingDataRole)
            return countAt(row);
        return QLocale().toString(countAt(row));
    default:
        return {};
    }
}

QVariant StateCountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CategoryColumn:
        return tr("Kind");
    case StateColumn:
        return tr("State");
    case CountColumn:
        return tr("Count");
    default:
        return {};
    }
}

void StateCountsModel::setCounts(const QHash<ApprovalState, int> &applications,
                                 const QHash<BillState, int> &bills)
{
    m_applications = applications;
    m_bills = bills;
    Q_EMIT dataChanged(index(0, CountColumn), index(rowCount() - 1, CountColumn),
                       {Qt::DisplayRole, UnderlyingDataRole});
}

void StateCountsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
}

} // namespace rs
