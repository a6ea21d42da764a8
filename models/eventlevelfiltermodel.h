#pragma once

#include <QSortFilterProxyModel>

namespace rs {

// The level box over the sync log: every event, or only those of one level (信息, 警告, 错误).
// Keeps the log's own order; it never sorts.
class EventLevelFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLevelFilterModel)

public:
    enum class LevelFilter { All, Info, Warning, Error };

    explicit EventLevelFilterModel(QObject *parent = nullptr);

    LevelFilter levelFilter() const { return m_filter; }
    void setLevelFilter(LevelFilter filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    LevelFilter m_filter = LevelFilter::All;
};

} // namespace rs
