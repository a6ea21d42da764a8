#include "app/dingtalk/dingtalkclient.h"
#include "app/dingtalk/failure.h"
#include "app/dingtalk/flattener.h"
#include "app/dingtalk/instanceparser.h"
#include "app/net/pacer.h"
#include "httpexchange.h"
#include "httpserver.h"
#include "httptestclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace rs;
using namespace rs::dingtalk;
using rs::testing::fixture;

namespace {

Instance parseFixture(const char *name, QString *error)
{
    const QJsonObject answer = fixture(name).object();
    return InstanceParser::fromTopApi(
        QStringLiteral("pi-1"), answer.value(QLatin1String("process_instance")).toObject(), error);
}

QByteArray fixtureBytes(const char *name)
{
    return fixture(name).toJson();
}

} // namespace

// Parsing DingTalk's answers, from fixtures shaped exactly like its real ones.
class TestDingTalk final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void approvedFixture_flattensEveryRowWithHeaderAndExactText()
    {
        QString error;
        const Instance i = parseFixture("dingtalk-get-approved.json", &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(i.approvalState(), ApprovalState::Approved);
        QCOMPARE(i.businessId, QStringLiteral("202503031012000123456"));

        const FlatApplication flat = Flattener::flatten(i, {QStringLiteral("表格")});
        QVERIFY(flat.error.isEmpty());
        QCOMPARE(flat.rows.size(), 3);
        const QJsonObject &second = flat.rows.at(1);
        QCOMPARE(second.value(QStringLiteral("表格_客户编码")).toString(), QStringLiteral("C0002"));
        // Money stays the exact text DingTalk sent; the mapping parses it as a decimal.
        QCOMPARE(second.value(QStringLiteral("表格_不含税金额")).toString(),
                 QStringLiteral("1234.50"));
        QCOMPARE(second.value(QStringLiteral("表格_明细备注")).toString(),
                 QStringLiteral("含'特价'返利"));
        QCOMPARE(flat.rows.at(2).value(QStringLiteral("表格_不含税金额")).toString(),
                 QStringLiteral("0.10"));

        const QJsonObject &h = flat.header;
        QCOMPARE(h.value(QStringLiteral("申请日期")).toString(), QStringLiteral("2025-03-03"));
        QCOMPARE(h.value(QStringLiteral("组织")).toString(), QStringLiteral("100"));
        QCOMPARE(h.value(QStringLiteral("返利总额（元）")).toString(), QStringLiteral("1834.60"));
        QCOMPARE(h.value(QStringLiteral("申请说明")).toString(), QString()); // the "null" quirk
        QVERIFY(!h.contains(QStringLiteral("合同号"))); // optional, left empty: no value at all
        QVERIFY(!h.contains(QStringLiteral("表格"))); // flattened, not repeated as text
        QCOMPARE(h.value(QLatin1String("business_id")).toString(), i.businessId);
        QCOMPARE(h.value(QLatin1String("process_instance_id")).toString(), QStringLiteral("pi-1"));
        QCOMPARE(h.value(QLatin1String("finish_time")).toString(),
                 QStringLiteral("2025-03-04 09:30:02"));
    }

    void emptyTableWithColumnDefinitions_hasNoRows()
    {
        QString error;
        const Instance i = parseFixture("dingtalk-get-empty-table.json", &error);
        QVERIFY(error.isEmpty());
        const FlatApplication flat = Flattener::flatten(i, {QStringLiteral("表格")});
        QVERIFY(flat.error.isEmpty());
        QVERIFY(flat.rows.isEmpty());
    }

    void runningFixture_isInApproval()
    {
        QString error;
        QCOMPARE(parseFixture("dingtalk-get-running.json", &error).approvalState(),
                 ApprovalState::InApproval);
    }

    void approvalState_followsStatusResultAndRevoke_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("result");
        QTest::addColumn<QString>("bizAction");
        QTest::addColumn<ApprovalState>("expected");
        QTest::newRow("approved") << "COMPLETED"
                                  << "agree"
                                  << "NONE" << ApprovalState::Approved;
        QTest::newRow("rejected") << "COMPLETED"
                                  << "refuse"
                                  << "NONE" << ApprovalState::Rejected;
        QTest::newRow("revoked") << "COMPLETED"
                                 << "agree"
                                 << "REVOKE" << ApprovalState::Revoked;
        QTest::newRow("withdrawn") << "TERMINATED"
                                   << ""
                                   << "NONE" << ApprovalState::Withdrawn;
        QTest::newRow("canceled") << "CANCELED"
                                  << ""
                                  << "NONE" << ApprovalState::Withdrawn;
        QTest::newRow("running") << "RUNNING"
                                 << ""
                                 << "NONE" << ApprovalState::InApproval;
        QTest::newRow("new") << "NEW"
                             << ""
                             << "NONE" << ApprovalState::InApproval;
    }

    void approvalState_followsStatusResultAndRevoke()
    {
        QFETCH(QString, status);
        QFETCH(QString, result);
        QFETCH(QString, bizAction);
        QFETCH(ApprovalState, expected);
        Instance i;
        i.status = status;
        i.result = result;
        i.bizAction = bizAction;
        QCOMPARE(i.approvalState(), expected);
    }

    void revokeRequest_namesTheInstanceItRevokes()
    {
        Instance request;
        request.id = QStringLiteral("revoke-1");
        request.bizAction = QStringLiteral("REVOKE");
        request.mainProcessInstanceId = QStringLiteral("original");
        QVERIFY(request.revokesAnother());
        request.mainProcessInstanceId = request.id;
        QVERIFY(!request.revokesAnother());
    }

    void v1Answer_parsesIntoTheSameInstance()
    {
        const QJsonObject top = fixture("dingtalk-get-approved.json")
                                    .object()
                                    .value(QLatin1String("process_instance"))
                                    .toObject();
        // The v1.0 shape of the same instance: camelCase keys, UTC times to the minute.
        QJsonArray values;
        for (const QJsonValue &v : top.value(QLatin1String("form_component_values")).toArray()) {
            const QJsonObject c = v.toObject();
            QJsonObject camel {
                {QStringLiteral("name"), c.value(QLatin1String("name"))},
                {QStringLiteral("id"), c.value(QLatin1String("id"))},
                {QStringLiteral("componentType"), c.value(QLatin1String("component_type"))}};
            if (c.contains(QLatin1String("value")))
                camel.insert(QStringLiteral("value"), c.value(QLatin1String("value")));
            values.append(camel);
        }
        const QJsonObject v1 {
            {QStringLiteral("businessId"), top.value(QLatin1String("business_id"))},
            {QStringLiteral("status"), QStringLiteral("COMPLETED")},
            {QStringLiteral("result"), QStringLiteral("agree")},
            {QStringLiteral("createTime"), QStringLiteral("2025-03-03T02:12Z")},
            {QStringLiteral("formComponentValues"), values}};
        QString error;
        const Instance a = InstanceParser::fromV1(QStringLiteral("pi-1"), v1, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(a.createTime, QStringLiteral("2025-03-03 10:12:00")); // Beijing
        const Instance b = parseFixture("dingtalk-get-approved.json", &error);
        QCOMPARE(a.approvalState(), b.approvalState());
        QCOMPARE(Flattener::flatten(a, {QStringLiteral("表格")}).rows,
                 Flattener::flatten(b, {QStringLiteral("表格")}).rows);
    }

    void formValueSentAsANumber_keepsItsExactText()
    {
        // v1.0 may send a MoneyField's value as a JSON number rather than a string.
        const QJsonObject v1 {
            {QStringLiteral("status"), QStringLiteral("COMPLETED")},
            {QStringLiteral("result"), QStringLiteral("agree")},
            {QStringLiteral("createTime"), QStringLiteral("2025-03-03T02:12Z")},
            {QStringLiteral("formComponentValues"),
             QJsonArray {
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("返利总额（元）")},
                              {QStringLiteral("componentType"), QStringLiteral("MoneyField")},
                              {QStringLiteral("value"), 24442.42}},
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("件数")},
                              {QStringLiteral("componentType"), QStringLiteral("NumberField")},
                              {QStringLiteral("value"), 0.1}}}}};
        QString error;
        const Instance a = InstanceParser::fromV1(QStringLiteral("pi-2"), v1, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(a.form.size(), 2);
        QCOMPARE(a.form.at(0).value.value_or(QString()), QStringLiteral("24442.42"));
        QCOMPARE(a.form.at(1).value.value_or(QString()), QStringLiteral("0.1"));
    }

    void tokenRefusalEchoingTheSecret_neverShowsIt()
    {
        // gettoken carries the secret in its query; an answer (or Qt's text) quoting it back
        // must not reach the clerk's message or the log.
        sandbox::HttpServer echo([](sandbox::HttpExchange *x) {
            const QString secret = x->request().query.queryItemValue(QStringLiteral("appsecret"));
            const QString said = QStringLiteral("不合法的corpid或corpsecret: ") + secret;
            const QJsonObject answer {{QStringLiteral("errcode"), 40089},
                                      {QStringLiteral("errmsg"), said}};
            x->respond(
                sandbox::HttpResponse::json(QJsonDocument(answer).toJson(QJsonDocument::Compact)));
        });
        const quint16 port = echo.listen(0);
        QVERIFY(port);
        DingTalkConfig config;
        config.oapiUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        config.appKey = QStringLiteral("key");
        config.appSecret = QStringLiteral("s3cr3t-value-never-shown");
        config.processCode = QStringLiteral("PROC-1");
        DingTalkClient client(config);
        Failure failure;
        bool done = false;
        client.listIds(0, 1000, QStringLiteral("0"), [&](const IdPage &, const Failure &f) {
            failure = f;
            done = true;
        });
        QTRY_VERIFY(done);
        QVERIFY2(failure.describe().contains(QStringLiteral("不合法的corpid")),
                 qPrintable(failure.describe()));
        QVERIFY2(!failure.describe().contains(config.appSecret), qPrintable(failure.describe()));
    }

    void instanceWithoutStatus_isMalformed()
    {
        QString error;
        InstanceParser::fromTopApi(QStringLiteral("x"), QJsonObject {{QStringLiteral("title"), 1}},
                                   &error);
        QVERIFY(error.contains(QLatin1String("status")));
        QVERIFY(error.contains(QLatin1String("create time")));
    }

    void brokenTable_isAnErrorNamingTheTable()
    {
        Instance i;
        FormValue table;
        table.name = QStringLiteral("表格");
        table.componentType = QStringLiteral("TableField");
        table.value = QStringLiteral("[{\"rowValue\":[{\"label\":\"客户");
        i.form.append(table);
        const FlatApplication flat = Flattener::flatten(i, {QStringLiteral("表格")});
        QVERIFY(flat.error.contains(QStringLiteral("表格")));
    }

    // Issue 13: a cell sent as a JSON number (not a string) lost its decimal text to a double,
    // 24442.42 becoming 24442.419999999998. Each literal keeps its exact decimal text.
    void tableCellSentAsANumber_keepsItsExactText_data()
    {
        QTest::addColumn<QString>("literal");
        QTest::addColumn<QString>("text");
        QTest::newRow("cents") << "24442.42"
                               << "24442.42";
        QTest::newRow("0.1") << "0.1"
                             << "0.1";
        QTest::newRow("exponent") << "1e2"
                                  << "100";
        QTest::newRow("negative exponent") << "-1.5E-3"
                                           << "-0.0015";
        QTest::newRow("exponent with sign") << "2.50e+1"
                                            << "25.0";
        QTest::newRow("negative zero") << "-0"
                                       << "-0";
        QTest::newRow("beyond a double") << "12345678901234567890.12"
                                         << "12345678901234567890.12";
        QTest::newRow("integer") << "600"
                                 << "600";
        QTest::newRow("absurd exponent") << "1e999"
                                         << "1e999"; // kept, for the mapping to refuse
    }
    void tableCellSentAsANumber_keepsItsExactText()
    {
        QFETCH(QString, literal);
        QFETCH(QString, text);
        Instance i;
        FormValue table;
        table.name = QStringLiteral("表格");
        table.componentType = QStringLiteral("TableField");
        // A string cell that looks like numbers and escapes stays exactly as it was.
        table.value = QStringLiteral("[{\"rowValue\":[{\"label\":\"不含税金额\",\"value\":%1},"
                                     "{\"label\":\"明细备注\",\"value\":\"1e2 \\\"-0\\\" 3\"}],"
                                     "\"rowNumber\":7}]")
                          .arg(literal);
        i.form.append(table);
        const FlatApplication flat = Flattener::flatten(i, {QStringLiteral("表格")});
        QVERIFY2(flat.error.isEmpty(), qPrintable(flat.error));
        QCOMPARE(flat.rows.size(), 1);
        const QJsonObject row = flat.rows.constFirst();
        QCOMPARE(row.value(QStringLiteral("表格_不含税金额")).toString(), text);
        QCOMPARE(row.value(QStringLiteral("表格_明细备注")).toString(),
                 QStringLiteral("1e2 \"-0\" 3"));
    }

    void tableWithANumberOutsideJsonsGrammar_isStillAnError()
    {
        for (const char *literal : {"01.5", "-", "1e", "2e+", "1.5.2", "--1"}) {
            Instance i;
            FormValue table;
            table.name = QStringLiteral("表格");
            table.componentType = QStringLiteral("TableField");
            table.value = QStringLiteral("[{\"rowValue\":[{\"label\":\"x\",\"value\":%1}]}]")
                              .arg(QLatin1String(literal));
            i.form.append(table);
            QVERIFY2(!Flattener::flatten(i, {QStringLiteral("表格")}).error.isEmpty(), literal);
        }
    }

    void multiSelectAndCellArrays_becomeListsOfLabels()
    {
        Instance i;
        FormValue multi;
        multi.name = QStringLiteral("渠道");
        multi.componentType = QStringLiteral("DDMultiSelectField");
        multi.value = QStringLiteral("[\"线上\",\"线下\"]");
        FormValue table;
        table.name = QStringLiteral("表格");
        table.componentType = QStringLiteral("TableField");
        // An older form: the key is the label; a multi-select cell holds a real array.
        table.value =
            QStringLiteral("[{\"rowValue\":[{\"key\":\"客户编码\",\"value\":\"C0009\"},"
                           "{\"label\":\"标签\",\"value\":[{\"label\":\"A\",\"key\":\"o1\"}]}]}]");
        FormValue unknown;
        unknown.name = QStringLiteral("附件");
        unknown.componentType = QStringLiteral("DDAttachment");
        unknown.value = QStringLiteral("[{\"fileName\":\"a.pdf\"}]");
        i.form = {multi, table, unknown};
        const FlatApplication flat = Flattener::flatten(i, {QStringLiteral("表格")});
        QCOMPARE(flat.header.value(QStringLiteral("渠道")).toArray(),
                 QJsonArray({QStringLiteral("线上"), QStringLiteral("线下")}));
        QCOMPARE(flat.header.value(QStringLiteral("附件")).toString(), *unknown.value);
        QCOMPARE(flat.rows.size(), 1);
        QCOMPARE(flat.rows.constFirst().value(QStringLiteral("表格_客户编码")).toString(),
                 QStringLiteral("C0009"));
        QCOMPARE(flat.rows.constFirst().value(QStringLiteral("表格_标签")).toArray(),
                 QJsonArray({QStringLiteral("A")}));
    }

    void errorAnswers_areClassifiedByWhatToDo_data()
    {
        QTest::addColumn<bool>("v1");
        QTest::addColumn<int>("http");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        using K = Failure::Kind;
        QTest::newRow("quota fixture")
            << false << 200 << fixtureBytes("dingtalk-error-quota.json") << int(K::QuotaExhausted);
        QTest::newRow("throttled fixture")
            << false << 200 << fixtureBytes("dingtalk-error-throttled.json") << int(K::Throttled);
        QTest::newRow("88 wrapping 40014")
            << false << 200 << fixtureBytes("dingtalk-error-token.json") << int(K::TokenInvalid);
        QTest::newRow("v1 403 qps")
            << true << 403 << fixtureBytes("dingtalk-v1-throttled-403.json") << int(K::Throttled);
        QTest::newRow("42001") << false << 200 << QByteArray("{\"errcode\":42001,\"errmsg\":\"x\"}")
                               << int(K::TokenInvalid);
        QTest::newRow("90002") << false << 200 << QByteArray("{\"errcode\":90002,\"errmsg\":\"x\"}")
                               << int(K::GlobalThrottled);
        QTest::newRow("88 wrapping 90018")
            << false << 200
            << QByteArray("{\"errcode\":88,\"sub_code\":\"90018\",\"errmsg\":\"x\"}")
            << int(K::Throttled);
        QTest::newRow("busy") << false << 200
                              << QByteArray("{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}")
                              << int(K::Busy);
        QTest::newRow("no permission")
            << false << 200 << QByteArray("{\"errcode\":60011,\"errmsg\":\"x\"}")
            << int(K::Configuration);
        QTest::newRow("ip whitelist")
            << false << 200 << QByteArray("{\"errcode\":60020,\"errmsg\":\"x\"}")
            << int(K::Configuration);
        QTest::newRow("ip block page")
            << false << 200 << QByteArray("{\"status\":1111,\"wait\":5,\"punish\":\"deny\"}")
            << int(K::Throttled);
        QTest::newRow("html 502") << false << 502 << QByteArray("<html>bad gateway</html>")
                                  << int(K::Busy);
        QTest::newRow("truncated")
            << false << 200 << QByteArray("{\"errcode\":0,\"process_i") << int(K::Busy);
        QTest::newRow("v1 quota")
            << true << 403
            << QByteArray(
                   "{\"code\":\"Forbidden.AccessDenied.ApiCountLimitForOrg\",\"message\":\"x\"}")
            << int(K::QuotaExhausted);
        QTest::newRow("v1 token") << true << 400
                                  << QByteArray(
                                         "{\"code\":\"InvalidAuthentication\",\"message\":\"x\"}")
                                  << int(K::TokenInvalid);
        QTest::newRow("v1 ip")
            << true << 403
            << QByteArray(
                   "{\"code\":\"Forbidden.AccessDenied.IpNotInWhiteList\",\"message\":\"x\"}")
            << int(K::Configuration);
        QTest::newRow("v1 429") << true << 429 << QByteArray("{\"code\":\"systemBusy\"}")
                                << int(K::Busy);
        QTest::newRow("parameter")
            << false << 200 << QByteArray("{\"errcode\":40035,\"errmsg\":\"不合法的参数\"}")
            << int(K::Rejected);
        QTest::newRow("ok") << false << 200 << QByteArray("{\"errcode\":0,\"errmsg\":\"ok\"}")
                            << int(K::None);
    }

    void errorAnswers_areClassifiedByWhatToDo()
    {
        QFETCH(bool, v1);
        QFETCH(int, http);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QJsonObject answer;
        const Failure f = v1 ? FailureClassifier::v1(http, body, &answer)
                             : FailureClassifier::topApi(http, body, &answer);
        QCOMPARE(int(f.kind), kind);
        if (!f.ok())
            QVERIFY(!f.describe().isEmpty());
    }

    void failureText_keepsDingTalksOwnWords()
    {
        QJsonObject answer;
        const Failure f =
            FailureClassifier::topApi(200, fixtureBytes("dingtalk-error-quota.json"), &answer);
        QVERIFY(f.describe().contains(QStringLiteral("本月api调用量已超过限制")));
        QVERIFY(f.describe().contains(QLatin1String("90020")));
        QVERIFY(f.stopsTheRun());
    }

    void pacer_spacesCallsSoNoSecondHoldsMoreThanTheRate()
    {
        net::Pacer pacer(18);
        QList<qint64> delays;
        for (int i = 0; i < 40; ++i)
            delays.append(pacer.reserveDelayMs(QStringLiteral("get")));
        // The 19th call in a burst waits about a second: 18 per second, never a burst of 20.
        QVERIFY(delays.at(18) >= 990);
        for (int i = 1; i < delays.size(); ++i)
            QVERIFY(delays.at(i) > delays.at(i - 1));
        // APIs are paced separately.
        QCOMPARE(pacer.reserveDelayMs(QStringLiteral("listids")), 0);
        pacer.holdOff(QStringLiteral("listids"), 1000);
        QVERIFY(pacer.reserveDelayMs(QStringLiteral("listids")) >= 990);
    }

    void pacer_repeatedThrottlesSlowItDownAndItCreepsBack()
    {
        net::Pacer pacer(19);
        const QString get = QStringLiteral("get");
        // One throttle is a hold, with jitter: DingTalk's 1 s, not all calls back at once.
        QSet<qint64> holds;
        const qint64 first = pacer.throttled(get, 1000);
        QVERIFY(first >= 1000 && first <= 1250);
        holds.insert(first);
        QCOMPARE(pacer.currentRate(get), 19.0);
        // A second one soon after: the share left is smaller than 19/s.
        holds.insert(pacer.throttled(get, 1000));
        const double slowed = pacer.currentRate(get);
        QVERIFY2(slowed < 14, qPrintable(QString::number(slowed)));
        // Answers of the same burst cut it once, not once each.
        for (int i = 0; i < 8; ++i)
            holds.insert(pacer.throttled(get, 1000));
        QVERIFY(pacer.currentRate(get) > slowed - 0.5);
        QVERIFY(holds.size() > 1);
        QCOMPARE(pacer.currentRate(QStringLiteral("listids")), 19.0); // per API
        // Without throttles it creeps back up, never above the setting.
        QTest::qWait(1200);
        QVERIFY(pacer.currentRate(get) > slowed + 0.2); // 0.3 calls/s per second
        QVERIFY(pacer.currentRate(get) < 19);
    }
};

QTEST_GUILESS_MAIN(TestDingTalk)
#include "tst_dingtalk.moc"
