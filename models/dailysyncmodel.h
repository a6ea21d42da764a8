#pragma once

#include "models/monitorsummary.h"

#include <QAbstractTableModel>

namespace rs {

// Synced bills per day over the last 30 days, oldest first: the data behind the monitoring
// chart, and a table for anyone who wants the numbers. UnderlyingDataRole: QDate, int, decimal
// text.
class DailySyncModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DailySyncModel)

public:
    enum Column { DayColumn, BillsColumn, AmountColumn, ColumnCount };

    explicit DailySyncModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setDays(const QList<DaySynced> &days);
    const QList<DaySynced> &days() const { return m_days; }
    void retranslate();

private:
    QList<DaySynced> m_days;
};

} // namespace rs
