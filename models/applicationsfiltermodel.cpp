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

bool ApplicationsFilterModel::stateAccepts(int sourceRow) const
{
    const ApplicationsModel::Facts &facts = m_applications->facts(sourceRow);
    switch (m_state) {
    case StateFilter::Pending:
        return facts.pending;
    case StateFilter::Synced:
        return facts.sync == BillState::Synced && facts.approval == ApprovalState::Approved;
    case StateFilter::Failed:
        return facts.sync == BillState::Failed;
    case StateFilter::InDoubt:
        return facts.sync == BillState::InDoubt;
    case StateFilter::All:
        break;
    }
    return true;
}

ApplicationsFilterModel::Hiding ApplicationsFilterModel::hiding(int sourceRow) const
{
    const ApplicationsModel::Facts &facts = m_applications->facts(sourceRow);
    Hiding hiding;
    hiding.state = !stateAccepts(sourceRow);
    hiding.dates = (m_from.isValid() && facts.day < m_from) || (m_to.isValid() && facts.day > m_to);
    hiding.search = !m_search.isEmpty() && !facts.search.contains(m_search);
    return hiding;
}

bool ApplicationsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    // Cheapest first, and no further than the first refusal: asked for 100,000 rows a keystroke.
    if (!stateAccepts(sourceRow))
        return false;
    const ApplicationsModel::Facts &facts = m_applications->facts(sourceRow);
    if ((m_from.isValid() && facts.day < m_from) || (m_to.isValid() && facts.day > m_to))
        return false;
    return m_search.isEmpty() || facts.search.contains(m_search);
}

bool ApplicationsFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return m_applications->lessThan(left.row(), right.row(), left.column());
}

} // namespace rs
