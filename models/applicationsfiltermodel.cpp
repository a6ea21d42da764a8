#include "models/applicationsfiltermodel.h"

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
    refilter();
}

void ApplicationsFilterModel::setDateRange(const QDate &from, const QDate &to)
{
    m_from = from;
    m_to = to;
    refilter();
}

void ApplicationsFilterModel::setSearchText(const QString &text)
{
    m_search = text.trimmed().toLower();
    refilter();
}

void ApplicationsFilterModel::refilter()
{
    // One layout change instead of invalidateFilter()'s row removals: a view takes each
    // scattered range of 100,000 rows in turn, which cost half a second per keystroke.
    invalidate();
}

void ApplicationsFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_applications = qobject_cast<ApplicationsModel *>(model);
    Q_ASSERT_X(m_applications || !model, "ApplicationsFilterModel",
               "filters an ApplicationsModel only");
    QSortFilterProxyModel::setSourceModel(model);
}

bool ApplicationsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const ApplicationsModel::Facts &facts = m_applications->facts(sourceRow);
    switch (m_state) {
    case StateFilter::Pending:
        if (!facts.pending)
            return false;
        break;
    case StateFilter::Synced:
        if (facts.sync != BillState::Synced || facts.approval != ApprovalState::Approved)
            return false;
        break;
    case StateFilter::Failed:
        if (facts.sync != BillState::Failed)
            return false;
        break;
    case StateFilter::InDoubt:
        if (facts.sync != BillState::InDoubt)
            return false;
        break;
    case StateFilter::All:
        break;
    }
    if ((m_from.isValid() && facts.day < m_from) || (m_to.isValid() && facts.day > m_to))
        return false;
    return m_search.isEmpty() || facts.search.contains(m_search);
}

bool ApplicationsFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return m_applications->lessThan(left.row(), right.row(), left.column());
}

} // namespace rs
