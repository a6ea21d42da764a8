#include "models/apiusagemodel.h"

#include "models/modelroles.h"

#include <QLocale>

namespace rs {

ApiUsageModel::ApiUsageModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int ApiUsageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_stats.size());
}

int ApiUsageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ApiUsageModel::rowOf(const QString &api) const
{
    for (qsizetype i = 0; i < m_stats.size(); ++i) {
        if (m_stats.at(i).api == api)
            return int(i);
    }
    return -1;
}

QVariant ApiUsageModel::underlying(const ApiEndpointStats &s, int column)
{
    switch (column) {
    case EndpointColumn:
        return s.api;
    case CallsTodayColumn:
        return s.callsToday;
    case CallsMonthColumn:
        return s.callsMonth;
    case ErrorsColumn:
        return s.errors;
    case ThrottledColumn:
        return s.throttled;
    case P50Column:
        return s.p50Ms;
    case P95Column:
        return s.p95Ms;
    case LastErrorColumn:
        return s.lastErrorAt;
    default:
        return {};
    }
}

QVariant ApiUsageModel::display(const ApiEndpointStats &s, int column) const
{
    const QLocale locale;
    switch (column) {
    case EndpointColumn:
        return s.api;
    case P50Column:
    case P95Column: {
        const qint64 ms = column == P50Column ? s.p50Ms : s.p95Ms;
        return ms < 0 ? QStringLiteral("–") : tr("%1 ms").arg(locale.toString(ms));
    }
    case LastErrorColumn: {
        if (!s.lastErrorAt.isValid())
            return QString();
        const QString when =
            s.lastErrorAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const QString outcome =
            s.lastErrorOutcome == QLatin1String("throttled") ? tr("throttled") : tr("failed");
        return tr("%1: %2").arg(when, s.lastError.isEmpty() ? outcome : s.lastError);
    }
    default:
        return locale.toString(underlying(s, column).toLongLong());
    }
}

QVariant ApiUsageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApiEndpointStats &s = m_stats.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(s, column);
    case UnderlyingDataRole:
        return underlying(s, column);
    case Qt::ToolTipRole:
        return column == LastErrorColumn ? display(s, column) : QVariant();
    case Qt::TextAlignmentRole:
        if (column != EndpointColumn && column != LastErrorColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ApiUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EndpointColumn:
        return tr("Endpoint");
    case CallsTodayColumn:
        return tr("Calls today");
    case CallsMonthColumn:
        return tr("Calls this month");
    case ErrorsColumn:
        return tr("Errors (month)");
    case ThrottledColumn:
        return tr("Throttled (month)");
    case P50Column:
        return tr("p50");
    case P95Column:
        return tr("p95");
    case LastErrorColumn:
        return tr("Last error");
    default:
        return {};
    }
}

void ApiUsageModel::setStats(const QList<ApiEndpointStats> &stats)
{
    beginResetModel();
    m_stats = stats;
    endResetModel();
}

void ApiUsageModel::retranslate()
{
    if (!m_stats.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace rs
