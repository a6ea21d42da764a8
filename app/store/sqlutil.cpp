#include "app/store/sqlutil.h"

#include "app/store/sqldialect.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDriver>
#include <QSqlError>

namespace rs::sql {
namespace {

StoreError failure(const QSqlQuery &query, const char *what)
{
    const QString code = query.lastError().nativeErrorCode();
    const StoreDriver driver =
        query.driver() && query.driver()->dbmsType() == QSqlDriver::PostgreSQL
        ? StoreDriver::Postgresql
        : StoreDriver::Sqlite;
    if (sqldialect::isConnectionError(driver, code)) {
        return {StoreError::Kind::Unreachable,
                QCoreApplication::translate("rs::Store",
                                            "The connection to the ledger's database server was "
                                            "lost while %1 (%2). Nothing half-done was kept: "
                                            "check the network or ask who runs the server, then "
                                            "try again.")
                    .arg(QCoreApplication::translate("rs::Store", what),
                         query.lastError().text().trimmed())};
    }
    if (sqldialect::isDiskFullError(code)) {
        return {StoreError::Kind::Full,
                QCoreApplication::translate("rs::Store",
                                            "The disk is full: the database could not save while "
                                            "%1. Free some disk space and try again.")
                    .arg(QCoreApplication::translate("rs::Store", what))};
    }
    if (sqldialect::isReadOnlyError(code)) {
        return {StoreError::Kind::ReadOnly,
                QCoreApplication::translate("rs::Store",
                                            "The database is read-only: it could not save while "
                                            "%1. Make the profile folder writable, or choose "
                                            "another one with --profile.")
                    .arg(QCoreApplication::translate("rs::Store", what))};
    }
    StoreError error {
        StoreError::Kind::Sql,
        QCoreApplication::translate("rs::Store", "Database error while %1: %2")
            .arg(QCoreApplication::translate("rs::Store", what), query.lastError().text())};
    error.retryable = sqldialect::isRetryableTransactionError(code);
    return error;
}

} // namespace

StoreError run(QSqlQuery &query, const QString &statement, const QVariantList &values,
               const char *what)
{
    // PostgreSQL cannot PREPARE a statement such as CREATE TABLE: one without values runs as it is.
    if (values.isEmpty())
        return query.exec(statement) ? StoreError::none() : failure(query, what);
    if (StoreError error = prepare(query, statement, what); !error.ok())
        return error;
    return runPrepared(query, values, what);
}

StoreError prepare(QSqlQuery &query, const QString &statement, const char *what)
{
    if (!query.prepare(statement))
        return failure(query, what);
    return StoreError::none();
}

StoreError runPrepared(QSqlQuery &query, const QVariantList &values, const char *what)
{
    int position = 0;
    for (const QVariant &value : values)
        query.bindValue(position++, value);
    if (!query.exec())
        return failure(query, what);
    return StoreError::none();
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QVariant text(const QByteArray &utf8)
{
    return text(QString::fromUtf8(utf8));
}

QVariant text(const QString &text)
{
    return text.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(text);
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace rs::sql
