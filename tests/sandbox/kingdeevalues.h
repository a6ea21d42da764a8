#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace rs::sandbox::kingdee {

// How Kingdee reads what clients send, looser than JSON's types: parameter and field keys in any
// case, flags as true/"true"/1, numbers as 20/"20", base data as {"FNumber":"100"},
// {"FNUMBER":"100"}, {"FNumber":100} or "100".

// The value under `key` in any case (the exact spelling first).
QJsonValue valueOf(const QJsonObject &object, QLatin1StringView key);
bool flagOf(const QJsonValue &value, bool fallback = false);
int intOf(const QJsonValue &value, int fallback);
// A JSON number as Kingdee prints it: 100, not 100.0.
QString textOf(const QJsonValue &value);
// The number a base-data reference names; empty when it names none.
QString baseNumberOf(const QJsonValue &value);
// `name` spelled as in `known` when it is there in another case; otherwise as it came.
QString canonicalKey(const QString &name, const QStringList &known);
bool isFormId(const QString &formId, QLatin1StringView expected);

} // namespace rs::sandbox::kingdee
