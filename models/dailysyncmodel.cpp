#include "models/dailysyncmodel.h"

#include "models/applicationsmodel.h"
#include "models/modelroles.h"

#include <QLocale>

namespace rs {

DailySyncModel::DailySyncModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int DailySyncModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_days.size());
}

int DailySyncModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DailySyncModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DaySynced &d = m_days.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != DayColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != UnderlyingDataRole)
        return {};
    const bool raw = role == UnderlyingDataRole;
    switch (index.column()) {
    case DayColumn:
        return raw ? QVariant(d.day) : QVariant(d.day.toString(Qt::ISODate));
    case BillsColumn:
        return raw ? QVariant(d.bills) : QVariant(QLocale().toString(d.bills));
    case AmountColumn:
        return ApplicationsModel::formatMoney(d.amount); // exact, grouped like the table
    default:
        return {};
    }
}

QVariant DailySyncModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DayColumn:
        return tr("Day");
    case BillsColumn:
        return tr("Bills synced");
    case AmountColumn:
        return tr("Amount");
    default:
        return {};
    }
}

void DailySyncModel::setDays(const QList<DaySynced> &days)
{
    beginResetModel();
    m_days = days;
    endResetModel();
}

void DailySyncModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace rs
