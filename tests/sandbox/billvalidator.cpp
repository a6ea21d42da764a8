#include "billvalidator.h"

#include "generator.h"
#include "kingdeevalues.h"

#include <QDate>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace rs::sandbox {
namespace {

const QSet<QString> kHeaderFields = {
    QStringLiteral("FID"),           QStringLiteral("FBillTypeID"),
    QStringLiteral("FBillNo"),       QStringLiteral("FDATE"),
    QStringLiteral("FENDDATE_H"),    QStringLiteral("FCONTACTUNITTYPE"),
    QStringLiteral("FCONTACTUNIT"),  QStringLiteral("FCURRENCYID"),
    QStringLiteral("FSETTLEORGID"),  QStringLiteral("FPAYORGID"),
    QStringLiteral("FSALEORGID"),    QStringLiteral("FSALEDEPTID"),
    QStringLiteral("FDEPARTMENTID"), QStringLiteral("FMAINBOOKSTDCURRID"),
    QStringLiteral("FEXCHANGETYPE"), QStringLiteral("FEXCHANGERATE"),
    QStringLiteral("FAMOUNTFOR"),    QStringLiteral("FAR_OtherRemarks"),
    QStringLiteral("FEntity")};
const QSet<QString> kEntryFields = {
    QStringLiteral("FEntryID"),          QStringLiteral("FCOSTID"),
    QStringLiteral("FCOSTDEPARTMENTID"), QStringLiteral("FINVOICETYPE"),
    QStringLiteral("FEntryTaxRate"),     QStringLiteral("FNOTAXAMOUNTFOR"),
    QStringLiteral("FTAXAMOUNTFOR"),     QStringLiteral("FAMOUNTFOR_D"),
    QStringLiteral("FCOMMENT")};
const QHash<QString, QString> kCaptions = {
    {QStringLiteral("FBillTypeID"), QStringLiteral("单据类型")},
    {QStringLiteral("FDATE"), QStringLiteral("业务日期")},
    {QStringLiteral("FCONTACTUNITTYPE"), QStringLiteral("往来单位类型")},
    {QStringLiteral("FCONTACTUNIT"), QStringLiteral("往来单位")},
    {QStringLiteral("FCURRENCYID"), QStringLiteral("币别")},
    {QStringLiteral("FSETTLEORGID"), QStringLiteral("结算组织")},
    {QStringLiteral("FPAYORGID"), QStringLiteral("收款组织")},
    {QStringLiteral("FSALEORGID"), QStringLiteral("销售组织")},
    {QStringLiteral("FCOSTID"), QStringLiteral("费用项目")},
    {QStringLiteral("FNOTAXAMOUNTFOR"), QStringLiteral("不含税金额")}};

bool isCustomField(const QString &key)
{
    return key.startsWith(QLatin1String("F_"));
}

QString baseNumber(const QJsonValue &value)
{
    return kingdee::baseNumberOf(value);
}

QJsonValue canonicalValue(const QJsonValue &value)
{
    if (!value.isObject())
        return value;
    QJsonObject object;
    const QJsonObject reference = value.toObject();
    for (auto it = reference.constBegin(); it != reference.constEnd(); ++it) {
        if (it.key().compare(QLatin1String("FNumber"), Qt::CaseInsensitive) == 0)
            object.insert(QStringLiteral("FNumber"), kingdee::textOf(it.value()));
        else
            object.insert(it.key(), it.value());
    }
    return object;
}

QJsonObject canonicalObject(const QJsonObject &object, const QStringList &known)
{
    QJsonObject canonical;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key =
            isCustomField(it.key()) ? it.key() : kingdee::canonicalKey(it.key(), known);
        canonical.insert(key, canonicalValue(it.value()));
    }
    return canonical;
}

FieldError required(const QString &field)
{
    return {field, QStringLiteral("字段[%1]是必录字段").arg(kCaptions.value(field, field)), 11};
}

FieldError notFound(const QString &field, const QString &number)
{
    return {field,
            QStringLiteral("字段“%1”的值“%2”在系统中不存在或未审核")
                .arg(kCaptions.value(field, field), number),
            9};
}

std::optional<FieldError> checkBaseData(const QJsonObject &model, const QString &field,
                                        const QStringList &known, bool mandatory)
{
    if (!model.contains(field))
        return mandatory ? std::optional(required(field)) : std::nullopt;
    const QString number = baseNumber(model.value(field));
    if (number.isEmpty())
        return mandatory ? std::optional(required(field)) : std::nullopt;
    if (!known.contains(number))
        return notFound(field, number);
    return std::nullopt;
}

bool isDate(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})([ T].*)?$"));
    const QRegularExpressionMatch m = pattern.match(text);
    return m.hasMatch()
        && QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()).isValid();
}

bool isNumber(const QJsonValue &value)
{
    if (value.isDouble())
        return true;
    static const QRegularExpression pattern(QStringLiteral("^-?\\d+(\\.\\d+)?$"));
    return value.isString() && pattern.match(value.toString()).hasMatch();
}

std::optional<FieldError> checkEntries(const QJsonObject &model)
{
    const QJsonArray entries = model.value(QLatin1String("FEntity")).toArray();
    if (entries.isEmpty())
        return FieldError {QStringLiteral("FEntity"),
                           QStringLiteral("单据体“明细”至少需要录入一行"), 11};
    const QStringList costItems = {QStringLiteral("FYXM01"), QStringLiteral("FYXM02"),
                                   QStringLiteral("FYXM03")};
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        for (auto it = entry.constBegin(); it != entry.constEnd(); ++it) {
            if (!kEntryFields.contains(it.key()) && !isCustomField(it.key()))
                return FieldError {it.key(),
                                   QStringLiteral("元数据中标识为%1的字段不存在").arg(it.key()), 9};
        }
        if (auto e = checkBaseData(entry, QStringLiteral("FCOSTID"), costItems, false))
            return e;
        if (!entry.contains(QLatin1String("FNOTAXAMOUNTFOR")))
            return required(QStringLiteral("FNOTAXAMOUNTFOR"));
        if (!isNumber(entry.value(QLatin1String("FNOTAXAMOUNTFOR")))) {
            return FieldError {
                QStringLiteral("FNOTAXAMOUNTFOR"),
                QStringLiteral("字段“不含税金额”的值“%1”不是有效的数值")
                    .arg(entry.value(QLatin1String("FNOTAXAMOUNTFOR")).toVariant().toString()),
                11};
        }
    }
    return std::nullopt;
}

} // namespace

QJsonObject canonicalOtherReceivable(const QJsonObject &model)
{
    static const QStringList header = kHeaderFields.values();
    static const QStringList entry = kEntryFields.values();
    QJsonObject canonical = canonicalObject(model, header);
    const QJsonValue entries = canonical.value(QLatin1String("FEntity"));
    if (entries.isArray()) {
        QJsonArray rows;
        for (const QJsonValue &row : entries.toArray())
            rows.append(row.isObject() ? QJsonValue(canonicalObject(row.toObject(), entry)) : row);
        canonical.insert(QStringLiteral("FEntity"), rows);
    }
    return canonical;
}

std::optional<FieldError> validateOtherReceivable(const QJsonObject &model)
{
    for (auto it = model.constBegin(); it != model.constEnd(); ++it) {
        if (!kHeaderFields.contains(it.key()) && !isCustomField(it.key()))
            return FieldError {it.key(),
                               QStringLiteral("元数据中标识为%1的字段不存在").arg(it.key()), 9};
    }
    QStringList customers;
    for (const Customer &c : knownCustomers())
        customers.append(c.code);
    const QStringList orgs = organisationNumbers();

    if (auto e = checkBaseData(model, QStringLiteral("FBillTypeID"),
                               {QStringLiteral("QTYSD01_SYS")}, true))
        return e;
    const QString date = model.value(QLatin1String("FDATE")).toString();
    if (date.isEmpty())
        return required(QStringLiteral("FDATE"));
    if (!isDate(date))
        return FieldError {QStringLiteral("FDATE"),
                           QStringLiteral("字段“业务日期”的值“%1”不是有效的日期").arg(date), 11};
    if (auto e = checkBaseData(model, QStringLiteral("FSETTLEORGID"), orgs, true))
        return e;
    if (auto e = checkBaseData(model, QStringLiteral("FPAYORGID"), orgs, false))
        return e;
    if (auto e = checkBaseData(model, QStringLiteral("FSALEORGID"), orgs, false))
        return e;
    if (auto e =
            checkBaseData(model, QStringLiteral("FCURRENCYID"), {QStringLiteral("PRE001")}, false))
        return e;
    const QString unitType = baseNumber(model.value(QLatin1String("FCONTACTUNITTYPE")));
    if (unitType.isEmpty())
        return required(QStringLiteral("FCONTACTUNITTYPE"));
    const QStringList unitTypes = {QStringLiteral("BD_Customer"), QStringLiteral("BD_Supplier"),
                                   QStringLiteral("BD_Empinfo"), QStringLiteral("BD_Department"),
                                   QStringLiteral("FIN_OTHERS")};
    if (!unitTypes.contains(unitType))
        return notFound(QStringLiteral("FCONTACTUNITTYPE"), unitType);
    if (unitType == QLatin1String("BD_Customer")) {
        if (auto e = checkBaseData(model, QStringLiteral("FCONTACTUNIT"), customers, true))
            return e;
    }
    return checkEntries(model);
}

} // namespace rs::sandbox
