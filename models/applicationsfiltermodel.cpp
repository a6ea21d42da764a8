#include "models/applicationsfiltermodel.h"

#include "app/mapping/decimal.h"
#include "app/store/states.h"
#include "models/applicationsmodel.h"
#include "models/modelroles.h"

namespace rs {

ApplicationsFilterModel::ApplicationsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(UnderlyingDataRole);
}

void ApplicationsFilterModel::setStateFilter(StateFilter filter)
{
    m_state = filter;
    invalidateFilter();
}

void ApplicationsFilterModel::setDateRange(const QDate &from, const QDate &to)
{
    m_from = from;
    m_to = to;
    invalidateFilter();
}

void ApplicationsFilterModel::setSearchText(const QString &text)
{
    m_search = text.trimmed().toLower();
    invalidateFilter();
}

bool ApplicationsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    const auto sync =
        static_cast<BillState>(source->data(first, ApplicationsModel::SyncRole).toInt());
    switch (m_state) {
    case StateFilter::Pending:
        if (!source->data(first, ApplicationsModel::PendingRole).toBool())
            return false;
        break;
    case StateFilter::Synced:
        if (sync != BillState::Synced
            || source->data(first, ApplicationsModel::ApprovalRole).toInt()
                != int(ApprovalState::Approved))
            return false;
        break;
    case StateFilter::Failed:
        if (sync != BillState::Failed)
            return false;
        break;
    case StateFilter::InDoubt:
        if (sync != BillState::InDoubt)
            return false;
        break;
    case StateFilter::All:
        break;
    }
    if (m_from.isValid() || m_to.isValid()) {
        const QDate day = QDate::fromString(
            source
                ->data(source->index(sourceRow, ApplicationsModel::DateColumn, sourceParent),
                       UnderlyingDataRole)
                .toString()
                .left(10),
            Qt::ISODate);
        if ((m_from.isValid() && day < m_from) || (m_to.isValid() && day > m_to))
            return false;
    }
    return m_search.isEmpty()
        || source->data(first, ApplicationsModel::SearchTextRole).toString().contains(m_search);
}

bool ApplicationsFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == ApplicationsModel::AmountColumn) {
        // Exact: "-1000.10" < "-999.99" < "5.00"; an unknown amount sorts first.
        const auto a = Decimal::parse(left.data(UnderlyingDataRole).toString());
        const auto b = Decimal::parse(right.data(UnderlyingDataRole).toString());
        if (!a || !b)
            return !a && b;
        return *a < *b;
    }
    const QVariant a = left.data(UnderlyingDataRole);
    const QVariant b = right.data(UnderlyingDataRole);
    if (a.typeId() == QMetaType::Int)
        return a.toInt() < b.toInt();
    return a.toString().localeAwareCompare(b.toString()) < 0;
}

} // namespace rs
