#include "app/mapping/customerlabel.h"
#include "app/mapping/mapper.h"
#include "app/mapping/scheme.h"
#include "app/mapping/schemeloader.h"
#include "app/mapping/schemeresolver.h"
#include "mappingtestdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace rs;
using testdata::rebateApplication;
using testdata::rebateRow;

namespace {

const QString kBuiltin = QStringLiteral("builtin:rebate-to-other-receivable");

QJsonObject builtinJson()
{
    QFile file(QStringLiteral(":/schemes/rebate-to-other-receivable.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

std::shared_ptr<const Scheme> builtinScheme()
{
    return resolveScheme(kBuiltin, QString()).scheme;
}

// The built-in scheme with `edit` applied to its JSON; fails the test when it does not load.
SchemeLoadResult editedScheme(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject json = builtinJson();
    edit(json);
    return loadScheme(QJsonDocument(json).toJson(), QStringLiteral("edited.json"));
}

// Replaces the target field `name` (top level or inside FEntity) with `field`.
void replaceField(QJsonObject &scheme, const QString &name, const QJsonObject &field)
{
    QJsonObject target = scheme.value(QLatin1String("target")).toObject();
    QJsonArray fields = target.value(QLatin1String("fields")).toArray();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        QJsonObject f = fields.at(i).toObject();
        if (f.value(QLatin1String("name")).toString() == name) {
            fields.replace(i, field);
        } else if (f.contains(QLatin1String("fields"))) {
            QJsonArray entry = f.value(QLatin1String("fields")).toArray();
            for (qsizetype j = 0; j < entry.size(); ++j) {
                if (entry.at(j).toObject().value(QLatin1String("name")).toString() == name)
                    entry.replace(j, field);
            }
            f.insert(QStringLiteral("fields"), entry);
            fields.replace(i, f);
        }
    }
    target.insert(QStringLiteral("fields"), fields);
    scheme.insert(QStringLiteral("target"), target);
}

QJsonObject entry(const BillDraft &bill, int index)
{
    return bill.model.value(QLatin1String("FEntity")).toArray().at(index).toObject();
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

QString issuesText(const MappingResult &result)
{
    QStringList lines;
    for (const MappingIssue &issue : result.issues)
        lines.append(issue.bill + QStringLiteral(" | ") + issue.field + QStringLiteral(" | ")
                     + issue.message);
    return lines.join(QLatin1Char('\n'));
}

bool hasIssue(const MappingResult &result, const QString &field, const QString &mentions)
{
    for (const MappingIssue &issue : result.issues) {
        if (issue.field == field && issue.message.contains(mentions))
            return true;
    }
    return false;
}

} // namespace

// From a stored application to the Kingdee bills a clerk previews and sends.
class TestMapping final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinScheme_loads()
    {
        const SchemeLoadResult loaded = resolveScheme(kBuiltin, QString());
        QVERIFY2(loaded.scheme, qPrintable(loaded.error));
        QCOMPARE(loaded.scheme->formId, QStringLiteral("AR_OtherRecAble"));
        QCOMPARE(loaded.scheme->operation, QStringLiteral("BatchSave"));
        QCOMPARE(builtinSchemes(), QStringList {QStringLiteral("rebate-to-other-receivable")});
    }

    void seedScheme_onTheFixture_makesOneBillPerCustomer()
    {
        const ApplicationRecord application =
            testdata::fixtureApplication(QStringLiteral(FIXTURES_DIR));
        QCOMPARE(application.rowsJson.size(), 3);
        const MappingResult result = mapApplication(application, *builtinScheme());
        QVERIFY2(!result.hasErrors(), qPrintable(issuesText(result)));
        QCOMPARE(result.bills.size(), 2);
        QCOMPARE(result.sendableBills().size(), 2);

        const BillDraft &first = result.bills.at(0);
        QCOMPARE(first.key, QStringLiteral("202503031012000123456-C0001"));
        QCOMPARE(first.group, QStringLiteral("C0001"));
        QCOMPARE(first.amount, QStringLiteral("-600.10"));
        QCOMPARE(first.rows, (QList<int> {0, 2}));
        const QJsonObject expectedHeader =
            QJsonDocument::fromJson(
                "{\n"
                "            \"FBillTypeID\": {\"FNumber\": \"QTYSD01_SYS\"},\n"
                "            \"FDATE\": \"2025-03-03\",\n"
                "            \"FSETTLEORGID\": {\"FNumber\": \"100\"},\n"
                "            \"FSALEORGID\": {\"FNumber\": \"100\"},\n"
                "            \"FPAYORGID\": {\"FNumber\": \"100\"},\n"
                "            \"FCONTACTUNITTYPE\": \"BD_Customer\",\n"
                "            \"FCONTACTUNIT\": {\"FNumber\": \"C0001\"},\n"
                "            \"FCURRENCYID\": {\"FNumber\": \"PRE001\"},\n"
                "            \"FAR_OtherRemarks\": \"202503031012000123456-C0001\",\n"
                "            \"FEntity\": [\n"
                "                {\"FCOMMENT\": \"一季度返利\", \"FNOTAXAMOUNTFOR\": \"-600.00\", "
                "\"F_RS_RebatePeriod\": \"2025-Q1\"},\n"
                "                {\"FCOMMENT\": \"尾差\", \"FNOTAXAMOUNTFOR\": \"-0.10\", "
                "\"F_RS_RebatePeriod\": \"2025-Q1\"}\n"
                "            ]}")
                .object();
        QCOMPARE(first.model, expectedHeader);

        const BillDraft &second = result.bills.at(1);
        QCOMPARE(second.key, QStringLiteral("202503031012000123456-C0002"));
        QCOMPARE(second.amount, QStringLiteral("-1234.50"));
        QCOMPARE(second.model.value(QLatin1String("FCONTACTUNIT")).toObject(),
                 QJsonObject({{QStringLiteral("FNumber"), QStringLiteral("C0002")}}));
        QCOMPARE(entry(second, 0).value(QLatin1String("FCOMMENT")).toString(),
                 QStringLiteral("含'特价'返利"));
        QCOMPARE(entry(second, 0).value(QLatin1String("FNOTAXAMOUNTFOR")).toString(),
                 QStringLiteral("-1234.50"));
    }

    void schemeWithoutBeatFlat_stillReadsColumnsPerBill()
    {
        const SchemeLoadResult loaded = editedScheme([](QJsonObject &s) {
            QJsonObject source = s.value(QLatin1String("source")).toObject();
            source.remove(QStringLiteral("beatFlat"));
            s.insert(QStringLiteral("source"), source);
        });
        QVERIFY2(loaded.scheme, qPrintable(loaded.error));
        const MappingResult result = mapApplication(
            rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("1")),
                               rebateRow(QStringLiteral("C2"), QStringLiteral("2"))}),
            *loaded.scheme);
        QVERIFY2(!result.hasErrors(), qPrintable(issuesText(result)));
        QCOMPARE(result.bills.size(), 2);
        QCOMPARE(result.bills.at(1).model.value(QLatin1String("FCONTACTUNIT")).toObject(),
                 QJsonObject({{QStringLiteral("FNumber"), QStringLiteral("C2")}}));
    }

    void batchSaveBody_isKingdeesShape()
    {
        const std::shared_ptr<const Scheme> scheme = builtinScheme();
        const MappingResult result = mapApplication(
            rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("600"))}), *scheme);
        const QJsonObject body = batchSaveBody(result.bills, *scheme);
        QCOMPARE(body.keys(), (QStringList {QStringLiteral("data"), QStringLiteral("formid")}));
        QCOMPARE(body.value(QLatin1String("formid")).toString(), QStringLiteral("AR_OtherRecAble"));
        const QJsonObject data = body.value(QLatin1String("data")).toObject();
        QCOMPARE(data.keys(),
                 (QStringList {QStringLiteral("IsAutoSubmitAndAudit"), QStringLiteral("Model")}));
        QCOMPARE(data.value(QLatin1String("IsAutoSubmitAndAudit")), QJsonValue(false));
        QCOMPARE(data.value(QLatin1String("Model")).toArray().size(), 1);
        QCOMPARE(data.value(QLatin1String("Model")).toArray().at(0).toObject(),
                 result.bills.at(0).model);
    }

    void amounts_areExact_data()
    {
        QTest::addColumn<QStringList>("amounts");
        QTest::addColumn<QString>("billAmount");
        QTest::addColumn<QStringList>("entries");
        QTest::newRow("0.10 + 0.20")
            << strings({"0.10", "0.20"}) << "-0.30" << strings({"-0.10", "-0.20"});
        QTest::newRow("thousands separator")
            << strings({"1,234.50"}) << "-1234.50" << strings({"-1234.50"});
        QTest::newRow("largest") << strings({"99999999999.99", "99999999999.99"})
                                 << "-199999999999.98"
                                 << strings({"-99999999999.99", "-99999999999.99"});
        QTest::newRow("integer") << strings({"600"}) << "-600.00" << strings({"-600.00"});
    }
    void amounts_areExact()
    {
        QFETCH(QStringList, amounts);
        QFETCH(QString, billAmount);
        QFETCH(QStringList, entries);
        QList<QJsonObject> rows;
        for (const QString &amount : amounts)
            rows.append(rebateRow(QStringLiteral("C1"), amount));
        const MappingResult result = mapApplication(rebateApplication(rows), *builtinScheme());
        QVERIFY2(!result.hasErrors(), qPrintable(issuesText(result)));
        QCOMPARE(result.bills.size(), 1);
        QCOMPARE(result.bills.at(0).amount, billAmount);
        for (int i = 0; i < entries.size(); ++i)
            QCOMPARE(
                entry(result.bills.at(0), i).value(QLatin1String("FNOTAXAMOUNTFOR")).toString(),
                entries.at(i));
    }

    // A bad amount is an issue on that bill, naming the field and the value; the other customer's
    // bill stays sendable. Source values full of SQL are values, never code.
    void badAmounts_areIssuesOnTheirBill_data()
    {
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("abc") << "abc"
                             << "\"abc\" is not a number";
        QTest::newRow("empty") << ""
                               << "empty value is not a number";
        QTest::newRow("1.2.3") << "1.2.3"
                               << "\"1.2.3\"";
        QTest::newRow("1,23") << "1,23"
                              << "\"1,23\"";
        QTest::newRow("quote or") << "1' OR '1'='1"
                                  << "\"1' OR '1'='1\" is not a number";
        QTest::newRow("paren comment") << "600) --"
                                       << "\"600) --\" is not a number";
        QTest::newRow("drop table") << "'); DROP TABLE x; --"
                                    << "\"'); DROP TABLE x; --\" is not a number";
    }
    void badAmounts_areIssuesOnTheirBill()
    {
        QFETCH(QString, amount);
        QFETCH(QString, mentions);
        const MappingResult result = mapApplication(
            rebateApplication({rebateRow(QStringLiteral("C1"), amount),
                               rebateRow(QStringLiteral("C2"), QStringLiteral("600"))}),
            *builtinScheme());
        QCOMPARE(result.bills.size(), 2);
        QVERIFY(result.bills.at(0).hasErrors);
        QVERIFY(!result.bills.at(1).hasErrors);
        QCOMPARE(result.sendableBills().size(), 1);
        QCOMPARE(result.sendableBills().at(0).group, QStringLiteral("C2"));
        QVERIFY2(hasIssue(result, QStringLiteral("FEntity[0].FNOTAXAMOUNTFOR"), mentions),
                 qPrintable(issuesText(result)));
        QCOMPARE(result.issues.at(0).bill, QStringLiteral("202503031012000123456-C1"));
        QVERIFY(!entry(result.bills.at(0), 0).contains(QLatin1String("FNOTAXAMOUNTFOR")));
        QCOMPARE(result.bills.at(0).amount, QString());
        QCOMPARE(result.bills.at(1).amount, QStringLiteral("-600.00"));
    }

    void notApproved_isPreviewedButNotSendable()
    {
        ApplicationRecord application =
            rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("600"))});
        application.approval = ApprovalState::InApproval;
        const MappingResult result = mapApplication(application, *builtinScheme());
        QCOMPARE(result.bills.size(), 1);
        QVERIFY(!result.bills.at(0).hasErrors);
        QVERIFY(result.sendableBills().isEmpty());
        QVERIFY2(hasIssue(result, QStringLiteral("approval"), QStringLiteral("not approved")),
                 qPrintable(issuesText(result)));
    }

    void malformedApplication_givesAnIssueAndNoBill()
    {
        ApplicationRecord application =
            rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("600"))});
        application.parseError = QStringLiteral("unterminated string at offset 120");
        const MappingResult result = mapApplication(application, *builtinScheme());
        QVERIFY(result.bills.isEmpty());
        QCOMPARE(result.issues.size(), 1);
        QVERIFY(result.issues.at(0).message.contains(QLatin1String("offset 120")));
    }

    void noTableRows_givesAnIssueAndNoBill()
    {
        const MappingResult result = mapApplication(rebateApplication({}), *builtinScheme());
        QVERIFY(result.bills.isEmpty());
        QVERIFY2(hasIssue(result, QStringLiteral("表格"), QStringLiteral("no table rows")),
                 qPrintable(issuesText(result)));
    }

    void grouping_keepsRowOrderWithinAndAcrossCustomers()
    {
        const MappingResult result = mapApplication(
            rebateApplication(
                {rebateRow(QStringLiteral("B"), QStringLiteral("1"), QStringLiteral("b1")),
                 rebateRow(QStringLiteral("A"), QStringLiteral("2"), QStringLiteral("a1")),
                 rebateRow(QStringLiteral("B"), QStringLiteral("3"), QStringLiteral("b2"))}),
            *builtinScheme());
        QCOMPARE(result.bills.size(), 2);
        QCOMPARE(result.bills.at(0).group, QStringLiteral("B"));
        QCOMPARE(entry(result.bills.at(0), 0).value(QLatin1String("FCOMMENT")).toString(),
                 QStringLiteral("b1"));
        QCOMPARE(entry(result.bills.at(0), 1).value(QLatin1String("FCOMMENT")).toString(),
                 QStringLiteral("b2"));
        QCOMPARE(result.bills.at(0).amount, QStringLiteral("-4.00"));
        QCOMPARE(result.bills.at(1).group, QStringLiteral("A"));
    }

    void missingRequiredField_isAnIssue()
    {
        ApplicationRecord application =
            rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("600"))});
        QJsonObject header = QJsonDocument::fromJson(application.fieldsJson).object();
        header.remove(QStringLiteral("组织"));
        application.fieldsJson = QJsonDocument(header).toJson();
        const MappingResult result = mapApplication(application, *builtinScheme());
        QVERIFY(result.bills.at(0).hasErrors);
        for (const char *field : {"FSETTLEORGID", "FSALEORGID", "FPAYORGID"})
            QVERIFY2(hasIssue(result, QLatin1String(field), QStringLiteral("required")),
                     qPrintable(issuesText(result)));
    }

    void dates_areConvertedToTheFieldsFormat_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("expected");
        QTest::newRow("day") << "2025-03-03"
                             << "%Y/%m/%d"
                             << "2025/03/03";
        QTest::newRow("slashes in") << "2025/3/3"
                                    << "%Y-%m-%d"
                                    << "2025-03-03";
        QTest::newRow("hour unit") << "2025-03-03 09:00"
                                   << "%Y/%m/%d %H:%i"
                                   << "2025/03/03 09:00";
        QTest::newRow("hour unit, day only") << "2025-03-03 18:30"
                                             << "%Y/%m/%d"
                                             << "2025/03/03";
        QTest::newRow("seconds") << "2025-03-03 10:12:41"
                                 << "%Y-%m-%d %H:%i:%s"
                                 << "2025-03-03 10:12:41";
    }
    void dates_areConvertedToTheFieldsFormat()
    {
        QFETCH(QString, value);
        QFETCH(QString, format);
        QFETCH(QString, expected);
        const SchemeLoadResult loaded = editedScheme([&format](QJsonObject &s) {
            replaceField(s, QStringLiteral("FDATE"),
                         {{QStringLiteral("name"), QStringLiteral("FDATE")},
                          {QStringLiteral("value"), QStringLiteral("{{申请日期}}")},
                          {QStringLiteral("type"), QStringLiteral("date")},
                          {QStringLiteral("format"), format}});
        });
        QVERIFY2(loaded.scheme, qPrintable(loaded.error));
        const MappingResult result =
            mapApplication(rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("1"))},
                                             {{QStringLiteral("申请日期"), value}}),
                           *loaded.scheme);
        QVERIFY2(!result.hasErrors(), qPrintable(issuesText(result)));
        QCOMPARE(result.bills.at(0).model.value(QLatin1String("FDATE")).toString(), expected);
    }

    void dates_throughAnExpression()
    {
        const SchemeLoadResult loaded = editedScheme([](QJsonObject &s) {
            replaceField(s, QStringLiteral("FDATE"),
                         {{QStringLiteral("name"), QStringLiteral("FDATE")},
                          {QStringLiteral("value"),
                           QStringLiteral("_function DATE_FORMAT('{{申请日期}}', '%Y/%m/%d')")}});
        });
        QVERIFY2(loaded.scheme, qPrintable(loaded.error));
        const auto map = [&loaded](const QString &date) {
            return mapApplication(
                rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("1"))},
                                  {{QStringLiteral("申请日期"), date}}),
                *loaded.scheme);
        };
        QCOMPARE(map(QStringLiteral("2025-03-03")).bills.at(0).model.value(QLatin1String("FDATE")),
                 QJsonValue(QStringLiteral("2025/03/03")));
        const MappingResult bad = map(QStringLiteral("next Monday"));
        QVERIFY2(
            hasIssue(bad, QStringLiteral("FDATE"), QStringLiteral("\"next Monday\" is not a date")),
            qPrintable(issuesText(bad)));
    }

    void valueMap_translatesAndAMissNamesTheValue()
    {
        const SchemeLoadResult loaded = editedScheme([](QJsonObject &s) {
            s.insert(
                QStringLiteral("valueMaps"),
                QJsonObject {{QStringLiteral("orgs"),
                              QJsonObject {{QStringLiteral("华东公司"), QStringLiteral("100")}}}});
            replaceField(
                s, QStringLiteral("FSETTLEORGID"),
                {{QStringLiteral("name"), QStringLiteral("FSETTLEORGID")},
                 {QStringLiteral("value"), QStringLiteral("{{组织}}")},
                 {QStringLiteral("map"), QStringLiteral("orgs")},
                 {QStringLiteral("parser"),
                  QJsonObject {{QStringLiteral("name"), QStringLiteral("ConvertObjectParser")},
                               {QStringLiteral("params"), QStringLiteral("FNumber")}}}});
        });
        QVERIFY2(loaded.scheme, qPrintable(loaded.error));
        const auto map = [&loaded](const QString &org) {
            return mapApplication(
                rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("1"))},
                                  {{QStringLiteral("组织"), org}}),
                *loaded.scheme);
        };
        const MappingResult hit = map(QStringLiteral("华东公司"));
        QVERIFY2(!hit.hasErrors(), qPrintable(issuesText(hit)));
        QCOMPARE(hit.bills.at(0).model.value(QLatin1String("FSETTLEORGID")).toObject(),
                 QJsonObject({{QStringLiteral("FNumber"), QStringLiteral("100")}}));
        const MappingResult miss = map(QStringLiteral("华南公司"));
        QVERIFY(miss.bills.at(0).hasErrors);
        QVERIFY2(hasIssue(miss, QStringLiteral("FSETTLEORGID"),
                          QStringLiteral("\"华南公司\" is not in the value map \"orgs\"")),
                 qPrintable(issuesText(miss)));
    }

    void customerLabel_isTheApplicationsNameBesideKingdeesNumber()
    {
        // The fixture's rows give 客户名称 beside 客户编码: both, as 名称（编码）.
        const ApplicationRecord fixture =
            testdata::fixtureApplication(QStringLiteral(FIXTURES_DIR));
        const MappingResult result = mapApplication(fixture, *builtinScheme());
        QCOMPARE(customerLabel(result.bills.at(0), fixture, *builtinScheme()),
                 QStringLiteral("杭州某某商贸有限公司（C0001）"));
        QCOMPARE(customerLabel(result.bills.at(1), fixture, *builtinScheme()),
                 QStringLiteral("宁波某某电器有限公司（C0002）"));

        // The number is Kingdee's, after the value map: not the code DingTalk carries.
        const SchemeLoadResult mapped = editedScheme([](QJsonObject &s) {
            s.insert(
                QStringLiteral("valueMaps"),
                QJsonObject {{QStringLiteral("customers"),
                              QJsonObject {{QStringLiteral("C1"), QStringLiteral("K-0001")}}}});
            replaceField(
                s, QStringLiteral("FCONTACTUNIT"),
                {{QStringLiteral("name"), QStringLiteral("FCONTACTUNIT")},
                 {QStringLiteral("value"), QStringLiteral("{{表格_客户编码}}")},
                 {QStringLiteral("map"), QStringLiteral("customers")},
                 {QStringLiteral("parser"),
                  QJsonObject {{QStringLiteral("name"), QStringLiteral("ConvertObjectParser")},
                               {QStringLiteral("params"), QStringLiteral("FNumber")}}}});
        });
        QVERIFY2(mapped.scheme, qPrintable(mapped.error));
        const ApplicationRecord one =
            rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("1"))});
        const MappingResult viaMap = mapApplication(one, *mapped.scheme);
        QCOMPARE(customerLabel(viaMap.bills.at(0), one, *mapped.scheme),
                 QStringLiteral("客户C1（K-0001）"));

        // Only the code known (no name column): the code alone, no empty brackets.
        QJsonObject nameless = rebateRow(QStringLiteral("C7"), QStringLiteral("1"));
        nameless.remove(QStringLiteral("表格_客户名称"));
        const ApplicationRecord noName = rebateApplication({nameless});
        const MappingResult bare = mapApplication(noName, *builtinScheme());
        QCOMPARE(customerLabel(bare.bills.at(0), noName, *builtinScheme()), QStringLiteral("C7"));
        QCOMPARE(customerLabel(QStringLiteral("某公司"), QString()), QStringLiteral("某公司"));
    }

    void check_negativeAmounts_failsForAPositiveEntry()
    {
        const MappingResult result = mapApplication(
            rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("-5"))}),
            *builtinScheme());
        QVERIFY(result.bills.at(0).hasErrors);
        QVERIFY2(hasIssue(result, QStringLiteral("FEntity[0].FNOTAXAMOUNTFOR"),
                          QStringLiteral("check \"negative-amounts\" failed: 5.00 is not < 0")),
                 qPrintable(issuesText(result)));
    }

    void check_sumEquals_failsWhenRoundingLosesMoney()
    {
        // 0.005 rounds to −0.01 in the bill, which is not −0.005: the clerk must look.
        const MappingResult result = mapApplication(
            rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("0.005"))}),
            *builtinScheme());
        QVERIFY(result.bills.at(0).hasErrors);
        QVERIFY2(hasIssue(result, QStringLiteral("FEntity.FNOTAXAMOUNTFOR"),
                          QStringLiteral("the entries sum to -0.01, but -1 × the sum of the rows' "
                                         "表格_不含税金额 (0.005) is -0.005")),
                 qPrintable(issuesText(result)));
    }

    // Issue 13: a header of 99,999,999.99 over rows of 46,808.00 passed with no issue. Now every
    // bill of the application is held back, and the message gives both figures.
    void check_headerTotal_holdsBackEveryBillWhenTheTotalDisagrees()
    {
        const MappingResult result = mapApplication(
            rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("46000.00")),
                               rebateRow(QStringLiteral("C2"), QStringLiteral("808"))},
                              {{QStringLiteral("返利总额（元）"), QStringLiteral("99999999.99")}}),
            *builtinScheme());
        QCOMPARE(result.bills.size(), 2);
        QVERIFY(result.bills.at(0).hasErrors);
        QVERIFY(result.bills.at(1).hasErrors);
        QVERIFY(result.sendableBills().isEmpty());
        const QString why = QStringLiteral(
            "check \"total-matches-rows\" failed: the application's 返利总额（元） is 99999999.99, "
            "but its 2 row(s) of 表格_不含税金额 add up to 46808.00");
        QStringList billsNamed;
        for (const MappingIssue &issue : result.issues) {
            if (issue.field == QStringLiteral("返利总额（元）") && issue.message == why)
                billsNamed.append(issue.bill);
        }
        QCOMPARE(billsNamed,
                 QStringList({QStringLiteral("202503031012000123456-C1"),
                              QStringLiteral("202503031012000123456-C2")}));
    }

    void check_headerTotal_isExactToTheCent_data()
    {
        QTest::addColumn<QString>("total");
        QTest::addColumn<bool>("passes");
        QTest::newRow("same") << "1834.60" << true;
        QTest::newRow("fewer decimals") << "1834.6" << true;
        QTest::newRow("thousands separator") << "1,834.60" << true;
        QTest::newRow("one cent more") << "1834.61" << false;
        QTest::newRow("a hundredth of a cent less") << "1834.5999" << false;
        QTest::newRow("missing") << "" << false;
        QTest::newRow("not a number") << "壹仟捌佰叁拾肆元陆角" << false;
    }
    void check_headerTotal_isExactToTheCent()
    {
        QFETCH(QString, total);
        QFETCH(bool, passes);
        const MappingResult result = mapApplication(
            rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("600")),
                               rebateRow(QStringLiteral("C2"), QStringLiteral("1234.50")),
                               rebateRow(QStringLiteral("C1"), QStringLiteral("0.10"))},
                              {{QStringLiteral("返利总额（元）"), total}}),
            *builtinScheme());
        QCOMPARE(result.sendableBills().size(), passes ? 2 : 0);
        QCOMPARE(hasIssue(result, QStringLiteral("返利总额（元）"),
                          QStringLiteral("\"total-matches-rows\" failed")),
                 !passes);
    }

    void check_headerTotal_needsItsHeaderAndColumn()
    {
        const SchemeLoadResult loaded = editedScheme([](QJsonObject &s) {
            s.insert(QStringLiteral("checks"),
                     QJsonArray {QJsonObject {
                         {QStringLiteral("kind"), QStringLiteral("headerTotal")},
                         {QStringLiteral("column"), QStringLiteral("表格_不含税金额")}}});
        });
        QVERIFY2(loaded.error.contains(QLatin1String("checks[0].header: missing")),
                 qPrintable(loaded.error));
    }

    void check_required_failsForAnEmptyField()
    {
        const SchemeLoadResult loaded = editedScheme([](QJsonObject &s) {
            QJsonArray checks = s.value(QLatin1String("checks")).toArray();
            checks.append(QJsonObject {
                {QStringLiteral("name"), QStringLiteral("comments")},
                {QStringLiteral("kind"), QStringLiteral("required")},
                {QStringLiteral("message"), QStringLiteral("每行都要备注")},
                {QStringLiteral("fields"), QJsonArray {QStringLiteral("FEntity.FCOMMENT")}}});
            s.insert(QStringLiteral("checks"), checks);
        });
        QVERIFY2(loaded.scheme, qPrintable(loaded.error));
        QJsonObject row = rebateRow(QStringLiteral("C1"), QStringLiteral("1"));
        row.remove(QStringLiteral("表格_明细备注"));
        const MappingResult result = mapApplication(rebateApplication({row}), *loaded.scheme);
        QVERIFY(result.bills.at(0).hasErrors);
        QVERIFY2(hasIssue(result, QStringLiteral("FEntity[0].FCOMMENT"),
                          QStringLiteral("check \"comments\" failed: 每行都要备注")),
                 qPrintable(issuesText(result)));
    }

    void idempotencyKey_withoutValue_isAnIssue()
    {
        const SchemeLoadResult loaded = editedScheme([](QJsonObject &s) {
            QJsonObject target = s.value(QLatin1String("target")).toObject();
            target.insert(QStringLiteral("idempotency"),
                          QJsonObject {{QStringLiteral("key"), QStringLiteral("{{合同号}}")}});
            s.insert(QStringLiteral("target"), target);
        });
        QVERIFY2(loaded.scheme, qPrintable(loaded.error));
        QCOMPARE(loaded.scheme->idempotencyField, QStringLiteral("FAR_OtherRemarks"));
        const MappingResult result = mapApplication(
            rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("1"))}),
            *loaded.scheme);
        QVERIFY(result.bills.at(0).hasErrors);
        QCOMPARE(result.issues.at(0).bill, QStringLiteral("#1"));
        QVERIFY2(hasIssue(result, QStringLiteral("FAR_OtherRemarks"),
                          QStringLiteral("the idempotency key {{合同号}} has no value")),
                 qPrintable(issuesText(result)));
    }

    void types_defaultsAndParsers()
    {
        const SchemeLoadResult loaded = editedScheme([](QJsonObject &s) {
            QJsonObject target = s.value(QLatin1String("target")).toObject();
            QJsonArray fields = target.value(QLatin1String("fields")).toArray();
            fields.append(QJsonObject {{QStringLiteral("name"), QStringLiteral("F_RS_Count")},
                                       {QStringLiteral("value"), QStringLiteral("_function 2 * 3")},
                                       {QStringLiteral("type"), QStringLiteral("integer")}});
            fields.append(QJsonObject {{QStringLiteral("name"), QStringLiteral("F_RS_Flag")},
                                       {QStringLiteral("value"), QStringLiteral("{{急}}")},
                                       {QStringLiteral("type"), QStringLiteral("boolean")},
                                       {QStringLiteral("default"), QStringLiteral("否")}});
            fields.append(QJsonObject {
                {QStringLiteral("name"), QStringLiteral("F_RS_Kinds")},
                {QStringLiteral("value"), QStringLiteral("{{返利类型}}")},
                {QStringLiteral("parser"),
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("ArrayToString")},
                              {QStringLiteral("params"), QStringLiteral(";")}}}});
            fields.append(QJsonObject {
                {QStringLiteral("name"), QStringLiteral("F_RS_Tags")},
                {QStringLiteral("value"), QStringLiteral("{{标签}}")},
                {QStringLiteral("parser"),
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("StringToArray")}}}});
            fields.append(QJsonObject {{QStringLiteral("name"), QStringLiteral("F_RS_Rate")},
                                       {QStringLiteral("value"), QStringLiteral("{{税率}}")},
                                       {QStringLiteral("type"), QStringLiteral("decimal")},
                                       {QStringLiteral("scale"), 4}});
            target.insert(QStringLiteral("fields"), fields);
            s.insert(QStringLiteral("target"), target);
        });
        QVERIFY2(loaded.scheme, qPrintable(loaded.error));
        const MappingResult result = mapApplication(
            rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("1"))},
                              {{QStringLiteral("返利类型"),
                                QJsonArray {QStringLiteral("季度"), QStringLiteral("年度")}},
                               {QStringLiteral("标签"), QStringLiteral("a, b,,c")},
                               {QStringLiteral("税率"), QStringLiteral("0.13")}}),
            *loaded.scheme);
        QVERIFY2(!result.hasErrors(), qPrintable(issuesText(result)));
        const QJsonObject model = result.bills.at(0).model;
        QCOMPARE(model.value(QLatin1String("F_RS_Count")), QJsonValue(6));
        QCOMPARE(model.value(QLatin1String("F_RS_Flag")), QJsonValue(false));
        QCOMPARE(model.value(QLatin1String("F_RS_Kinds")), QJsonValue(QStringLiteral("季度;年度")));
        QCOMPARE(model.value(QLatin1String("F_RS_Tags")).toArray(),
                 (QJsonArray {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(model.value(QLatin1String("F_RS_Rate")), QJsonValue(QStringLiteral("0.1300")));
    }

    void expressionsReadHeaderAndRow()
    {
        const SchemeLoadResult loaded = editedScheme([](QJsonObject &s) {
            replaceField(s, QStringLiteral("FCOMMENT"),
                         {{QStringLiteral("name"), QStringLiteral("FCOMMENT")},
                          {QStringLiteral("value"),
                           QStringLiteral("_function CONCAT('{{business_id}}', ' ', "
                                          "IFNULL({{list.表格_明细备注}}, '无备注'))")}});
        });
        QVERIFY2(loaded.scheme, qPrintable(loaded.error));
        QJsonObject row = rebateRow(QStringLiteral("C1"), QStringLiteral("1"));
        row.remove(QStringLiteral("表格_明细备注"));
        const MappingResult result =
            mapApplication(rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("1"),
                                                        QStringLiteral("x')--")),
                                              row}),
                           *loaded.scheme);
        QVERIFY2(!result.hasErrors(), qPrintable(issuesText(result)));
        QCOMPARE(entry(result.bills.at(0), 0).value(QLatin1String("FCOMMENT")).toString(),
                 QStringLiteral("202503031012000123456 x')--"));
        QCOMPARE(entry(result.bills.at(0), 1).value(QLatin1String("FCOMMENT")).toString(),
                 QStringLiteral("202503031012000123456 无备注"));
    }

    void schemeErrors_nameTheKeyPath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("syntax") << QByteArray("{\n  \"target\": {\n    \"formid\": \"X\",,\n  }\n}")
                                << "broken.json: JSON syntax error at line 3, column 20";
        QTest::newRow("not an object") << QByteArray("[1]") << "expected a JSON object";
    }
    void schemeErrors_nameTheKeyPath()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const SchemeLoadResult loaded = loadScheme(json, QStringLiteral("broken.json"));
        QVERIFY(!loaded.scheme);
        QVERIFY2(loaded.error.contains(error), qPrintable(loaded.error));
    }

    void schemeErrors_inFields_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QByteArray>("definition");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown parser")
            << "FSETTLEORGID"
            << QByteArray("{\"name\":\"FSETTLEORGID\",\"value\":\"{{组织}}\",\"parser\":{\"name\":"
                          "\"Foo\"}}")
            << "edited.json: target.fields[2].parser.name: unknown parser \"Foo\"";
        QTest::newRow("unknown type")
            << "FDATE"
            << QByteArray("{\"name\":\"FDATE\",\"value\":\"{{申请日期}}\",\"type\":\"money\"}")
            << "target.fields[1].type: unknown type \"money\"";
        QTest::newRow("typo in a key")
            << "FDATE"
            << QByteArray("{\"name\":\"FDATE\",\"value\":\"{{申请日期}}\",\"requried\":true}")
            << "target.fields[1].requried: unknown key";
        QTest::newRow("list outside an entry")
            << "FDATE" << QByteArray("{\"name\":\"FDATE\",\"value\":\"{{list.申请日期}}\"}")
            << "target.fields[1].value: {{list.…}} is only allowed inside an entry field";
        QTest::newRow("bad expression")
            << "FNOTAXAMOUNTFOR"
            << QByteArray("{\"name\":\"FNOTAXAMOUNTFOR\",\"value\":\"_function -1*'{{list.x}}' "
                          "+\",\"type\":\"decimal\"}")
            << "target.fields[8].fields[1].value: expected a value, found the end";
        QTest::newRow("unknown function")
            << "FNOTAXAMOUNTFOR"
            << QByteArray(
                   "{\"name\":\"FNOTAXAMOUNTFOR\",\"value\":\"_function NEGATE({{list.x}})\"}")
            << "unknown name \"NEGATE\"";
        QTest::newRow("unknown map")
            << "FDATE"
            << QByteArray("{\"name\":\"FDATE\",\"value\":\"{{申请日期}}\",\"map\":\"dates\"}")
            << "target.fields[1].map: there is no value map \"dates\"";
        QTest::newRow("no value") << "FDATE" << QByteArray("{\"name\":\"FDATE\"}")
                                  << "target.fields[1].value: missing";
        QTest::newRow("unclosed template")
            << "FDATE" << QByteArray("{\"name\":\"FDATE\",\"value\":\"{{申请日期\"}")
            << "target.fields[1].value: \"{{\" at position 1 is not closed";
        QTest::newRow("scale on text")
            << "FDATE" << QByteArray("{\"name\":\"FDATE\",\"value\":\"x\",\"scale\":2}")
            << "target.fields[1].scale: only a decimal field has a scale";
        QTest::newRow("fractional scale")
            << "FNOTAXAMOUNTFOR"
            << QByteArray("{\"name\":\"FNOTAXAMOUNTFOR\",\"value\":\"1\",\"type\":\"decimal\","
                          "\"scale\":2.5}")
            << "target.fields[8].fields[1].scale: expected a whole number from 0 to 30";
        QTest::newRow("idempotency field twice")
            << "FDATE" << QByteArray("{\"name\":\"FAR_OtherRemarks\",\"value\":\"x\"}")
            << "target.fields[1].name: \"FAR_OtherRemarks\" holds the idempotency key";
    }
    void schemeErrors_inFields()
    {
        QFETCH(QString, field);
        QFETCH(QByteArray, definition);
        QFETCH(QString, error);
        const SchemeLoadResult loaded = editedScheme([&](QJsonObject &s) {
            replaceField(s, field, QJsonDocument::fromJson(definition).object());
        });
        QVERIFY(!loaded.scheme);
        QVERIFY2(loaded.error.contains(error), qPrintable(loaded.error));
    }

    void schemeErrors_inChecksAndOptions()
    {
        SchemeLoadResult loaded = editedScheme([](QJsonObject &s) {
            s.insert(
                QStringLiteral("checks"),
                QJsonArray {QJsonObject {{QStringLiteral("kind"), QStringLiteral("compare")},
                                         {QStringLiteral("field"), QStringLiteral("FEntity.FNOPE")},
                                         {QStringLiteral("op"), QStringLiteral("<")},
                                         {QStringLiteral("value"), QStringLiteral("0")}}});
        });
        QVERIFY2(loaded.error.contains(
                     QLatin1String("checks[0].field: \"FEntity.FNOPE\" is not a field")),
                 qPrintable(loaded.error));
        loaded = editedScheme([](QJsonObject &s) {
            QJsonObject target = s.value(QLatin1String("target")).toObject();
            target.insert(
                QStringLiteral("options"),
                QJsonArray {QJsonObject {{QStringLiteral("field"), QStringLiteral("Operation")},
                                         {QStringLiteral("value"), QStringLiteral("Delete")}}});
            s.insert(QStringLiteral("target"), target);
        });
        QVERIFY2(loaded.error.contains(
                     QLatin1String("target.options[0].value: \"Delete\" is not supported")),
                 qPrintable(loaded.error));
    }

    void resolution_findsBuiltinAndProfileSchemes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(resolveScheme(kBuiltin, dir.path()).scheme);

        SchemeLoadResult unknown = resolveScheme(QStringLiteral("builtin:nope"), dir.path());
        QVERIFY(!unknown.scheme);
        QVERIFY2(unknown.error.contains(QLatin1String("\"builtin:nope\" is not a built-in scheme")),
                 qPrintable(unknown.error));

        QJsonObject copy = builtinJson();
        copy.insert(QStringLiteral("name"), QStringLiteral("ours"));
        QFile file(dir.filePath(QStringLiteral("ours.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(copy).toJson());
        file.close();
        const SchemeLoadResult ours = resolveScheme(QStringLiteral("ours.json"), dir.path());
        QVERIFY2(ours.scheme, qPrintable(ours.error));
        QCOMPARE(ours.scheme->name, QStringLiteral("ours"));

        const SchemeLoadResult missing = resolveScheme(QStringLiteral("theirs.json"), dir.path());
        QVERIFY(!missing.scheme);
        QVERIFY2(missing.error.contains(QLatin1String("theirs.json does not exist")),
                 qPrintable(missing.error));

        const SchemeLoadResult outside = resolveScheme(QStringLiteral("../ours.json"), dir.path());
        QVERIFY(!outside.scheme);
        QVERIFY2(outside.error.contains(QLatin1String("neither a built-in scheme")),
                 qPrintable(outside.error));

        QFile broken(dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"name\": }");
        broken.close();
        const SchemeLoadResult bad = resolveScheme(QStringLiteral("broken.json"), dir.path());
        QVERIFY2(bad.error.contains(QLatin1String("broken.json: JSON syntax error at line 1")),
                 qPrintable(bad.error));
    }
};

QTEST_GUILESS_MAIN(TestMapping)
#include "tst_mapping.moc"
