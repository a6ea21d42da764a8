#include "app/store/jobrunrepository.h"

#include "app/store/database.h"
#include "app/store/eventtext.h"
#include "app/store/sqldialect.h"
#include "app/store/sqlutil.h"

#include <QSqlQuery>
#include <QSysInfo>

#ifndef Q_OS_WIN
#include <pwd.h>
#include <unistd.h>
#endif

namespace rs {
namespace {

// USERNAME on Windows, USER elsewhere; on Unix a process started without them (a service, a
// cleaned environment) still has an account; "?" only when nothing names one.
QString osUser()
{
    for (const char *variable : {"USERNAME", "USER", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
#ifndef Q_OS_WIN
    if (const passwd *account = ::getpwuid(::geteuid()); account && account->pw_name)
        return QString::fromLocal8Bit(account->pw_name);
#endif
    return QStringLiteral("?");
}

} // namespace

JobRunRepository::JobRunRepository(const Database &database)
    : m_database(database)
{ }

qint64 JobRunRepository::start(const QString &kind, qint64 periodFromMs, qint64 periodToMs,
                               StoreError *error) const
{
    qint64 id = 0;
    const StoreError e = m_database.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        const StoreError inserted = sql::run(
            q,
            QStringLiteral("INSERT INTO job_runs (kind, started_at, period_from_ms,"
                           " period_to_ms, os_user, machine, heartbeat_ms)"
                           " VALUES (?, ?, ?, ?, ?, ?, %1)")
                .arg(sqldialect::nowMillisExpression(m_database.driver())),
            {kind, sql::nowUtc(), periodFromMs, periodToMs, osUser(), QSysInfo::machineHostName()},
            QT_TRANSLATE_NOOP("rs::Store", "recording a run"));
        if (inserted.ok())
            id = q.lastInsertId().toLongLong();
        return inserted;
    });
    if (error)
        *error = e;
    return e.ok() ? id : 0;
}

StoreError JobRunRepository::finish(qint64 id, const QString &result, const QString &summary) const
{
    return m_database.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        return sql::run(q,
                        QStringLiteral("UPDATE job_runs SET finished_at = ?, result = ?,"
                                       " summary = ? WHERE id = ?"),
                        {sql::nowUtc(), result, summary, id},
                        QT_TRANSLATE_NOOP("rs::Store", "recording a run"));
    });
}

StoreError JobRunRepository::beat(qint64 id) const
{
    return m_database.transact([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        return sql::run(q,
                        QStringLiteral("UPDATE job_runs SET heartbeat_ms = %1 WHERE id = ?")
                            .arg(sqldialect::nowMillisExpression(m_database.driver())),
                        {id}, QT_TRANSLATE_NOOP("rs::Store", "recording a run"));
    });
}

QString JobRunRepository::currentActor()
{
    return osUser() + QLatin1Char('@') + QSysInfo::machineHostName();
}

std::optional<JobRun> JobRunRepository::last(const QString &kind, const QString &result,
                                             StoreError *error) const
{
    QSqlQuery q(m_database.connection());
    const QString select = QStringLiteral(
        "SELECT id, kind, started_at, finished_at, period_from_ms, period_to_ms, result, summary,"
        " os_user, machine FROM job_runs WHERE kind = ? AND finished_at IS NOT NULL");
    const QString order = QStringLiteral(" ORDER BY id DESC LIMIT 1");
    const StoreError e = result.isEmpty()
        ? sql::run(q, select + order, {kind}, QT_TRANSLATE_NOOP("rs::Store", "reading runs"))
        : sql::run(q, select + QStringLiteral(" AND result = ?") + order, {kind, result},
                   QT_TRANSLATE_NOOP("rs::Store", "reading runs"));
    if (error)
        *error = e;
    if (!e.ok() || !q.next())
        return std::nullopt;
    return JobRun {q.value(0).toLongLong(), q.value(1).toString(),
                   q.value(2).toString(),   q.value(3).toString(),
                   q.value(4).toLongLong(), q.value(5).toLongLong(),
                   q.value(6).toString(),   eventtext::render(q.value(7).toString()),
                   q.value(8).toString(),   q.value(9).toString()};
}

} // namespace rs
