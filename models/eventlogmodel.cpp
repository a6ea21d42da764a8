#include "models/eventlogmodel.h"

#include "app/store/eventlog.h"
#include "app/store/eventtext.h"
#include "models/modelroles.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

#include <algorithm>

namespace rs {
namespace {

// The store writes ISO 8601 UTC; the clerk reads local time to the second.
QString localTime(const QString &isoUtc)
{
    const QDateTime when = QDateTime::fromString(isoUtc, Qt::ISODateWithMs);
    return when.isValid() ? when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : isoUtc;
}

} // namespace

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::levelName(SyncEvent::Level level)
{
    switch (level) {
    case SyncEvent::Level::Info:
        return tr("Info", "sync log level");
    case SyncEvent::Level::Warning:
        return tr("Warning", "sync log level");
    case SyncEvent::Level::Error:
        return tr("Error", "sync log level");
    }
    return {};
}

QVariant EventLogModel::displayText(const Entry &entry, int column) const
{
    const SyncEvent &event = entry.event;
    switch (column) {
    case TimeColumn:
        return entry.time;
    case LevelColumn:
        return levelName(event.level);
    case ApplicationColumn:
        return event.applicationBusinessId.isEmpty() ? event.applicationId
                                                     : event.applicationBusinessId;
    case BillColumn:
        return event.billKey;
    case ActorColumn:
        return event.actor;
    case MessageColumn:
        return event.message;
    default:
        return {};
    }
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(entry, column);
    case Qt::ToolTipRole:
        // Who did it: on a shared ledger several clerks' consoles and scheduled runs write here.
        if (column == TimeColumn && !entry.event.actor.isEmpty())
            return tr("Recorded by %1").arg(entry.event.actor);
        if (column == MessageColumn) {
            return entry.event.actor.isEmpty()
                ? entry.event.message
                : tr("%1\n(recorded by %2)").arg(entry.event.message, entry.event.actor);
        }
        if (column == ApplicationColumn)
            return entry.event.applicationId;
        return {};
    case UnderlyingDataRole:
        if (column == TimeColumn)
            return entry.event.occurredAt;
        if (column == LevelColumn)
            return int(entry.event.level);
        return displayText(entry, column);
    case Qt::ForegroundRole:
        if (column != LevelColumn && column != MessageColumn)
            return {};
        switch (entry.event.level) {
        case SyncEvent::Level::Error:
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        case SyncEvent::Level::Warning:
            return QBrush(QColor(0xb3, 0x5c, 0x00));
        case SyncEvent::Level::Info:
            return {};
        }
        return {};
    case LevelRole:
        return int(entry.event.level);
    case ApplicationIdRole:
        return entry.event.applicationId;
    case EventIdRole:
        return entry.event.id;
    case BillKeyRole:
        return entry.event.billKey;
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level", "sync log level");
    case ApplicationColumn:
        return tr("Approval no.");
    case BillColumn:
        return tr("Bill");
    case ActorColumn:
        return tr("By", "who recorded a sync log event: user@computer");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

bool EventLogModel::refresh(const Database &database, StoreError *error)
{
    const EventLog log(database);
    StoreError outcome;
    if (m_lastId == 0) {
        // First look: only the newest events that fit, not the whole history.
        QList<SyncEvent> newest = log.recent(m_maximumRows, &outcome);
        std::reverse(newest.begin(), newest.end());
        if (outcome.ok())
            appendEvents(std::move(newest));
    } else {
        // One slice per call: a sync that queued 5,000 bills wrote 5,000 events at once, and
        // reading them in one go would hold the UI thread for a tenth of a second.
        QList<SyncEvent> batch = log.after(m_lastId, CatchUpSlice, &outcome);
        m_hasMore = outcome.ok() && batch.size() >= CatchUpSlice;
        if (outcome.ok())
            appendEvents(std::move(batch));
    }
    if (error)
        *error = outcome;
    return outcome.ok();
}

void EventLogModel::appendEvents(QList<SyncEvent> events)
{
    events.erase(
        std::remove_if(events.begin(), events.end(),
                       [this](const SyncEvent &e) { return e.id != 0 && e.id <= m_lastId; }),
        events.end());
    if (events.isEmpty())
        return;
    if (events.size() > m_maximumRows)
        events.remove(0, events.size() - m_maximumRows);
    dropOldest(int(m_entries.size() + events.size()) - m_maximumRows);

    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(events.size()) - 1);
    for (SyncEvent &event : events) {
        m_lastId = std::max(m_lastId, event.id);
        QString time = localTime(event.occurredAt);
        m_entries.append({std::move(event), std::move(time)});
    }
    endInsertRows();
}

void EventLogModel::dropOldest(int count)
{
    count = std::min(count, int(m_entries.size()));
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, count - 1);
    m_entries.remove(0, count);
    endRemoveRows();
}

void EventLogModel::setMaximumRows(int rows)
{
    m_maximumRows = std::max(1, rows);
    dropOldest(int(m_entries.size()) - m_maximumRows);
}

void EventLogModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    // Events stored as a code with arguments read in the new language; old plain ones stay.
    for (Entry &entry : m_entries) {
        if (!entry.event.storedMessage.isEmpty())
            entry.event.message = eventtext::render(entry.event.storedMessage);
    }
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, LevelColumn), index(rowCount() - 1, MessageColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace rs
