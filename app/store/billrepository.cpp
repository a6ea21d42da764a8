#include "app/store/billrepository.h"

#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "app/store/eventtext.h"
#include "app/store/jobrunrepository.h"
#include "app/store/sqldialect.h"
#include "app/store/sqlutil.h"

#include <QDateTime>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace rs {
namespace {

const QString kColumns = QStringLiteral(
    "idempotency_key, application_id, state, amount, payload_json, kingdee_id, kingdee_number,"
    " last_error, error_field, retryable, attempts, reversal, kingdee_status, after_save_error,"
    " kingdee_duplicates");

BillRecord fromRow(const QSqlQuery &q)
{
    BillRecord b;
    b.key = q.value(0).toString();
    b.applicationId = q.value(1).toString();
    b.state = billStateFromWireName(q.value(2).toString()).value_or(BillState::Pending);
    b.amount = q.value(3).toString();
    b.payloadJson = q.value(4).toString().toUtf8();
    b.kingdeeId = q.value(5).toString();
    b.kingdeeNumber = q.value(6).toString();
    b.lastError = q.value(7).toString();
    b.errorField = q.value(8).toString();
    b.retryable = q.value(9).toInt() != 0;
    b.attempts = q.value(10).toInt();
    b.reversal = q.value(11).toString();
    b.kingdeeStatus = q.value(12).toString();
    b.afterSaveError = q.value(13).toString();
    b.kingdeeDuplicates = q.value(14).toString();
    return b;
}

StoreError conflict(const QString &key, BillState from, BillState to)
{
    return {StoreError::Kind::Conflict,
            QCoreApplication::translate("rs::Store",
                                        "Bill %1 cannot change from %2 to %3; it was not changed.")
                .arg(key, displayName(from), displayName(to))};
}

// Keys per IN list: far below every driver's limit on bound values.
constexpr qsizetype kKeysPerQuery = 400;

} // namespace

BillRepository::BillRepository(const Database &database)
    : m_database(database)
{ }

StoreError BillRepository::saveDraft(const BillRecord &bill) const
{
    return m_database.transact([&bill](QSqlDatabase &db) {
        const QString now = sql::nowUtc();
        QSqlQuery q(db);
        const StoreError e = sql::run(
            q,
            QStringLiteral("INSERT INTO bills (idempotency_key, application_id, state, amount,"
                           " payload_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                           " ON CONFLICT (idempotency_key) DO UPDATE SET"
                           " amount = excluded.amount, payload_json = excluded.payload_json,"
                           " updated_at = excluded.updated_at"
                           " WHERE bills.state IN ('pending', 'failed')"),
            {bill.key, bill.applicationId, toWireName(BillState::Pending),
             sql::nullableText(bill.amount), sql::text(bill.payloadJson), now, now},
            QT_TRANSLATE_NOOP("rs::Store", "saving a bill draft"));
        if (!e.ok() || q.numRowsAffected() > 0)
            return e;
        return StoreError {
            StoreError::Kind::Conflict,
            QCoreApplication::translate("rs::Store",
                                        "Bill %1 has already been handed to Kingdee; "
                                        "its draft was kept as sent.")
                .arg(bill.key)};
    });
}

StoreError BillRepository::transition(const QString &key, BillState from, BillState to,
                                      const BillOutcome &outcome, const QString &message) const
{
    return transitionAll({{key, from, to, outcome, message}});
}

StoreError BillRepository::transitionAll(const QList<BillChange> &changes) const
{
    for (const BillChange &c : changes) {
        if (!isAllowedTransition(c.from, c.to))
            return conflict(c.key, c.from, c.to);
    }
    return m_database.transact([&](QSqlDatabase &db) {
        for (const BillChange &c : changes) {
            if (const StoreError e = applyIn(db, c); !e.ok())
                return e; // rolls back the whole set
        }
        return StoreError::none();
    });
}

QList<BillRecord> BillRepository::inStateSince(BillState state, const QDateTime &beforeUtc,
                                               StoreError *error) const
{
    QList<BillRecord> bills;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    // updated_at is ISO 8601 UTC with milliseconds (sql::nowUtc), so text order is time order.
    const StoreError e = sql::run(
        q,
        QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM bills WHERE state = ? AND updated_at < ? ORDER BY updated_at,"
                             " idempotency_key"),
        {toWireName(state), beforeUtc.toUTC().toString(Qt::ISODateWithMs)},
        QT_TRANSLATE_NOOP("rs::Store", "reading bills"));
    if (error)
        *error = e;
    while (e.ok() && q.next())
        bills.append(fromRow(q));
    return bills;
}

StoreError BillRepository::startSending(const QStringList &keys, QList<BillChange> *changes) const
{
    return startSending(keys, RunClaim {0, true}, changes);
}

StoreError BillRepository::startSending(const QStringList &keys, const RunClaim &run,
                                        QList<BillChange> *changes) const
{
    struct Held
    {
        QString state;
        QString approval;
        QString applicationId;
        qint64 owner = 0;
    };
    QList<BillChange> made;
    const StoreError e = m_database.transact([&](QSqlDatabase &db) {
        made.clear();
        QHash<QString, Held> held;
        QSqlQuery q(db);
        for (qsizetype at = 0; at < keys.size(); at += kKeysPerQuery) {
            const QStringList some = keys.mid(at, kKeysPerQuery);
            StoreError read = sql::run(
                q,
                QStringLiteral("SELECT b.idempotency_key, b.state, a.approval, a.id, b.claimed_by"
                               " FROM bills b JOIN applications a ON a.id = b.application_id"
                               " WHERE b.idempotency_key IN ")
                    + sql::inList(some.size())
                    + sqldialect::lockBillAndApplicationSuffix(m_database.driver()),
                sql::asValues(some), QT_TRANSLATE_NOOP("rs::Store", "reading a bill"));
            if (!read.ok())
                return read;
            while (q.next()) {
                held.insert(q.value(0).toString(),
                            {q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                             q.value(4).toLongLong()});
            }
        }
        q.finish();
        for (const QString &key : keys) {
            const auto it = held.constFind(key);
            if (it == held.constEnd() || it->state != toWireName(BillState::Queued))
                continue;
            if (run.runId != 0 && it->owner != run.runId)
                continue; // taken over by another run while this one was taken for dead
            const auto approval = approvalStateFromWireName(it->approval);
            BillChange change {key, BillState::Queued, BillState::Sending, {}, {}};
            if (approval == ApprovalState::Approved) {
                change.outcome.countsAsAttempt = true;
            } else {
                change.to = BillState::Pending;
                change.outcome.error =
                    QCoreApplication::translate("rs::Store",
                                                "Not sent: application %1 became %2 in DingTalk"
                                                " while its bill waited to be sent.")
                        .arg(it->applicationId,
                             displayName(approval.value_or(ApprovalState::InApproval)));
                change.message = change.outcome.error;
            }
            if (const StoreError applied = applyIn(db, change); !applied.ok())
                return applied;
            made.append(change);
        }
        return StoreError::none();
    });
    if (e.ok() && changes)
        *changes = made;
    return e;
}

StoreError BillRepository::markDuplicateInKingdee(const QString &key, const QString &numbers,
                                                  const QString &message) const
{
    return m_database.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (StoreError e = sql::run(q,
                                    QStringLiteral("SELECT application_id FROM bills"
                                                   " WHERE idempotency_key = ?"),
                                    {key}, QT_TRANSLATE_NOOP("rs::Store", "reading a bill"));
            !e.ok() || !q.next()) {
            return e;
        }
        SyncEvent event;
        event.level = SyncEvent::Level::Error;
        event.kind = QStringLiteral("bill.duplicate_in_kingdee");
        event.applicationId = q.value(0).toString();
        event.billKey = key;
        event.message = message;
        q.finish();
        if (StoreError e =
                sql::run(q,
                         QStringLiteral("UPDATE bills SET kingdee_duplicates = ?, updated_at = ?"
                                        " WHERE idempotency_key = ?"),
                         {numbers, sql::nowUtc(), key},
                         QT_TRANSLATE_NOOP("rs::Store", "recording a bill held twice in Kingdee"));
            !e.ok()) {
            return e;
        }
        return EventLog::appendIn(db, event);
    });
}

StoreError BillRepository::recordKingdeeStatus(const QString &key, const QString &status,
                                               const QString &afterSaveError,
                                               const QString &message) const
{
    return m_database.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        StoreError e =
            sql::run(q,
                     QStringLiteral("UPDATE bills SET kingdee_status = ?, after_save_error = ?,"
                                    " updated_at = ? WHERE idempotency_key = ? AND state = ?"),
                     {sql::nullableText(status), sql::nullableText(afterSaveError), sql::nowUtc(),
                      key, toWireName(BillState::Synced)},
                     QT_TRANSLATE_NOOP("rs::Store", "recording a bill's status in Kingdee"));
        if (!e.ok() || message.isEmpty())
            return e;
        SyncEvent event;
        event.level = afterSaveError.isEmpty() ? SyncEvent::Level::Info : SyncEvent::Level::Error;
        event.kind = QStringLiteral("bill.kingdee_status");
        event.billKey = key;
        event.message = message;
        if (sql::run(q,
                     QStringLiteral("SELECT application_id FROM bills WHERE idempotency_key = ?"),
                     {key}, QT_TRANSLATE_NOOP("rs::Store", "recording a bill's status in Kingdee"))
                .ok()
            && q.next())
            event.applicationId = q.value(0).toString();
        return EventLog::appendIn(db, event);
    });
}

StoreError BillRepository::recordStatusesRead(const QHash<QString, QString> &statusByKey,
                                              QStringList *changedKeys) const
{
    QStringList changed;
    const StoreError e = m_database.transact([&](QSqlDatabase &db) {
        const char *what = QT_TRANSLATE_NOOP("rs::Store", "recording bills' status in Kingdee");
        QSqlQuery read(db);
        read.setForwardOnly(true);
        StoreError step = sql::run(read,
                                   QStringLiteral("SELECT idempotency_key, application_id,"
                                                  " kingdee_status, kingdee_number FROM bills"
                                                  " WHERE state = ?"),
                                   {toWireName(BillState::Synced)}, what);
        QList<SyncEvent> gone;
        QList<std::pair<QString, QString>> updates;
        while (step.ok() && read.next()) {
            const QString key = read.value(0).toString();
            const auto found = statusByKey.constFind(key);
            if (found == statusByKey.cend() || found.value() == read.value(2).toString())
                continue;
            updates.append({key, found.value()});
            if (found.value() == QLatin1String(GoneStatus)) {
                SyncEvent event;
                event.level = SyncEvent::Level::Warning;
                event.kind = QStringLiteral("bill.kingdee_status");
                event.applicationId = read.value(1).toString();
                event.billKey = key;
                event.message =
                    QCoreApplication::translate(
                        "rs::Store", "Bill %1 is no longer in Kingdee: someone deleted it there.")
                        .arg(read.value(3).toString());
                gone.append(event);
            }
        }
        if (!step.ok())
            return step;
        QSqlQuery write(db);
        step = sql::prepare(write,
                            QStringLiteral("UPDATE bills SET kingdee_status = ?, updated_at = ?"
                                           " WHERE idempotency_key = ? AND state = ?"),
                            what);
        const QString now = sql::nowUtc();
        for (const auto &[key, status] : std::as_const(updates)) {
            if (step.ok())
                step = sql::runPrepared(write, {status, now, key, toWireName(BillState::Synced)},
                                        what);
            changed.append(key);
        }
        for (const SyncEvent &event : std::as_const(gone)) {
            if (step.ok())
                step = EventLog::appendIn(db, event);
        }
        return step;
    });
    if (e.ok() && changedKeys)
        *changedKeys = changed;
    return e;
}

StoreError BillRepository::sendAgain(const QString &key) const
{
    return m_database.transact([&](QSqlDatabase &db) {
        const char *what = QT_TRANSLATE_NOOP("rs::Store", "sending a bill again");
        QSqlQuery q(db);
        StoreError e =
            sql::run(q,
                     QStringLiteral("SELECT application_id, kingdee_number FROM bills"
                                    " WHERE idempotency_key = ? AND state = ?"
                                    " AND kingdee_status = ?"),
                     {key, toWireName(BillState::Synced), QLatin1String(GoneStatus)}, what);
        if (!e.ok())
            return e;
        if (!q.next())
            return StoreError {StoreError::Kind::Conflict,
                               QCoreApplication::translate(
                                   "rs::Store",
                                   "Bill %1 is not recorded as gone from Kingdee; it was not "
                                   "changed.")
                                   .arg(key)};
        SyncEvent event;
        event.level = SyncEvent::Level::Warning;
        event.kind = QStringLiteral("bill.state");
        event.applicationId = q.value(0).toString();
        event.billKey = key;
        event.message =
            QCoreApplication::translate("rs::Store",
                                        "Bill %1 was deleted in Kingdee; the clerk chose to send "
                                        "it again as a new bill.")
                .arg(q.value(1).toString());
        e = sql::run(q,
                     QStringLiteral("UPDATE bills SET state = ?, kingdee_id = NULL,"
                                    " kingdee_number = NULL, kingdee_status = NULL,"
                                    " after_save_error = NULL, last_error = NULL, updated_at = ?"
                                    " WHERE idempotency_key = ?"),
                     {toWireName(BillState::Pending), sql::nowUtc(), key}, what);
        return e.ok() ? EventLog::appendIn(db, event) : e;
    });
}

StoreError BillRepository::applyIn(QSqlDatabase &db, const BillChange &c)
{
    const BillOutcome &outcome = c.outcome;
    QSqlQuery q(db);
    StoreError e = sql::run(
        q,
        QStringLiteral("UPDATE bills SET state = ?,"
                       " kingdee_id = COALESCE(?, kingdee_id),"
                       " kingdee_number = COALESCE(?, kingdee_number),"
                       " last_error = ?, error_field = ?, retryable = ?,"
                       " attempts = attempts + ?, updated_at = ?,"
                       " reversal = COALESCE(?, reversal)"
                       " WHERE idempotency_key = ? AND state = ? RETURNING application_id"),
        {toWireName(c.to), sql::nullableText(outcome.kingdeeId),
         sql::nullableText(outcome.kingdeeNumber), sql::nullableText(outcome.error),
         sql::nullableText(outcome.errorField), outcome.retryable ? 1 : 0,
         outcome.countsAsAttempt ? 1 : 0, sql::nowUtc(), sql::nullableText(outcome.reversal), c.key,
         toWireName(c.from)},
        QT_TRANSLATE_NOOP("rs::Store", "changing a bill's state"));
    if (!e.ok())
        return e;
    if (!q.next())
        return conflict(c.key, c.from, c.to);

    SyncEvent event;
    event.level = c.to == BillState::Failed ? SyncEvent::Level::Error
        : c.to == BillState::InDoubt        ? SyncEvent::Level::Warning
                                            : SyncEvent::Level::Info;
    event.kind = QStringLiteral("bill.") + toWireName(c.to);
    event.billKey = c.key;
    event.message = c.message.isEmpty()
        ? eventtext::encode("rs::Store", QT_TRANSLATE_NOOP("rs::Store", "%1 → %2"),
                            {eventtext::state(c.from), eventtext::state(c.to)})
        : c.message;
    event.applicationId = q.value(0).toString();
    q.finish();
    return EventLog::appendIn(db, event);
}

QList<BillRecord> BillRepository::inStates(const QList<BillState> &states, StoreError *error) const
{
    QStringList marks;
    QVariantList names;
    for (BillState state : states) {
        marks.append(QStringLiteral("?"));
        names.append(toWireName(state));
    }
    QList<BillRecord> bills;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    const StoreError e =
        sql::run(q,
                 QStringLiteral("SELECT ") + kColumns
                     + QStringLiteral(" FROM bills WHERE state IN (%1) ORDER BY created_at,"
                                      " idempotency_key")
                           .arg(marks.join(QStringLiteral(", "))),
                 names, QT_TRANSLATE_NOOP("rs::Store", "reading bills"));
    if (error)
        *error = e;
    while (e.ok() && q.next())
        bills.append(fromRow(q));
    return bills;
}

int BillRepository::recoverInterruptedSends(StoreError *error) const
{
    return recoverInterruptedSends(RunClaim {0, true}, error);
}

namespace {

bool isHeldByARun(BillState state)
{
    return state == BillState::Queued || state == BillState::Sending || state == BillState::InDoubt;
}

// The runs whose heartbeat goes on, other than `self`.
StoreError liveRuns(QSqlDatabase &db, StoreDriver driver, const RunClaim &run, QSet<qint64> *live)
{
    QSqlQuery q(db);
    const StoreError e =
        sql::run(q,
                 QStringLiteral("SELECT id FROM job_runs WHERE finished_at IS NULL AND id <> ?"
                                " AND heartbeat_ms > %1 - ?")
                     .arg(sqldialect::nowMillisExpression(driver)),
                 {run.runId, run.staleAfterMs}, QT_TRANSLATE_NOOP("rs::Store", "reading runs"));
    while (e.ok() && q.next())
        live->insert(q.value(0).toLongLong());
    return e;
}

} // namespace

int BillRepository::recoverInterruptedSends(const RunClaim &run, StoreError *error) const
{
    int recovered = 0;
    const StoreError e = m_database.transact([&](QSqlDatabase &db) {
        recovered = 0;
        QSet<qint64> live;
        if (!run.othersAreDead) {
            if (StoreError read = liveRuns(db, m_database.driver(), run, &live); !read.ok())
                return read;
        }
        QList<QString> keys;
        {
            QSqlQuery q(db);
            StoreError read = sql::run(
                q,
                QStringLiteral("SELECT b.idempotency_key, b.claimed_by FROM bills b"
                               " WHERE b.state = ?")
                    + sqldialect::claimRowsSuffix(m_database.driver()),
                {toWireName(BillState::Sending)}, QT_TRANSLATE_NOOP("rs::Store", "reading a bill"));
            if (!read.ok())
                return read;
            while (q.next()) {
                const qint64 owner = q.value(1).toLongLong();
                if (owner == run.runId && run.runId != 0)
                    continue;
                if (!live.contains(owner))
                    keys.append(q.value(0).toString());
            }
        }
        for (const QString &key : std::as_const(keys)) {
            const BillChange change {
                key,
                BillState::Sending,
                BillState::InDoubt,
                {},
                QCoreApplication::translate(
                    "rs::Store",
                    "The program stopped while this bill was being sent; it will be looked"
                    " up in Kingdee before anything is sent again.")};
            if (StoreError applied = applyIn(db, change); !applied.ok())
                return applied;
            ++recovered;
        }
        return StoreError::none();
    });
    if (error)
        *error = e;
    return e.ok() ? recovered : 0;
}

StoreError BillRepository::claim(const QList<BillChange> &changes, const RunClaim &run,
                                 QList<BillChange> *claimed) const
{
    QStringList keys;
    keys.reserve(changes.size());
    for (const BillChange &change : changes)
        keys.append(change.key);
    QList<BillChange> made;
    const StoreError e = m_database.transact([&](QSqlDatabase &db) {
        made.clear();
        QSet<qint64> live;
        if (!run.othersAreDead) {
            if (StoreError read = liveRuns(db, m_database.driver(), run, &live); !read.ok())
                return read;
        }
        // A row another run is claiming this instant is skipped (SKIP LOCKED), not waited for.
        QHash<QString, std::pair<std::optional<BillState>, qint64>> rows;
        QSqlQuery q(db);
        for (qsizetype at = 0; at < keys.size(); at += kKeysPerQuery) {
            const QStringList some = keys.mid(at, kKeysPerQuery);
            StoreError read = sql::run(
                q,
                QStringLiteral("SELECT b.idempotency_key, b.state, b.claimed_by"
                               " FROM bills b WHERE b.idempotency_key IN ")
                    + sql::inList(some.size()) + sqldialect::claimRowsSuffix(m_database.driver()),
                sql::asValues(some), QT_TRANSLATE_NOOP("rs::Store", "reading a bill"));
            if (!read.ok())
                return read;
            while (q.next()) {
                rows.insert(
                    q.value(0).toString(),
                    {billStateFromWireName(q.value(1).toString()), q.value(2).toLongLong()});
            }
        }
        q.finish();
        QStringList taken;
        QSet<QString> seen;
        for (const BillChange &change : changes) {
            const auto it = rows.constFind(change.key);
            if (it == rows.constEnd() || it->first != change.from || seen.contains(change.key))
                continue;
            seen.insert(change.key);
            const qint64 owner = it->second;
            if (isHeldByARun(change.from) && owner != run.runId && live.contains(owner))
                continue;
            taken.append(change.key);
            made.append(change);
        }
        for (qsizetype at = 0; at < taken.size(); at += kKeysPerQuery) {
            const QStringList some = taken.mid(at, kKeysPerQuery);
            if (StoreError marked = sql::run(
                    q,
                    QStringLiteral("UPDATE bills SET claimed_by = ? WHERE idempotency_key IN ")
                        + sql::inList(some.size()),
                    QVariantList {run.runId} + sql::asValues(some),
                    QT_TRANSLATE_NOOP("rs::Store", "claiming a bill"));
                !marked.ok()) {
                return marked;
            }
        }
        for (const BillChange &change : std::as_const(made)) {
            if (change.to != change.from) {
                if (StoreError applied = applyIn(db, change); !applied.ok())
                    return applied;
            }
        }
        return StoreError::none();
    });
    if (e.ok() && claimed)
        *claimed = made;
    return e;
}

std::optional<BillRecord> BillRepository::find(const QString &key, StoreError *error) const
{
    QSqlQuery q(m_database.connection());
    const StoreError e = sql::run(q,
                                  QStringLiteral("SELECT ") + kColumns
                                      + QStringLiteral(" FROM bills WHERE idempotency_key = ?"),
                                  {key}, QT_TRANSLATE_NOOP("rs::Store", "reading a bill"));
    if (error)
        *error = e;
    if (!e.ok() || !q.next())
        return std::nullopt;
    return fromRow(q);
}

QHash<QString, BillRecord> BillRepository::findAll(const QStringList &keys, StoreError *error) const
{
    QHash<QString, BillRecord> bills;
    bills.reserve(keys.size());
    StoreError e;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    for (qsizetype at = 0; at < keys.size() && e.ok(); at += kKeysPerQuery) {
        const QStringList some = keys.mid(at, kKeysPerQuery);
        e = sql::run(q,
                     QStringLiteral("SELECT ") + kColumns
                         + QStringLiteral(" FROM bills WHERE idempotency_key IN ")
                         + sql::inList(some.size()),
                     sql::asValues(some), QT_TRANSLATE_NOOP("rs::Store", "reading bills"));
        while (e.ok() && q.next()) {
            BillRecord bill = fromRow(q);
            bills.insert(bill.key, bill);
        }
    }
    if (error)
        *error = e;
    return bills;
}

QList<BillRecord> BillRepository::forApplication(const QString &applicationId,
                                                 StoreError *error) const
{
    QList<BillRecord> bills;
    QSqlQuery q(m_database.connection());
    const StoreError e = sql::run(q,
                                  QStringLiteral("SELECT ") + kColumns
                                      + QStringLiteral(" FROM bills WHERE application_id = ?"
                                                       " ORDER BY idempotency_key"),
                                  {applicationId}, QT_TRANSLATE_NOOP("rs::Store", "reading bills"));
    if (error)
        *error = e;
    if (!e.ok())
        return bills;
    while (q.next())
        bills.append(fromRow(q));
    return bills;
}

QHash<QString, QList<BillRecord>> BillRepository::byApplication(StoreError *error) const
{
    QHash<QString, QList<BillRecord>> bills;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    const StoreError e = sql::run(q,
                                  QStringLiteral("SELECT ") + kColumns
                                      + QStringLiteral(" FROM bills ORDER BY idempotency_key"),
                                  {}, QT_TRANSLATE_NOOP("rs::Store", "reading bills"));
    if (error)
        *error = e;
    if (!e.ok())
        return bills;
    while (q.next()) {
        BillRecord bill = fromRow(q);
        bills[bill.applicationId].append(std::move(bill));
    }
    return bills;
}

QHash<BillState, int> BillRepository::countByState(StoreError *error) const
{
    QHash<BillState, int> counts;
    QSqlQuery q(m_database.connection());
    const StoreError e =
        sql::run(q, QStringLiteral("SELECT state, COUNT(*) FROM bills GROUP BY state"), {},
                 QT_TRANSLATE_NOOP("rs::Store", "counting bills"));
    if (error)
        *error = e;
    if (!e.ok())
        return counts;
    while (q.next()) {
        if (auto state = billStateFromWireName(q.value(0).toString()))
            counts.insert(*state, q.value(1).toInt());
    }
    return counts;
}

} // namespace rs
