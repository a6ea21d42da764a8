#pragma once

#include "app/store/records.h"
#include "app/store/storeerror.h"

#include <QAbstractTableModel>

namespace rs {

class Database;

// The live sync log in the log dock: oldest at the top, new events appended at the bottom as
// the jobs write them. Holds at most maximumRows() events; the oldest fall off the top.
// DisplayRole is formatted text (local time, translated level), UnderlyingDataRole the raw value.
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogModel)

public:
    enum Column {
        TimeColumn,
        LevelColumn,
        ApplicationColumn,
        BillColumn,
        ActorColumn, // who: user@computer of the console or run that wrote it (issue 14)
        MessageColumn,
        ColumnCount
    };
    enum Role {
        LevelRole = Qt::UserRole + 1, // SyncEvent::Level as int
        ApplicationIdRole, // the process instance id; empty when the event names none
        EventIdRole, // sync_events.id
        BillKeyRole, // the idempotency key of the bill it names; empty when it names none
    };
    static constexpr int DefaultMaximumRows = 20000;

    explicit EventLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Reads the events written since the last one shown, CatchUpSlice at a time (the newest
    // maximumRows() on the first call). False, with `error` set, when the store could not be read;
    // the rows stay as they were.
    bool refresh(const Database &database, StoreError *error = nullptr);
    // The last refresh() read one slice of new events and more are waiting.
    bool hasMore() const { return m_hasMore; }
    static constexpr int CatchUpSlice = 500;
    // Appends events, oldest first; ones already shown (id not above lastEventId()) are skipped.
    void appendEvents(QList<SyncEvent> events);
    qint64 lastEventId() const { return m_lastId; }

    int maximumRows() const { return m_maximumRows; }
    void setMaximumRows(int rows);

    // Level names and header titles are translated when shown: re-announce them.
    void retranslate();

    static QString levelName(SyncEvent::Level level);

private:
    struct Entry
    {
        SyncEvent event;
        QString time; // formatted once: sorting and painting ask often
    };
    QVariant displayText(const Entry &entry, int column) const;
    void dropOldest(int count);

    QList<Entry> m_entries;
    qint64 m_lastId = 0;
    int m_maximumRows = DefaultMaximumRows;
    bool m_hasMore = false;
};

} // namespace rs
