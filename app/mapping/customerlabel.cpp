#include "app/mapping/customerlabel.h"

#include "app/mapping/mappingresult.h"
#include "app/mapping/scheme.h"
#include "app/store/records.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace rs {
namespace {

QString numberOf(const QJsonValue &value)
{
    // {"FNumber": "C0001"} as ConvertObjectParser writes it, or a bare number.
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().compare(QLatin1String("FNumber"), Qt::CaseInsensitive) == 0)
                return it.value().toVariant().toString().trimmed();
        }
        return {};
    }
    return value.toVariant().toString().trimmed();
}

// Where the application names the customer whose code groups the bill.
QStringList nameColumns(const Scheme &scheme)
{
    QStringList columns;
    if (scheme.groupBy && scheme.groupBy->isSinglePlaceholder()) {
        const QString code = scheme.groupBy->pieces().constFirst().placeholder->name;
        for (const char *word : {"编码", "代码", "编号"}) {
            const QString from = QString::fromUtf8(word);
            if (code.contains(from))
                columns.append(QString(code).replace(from, QStringLiteral("名称")));
        }
        const qsizetype table = code.lastIndexOf(QLatin1Char('_'));
        if (table > 0)
            columns.append(code.left(table + 1) + QStringLiteral("客户名称"));
    }
    columns.append(QStringLiteral("客户名称"));
    return columns;
}

} // namespace

QString customerLabel(const QString &name, const QString &number)
{
    if (name.isEmpty() || name == number)
        return number;
    if (number.isEmpty())
        return name;
    return name + QStringLiteral("（") + number + QStringLiteral("）");
}

QString customerLabel(const BillDraft &bill, const ApplicationRecord &application,
                      const Scheme &scheme)
{
    QString number = numberOf(bill.model.value(QLatin1String("FCONTACTUNIT")));
    if (number.isEmpty())
        number = bill.group;
    QString name;
    if (!bill.rows.isEmpty() && bill.rows.constFirst() < application.rowsJson.size()) {
        const QJsonObject row =
            QJsonDocument::fromJson(application.rowsJson.at(bill.rows.constFirst())).object();
        for (const QString &column : nameColumns(scheme)) {
            name = row.value(column).toVariant().toString().trimmed();
            if (!name.isEmpty())
                break;
        }
    }
    return customerLabel(name, number);
}

} // namespace rs
