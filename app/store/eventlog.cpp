#include "app/store/eventlog.h"

#include "app/store/database.h"
#include "app/store/eventtext.h"
#include "app/store/jobrunrepository.h"
#include "app/store/sqlutil.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace rs {
namespace {

QString levelName(SyncEvent::Level level)
{
    switch (level) {
    case SyncEvent::Level::Info:
        return QStringLiteral("info");
    case SyncEvent::Level::Warning:
        return QStringLiteral("warning");
    case SyncEvent::Level::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

SyncEvent::Level levelFromName(const QString &name)
{
    if (name == QLatin1String("error"))
        return SyncEvent::Level::Error;
    if (name == QLatin1String("warning"))
        return SyncEvent::Level::Warning;
    return SyncEvent::Level::Info;
}

// The event's application joined for its business id; an event may name one not stored.
QList<SyncEvent> selectEvents(const Database &database, const QString &where, const QString &order,
                              const QVariantList &values, StoreError *error)
{
    QList<SyncEvent> events;
    QSqlQuery q(database.connection());
    const StoreError outcome = sql::run(
        q,
        QStringLiteral("SELECT e.id, e.occurred_at, e.level, e.kind, e.application_id,"
                       " e.bill_key, e.message, a.business_id FROM sync_events e"
                       " LEFT JOIN applications a ON a.id = e.application_id")
            + where + QStringLiteral(" ORDER BY e.id ") + order + QStringLiteral(" LIMIT ?"),
        values, QT_TRANSLATE_NOOP("rs::Store", "reading the sync log"));
    if (error)
        *error = outcome;
    if (!outcome.ok())
        return events;
    while (q.next()) {
        SyncEvent e;
        e.id = q.value(0).toLongLong();
        e.occurredAt = q.value(1).toString();
        e.level = levelFromName(q.value(2).toString());
        e.kind = q.value(3).toString();
        e.applicationId = q.value(4).toString();
        e.billKey = q.value(5).toString();
        // Rendered now, in the reader's language (a plain text from an older version as it is).
        e.storedMessage = q.value(6).toString();
        e.message = eventtext::render(e.storedMessage);
        e.applicationBusinessId = q.value(7).toString();
        events.append(e);
    }
    return events;
}

} // namespace

EventLog::EventLog(const Database &database)
    : m_database(database)
{ }

StoreError EventLog::append(const SyncEvent &event) const
{
    return m_database.transact([&event](QSqlDatabase &db) { return appendIn(db, event); });
}

StoreError EventLog::appendIn(QSqlDatabase &db, const SyncEvent &event)
{
    QSqlQuery q(db);
    return sql::run(q,
                    QStringLiteral("INSERT INTO sync_events (occurred_at, level, kind,"
                                   " application_id, bill_key, message, actor)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {event.occurredAt.isEmpty() ? sql::nowUtc() : event.occurredAt,
                     levelName(event.level), event.kind, sql::nullableText(event.applicationId),
                     sql::nullableText(event.billKey), sql::text(event.message),
                     JobRunRepository::currentActor()},
                    QT_TRANSLATE_NOOP("rs::Store", "writing the sync log"));
}

QList<SyncEvent> EventLog::recent(int limit, StoreError *error) const
{
    return selectEvents(m_database, {}, QStringLiteral("DESC"), {limit}, error);
}

QList<SyncEvent> EventLog::after(qint64 lastId, int limit, StoreError *error) const
{
    return selectEvents(m_database, QStringLiteral(" WHERE e.id > ?"), QStringLiteral("ASC"),
                        {lastId, limit}, error);
}

} // namespace rs
