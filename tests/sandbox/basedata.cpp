#include "basedata.h"

#include "filterexpression.h"
#include "generator.h"
#include "kingdeevalues.h"

#include <QJsonArray>

namespace rs::sandbox {
namespace {

using Row = QHash<QString, QString>; // field key → value

QList<Row> customerRows()
{
    QList<Row> rows;
    const auto add = [&rows](const QString &number, const QString &name, const QString &forbid,
                             const QString &status) {
        for (const QString &org : organisationNumbers())
            rows.append({{QStringLiteral("FCUSTID"), QString::number(rows.size() + 1)},
                         {QStringLiteral("FNumber"), number},
                         {QStringLiteral("FName"), name},
                         {QStringLiteral("FUseOrgId.FNumber"), org},
                         {QStringLiteral("FForbidStatus"), forbid},
                         {QStringLiteral("FDocumentStatus"), status}});
    };
    for (const Customer &c : knownCustomers())
        add(c.code, c.name, QStringLiteral("A"), QStringLiteral("C"));
    add(QStringLiteral("C8001"), QStringLiteral("停用客户"), QStringLiteral("B"),
        QStringLiteral("C"));
    add(QStringLiteral("C8002"), QStringLiteral("未审核客户"), QStringLiteral("A"),
        QStringLiteral("A"));
    return rows;
}

QList<Row> organisationRows()
{
    QList<Row> rows;
    for (const QString &org : organisationNumbers())
        rows.append({{QStringLiteral("FOrgId"), QString::number(rows.size() + 1)},
                     {QStringLiteral("FNumber"), org},
                     {QStringLiteral("FName"), QStringLiteral("组织") + org},
                     {QStringLiteral("FForbidStatus"), QStringLiteral("A")},
                     {QStringLiteral("FDocumentStatus"), QStringLiteral("C")}});
    return rows;
}

} // namespace

std::optional<KingdeeBooks::QueryResult> BaseData::query(const QJsonObject &parameters)
{
    const auto parameter = [&parameters](const char *key) {
        return kingdee::valueOf(parameters, QLatin1String(key));
    };
    const QString formId = parameter("FormId").toString();
    QList<Row> rows;
    if (formId.compare(QLatin1String("BD_Customer"), Qt::CaseInsensitive) == 0)
        rows = customerRows();
    else if (formId.compare(QLatin1String("ORG_Organizations"), Qt::CaseInsensitive) == 0)
        rows = organisationRows();
    else
        return std::nullopt;

    KingdeeBooks::QueryResult result;
    const QStringList fields = rows.value(0).keys();
    // Field keys in any case, as Kingdee takes them.
    const auto canonical = [&fields](const QString &key) {
        for (const QString &f : fields) {
            if (f.compare(key.trimmed(), Qt::CaseInsensitive) == 0)
                return f;
        }
        return QString();
    };
    QStringList keys;
    for (const QString &key :
         parameter("FieldKeys").toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString known = canonical(key);
        if (known.isEmpty()) {
            result.error =
                FieldError {QStringLiteral("FieldKeys"),
                            QStringLiteral("元数据中标识为%1的字段不存在").arg(key.trimmed()), 9};
            return result;
        }
        keys.append(known);
    }
    QString problem;
    const auto filter =
        FilterExpression::parse(parameter("FilterString").toString(), fields, &problem);
    if (!filter) {
        result.error = FieldError {QStringLiteral("FilterString"), problem, 9};
        return result;
    }
    const int start = kingdee::intOf(parameter("StartRow"), 0);
    int limit = kingdee::intOf(parameter("Limit"), 2000);
    if (limit <= 0)
        limit = 2000;
    int matched = 0;
    for (const Row &row : std::as_const(rows)) {
        if (!filter->matches([&](const QString &field) { return row.value(canonical(field)); }))
            continue;
        if (matched++ < start)
            continue;
        if (result.rows.size() >= limit)
            break;
        QJsonArray out;
        for (const QString &key : std::as_const(keys))
            out.append(row.value(key));
        result.rows.append(out);
    }
    return result;
}

} // namespace rs::sandbox
