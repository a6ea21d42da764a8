#include "generator.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>

namespace rs::sandbox {
namespace {

const QStringList kCities = {QStringLiteral("杭州"), QStringLiteral("上海"), QStringLiteral("南京"),
                             QStringLiteral("苏州"), QStringLiteral("宁波"), QStringLiteral("合肥"),
                             QStringLiteral("广州"), QStringLiteral("深圳"), QStringLiteral("成都"),
                             QStringLiteral("武汉")};
const QStringList kTrades = {QStringLiteral("恒昌商贸"),   QStringLiteral("顺达贸易"),
                             QStringLiteral("华联百货"),   QStringLiteral("新世纪商行"),
                             QStringLiteral("万家福超市"), QStringLiteral("鼎盛供应链")};
const QStringList kPeople = {
    QStringLiteral("张伟"), QStringLiteral("王芳"), QStringLiteral("李娜"), QStringLiteral("刘洋"),
    QStringLiteral("陈静"), QStringLiteral("杨磊"), QStringLiteral("赵敏"), QStringLiteral("黄强"),
    QStringLiteral("周婷"), QStringLiteral("吴刚"), QStringLiteral("徐丽"), QStringLiteral("孙浩")};
const QStringList kDepartments = {QStringLiteral("华东销售部"), QStringLiteral("华南销售部"),
                                  QStringLiteral("华北销售部"), QStringLiteral("西南销售部"),
                                  QStringLiteral("渠道管理部"), QStringLiteral("大客户部")};
const QStringList kRebateTypes = {QStringLiteral("季度返利"), QStringLiteral("年度返利"),
                                  QStringLiteral("专项返利"), QStringLiteral("促销返利")};
const QStringList kRemarks = {QStringLiteral("按合同约定返利"),
                              QStringLiteral("季度达标奖励"),
                              QStringLiteral("新品推广支持"),
                              QStringLiteral("补发上季度差额"),
                              QStringLiteral("客户称\"已对账\"，请尽快入账"),
                              QString()};

QString money(qint64 cents, bool integerWhenWhole)
{
    if (integerWhenWhole && cents % 100 == 0)
        return QString::number(cents / 100);
    return QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}

QString uuid(QRandomGenerator &random)
{
    QString hex;
    for (int i = 0; i < 4; ++i)
        hex += QStringLiteral("%1").arg(random.generate(), 8, 16, QLatin1Char('0'));
    return hex.left(8) + QLatin1Char('-') + hex.mid(8, 4) + QLatin1Char('-') + hex.mid(12, 4)
        + QLatin1Char('-') + hex.mid(16, 4) + QLatin1Char('-') + hex.mid(20, 12);
}

QJsonObject field(const QString &type, const QString &id, const QString &name)
{
    return {{QStringLiteral("component_type"), type},
            {QStringLiteral("id"), id},
            {QStringLiteral("name"), name}};
}

QString compact(const QJsonValue &value)
{
    return QString::fromUtf8(value.isArray()
                                 ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QJsonObject cell(const QString &type, const QString &key, const QString &label,
                 const QString &value, bool keyIsLabel)
{
    return {{QStringLiteral("componentType"), type},
            {QStringLiteral("label"), label},
            {QStringLiteral("value"), value},
            {QStringLiteral("key"), keyIsLabel ? label : key}};
}

QJsonArray columnDefinitions()
{
    QJsonArray columns;
    const QList<std::pair<QString, QString>> defs = {
        {QStringLiteral("TextField"), QStringLiteral("客户编码")},
        {QStringLiteral("TextField"), QStringLiteral("客户名称")},
        {QStringLiteral("MoneyField"), QStringLiteral("不含税金额")},
        {QStringLiteral("TextField"), QStringLiteral("返利归属期间")},
        {QStringLiteral("TextField"), QStringLiteral("明细备注")}};
    for (const auto &[type, label] : defs) {
        columns.append(QJsonObject {
            {QStringLiteral("componentName"), type},
            {QStringLiteral("componentType"), type},
            {QStringLiteral("props"),
             QJsonObject {{QStringLiteral("label"), label}, {QStringLiteral("required"), true}}}});
    }
    return columns;
}

struct Table
{
    QJsonArray rows;
    qint64 totalCents = 0;
};

Table makeTable(QRandomGenerator &random, const GeneratorOptions &options, const QString &period,
                bool keyIsLabel)
{
    Table table;
    const int rowCount = 1 + int(random.bounded(8));
    const QList<Customer> &customers = knownCustomers();
    for (int r = 0; r < rowCount; ++r) {
        Customer customer = customers.at(int(random.bounded(int(customers.size()))));
        if (random.generateDouble() < options.unknownCustomerRate)
            customer = {QStringLiteral("C9%1").arg(random.bounded(1000), 3, 10, QLatin1Char('0')),
                        QStringLiteral("未建档客户")};
        const qint64 cents = 100 * (100 + qint64(random.bounded(50000)))
            + (random.bounded(3) == 0 ? 0 : qint64(random.bounded(100)));
        table.totalCents += cents;
        QJsonArray cells {
            cell(QStringLiteral("TextField"), QStringLiteral("TextField_SZ57CIDK9J40"),
                 QStringLiteral("客户编码"), customer.code, keyIsLabel),
            cell(QStringLiteral("TextField"), QStringLiteral("TextField_1B2C3D4E5F60"),
                 QStringLiteral("客户名称"), customer.name, keyIsLabel),
            cell(QStringLiteral("MoneyField"), QStringLiteral("MoneyField_T2TFVV7BXN40"),
                 QStringLiteral("不含税金额"), money(cents, true), keyIsLabel),
            cell(QStringLiteral("TextField"), QStringLiteral("TextField_PERIOD000001"),
                 QStringLiteral("返利归属期间"), period, keyIsLabel),
            cell(QStringLiteral("TextField"), QStringLiteral("TextField_REMARK000001"),
                 QStringLiteral("明细备注"), kRemarks.at(int(random.bounded(int(kRemarks.size())))),
                 keyIsLabel)};
        table.rows.append(QJsonObject {
            {QStringLiteral("rowValue"), cells},
            {QStringLiteral("rowNumber"),
             QStringLiteral("TableField_13B0RI3JBQXS0_%1").arg(uuid(random).left(8))}});
    }
    return table;
}

QJsonArray formValues(QRandomGenerator &random, const GeneratorOptions &options, qint64 createMs)
{
    const QDateTime created =
        QDateTime::fromMSecsSinceEpoch(createMs + 8 * 3600 * 1000, QTimeZone::utc());
    const QString period =
        QStringLiteral("%1Q%2").arg(created.date().year()).arg((created.date().month() + 2) / 3);
    const bool keyIsLabel = random.generateDouble() < 0.2;
    const bool definitionsOnly = random.generateDouble() < 0.02;
    const Table table = definitionsOnly ? Table {} : makeTable(random, options, period, keyIsLabel);

    QJsonArray values;
    QJsonObject date =
        field(QStringLiteral("DDDateField"), QStringLiteral("DDDateField_1GDK7Q57ZTK00"),
              QStringLiteral("申请日期"));
    date.insert(QStringLiteral("value"), created.date().toString(Qt::ISODate));
    values.append(date);

    const QStringList orgs = organisationNumbers();
    const int orgIndex = int(random.bounded(int(orgs.size())));
    QJsonObject org = field(QStringLiteral("DDSelectField"),
                            QStringLiteral("DDSelectField_ORG0000001"), QStringLiteral("组织"));
    org.insert(QStringLiteral("value"), orgs.at(orgIndex));
    org.insert(
        QStringLiteral("ext_value"),
        compact(QJsonObject {{QStringLiteral("label"), orgs.at(orgIndex)},
                             {QStringLiteral("key"), QStringLiteral("option_%1").arg(orgIndex)}}));
    values.append(org);

    const int typeIndex = int(random.bounded(int(kRebateTypes.size())));
    QJsonObject type =
        field(QStringLiteral("DDSelectField"), QStringLiteral("DDSelectField_1XO0NHHZ6KJK0"),
              QStringLiteral("返利类型"));
    type.insert(QStringLiteral("value"), kRebateTypes.at(typeIndex));
    type.insert(
        QStringLiteral("ext_value"),
        compact(QJsonObject {{QStringLiteral("label"), kRebateTypes.at(typeIndex)},
                             {QStringLiteral("key"), QStringLiteral("option_%1").arg(typeIndex)}}));
    values.append(type);

    QJsonObject total =
        field(QStringLiteral("MoneyField"), QStringLiteral("MoneyField_1FPZGEQOZ4M80"),
              QStringLiteral("返利总额（元）"));
    total.insert(QStringLiteral("value"), money(table.totalCents, false));
    total.insert(
        QStringLiteral("ext_value"),
        compact(QJsonObject {{QStringLiteral("upper"), chineseAmount(table.totalCents)},
                             {QStringLiteral("componentName"), QStringLiteral("MoneyField")}}));
    values.append(total);

    QJsonObject note =
        field(QStringLiteral("TextareaField"), QStringLiteral("TextareaField_1R5QTEF2J2SG0"),
              QStringLiteral("申请说明"));
    note.insert(QStringLiteral("value"),
                random.bounded(10) < 3 ? QStringLiteral("null")
                                       : QStringLiteral("请财务审核后入账"));
    values.append(note);

    QJsonObject contract =
        field(QStringLiteral("TextField"), QStringLiteral("TextField_CONTRACT0001"),
              QStringLiteral("合同号"));
    if (random.bounded(2) == 0) // unfilled optional fields come without a value at all
        contract.insert(
            QStringLiteral("value"),
            QStringLiteral("HT-%1").arg(random.bounded(100000), 5, 10, QLatin1Char('0')));
    values.append(contract);

    QJsonObject tableField =
        field(QStringLiteral("TableField"), QStringLiteral("TableField_13B0RI3JBQXS0"),
              QStringLiteral("表格"));
    tableField.insert(QStringLiteral("value"),
                      compact(definitionsOnly ? columnDefinitions() : table.rows));
    if (!definitionsOnly) {
        tableField.insert(
            QStringLiteral("ext_value"),
            compact(QJsonObject {{QStringLiteral("statValue"), QJsonArray()},
                                 {QStringLiteral("componentName"), QStringLiteral("TableField")}}));
    }
    values.append(tableField);
    return values;
}

} // namespace

const QList<Customer> &knownCustomers()
{
    static const QList<Customer> customers = [] {
        QList<Customer> list;
        for (int i = 1; i <= 60; ++i) {
            list.append({QStringLiteral("C%1").arg(i, 4, 10, QLatin1Char('0')),
                         kCities.at(i % kCities.size())
                             + kTrades.at((i / kCities.size()) % kTrades.size())
                             + QStringLiteral("有限公司")});
        }
        return list;
    }();
    return customers;
}

QStringList organisationNumbers()
{
    return {QStringLiteral("100"), QStringLiteral("101"), QStringLiteral("102")};
}

QList<SimInstance> generateInstances(const GeneratorOptions &options)
{
    QRandomGenerator random(options.seed);
    QList<SimInstance> instances;
    instances.reserve(options.count);
    const qint64 span = std::max<qint64>(1, options.periodEndMs - options.periodStartMs);
    for (int n = 0; n < options.count; ++n) {
        SimInstance i;
        i.id = uuid(random);
        i.processCode = options.processCode;
        i.createMs = options.periodStartMs + qint64(random.generateDouble() * double(span));
        const int person = int(random.bounded(int(kPeople.size())));
        const int dept = int(random.bounded(int(kDepartments.size())));
        i.originatorUserId = QStringLiteral("0123456789%1").arg(person, 8, 10, QLatin1Char('0'));
        i.originatorDeptId = QString::number(575403000 + dept);
        i.originatorDeptName = kDepartments.at(dept);
        i.approverUserId = QStringLiteral("2035625356200419%1").arg(dept, 2, 10, QLatin1Char('0'));
        i.title = kPeople.at(person) + QStringLiteral("提交的返利发放申请");
        i.formValues = formValues(random, options, i.createMs);

        const double roll = random.generateDouble();
        const qint64 finish = std::min(
            options.periodEndMs, i.createMs + 3600000 + qint64(random.bounded(72 * 3600)) * 1000);
        if (roll < options.runningRate) {
            i.status = QStringLiteral("RUNNING");
        } else if (roll < 0.75) {
            i.complete(QStringLiteral("agree"), finish);
        } else if (roll < 0.85) {
            i.complete(QStringLiteral("refuse"), finish);
        } else if (roll < 0.93) {
            i.status = QStringLiteral("TERMINATED");
            i.finishMs = finish;
        } else {
            i.complete(QStringLiteral("agree"), finish);
            i.bizAction = QStringLiteral("REVOKE");
            i.attachedIds = {uuid(random)};
        }
        const QDateTime created =
            QDateTime::fromMSecsSinceEpoch(i.createMs + 8 * 3600 * 1000, QTimeZone::utc());
        i.businessId = created.toString(QStringLiteral("yyyyMMddHHmm"))
            + QStringLiteral("%1").arg(random.bounded(1000000000), 9, 10, QLatin1Char('0'));
        instances.append(i);
    }
    std::sort(instances.begin(), instances.end(),
              [](const SimInstance &a, const SimInstance &b) { return a.createMs < b.createMs; });
    return instances;
}

QString chineseAmount(qint64 cents)
{
    static const QString digits = QStringLiteral("零壹贰叁肆伍陆柒捌玖");
    static const QStringList units = {QString(), QStringLiteral("拾"), QStringLiteral("佰"),
                                      QStringLiteral("仟")};
    static const QStringList groups = {QString(), QStringLiteral("万"), QStringLiteral("亿")};
    const qint64 yuan = cents / 100;
    QString text;
    if (yuan > 0) {
        const QString number = QString::number(yuan);
        bool pendingZero = false;
        bool groupHasDigit = false;
        for (int i = 0; i < number.size(); ++i) {
            const int position = int(number.size()) - 1 - i;
            const int digit = number.at(i).digitValue();
            if (digit == 0) {
                pendingZero = !text.isEmpty();
            } else {
                if (pendingZero)
                    text += digits.at(0);
                pendingZero = false;
                groupHasDigit = true;
                text += digits.at(digit) + units.at(position % 4);
            }
            if (position % 4 == 0 && position > 0) {
                if (groupHasDigit)
                    text += groups.at(position / 4);
                groupHasDigit = false;
            }
        }
        text += QStringLiteral("元");
    }
    const int jiao = int(cents / 10 % 10);
    const int fen = int(cents % 10);
    if (jiao == 0 && fen == 0)
        return (text.isEmpty() ? QStringLiteral("零元") : text) + QStringLiteral("整");
    if (jiao > 0)
        text += digits.at(jiao) + QStringLiteral("角");
    else if (!text.isEmpty())
        text += digits.at(0);
    if (fen > 0)
        text += digits.at(fen) + QStringLiteral("分");
    return text;
}

} // namespace rs::sandbox
