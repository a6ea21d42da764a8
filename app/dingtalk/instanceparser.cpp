#include "app/dingtalk/instanceparser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

namespace rs::dingtalk {
namespace {

// Field names of the two generations, in one table so the parsers cannot drift apart.
struct Keys
{
    const char *title, *createTime, *finishTime, *originatorUserId, *originatorDeptId,
        *originatorDeptName, *status, *result, *businessId, *bizAction, *attached, *main, *form,
        *componentType, *extValue;
};

constexpr Keys kTopApiKeys {"title",
                            "create_time",
                            "finish_time",
                            "originator_userid",
                            "originator_dept_id",
                            "originator_dept_name",
                            "status",
                            "result",
                            "business_id",
                            "biz_action",
                            "attached_process_instance_ids",
                            "main_process_instance_id",
                            "form_component_values",
                            "component_type",
                            "ext_value"};

constexpr Keys kV1Keys {"title",
                        "createTime",
                        "finishTime",
                        "originatorUserId",
                        "originatorDeptId",
                        "originatorDeptName",
                        "status",
                        "result",
                        "businessId",
                        "bizAction",
                        "attachedProcessInstanceIds",
                        "mainProcessInstanceId",
                        "formComponentValues",
                        "componentType",
                        "extValue"};

QString textOf(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isDouble())
        return QString::number(v.toInteger());
    return v.toString();
}

// ext_value arrives as a JSON string on topapi and sometimes as a real value on v1.0.
QJsonValue decodeExt(const QJsonValue &ext)
{
    if (!ext.isString())
        return ext;
    const QByteArray text = ext.toString().toUtf8();
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return ext;
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

// Values are strings on the wire; a number or an array is kept as its JSON text.
QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    // A value sent as a JSON number (v1.0 may): its shortest text is the literal DingTalk sent
    // whenever a double holds it — 'g', 17 turned 24442.42 into 24442.419999999998.
    return QString::number(value.toDouble(), 'f', QLocale::FloatingPointShortest);
}

bool knownStatus(const QString &status)
{
    static const QStringList known {QStringLiteral("NEW"), QStringLiteral("RUNNING"),
                                    QStringLiteral("TERMINATED"), QStringLiteral("COMPLETED"),
                                    QStringLiteral("CANCELED")};
    return known.contains(status);
}

Instance parse(const QString &id, const QJsonObject &o, const Keys &k, QString *error)
{
    Instance i;
    i.id = id;
    i.title = textOf(o, k.title);
    i.createTime = InstanceParser::beijingTime(textOf(o, k.createTime));
    i.finishTime = InstanceParser::beijingTime(textOf(o, k.finishTime));
    i.originatorUserId = textOf(o, k.originatorUserId);
    i.originatorDeptId = textOf(o, k.originatorDeptId);
    i.originatorDeptName = textOf(o, k.originatorDeptName);
    i.status = textOf(o, k.status).toUpper();
    i.result = textOf(o, k.result).toLower();
    i.businessId = textOf(o, k.businessId);
    i.bizAction = textOf(o, k.bizAction).toUpper();
    i.mainProcessInstanceId = textOf(o, k.main);
    for (const QJsonValue &attached : o.value(QLatin1String(k.attached)).toArray())
        i.attachedInstanceIds.append(attached.toString());

    const QJsonValue form = o.value(QLatin1String(k.form));
    for (const QJsonValue &entry : form.toArray()) {
        const QJsonObject c = entry.toObject();
        FormValue v;
        v.name = textOf(c, "name");
        v.id = textOf(c, "id");
        v.componentType = textOf(c, k.componentType);
        if (const QJsonValue value = c.value(QLatin1String("value"));
            !value.isUndefined() && !value.isNull())
            v.value = valueText(value);
        v.extValue = decodeExt(c.value(QLatin1String(k.extValue)));
        i.form.append(v);
    }

    QStringList problems;
    if (!knownStatus(i.status))
        problems.append(
            QCoreApplication::translate("rs::DingTalk", "unknown status \"%1\"").arg(i.status));
    if (i.createTime.isEmpty())
        problems.append(QCoreApplication::translate("rs::DingTalk", "no create time"));
    if (!form.isArray())
        problems.append(QCoreApplication::translate("rs::DingTalk", "no form values"));
    if (error)
        *error = problems.join(QStringLiteral("; "));
    return i;
}

} // namespace

Instance InstanceParser::fromTopApi(const QString &id, const QJsonObject &processInstance,
                                    QString *error)
{
    return parse(id, processInstance, kTopApiKeys, error);
}

Instance InstanceParser::fromV1(const QString &id, const QJsonObject &result, QString *error)
{
    return parse(id, result, kV1Keys, error);
}

QString InstanceParser::beijingTime(const QString &text)
{
    if (!text.contains(QLatin1Char('T')))
        return text;
    QDateTime utc = QDateTime::fromString(text, Qt::ISODate);
    if (!utc.isValid()) // "2025-03-03T02:12Z" has no seconds, which ISODate may refuse
        utc = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd'T'HH:mm'Z'"));
    if (!utc.isValid())
        return text;
    utc.setTimeZone(QTimeZone::utc());
    return utc.toTimeZone(QTimeZone(8 * 3600)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace rs::dingtalk
