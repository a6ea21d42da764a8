#include "siminstance.h"

#include <QDateTime>
#include <QTimeZone>

namespace rs::sandbox {
namespace {

QString v1Time(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-ddTHH:mmZ"));
}

QJsonArray operationRecords(const SimInstance &i)
{
    QJsonArray records {
        QJsonObject {{QStringLiteral("date"), beijingTime(i.createMs)},
                     {QStringLiteral("operation_type"), QStringLiteral("START_PROCESS_INSTANCE")},
                     {QStringLiteral("operation_result"), QStringLiteral("NONE")},
                     {QStringLiteral("userid"), i.originatorUserId}}};
    if (i.isFinal() && !i.result.isEmpty()) {
        records.append(
            QJsonObject {{QStringLiteral("date"), beijingTime(i.finishMs)},
                         {QStringLiteral("operation_type"), QStringLiteral("EXECUTE_TASK_NORMAL")},
                         {QStringLiteral("operation_result"), i.result.toUpper()},
                         {QStringLiteral("remark"), QString()},
                         {QStringLiteral("userid"), i.approverUserId}});
    }
    return records;
}

} // namespace

QString beijingTime(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs + 8 * 3600 * 1000, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

void SimInstance::complete(const QString &outcome, qint64 atMs)
{
    status = QStringLiteral("COMPLETED");
    result = outcome;
    finishMs = atMs;
}

QJsonObject SimInstance::toTopApi() const
{
    QJsonObject o {
        {QStringLiteral("title"), title},
        {QStringLiteral("create_time"), beijingTime(createMs)},
        {QStringLiteral("originator_userid"), originatorUserId},
        {QStringLiteral("originator_dept_id"), originatorDeptId},
        {QStringLiteral("originator_dept_name"), originatorDeptName},
        {QStringLiteral("status"), status},
        {QStringLiteral("result"), result},
        {QStringLiteral("business_id"), businessId},
        {QStringLiteral("biz_action"), bizAction},
        {QStringLiteral("attached_process_instance_ids"), QJsonArray::fromStringList(attachedIds)},
        {QStringLiteral("cc_userids"), QJsonArray()},
        {QStringLiteral("approver_userids"), QJsonArray {approverUserId}},
        {QStringLiteral("form_component_values"), formValues},
        {QStringLiteral("operation_records"), operationRecords(*this)},
        {QStringLiteral("tasks"), QJsonArray()}};
    if (!mainProcessInstanceId.isEmpty())
        o.insert(QStringLiteral("main_process_instance_id"), mainProcessInstanceId);
    // Running instances carry an empty finish_time, as the fixture shows.
    o.insert(QStringLiteral("finish_time"), isFinal() ? beijingTime(finishMs) : QString());
    return o;
}

QJsonObject SimInstance::toV1() const
{
    QJsonArray values;
    for (const QJsonValue &v : formValues) {
        const QJsonObject c = v.toObject();
        QJsonObject camel {
            {QStringLiteral("id"), c.value(QLatin1String("id"))},
            {QStringLiteral("name"), c.value(QLatin1String("name"))},
            {QStringLiteral("componentType"), c.value(QLatin1String("component_type"))},
            {QStringLiteral("bizAlias"), QString()}};
        if (c.contains(QLatin1String("value")))
            camel.insert(QStringLiteral("value"), c.value(QLatin1String("value")));
        if (c.contains(QLatin1String("ext_value")))
            camel.insert(QStringLiteral("extValue"), c.value(QLatin1String("ext_value")));
        values.append(camel);
    }
    QJsonObject o {
        {QStringLiteral("title"), title},
        {QStringLiteral("createTime"), v1Time(createMs)},
        {QStringLiteral("originatorUserId"), originatorUserId},
        {QStringLiteral("originatorDeptId"), originatorDeptId},
        {QStringLiteral("originatorDeptName"), originatorDeptName},
        {QStringLiteral("status"), status},
        {QStringLiteral("result"), result},
        {QStringLiteral("businessId"), businessId},
        {QStringLiteral("bizAction"), bizAction},
        {QStringLiteral("attachedProcessInstanceIds"), QJsonArray::fromStringList(attachedIds)},
        {QStringLiteral("approverUserIds"), QJsonArray {approverUserId}},
        {QStringLiteral("ccUserIds"), QJsonArray()},
        {QStringLiteral("formComponentValues"), values},
        {QStringLiteral("operationRecords"), QJsonArray()},
        {QStringLiteral("tasks"), QJsonArray()}};
    if (!mainProcessInstanceId.isEmpty())
        o.insert(QStringLiteral("mainProcessInstanceId"), mainProcessInstanceId);
    if (isFinal())
        o.insert(QStringLiteral("finishTime"), v1Time(finishMs));
    return o;
}

} // namespace rs::sandbox
