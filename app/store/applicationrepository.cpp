#include "app/store/applicationrepository.h"

#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "app/store/sqlutil.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace rs {
namespace {

const QString kColumns = QStringLiteral(
    "id, business_id, title, process_code, originator_userid, originator_dept_name, created_at,"
    " finished_at, approval, dingtalk_status, dingtalk_result, amount, raw_json, parse_error,"
    " fields_json, revokes_id, organisation, customers");

ApplicationRecord fromRow(const QSqlQuery &q)
{
    ApplicationRecord a;
    a.id = q.value(0).toString();
    a.businessId = q.value(1).toString();
    a.title = q.value(2).toString();
    a.processCode = q.value(3).toString();
    a.originatorUserId = q.value(4).toString();
    a.originatorDeptName = q.value(5).toString();
    a.createdAt = q.value(6).toString();
    a.finishedAt = q.value(7).toString();
    a.approval =
        approvalStateFromWireName(q.value(8).toString()).value_or(ApprovalState::InApproval);
    a.dingTalkStatus = q.value(9).toString();
    a.dingTalkResult = q.value(10).toString();
    a.amount = q.value(11).toString();
    a.rawJson = q.value(12).toString().toUtf8();
    a.parseError = q.value(13).toString();
    a.fieldsJson = q.value(14).toString().toUtf8();
    a.revokesId = q.value(15).toString();
    a.organisation = q.value(16).toString();
    a.customers = q.value(17).toString();
    return a;
}

} // namespace

ApplicationRepository::ApplicationRepository(const Database &database)
    : m_database(database)
{ }

StoreError ApplicationRepository::upsert(const ApplicationRecord &a) const
{
    return m_database.transact([&a](QSqlDatabase &db) { return upsertIn(db, a); });
}

StoreError ApplicationRepository::upsertAll(const QList<ApplicationRecord> &applications) const
{
    return m_database.transact([&applications](QSqlDatabase &db) {
        for (const ApplicationRecord &a : applications) {
            if (const StoreError e = upsertIn(db, a); !e.ok())
                return e;
        }
        return StoreError::none();
    });
}

StoreError ApplicationRepository::upsertIn(QSqlDatabase &db, const ApplicationRecord &a)
{
    const QString now = sql::nowUtc();
    QSqlQuery q(db);
    StoreError e =
        sql::run(q,
                 QStringLiteral("INSERT INTO applications (") + kColumns
                     + QStringLiteral(
                         ", fetched_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                         " ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                         " business_id = excluded.business_id, title = excluded.title,"
                         " process_code = excluded.process_code,"
                         " originator_userid = excluded.originator_userid,"
                         " originator_dept_name = excluded.originator_dept_name,"
                         " created_at = excluded.created_at,"
                         " finished_at = excluded.finished_at,"
                         // A revocation is final: a later answer about the original
                         // (still saying approved) never undoes it.
                         " approval = CASE WHEN applications.approval = 'revoked'"
                         " THEN 'revoked' ELSE excluded.approval END,"
                         " dingtalk_status = excluded.dingtalk_status,"
                         " dingtalk_result = excluded.dingtalk_result,"
                         " amount = excluded.amount, raw_json = excluded.raw_json,"
                         " parse_error = excluded.parse_error,"
                         " fields_json = excluded.fields_json,"
                         " revokes_id = excluded.revokes_id,"
                         " organisation = excluded.organisation, customers = excluded.customers,"
                         " updated_at = excluded.updated_at"),
                 {a.id,
                  sql::nullableText(a.businessId),
                  sql::nullableText(a.title),
                  sql::nullableText(a.processCode),
                  sql::nullableText(a.originatorUserId),
                  sql::nullableText(a.originatorDeptName),
                  sql::nullableText(a.createdAt),
                  sql::nullableText(a.finishedAt),
                  toWireName(a.approval),
                  sql::nullableText(a.dingTalkStatus),
                  sql::nullableText(a.dingTalkResult),
                  sql::nullableText(a.amount),
                  sql::text(a.rawJson),
                  sql::nullableText(a.parseError),
                  sql::text(a.fieldsJson),
                  sql::nullableText(a.revokesId),
                  sql::nullableText(a.organisation),
                  sql::nullableText(a.customers),
                  now,
                  now},
                 QT_TRANSLATE_NOOP("rs::Store", "saving an application"));
    if (!e.ok())
        return e;

    e = sql::run(q, QStringLiteral("DELETE FROM application_rows WHERE application_id = ?"), {a.id},
                 QT_TRANSLATE_NOOP("rs::Store", "saving an application"));
    if (!e.ok())
        return e;
    e = sql::prepare(q,
                     QStringLiteral("INSERT INTO application_rows (application_id, row_index,"
                                    " fields_json) VALUES (?, ?, ?)"),
                     QT_TRANSLATE_NOOP("rs::Store", "saving an application's rows"));
    if (!e.ok())
        return e;
    for (int i = 0; i < a.rowsJson.size(); ++i) {
        e = sql::runPrepared(q, {a.id, i, sql::text(a.rowsJson.at(i))},
                             QT_TRANSLATE_NOOP("rs::Store", "saving an application's rows"));
        if (!e.ok())
            return e;
    }
    return StoreError::none();
}

std::optional<ApplicationRecord> ApplicationRepository::find(const QString &id,
                                                             StoreError *error) const
{
    // One read transaction: the application and its rows come from the same snapshot even while
    // another connection replaces them.
    std::optional<ApplicationRecord> found;
    const StoreError outcome = m_database.transact(
        [&](QSqlDatabase &db) {
            QSqlQuery q(db);
            StoreError e = sql::run(q,
                                    QStringLiteral("SELECT ") + kColumns
                                        + QStringLiteral(" FROM applications WHERE id = ?"),
                                    {id}, QT_TRANSLATE_NOOP("rs::Store", "reading an application"));
            if (!e.ok() || !q.next())
                return e;
            ApplicationRecord a = fromRow(q);
            e = sql::run(q,
                         QStringLiteral("SELECT fields_json FROM application_rows"
                                        " WHERE application_id = ? ORDER BY row_index"),
                         {id}, QT_TRANSLATE_NOOP("rs::Store", "reading an application"));
            if (!e.ok())
                return e;
            while (q.next())
                a.rowsJson.append(q.value(0).toString().toUtf8());
            found = std::move(a);
            return StoreError::none();
        },
        Database::Access::Read);
    if (error)
        *error = outcome;
    return found;
}

QList<ApplicationRecord> ApplicationRepository::list(std::optional<ApprovalState> approval,
                                                     StoreError *error) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    const QString select =
        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM applications");
    const QString order = QStringLiteral(" ORDER BY created_at DESC, id");
    const StoreError e = approval
        ? sql::run(q, select + QStringLiteral(" WHERE approval = ?") + order,
                   {toWireName(*approval)}, QT_TRANSLATE_NOOP("rs::Store", "listing applications"))
        : sql::run(q, select + order, {}, QT_TRANSLATE_NOOP("rs::Store", "listing applications"));
    QList<ApplicationRecord> result;
    if (error)
        *error = e;
    if (!e.ok())
        return result;
    while (q.next())
        result.append(fromRow(q));
    return result;
}

QList<ApplicationRecord> ApplicationRepository::listWithRows(ApprovalState approval,
                                                             StoreError *error) const
{
    QList<ApplicationRecord> result;
    const StoreError outcome = m_database.transact(
        [&](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            StoreError e = sql::run(q,
                                    QStringLiteral("SELECT ") + kColumns
                                        + QStringLiteral(" FROM applications WHERE approval = ?"
                                                         " ORDER BY created_at DESC, id"),
                                    {toWireName(approval)},
                                    QT_TRANSLATE_NOOP("rs::Store", "listing applications"));
            if (!e.ok())
                return e;
            QHash<QString, qsizetype> indexById;
            while (q.next()) {
                result.append(fromRow(q));
                indexById.insert(result.constLast().id, result.size() - 1);
            }
            e = sql::run(q,
                         QStringLiteral("SELECT r.application_id, r.fields_json"
                                        " FROM application_rows r"
                                        " JOIN applications a ON a.id = r.application_id"
                                        " WHERE a.approval = ?"
                                        " ORDER BY r.application_id, r.row_index"),
                         {toWireName(approval)},
                         QT_TRANSLATE_NOOP("rs::Store", "listing applications"));
            if (!e.ok())
                return e;
            while (q.next()) {
                const auto it = indexById.constFind(q.value(0).toString());
                if (it != indexById.constEnd())
                    result[*it].rowsJson.append(q.value(1).toString().toUtf8());
            }
            return StoreError::none();
        },
        Database::Access::Read);
    if (error)
        *error = outcome;
    if (!outcome.ok())
        result.clear();
    return result;
}

QHash<ApprovalState, int> ApplicationRepository::countByApproval(StoreError *error) const
{
    QHash<ApprovalState, int> counts;
    QSqlQuery q(m_database.connection());
    const StoreError e =
        sql::run(q, QStringLiteral("SELECT approval, COUNT(*) FROM applications GROUP BY approval"),
                 {}, QT_TRANSLATE_NOOP("rs::Store", "counting applications"));
    if (error)
        *error = e;
    if (!e.ok())
        return counts;
    while (q.next()) {
        if (auto state = approvalStateFromWireName(q.value(0).toString()))
            counts.insert(*state, q.value(1).toInt());
    }
    return counts;
}

QHash<QString, ApprovalState> ApplicationRepository::approvalById(StoreError *error) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    const StoreError e = sql::run(q, QStringLiteral("SELECT id, approval FROM applications"), {},
                                  QT_TRANSLATE_NOOP("rs::Store", "listing applications"));
    if (error)
        *error = e;
    QHash<QString, ApprovalState> result;
    while (e.ok() && q.next()) {
        result.insert(
            q.value(0).toString(),
            approvalStateFromWireName(q.value(1).toString()).value_or(ApprovalState::InApproval));
    }
    return result;
}

QString ApplicationRepository::earliestCreateTime(ApprovalState approval, StoreError *error) const
{
    QSqlQuery q(m_database.connection());
    const StoreError e =
        sql::run(q, QStringLiteral("SELECT MIN(created_at) FROM applications WHERE approval = ?"),
                 {toWireName(approval)}, QT_TRANSLATE_NOOP("rs::Store", "listing applications"));
    if (error)
        *error = e;
    return e.ok() && q.next() ? q.value(0).toString() : QString();
}

StoreError ApplicationRepository::markRevoked(const QString &id, const SyncEvent &event) const
{
    return m_database.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        StoreError e =
            sql::run(q,
                     QStringLiteral("UPDATE applications SET approval = ?, updated_at = ?"
                                    " WHERE id = ?"),
                     {toWireName(ApprovalState::Revoked), sql::nowUtc(), id},
                     QT_TRANSLATE_NOOP("rs::Store", "saving an application"));
        if (!e.ok())
            return e;
        if (q.numRowsAffected() != 1) {
            return StoreError {
                StoreError::Kind::Conflict,
                QCoreApplication::translate("rs::Store", "There is no application %1.").arg(id)};
        }
        return EventLog::appendIn(db, event);
    });
}

bool ApplicationRepository::isRevokedByAnother(const QString &id, StoreError *error) const
{
    QSqlQuery q(m_database.connection());
    const StoreError e = sql::run(
        q, QStringLiteral("SELECT 1 FROM applications WHERE revokes_id = ? AND approval = ?"),
        {id, toWireName(ApprovalState::Revoked)},
        QT_TRANSLATE_NOOP("rs::Store", "listing applications"));
    if (error)
        *error = e;
    return e.ok() && q.next();
}

QList<ApplicationRow> ApplicationRepository::tableRows(StoreError *error) const
{
    return readTableRows({}, 0, error);
}

QList<ApplicationRow> ApplicationRepository::newestTableRows(int limit, StoreError *error) const
{
    return readTableRows({}, limit, error);
}

QList<ApplicationRow> ApplicationRepository::tableRows(const QStringList &ids,
                                                       StoreError *error) const
{
    QList<ApplicationRow> rows;
    // SQLite limits bound parameters per statement; a live refresh asks for a few dozen.
    constexpr qsizetype chunk = 500;
    for (qsizetype i = 0; i < ids.size(); i += chunk) {
        rows.append(readTableRows(ids.mid(i, chunk), 0, error));
        if (error && !error->ok())
            break;
    }
    return rows;
}

QList<ApplicationRow> ApplicationRepository::readTableRows(const QStringList &ids, int limit,
                                                           StoreError *error) const
{
    QList<ApplicationRow> rows;
    QHash<QString, qsizetype> position;
    QVariantList parameters;
    QString applicationFilter;
    QString billFilter;
    if (!ids.isEmpty()) {
        applicationFilter = QStringLiteral(" WHERE id IN ") + sql::inList(ids.size());
        billFilter = QStringLiteral(" WHERE application_id IN ") + sql::inList(ids.size());
        parameters = sql::asValues(ids);
    } else if (limit > 0) {
        const QString newest =
            QStringLiteral("SELECT id FROM applications ORDER BY created_at DESC, id LIMIT %1")
                .arg(limit);
        applicationFilter = QStringLiteral(" WHERE id IN (") + newest + u')';
        billFilter = QStringLiteral(" WHERE application_id IN (") + newest + u')';
    }
    // One read transaction: bills and applications from the same snapshot.
    const StoreError e = m_database.transact(
        [&](QSqlDatabase &db) {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            StoreError step =
                sql::run(q,
                         QStringLiteral("SELECT id, business_id, title, originator_userid,"
                                        " originator_dept_name, created_at, approval, amount,"
                                        " organisation, customers, parse_error FROM applications")
                             + applicationFilter + QStringLiteral(" ORDER BY created_at DESC, id"),
                         parameters, QT_TRANSLATE_NOOP("rs::Store", "listing applications"));
            if (!step.ok())
                return step;
            while (q.next()) {
                ApplicationRow r;
                r.id = q.value(0).toString();
                r.businessId = q.value(1).toString();
                r.title = q.value(2).toString();
                r.originator = q.value(4).toString();
                if (r.originator.isEmpty())
                    r.originator = q.value(3).toString();
                r.createdAt = q.value(5).toString();
                r.approval = approvalStateFromWireName(q.value(6).toString())
                                 .value_or(ApprovalState::InApproval);
                r.amount = q.value(7).toString();
                r.organisation = q.value(8).toString();
                r.customers = q.value(9).toString();
                r.parseError = q.value(10).toString();
                position.insert(r.id, rows.size());
                rows.append(std::move(r));
            }
            step = sql::run(q,
                            QStringLiteral("SELECT application_id, idempotency_key, state,"
                                           " kingdee_number, last_error, kingdee_status,"
                                           " after_save_error, kingdee_duplicates, error_field,"
                                           " retryable FROM bills")
                                + billFilter + QStringLiteral(" ORDER BY idempotency_key"),
                            parameters, QT_TRANSLATE_NOOP("rs::Store", "reading bills"));
            while (step.ok() && q.next()) {
                const auto it = position.constFind(q.value(0).toString());
                if (it == position.constEnd())
                    continue;
                // A key Kingdee holds twice is the row's loudest news: it takes the error cell.
                const QString duplicates = q.value(7).toString();
                rows[it.value()].bills.append(
                    {q.value(1).toString(),
                     billStateFromWireName(q.value(2).toString()).value_or(BillState::Pending),
                     q.value(3).toString(),
                     duplicates.isEmpty()
                         ? q.value(4).toString()
                         : QCoreApplication::translate("rs::Store", "In Kingdee twice: %1")
                               .arg(duplicates),
                     q.value(5).toString(), q.value(6).toString(), q.value(8).toString(),
                     q.value(9).toInt() != 0});
            }
            return step;
        },
        Database::Access::Read);
    if (error)
        *error = e;
    return rows;
}

} // namespace rs
