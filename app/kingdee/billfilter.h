#pragma once

#include <QString>
#include <QStringList>

namespace rs::kingdee {

// Builds ExecuteBillQuery FilterStrings from values that must never be read as syntax: every
// value is quoted with ' and every ' inside doubled, as KINGDEE.md says.
class BillFilter final
{
public:
    static QString quote(const QString &value);
    // FIELD = 'value'
    static QString equals(const QString &field, const QString &value);
    // FIELD IN ('a', 'b', …); an empty list matches nothing ("1 = 0" is not portable, so it is
    // FIELD IN ('') with no key being empty).
    static QString in(const QString &field, const QStringList &values);
    // Whether `field` is a plain field key (letters, digits, '_' and '.'), so it is safe to splice.
    static bool isFieldKey(const QString &field);
};

} // namespace rs::kingdee
