#pragma once

#include "app/store/states.h"

#include <QAbstractTableModel>
#include <QHash>

namespace rs {

// How many applications are in each approval state and how many bills in each sync state:
// the overview a clerk sees first. Rows are fixed; only counts change.
class StateCountsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateCountsModel)

public:
    enum Column { CategoryColumn, StateColumn, CountColumn, ColumnCount };

    explicit StateCountsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setCounts(const QHash<ApprovalState, int> &applications,
                   const QHash<BillState, int> &bills);
    // Text is translated when asked for; views repaint in the new language after this.
    void retranslate();

private:
    int countAt(int row) const;

    QHash<ApprovalState, int> m_applications;
    QHash<BillState, int> m_bills;
};

} // namespace rs
