#include "app/store/sqlutil.h"

#include "app/store/sqldialect.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>

namespace rs::sql {
namespace {

StoreError failure(const QSqlQuery &query, const char *what)
{
    const QString code = query.lastError().nativeErrorCode();
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
    return {StoreError::Kind::Sql,
            QCoreApplication::translate("rs::Store", "Database error while %1: %2")
                .arg(QCoreApplication::translate("rs::Store", what), query.lastError().text())};
}

} // namespace

StoreError run(QSqlQuery &query, const QString &statement, const QVariantList &values,
               const char *what)
{
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
