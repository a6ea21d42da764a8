#include "models/eventlevelfiltermodel.h"

#include "app/store/records.h"
#include "models/eventlogmodel.h"

namespace rs {

EventLevelFilterModel::EventLevelFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void EventLevelFilterModel::setLevelFilter(LevelFilter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

bool EventLevelFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter == LevelFilter::All)
        return true;
    const QAbstractItemModel *source = sourceModel();
    const auto level = static_cast<SyncEvent::Level>(
        source->data(source->index(sourceRow, 0, sourceParent), EventLogModel::LevelRole).toInt());
    switch (m_filter) {
    case LevelFilter::Info:
        return level == SyncEvent::Level::Info;
    case LevelFilter::Warning:
        return level == SyncEvent::Level::Warning;
    case LevelFilter::Error:
        return level == SyncEvent::Level::Error;
    case LevelFilter::All:
        break;
    }
    return true;
}

} // namespace rs
