#include "app/store/sqlutil.h"

#include "app/store/sqldialect.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>

namespace rs::sql {
namespace {

bool isPostgresql(const QSqlQuery &query)
{
    return query.driver() && query.driver()->dbmsType() == QSqlDriver::PostgreSQL;
}

StoreError failure(const QSqlQuery &query, const char *what)
{
    const QString code = query.lastError().nativeErrorCode();
    const StoreDriver driver = isPostgresql(query) ? StoreDriver::Postgresql : StoreDriver::Sqlite;
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

// `statement` with each `?` outside quotes replaced by the driver's literal for the next value;
// empty when the placeholders and the values do not pair up.
QString withDriverLiterals(const QSqlDriver &driver, const QString &statement,
                           const QVariantList &values)
{
    QString out;
    out.reserve(statement.size() + 16 * values.size());
    QChar quote;
    qsizetype next = 0;
    for (const QChar c : statement) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'?') {
            if (next == values.size())
                return {};
            const QVariant &value = values.at(next++);
            QSqlField field(QString(), value.metaType());
            field.setValue(value);
            out += driver.formatValue(field);
            continue;
        }
        out += c;
    }
    return next == values.size() ? out : QString();
}

} // namespace

StoreError run(QSqlQuery &query, const QString &statement, const QVariantList &values,
               const char *what)
{
    // PostgreSQL cannot PREPARE a statement such as CREATE TABLE: one without values runs as it is.
    if (values.isEmpty())
        return query.exec(statement) ? StoreError::none() : failure(query, what);
    // QPSQL's prepared path is PREPARE, then EXECUTE carrying the values as the driver's own
    // escaped literals, then DEALLOCATE: three round trips to the server. The same literals in one
    // statement are one round trip, and exactly as safe (see DECISIONS, "Ledger round trips").
    if (isPostgresql(query)) {
        if (const QString literal = withDriverLiterals(*query.driver(), statement, values);
            !literal.isEmpty()) {
            return query.exec(literal) ? StoreError::none() : failure(query, what);
        }
    }
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

QString inList(qsizetype count)
{
    return u'(' + QStringList(count, QStringLiteral("?")).join(QLatin1Char(',')) + u')';
}

QVariantList asValues(const QStringList &texts)
{
    QVariantList values;
    values.reserve(texts.size());
    for (const QString &text : texts)
        values.append(text);
    return values;
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
