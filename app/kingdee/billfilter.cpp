#include "app/kingdee/billfilter.h"

#include <QRegularExpression>

namespace rs::kingdee {

QString BillFilter::quote(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString BillFilter::equals(const QString &field, const QString &value)
{
    return field + QLatin1String(" = ") + quote(value);
}

QString BillFilter::in(const QString &field, const QStringList &values)
{
    QStringList quoted;
    quoted.reserve(values.size());
    for (const QString &value : values)
        quoted.append(quote(value));
    if (quoted.isEmpty())
        quoted.append(quote(QString()));
    return field + QLatin1String(" IN (") + quoted.join(QLatin1String(", ")) + QLatin1Char(')');
}

bool BillFilter::isFieldKey(const QString &field)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.]*$"));
    return pattern.match(field).hasMatch();
}

} // namespace rs::kingdee
