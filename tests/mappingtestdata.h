#pragma once

#include "app/mapping/decimal.h"
#include "app/store/records.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rs::testdata {

// One flattened 表格 row, with the columns the built-in scheme reads.
inline QJsonObject rebateRow(const QString &customer, const QString &amount,
                             const QString &comment = QStringLiteral("返利"))
{
    return {{QStringLiteral("表格_客户编码"), customer},
            {QStringLiteral("表格_客户名称"), QString(QStringLiteral("客户") + customer)},
            {QStringLiteral("表格_不含税金额"), amount},
            {QStringLiteral("表格_返利归属期间"), QStringLiteral("2025-Q1")},
            {QStringLiteral("表格_明细备注"), comment}};
}

// The rows' readable 表格_不含税金额 added up, as DingTalk's 返利总额（元） carries it.
inline QString rowsTotal(const QList<QJsonObject> &rows)
{
    Decimal total;
    for (const QJsonObject &row : rows) {
        if (const auto amount =
                Decimal::parse(row.value(QStringLiteral("表格_不含税金额")).toVariant().toString()))
            total += *amount;
    }
    return total.toString(2);
}

// An approved rebate application with the given header fields and rows, shaped as the fetch
// stores it: header fields and instance attributes in fieldsJson, table columns in rowsJson.
// Its 返利总额（元） is the rows' total unless `header` gives one.
inline ApplicationRecord rebateApplication(const QList<QJsonObject> &rows, QJsonObject header = {})
{
    if (!header.contains(QStringLiteral("返利总额（元）")))
        header.insert(QStringLiteral("返利总额（元）"), rowsTotal(rows));
    const QJsonObject defaults {
        {QStringLiteral("申请日期"), QStringLiteral("2025-03-03")},
        {QStringLiteral("组织"), QStringLiteral("100")},
        {QStringLiteral("business_id"), QStringLiteral("202503031012000123456")},
        {QStringLiteral("title"), QStringLiteral("张三提交的返利发放申请")},
        {QStringLiteral("process_instance_id"), QStringLiteral("pi-1")}};
    for (auto it = defaults.constBegin(); it != defaults.constEnd(); ++it) {
        if (!header.contains(it.key()))
            header.insert(it.key(), it.value());
    }
    ApplicationRecord a;
    a.id = header.value(QLatin1String("process_instance_id")).toString();
    a.businessId = header.value(QLatin1String("business_id")).toString();
    a.title = header.value(QLatin1String("title")).toString();
    a.approval = ApprovalState::Approved;
    a.fieldsJson = QJsonDocument(header).toJson(QJsonDocument::Compact);
    for (const QJsonObject &row : rows)
        a.rowsJson.append(QJsonDocument(row).toJson(QJsonDocument::Compact));
    return a;
}

// The approved instance of tests/fixtures/dingtalk-get-approved.json, flattened as MAPPING.md's
// beatFlat describes: form fields by name, instance attributes, one row per 表格 row with its
// columns as 表格_<label>. Unfilled fields are absent.
inline ApplicationRecord fixtureApplication(const QString &fixturesDir)
{
    QFile file(fixturesDir + QStringLiteral("/dingtalk-get-approved.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject instance = QJsonDocument::fromJson(file.readAll())
                                     .object()
                                     .value(QLatin1String("process_instance"))
                                     .toObject();
    QJsonObject header;
    for (const char *attribute : {"business_id", "title", "originator_userid",
                                  "originator_dept_name", "create_time", "finish_time"}) {
        header.insert(QLatin1String(attribute), instance.value(QLatin1String(attribute)));
    }
    header.insert(QStringLiteral("process_instance_id"), QStringLiteral("fixture-instance"));
    QList<QJsonObject> rows;
    const QJsonArray components = instance.value(QLatin1String("form_component_values")).toArray();
    for (const QJsonValue &value : components) {
        const QJsonObject component = value.toObject();
        const QString name = component.value(QLatin1String("name")).toString();
        if (!component.contains(QLatin1String("value")))
            continue;
        if (component.value(QLatin1String("component_type")).toString()
            != QLatin1String("TableField")) {
            header.insert(name, component.value(QLatin1String("value")));
            continue;
        }
        const QJsonArray tableRows =
            QJsonDocument::fromJson(component.value(QLatin1String("value")).toString().toUtf8())
                .array();
        for (const QJsonValue &tableRow : tableRows) {
            QJsonObject row;
            const QJsonArray cells = tableRow.toObject().value(QLatin1String("rowValue")).toArray();
            for (const QJsonValue &cell : cells) {
                row.insert(name + QLatin1Char('_')
                               + cell.toObject().value(QLatin1String("label")).toString(),
                           cell.toObject().value(QLatin1String("value")));
            }
            rows.append(row);
        }
    }
    ApplicationRecord a = rebateApplication(rows, header);
    a.id = QStringLiteral("fixture-instance");
    a.amount = QStringLiteral("1834.60");
    return a;
}

} // namespace rs::testdata
