#pragma once

#include <QDate>
#include <QSortFilterProxyModel>

namespace rs {

class ApplicationsModel;

// The filter bar over the applications table: a state, a date range on 申请日期 and a search
// over business id, title, customers and originator. Sorts on the raw values: money as exact
// decimals, dates as dates.
class ApplicationsFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplicationsFilterModel)

public:
    enum class StateFilter { Pending, Synced, Failed, InDoubt, All };

    explicit ApplicationsFilterModel(QObject *parent = nullptr);

    // The source must be an ApplicationsModel: filtering and sorting read its row facts directly.
    void setSourceModel(QAbstractItemModel *model) override;

    void setStateFilter(StateFilter filter);
    void setDateRange(const QDate &from, const QDate &to); // invalid dates: open-ended
    void setSearchText(const QString &text);

    // Which parts of the filter hide a source row (none: it is shown). A jump to a hidden
    // application widens exactly these, and says so.
    struct Hiding
    {
        bool state = false;
        bool dates = false;
        bool search = false;
        bool any() const { return state || dates || search; }
    };
    Hiding hiding(int sourceRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    bool stateAccepts(int sourceRow) const;

    ApplicationsModel *m_applications = nullptr;
    StateFilter m_state = StateFilter::Pending;
    QDate m_from;
    QDate m_to;
    QString m_search;
};

} // namespace rs
