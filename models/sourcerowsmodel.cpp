#include "models/sourcerowsmodel.h"

#include "app/mapping/decimal.h"
#include "models/modelroles.h"
#include "models/sourcefieldsmodel.h"

#include <QFont>

namespace rs {

SourceRowsModel::SourceRowsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int SourceRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SourceRowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant SourceRowsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonValue value = m_rows.at(index.row()).value(m_columns.at(index.column()));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return SourceFieldsModel::valueText(value);
    case UnderlyingDataRole:
        return value.toVariant();
    case Qt::FontRole:
        if (m_highlighted.contains(index.row())) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        // Amounts line up on the right, as in a ledger.
        if (value.isString() && Decimal::parse(value.toString()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant SourceRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section + 1;
    return m_columns.value(section);
}

void SourceRowsModel::setRows(const QList<QJsonObject> &rows)
{
    beginResetModel();
    m_rows = rows;
    m_columns.clear();
    m_highlighted.clear();
    for (const QJsonObject &row : rows) {
        for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
            if (!m_columns.contains(it.key()))
                m_columns.append(it.key());
        }
    }
    endResetModel();
}

void SourceRowsModel::clear()
{
    if (m_rows.isEmpty() && m_columns.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_columns.clear();
    m_highlighted.clear();
    endResetModel();
}

void SourceRowsModel::setHighlightedRows(const QList<int> &rows)
{
    m_highlighted = QSet<int>(rows.cbegin(), rows.cend());
    if (!m_rows.isEmpty() && !m_columns.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::FontRole});
}

} // namespace rs
