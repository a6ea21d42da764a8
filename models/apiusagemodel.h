#pragma once

#include "app/store/apiusagerepository.h"

#include <QAbstractTableModel>

namespace rs {

// The API assets table: one row per endpoint with its calls today and this month, the month's
// errors and throttled answers, p50/p95 latency and the last error. DisplayRole is formatted
// for the clerk; UnderlyingDataRole holds the number (or the error's time) for sorting.
class ApiUsageModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiUsageModel)

public:
    enum Column {
        EndpointColumn,
        CallsTodayColumn,
        CallsMonthColumn,
        ErrorsColumn,
        ThrottledColumn,
        P50Column,
        P95Column,
        LastErrorColumn,
        ColumnCount
    };

    explicit ApiUsageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setStats(const QList<ApiEndpointStats> &stats);
    const QList<ApiEndpointStats> &stats() const { return m_stats; }
    // The row of endpoint `api` (an rs::api name), -1 when it is not listed.
    int rowOf(const QString &api) const;
    void retranslate();

private:
    QVariant display(const ApiEndpointStats &s, int column) const;
    static QVariant underlying(const ApiEndpointStats &s, int column);

    QList<ApiEndpointStats> m_stats;
};

} // namespace rs
