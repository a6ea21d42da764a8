#pragma once

#include "app/store/storeerror.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

class QSqlDatabase;

namespace rs::sql {

// Runs `statement` with `values` in place of its `?` placeholders: bound parameters on SQLite; on
// PostgreSQL the driver's own escaped literals, which is what QPSQL sends for a prepared statement
// too, in one round trip instead of three. Never text spliced by hand. On failure returns a Sql
// error that names what was being done.
StoreError run(QSqlQuery &query, const QString &statement, const QVariantList &values,
               const char *what);

// Prepares a statement to be run many times with runPrepared().
StoreError prepare(QSqlQuery &query, const QString &statement, const char *what);

// Binds and runs a statement prepared once.
StoreError runPrepared(QSqlQuery &query, const QVariantList &values, const char *what);

// "(?,?,…)" with `count` placeholders, for `x IN (…)`, and the values to bind to them.
QString inList(qsizetype count);
QVariantList asValues(const QStringList &texts);

// The current time as ISO 8601 UTC with milliseconds; sorts as text on every database.
QString nowUtc();

// A nullable text column: an empty QString is stored as NULL.
QVariant nullableText(const QString &text);
// A NOT NULL text column from UTF-8 bytes: empty bytes are stored as '' (a null QString would
// bind as NULL).
QVariant text(const QByteArray &utf8);
QVariant text(const QString &text);

} // namespace rs::sql
