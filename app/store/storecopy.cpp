#include "app/store/storecopy.h"

#include "app/mapping/decimal.h"
#include "app/store/database.h"
#include "app/store/sqldialect.h"
#include "app/store/sqlutil.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QSqlRecord>

namespace rs {
namespace {

constexpr int kRowsPerStatement = 200;

StoreError countRows(const Database &database, const QString &table, qint64 *rows)
{
    QSqlQuery q(database.connection());
    const StoreError e = sql::run(q, QStringLiteral("SELECT COUNT(*) FROM ") + table, {},
                                  QT_TRANSLATE_NOOP("rs::Store", "counting rows"));
    *rows = e.ok() && q.next() ? q.value(0).toLongLong() : -1;
    return e;
}

// The exact sum of a decimal text column; a value that is not a number is an error, never 0.
StoreError moneyTotal(const Database &database, const QString &table, QString *total)
{
    QSqlQuery q(database.connection());
    q.setForwardOnly(true);
    const StoreError e =
        sql::run(q, QStringLiteral("SELECT amount FROM %1 WHERE amount IS NOT NULL").arg(table), {},
                 QT_TRANSLATE_NOOP("rs::Store", "adding up amounts"));
    if (!e.ok())
        return e;
    Decimal sum;
    while (q.next()) {
        const auto value = Decimal::parse(q.value(0).toString());
        if (!value) {
            return {StoreError::Kind::Sql,
                    StoreCopy::tr("%1 holds an amount that is not a number: \"%2\".")
                        .arg(table, q.value(0).toString())};
        }
        try {
            sum += *value;
        } catch (const DecimalOverflow &) {
            return {StoreError::Kind::Sql,
                    StoreCopy::tr("The amounts in %1 add up past what RebateSync can count.")
                        .arg(table)};
        }
    }
    *total = sum.toString();
    return StoreError::none();
}

// Copies one table in statements of kRowsPerStatement rows (a round trip per row would make
// 100,000 applications a matter of minutes on a remote server).
StoreError copyTable(const Database &from, QSqlDatabase &to, const QString &table, qint64 *copied)
{
    QSqlQuery read(from.connection());
    read.setForwardOnly(true);
    if (StoreError e = sql::run(read, QStringLiteral("SELECT * FROM ") + table, {},
                                QT_TRANSLATE_NOOP("rs::Store", "reading the store to copy"));
        !e.ok()) {
        return e;
    }
    const QSqlRecord record = read.record();
    QStringList columns;
    for (int i = 0; i < record.count(); ++i)
        columns.append(record.fieldName(i));
    const QString placeholders = QStringLiteral("(")
        + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(','))
        + QStringLiteral(")");
    QSqlQuery write(to);
    QVariantList values;
    int pending = 0;
    const auto flush = [&]() -> StoreError {
        if (pending == 0)
            return StoreError::none();
        QStringList rows(pending, placeholders);
        const StoreError e =
            sql::run(write,
                     QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                         .arg(table, columns.join(QLatin1Char(',')), rows.join(QLatin1Char(','))),
                     values, QT_TRANSLATE_NOOP("rs::Store", "copying the store"));
        *copied += pending;
        values.clear();
        pending = 0;
        return e;
    };
    while (read.next()) {
        for (int i = 0; i < columns.size(); ++i)
            values.append(read.value(i));
        if (++pending == kRowsPerStatement) {
            if (StoreError e = flush(); !e.ok())
                return e;
        }
    }
    if (StoreError e = flush(); !e.ok())
        return e;
    // Rows keep their ids; the database's own counter must continue after them.
    const StoreDriver driver = to.driver()->dbmsType() == QSqlDriver::PostgreSQL
        ? StoreDriver::Postgresql
        : StoreDriver::Sqlite;
    if (const QString reset = sqldialect::resetIdentity(driver, table); !reset.isEmpty()
        && (table == QLatin1String("sync_events")
            || table == QLatin1String("job_runs"))) { // their ids are identities
        return sql::run(write, reset, {}, QT_TRANSLATE_NOOP("rs::Store", "copying the store"));
    }
    return StoreError::none();
}

} // namespace

QStringList StoreCopy::tables()
{
    return {QStringLiteral("schema_version"),   QStringLiteral("applications"),
            QStringLiteral("application_rows"), QStringLiteral("bills"),
            QStringLiteral("sync_events"),      QStringLiteral("job_runs"),
            QStringLiteral("api_usage"),        QStringLiteral("api_latency"),
            QStringLiteral("api_last_error")};
}

StoreError StoreCopy::copy(const Database &from, const Database &to, Report *report)
{
    if (from.schemaVersion() != to.schemaVersion()) {
        return {StoreError::Kind::Sql,
                tr("The two stores are at different schema versions (%1 and %2); open both with "
                   "this version of RebateSync first.")
                    .arg(from.schemaVersion())
                    .arg(to.schemaVersion())};
    }
    for (const QString &table : tables()) {
        if (table == QLatin1String("schema_version"))
            continue; // written by the target's own migrations
        qint64 rows = 0;
        if (StoreError e = countRows(to, table, &rows); !e.ok())
            return e;
        if (rows != 0) {
            return {StoreError::Kind::Conflict,
                    tr("%1 is not empty (its table %2 has %3 rows). Nothing was copied: give the "
                       "move an empty database, so no bill can be in two ledgers.")
                        .arg(to.location().display(), table)
                        .arg(rows)};
        }
    }
    const StoreError copied = to.transact([&](QSqlDatabase &db) {
        for (const QString &table : tables()) {
            if (table == QLatin1String("schema_version"))
                continue;
            qint64 rows = 0;
            if (StoreError e = copyTable(from, db, table, &rows); !e.ok())
                return e;
        }
        return StoreError::none();
    });
    if (!copied.ok())
        return copied;

    // Checked after the commit, as a clerk would: counted and added up on both sides.
    Report result;
    for (const QString &table : tables()) {
        qint64 source = 0;
        qint64 target = 0;
        if (StoreError e = countRows(from, table, &source); !e.ok())
            return e;
        if (StoreError e = countRows(to, table, &target); !e.ok())
            return e;
        if (source != target) {
            return {StoreError::Kind::Sql,
                    tr("After the copy, %1 has %2 rows in the source and %3 "
                       "in %4. The source is unchanged.")
                        .arg(table)
                        .arg(source)
                        .arg(target)
                        .arg(to.location().display())};
        }
        result.tables.append({table, source});
    }
    for (const QString &table : {QStringLiteral("applications"), QStringLiteral("bills")}) {
        QString source;
        QString target;
        if (StoreError e = moneyTotal(from, table, &source); !e.ok())
            return e;
        if (StoreError e = moneyTotal(to, table, &target); !e.ok())
            return e;
        if (source != target) {
            return {StoreError::Kind::Sql,
                    tr("After the copy, the amounts in %1 add up to %2 in the source but %3 in "
                       "the ledger. The source is unchanged.")
                        .arg(table, source, target)};
        }
        (table == QLatin1String("applications") ? result.applicationTotal : result.billTotal) =
            source;
    }
    if (report)
        *report = result;
    return StoreError::none();
}

} // namespace rs
