#include "httptestclient.h"
#include "robotsim.h"
#include "sandboxtesting.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace rs::sandbox;
using namespace rs::testing;

namespace {

constexpr qint64 kDay = 24LL * 3600 * 1000;

QByteArray body(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

// The sandbox's DingTalk, over real loopback HTTP, against DINGTALK.md and the shared fixtures.
class TestSandboxDingTalk final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { m_sandbox.reset(); }

    void gettoken_acceptsTheAppAndRefusesAWrongSecret()
    {
        start(sandboxOptions());
        const HttpResult ok =
            get(QStringLiteral("/gettoken?appkey=sandbox-app-key&appsecret=sandbox-app-secret"));
        QCOMPARE(ok.status, 200);
        QCOMPARE(keysOf(ok.json().object()),
                 (QStringList {QStringLiteral("access_token"), QStringLiteral("errcode"),
                               QStringLiteral("errmsg"), QStringLiteral("expires_in")}));
        QCOMPARE(ok.json()[QLatin1String("expires_in")].toInt(), 7200);

        const HttpResult wrong =
            get(QStringLiteral("/gettoken?appkey=sandbox-app-key&appsecret=nope"));
        QCOMPARE(wrong.json()[QLatin1String("errcode")].toInt(), 40089);

        const HttpResult v1 =
            post(QStringLiteral("/v1.0/oauth2/accessToken"),
                 body({{QStringLiteral("appKey"), QStringLiteral("sandbox-app-key")},
                       {QStringLiteral("appSecret"), QStringLiteral("sandbox-app-secret")}}));
        QCOMPARE(keysOf(v1.json().object()),
                 (QStringList {QStringLiteral("accessToken"), QStringLiteral("expireIn")}));
        const HttpResult v1Wrong = post(QStringLiteral("/v1.0/oauth2/accessToken"),
                                        body({{QStringLiteral("appKey"), QStringLiteral("x")}}));
        QCOMPARE(v1Wrong.status, 400);
        QCOMPARE(v1Wrong.json()[QLatin1String("code")].toString(),
                 QStringLiteral("invalidClientIdOrSecret"));
    }

    void listids_pagesByCursorLikeTheFixtures()
    {
        start(sandboxOptions(45, 60));
        const QString token = topToken();
        QStringList all;
        int cursor = 0;
        for (int page = 0; page < 10; ++page) {
            const HttpResult r = listIds(token, now() - 100 * kDay, now(), cursor);
            const QJsonObject answer = r.json().object();
            const QJsonObject result = answer.value(QLatin1String("result")).toObject();
            const bool last = !result.contains(QLatin1String("next_cursor"));
            const char *shape = last ? "dingtalk-listids-last-page.json" : "dingtalk-listids.json";
            QCOMPARE(keysOf(answer), keysOf(fixture(shape).object()));
            QCOMPARE(keysOf(result),
                     keysOf(fixture(shape).object().value(QLatin1String("result"))));
            for (const QJsonValue &id : result.value(QLatin1String("list")).toArray())
                all.append(id.toString());
            if (last)
                break;
            QCOMPARE(result.value(QLatin1String("next_cursor")).toInt(), cursor + 20);
            cursor = result.value(QLatin1String("next_cursor")).toInt();
        }
        QCOMPARE(all.size(), 45);
        all.removeDuplicates();
        QCOMPARE(all.size(), 45);
    }

    void listids_readsNumbersSentAsStrings()
    {
        start(sandboxOptions(45, 60));
        const QString token = topToken();
        const QString path =
            QStringLiteral("/topapi/processinstance/listids?access_token=") + token;
        const QString start = QString::number(now() - 100 * kDay);
        const QString end = QString::number(now());
        QStringList expected;
        for (int cursor = 0; cursor < 45; cursor += 20) {
            const QJsonArray page = listIds(token, now() - 100 * kDay, now(), cursor)
                                        .json()[QLatin1String("result")][QLatin1String("list")]
                                        .toArray();
            for (const QJsonValue &id : page)
                expected.append(id.toString());
        }
        QCOMPARE(expected.size(), 45);
        // Only the cursor a string: page 2, not page 1 again (which never ends a walk).
        const QJsonArray second =
            post(path,
                 body({{QStringLiteral("process_code"), QStringLiteral("PROC-REBATE-SANDBOX")},
                       {QStringLiteral("start_time"), double(now() - 100 * kDay)},
                       {QStringLiteral("size"), 20},
                       {QStringLiteral("cursor"), QStringLiteral("20")}}))
                .json()[QLatin1String("result")][QLatin1String("list")]
                .toArray();
        QCOMPARE(second.first().toString(), expected.at(20));
        // {"process_code":"…","start_time":"…","end_time":"…","size":"20","cursor":"20"}: every
        // number a string, as weakly typed clients send them; then the legacy SDK's form body.
        const auto walk = [&](bool form) {
            QStringList ids;
            QString cursor = QStringLiteral("0");
            for (int page = 0; page < 10 && !cursor.isEmpty(); ++page) {
                const QList<std::pair<QString, QString>> fields = {
                    {QStringLiteral("process_code"), QStringLiteral("PROC-REBATE-SANDBOX")},
                    {QStringLiteral("start_time"), start},
                    {QStringLiteral("end_time"), end},
                    {QStringLiteral("size"), QStringLiteral("20")},
                    {QStringLiteral("cursor"), cursor}};
                QJsonObject json;
                QUrlQuery query;
                for (const auto &[name, value] : fields) {
                    json.insert(name, value);
                    query.addQueryItem(name, value);
                }
                const HttpResult r = form
                    ? post(path, query.toString(QUrl::FullyEncoded).toLatin1(),
                           {{"Content-Type", "application/x-www-form-urlencoded;charset=utf-8"}})
                    : post(path, body(json));
                const QJsonObject result = r.json()[QLatin1String("result")].toObject();
                for (const QJsonValue &id : result.value(QLatin1String("list")).toArray())
                    ids.append(id.toString());
                const QJsonValue next = result.value(QLatin1String("next_cursor"));
                cursor = next.isUndefined() ? QString() : QString::number(next.toInt());
            }
            return ids;
        };
        QCOMPARE(walk(false), expected);
        QCOMPARE(walk(true), expected);
        const HttpResult bad =
            post(path,
                 body({{QStringLiteral("process_code"), QStringLiteral("PROC-REBATE-SANDBOX")},
                       {QStringLiteral("start_time"), start},
                       {QStringLiteral("size"), QStringLiteral("twenty")}}));
        QCOMPARE(bad.json()[QLatin1String("errcode")].toInt(), 40035);
    }

    void v1_readsNumbersSentAsStrings()
    {
        start(sandboxOptions(45, 60));
        const QByteArray token = v1Token();
        const QString path = QStringLiteral("/v1.0/workflow/processes/instanceIds/query");
        QStringList ids;
        QString next = QStringLiteral("0");
        for (int page = 0; page < 10 && !next.isEmpty(); ++page) {
            const HttpResult r =
                post(path,
                     body({{QStringLiteral("processCode"), QStringLiteral("PROC-REBATE-SANDBOX")},
                           {QStringLiteral("startTime"), QString::number(now() - 100 * kDay)},
                           {QStringLiteral("endTime"), QString::number(now())},
                           {QStringLiteral("maxResults"), QStringLiteral("20")},
                           {QStringLiteral("nextToken"), next}}),
                     {{"x-acs-dingtalk-access-token", token}});
            QCOMPARE(r.status, 200);
            const QJsonObject result = r.json()[QLatin1String("result")].toObject();
            for (const QJsonValue &id : result.value(QLatin1String("list")).toArray())
                ids.append(id.toString());
            next = result.value(QLatin1String("nextToken")).toString();
        }
        QCOMPARE(ids.size(), 45);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 45);
        const HttpResult bad =
            post(path,
                 body({{QStringLiteral("processCode"), QStringLiteral("PROC-REBATE-SANDBOX")},
                       {QStringLiteral("startTime"), QString::number(now() - 10 * kDay)},
                       {QStringLiteral("maxResults"), QStringLiteral("lots")}}),
                 {{"x-acs-dingtalk-access-token", token}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json()[QLatin1String("code")].toString(), QStringLiteral("invalidMaxResults"));
    }

    void listids_enforcesTheWindowRules()
    {
        start(sandboxOptions());
        const QString token = topToken();
        const HttpResult tooLong = listIds(token, now() - 121 * kDay, now(), 0);
        QCOMPARE(tooLong.json()[QLatin1String("errcode")].toInt(), 40035);
        QVERIFY(
            tooLong.json()[QLatin1String("errmsg")].toString().contains(QStringLiteral("120天")));
        const HttpResult tooOld = listIds(token, now() - 366 * kDay, now() - 300 * kDay, 0);
        QVERIFY(
            tooOld.json()[QLatin1String("errmsg")].toString().contains(QStringLiteral("365天")));
        const HttpResult bigPage =
            post(QStringLiteral("/topapi/processinstance/listids?access_token=") + token,
                 body({{QStringLiteral("process_code"), QStringLiteral("PROC-REBATE-SANDBOX")},
                       {QStringLiteral("start_time"), double(now() - kDay)},
                       {QStringLiteral("size"), 21}}));
        QCOMPARE(bigPage.json()[QLatin1String("errcode")].toInt(), 40035);
    }

    void get_answersInTheShapeOfTheFixture()
    {
        start(sandboxOptions(30, 60));
        const QString token = topToken();
        const QString id = firstId(token);
        const HttpResult r =
            post(QStringLiteral("/topapi/processinstance/get?access_token=") + token,
                 body({{QStringLiteral("process_instance_id"), id}}));
        const QJsonObject answer = r.json().object();
        QCOMPARE(keysOf(answer), keysOf(fixture("dingtalk-get-approved.json").object()));
        const QJsonObject instance = answer.value(QLatin1String("process_instance")).toObject();
        const QJsonObject expected = fixture("dingtalk-get-approved.json")
                                         .object()
                                         .value(QLatin1String("process_instance"))
                                         .toObject();
        for (const QString &key : expected.keys()) {
            if (key != QLatin1String("finish_time")
                || instance.value(QLatin1String("status")) != QLatin1String("RUNNING"))
                QVERIFY2(instance.contains(key), qPrintable(key));
        }
        const QJsonArray values = instance.value(QLatin1String("form_component_values")).toArray();
        QStringList names;
        for (const QJsonValue &v : values) {
            names.append(v[QLatin1String("name")].toString());
            QVERIFY(v[QLatin1String("value")].isUndefined()
                    || v[QLatin1String("value")].isString());
        }
        for (const char *name : {"申请日期", "组织", "返利类型", "表格"})
            QVERIFY2(names.contains(QString::fromUtf8(name)), name);
        QCOMPARE(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$"))
                     .match(instance.value(QLatin1String("create_time")).toString())
                     .hasMatch(),
                 true);
    }

    void generatedData_hasEveryStatusAndTheQuirksOfRealAnswers()
    {
        SandboxOptions o = sandboxOptions(400);
        const QList<SimInstance> instances = generateInstances(o.data);
        QSet<QString> kinds;
        bool nullTextarea = false, missingValue = false, keyIsLabel = false, definitions = false,
             rowsOf1To8 = true;
        for (const SimInstance &i : instances) {
            kinds.insert(i.status + QLatin1Char('/') + i.result + QLatin1Char('/') + i.bizAction);
            for (const QJsonValue &v : i.formValues) {
                const QJsonObject c = v.toObject();
                nullTextarea |= c.value(QLatin1String("value")) == QLatin1String("null");
                missingValue |= !c.contains(QLatin1String("value"));
                if (c.value(QLatin1String("component_type")) != QLatin1String("TableField"))
                    continue;
                const QJsonArray rows =
                    QJsonDocument::fromJson(c.value(QLatin1String("value")).toString().toUtf8())
                        .array();
                if (!rows.isEmpty()
                    && !rows.first().toObject().contains(QLatin1String("rowValue"))) {
                    definitions = true;
                    continue;
                }
                rowsOf1To8 &= rows.size() >= 1 && rows.size() <= 8;
                const QJsonObject cell =
                    rows.first()[QLatin1String("rowValue")].toArray().first().toObject();
                keyIsLabel |=
                    cell.value(QLatin1String("key")) == cell.value(QLatin1String("label"));
            }
        }
        QVERIFY(kinds.contains(QStringLiteral("RUNNING//NONE")));
        QVERIFY(kinds.contains(QStringLiteral("COMPLETED/agree/NONE")));
        QVERIFY(kinds.contains(QStringLiteral("COMPLETED/refuse/NONE")));
        QVERIFY(kinds.contains(QStringLiteral("TERMINATED//NONE")));
        QVERIFY(kinds.contains(QStringLiteral("COMPLETED/agree/REVOKE")));
        QVERIFY(nullTextarea && missingValue && keyIsLabel && definitions && rowsOf1To8);
    }

    void sameSeed_sameData_otherSeed_otherData()
    {
        SandboxOptions o = sandboxOptions(50);
        const auto first = generateInstances(o.data);
        const auto again = generateInstances(o.data);
        QCOMPARE(first.size(), again.size());
        for (int i = 0; i < first.size(); ++i) {
            QCOMPARE(first.at(i).id, again.at(i).id);
            QCOMPARE(first.at(i).toTopApi(), again.at(i).toTopApi());
        }
        o.data.seed += 1;
        QVERIFY(generateInstances(o.data).first().id != first.first().id);
    }

    void moneyInWords_matchesDingTalk()
    {
        QCOMPARE(chineseAmount(183460), QStringLiteral("壹仟捌佰叁拾肆元陆角"));
        QCOMPARE(chineseAmount(120000), QStringLiteral("壹仟贰佰元整"));
        QCOMPARE(chineseAmount(10000000), QStringLiteral("壹拾万元整"));
        QCOMPARE(chineseAmount(100501), QStringLiteral("壹仟零伍元零壹分"));
    }

    void badOrExpiredToken_getsErrcode88WithSubcode40014()
    {
        SandboxOptions o = sandboxOptions();
        o.dingTalk.tokenLifetimeS = 1;
        start(o);
        const QString token = topToken();
        QTest::qWait(1100);
        const HttpResult expired = listIds(token, now() - kDay, now(), 0);
        QCOMPARE(expired.status, 200);
        QJsonObject answer = expired.json().object();
        QJsonObject expected = fixture("dingtalk-error-token.json").object();
        answer.remove(QLatin1String("request_id"));
        expected.remove(QLatin1String("request_id"));
        QCOMPARE(answer, expected);

        const HttpResult v1 =
            send(m_network, "GET",
                 url(QStringLiteral("/v1.0/workflow/processInstances?processInstanceId=x")), {},
                 {{"x-acs-dingtalk-access-token", "bogus"}});
        QCOMPARE(v1.status, 400);
        QCOMPARE(v1.json()[QLatin1String("code")].toString(),
                 QStringLiteral("InvalidAuthentication"));
    }

    void rateLimit_answers90018Above20PerSecondAndNotBelow()
    {
        start(sandboxOptions());
        const QString token = topToken();
        // A burst of 30 inside one second: 20 pass, 10 are throttled with the fixture's answer.
        int throttled = 0;
        for (int i = 0; i < 30; ++i) {
            const QJsonObject answer = listIds(token, now() - kDay, now(), 0).json().object();
            if (answer.value(QLatin1String("errcode")).toInt() == 90018) {
                ++throttled;
                QCOMPARE(answer.value(QLatin1String("errmsg")),
                         fixture("dingtalk-error-throttled.json")[QLatin1String("errmsg")]);
            }
        }
        QVERIFY2(throttled >= 10 - 2 && throttled <= 10, qPrintable(QString::number(throttled)));
        QCOMPARE(m_sandbox->counters().value(QStringLiteral("dingtalk.listids")).throttled,
                 throttled);

        // Paced at ~12/s after the window clears: none throttled.
        QTest::qWait(1100);
        for (int i = 0; i < 24; ++i) {
            QCOMPARE(
                listIds(token, now() - kDay, now(), 0).json()[QLatin1String("errcode")].toInt(), 0);
            QTest::qWait(80);
        }
    }

    void v1_throttlesWith403AndTheFixturesShape()
    {
        start(sandboxOptions());
        const QByteArray token = v1Token();
        HttpResult last;
        for (int i = 0; i < 25; ++i)
            last =
                post(QStringLiteral("/v1.0/workflow/processes/instanceIds/query"),
                     body({{QStringLiteral("processCode"), QStringLiteral("PROC-REBATE-SANDBOX")},
                           {QStringLiteral("startTime"), double(now() - kDay)},
                           {QStringLiteral("maxResults"), 20}}),
                     {{"x-acs-dingtalk-access-token", token}});
        QCOMPARE(last.status, 403);
        QCOMPARE(keysOf(last.json().object()),
                 keysOf(fixture("dingtalk-v1-throttled-403.json").object()));
        QCOMPARE(last.json()[QLatin1String("code")].toString(),
                 QStringLiteral("Forbidden.AccessDenied.QpsLimitForAppkeyAndApi"));
    }

    void v1_listsAndGetsTheSameInstancesAsTopApi()
    {
        start(sandboxOptions(25, 60));
        const QByteArray token = v1Token();
        QStringList ids;
        QJsonValue next = 0;
        for (int page = 0; page < 5; ++page) {
            const HttpResult r =
                post(QStringLiteral("/v1.0/workflow/processes/instanceIds/query"),
                     body({{QStringLiteral("processCode"), QStringLiteral("PROC-REBATE-SANDBOX")},
                           {QStringLiteral("startTime"), double(now() - 100 * kDay)},
                           {QStringLiteral("nextToken"), next},
                           {QStringLiteral("maxResults"), 20}}),
                     {{"x-acs-dingtalk-access-token", token}});
            QCOMPARE(r.json()[QLatin1String("success")].toBool(), true);
            const QJsonObject result = r.json()[QLatin1String("result")].toObject();
            for (const QJsonValue &id : result.value(QLatin1String("list")).toArray())
                ids.append(id.toString());
            if (!result.contains(QLatin1String("nextToken")))
                break;
            QVERIFY(result.value(QLatin1String("nextToken")).isString());
            next = result.value(QLatin1String("nextToken")).toString().toInt();
        }
        QCOMPARE(ids.size(), 25);
        const HttpResult one = send(
            m_network, "GET",
            url(QStringLiteral("/v1.0/workflow/processInstances?processInstanceId=") + ids.first()),
            {}, {{"x-acs-dingtalk-access-token", token}});
        QCOMPARE(one.json()[QLatin1String("success")].toString(), QStringLiteral("true"));
        const QJsonObject instance = one.json()[QLatin1String("result")].toObject();
        for (const char *key :
             {"formComponentValues", "status", "result", "businessId", "createTime", "title"})
            QVERIFY2(instance.contains(QLatin1String(key)), key);
        QCOMPARE(instance.value(QLatin1String("businessId")).toString(),
                 m_sandbox->dingTalk().instances().first().businessId);
    }

    void monthlyQuota_answers90020WhenUsedUp()
    {
        SandboxOptions o = sandboxOptions();
        o.dingTalk.monthlyQuota = 5000;
        o.dingTalk.quotaUsed = 4999;
        start(o);
        const QString token = topToken();
        QCOMPARE(listIds(token, now() - kDay, now(), 0).json()[QLatin1String("errcode")].toInt(),
                 0);
        QJsonObject over = listIds(token, now() - kDay, now(), 0).json().object();
        QCOMPARE(over.value(QLatin1String("errcode")).toInt(), 90020);
        QCOMPARE(over.value(QLatin1String("errmsg")),
                 fixture("dingtalk-error-quota.json")[QLatin1String("errmsg")]);
    }

    void runningInstance_becomesApprovedWhenCompleted()
    {
        start(sandboxOptions(80));
        const auto &instances = m_sandbox->dingTalk().instances();
        const auto running = std::find_if(instances.cbegin(), instances.cend(),
                                          [](const SimInstance &i) { return !i.isFinal(); });
        QVERIFY(running != instances.cend());
        const QString id = running->id;
        const QString token = topToken();
        const auto statusOf = [&] {
            return post(QStringLiteral("/topapi/processinstance/get?access_token=") + token,
                        body({{QStringLiteral("process_instance_id"), id}}))
                .json()[QLatin1String("process_instance")][QLatin1String("status")]
                .toString();
        };
        QCOMPARE(statusOf(), QStringLiteral("RUNNING"));
        QCOMPARE(post(QStringLiteral("/sandbox/complete?id=") + id, {})
                     .json()[QLatin1String("completed")]
                     .toBool(),
                 true);
        QCOMPARE(statusOf(), QStringLiteral("COMPLETED"));
    }

    void robot_checksSignatureAndTimestampAndMutesAfter20AMinute()
    {
        start(sandboxOptions());
        const QByteArray message = R"({"msgtype":"text","text":{"content":"返利同步失败 3 单"}})";
        const auto robot = [&](const QByteArray &sign, qint64 timestamp) {
            return post(QStringLiteral(
                            "/robot/send?access_token=sandbox-robot-token&timestamp=%1&sign=%2")
                            .arg(timestamp)
                            .arg(QString::fromLatin1(sign)),
                        message)
                .json()[QLatin1String("errcode")]
                .toInt();
        };
        const qint64 ts = now();
        const QByteArray sign =
            RobotSim::expectedSign(QByteArray::number(ts), QStringLiteral("sandbox-robot-secret"));
        QCOMPARE(robot(QUrl::toPercentEncoding(QString::fromLatin1(sign)), ts), 0);
        // Encoded twice: the robot decodes once and sees "%3D" where "=" belongs.
        QCOMPARE(robot(QUrl::toPercentEncoding(
                           QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(sign)))),
                       ts),
                 310000);
        const qint64 old = ts - 2 * 3600 * 1000;
        QCOMPARE(robot(QUrl::toPercentEncoding(QString::fromLatin1(RobotSim::expectedSign(
                           QByteArray::number(old), QStringLiteral("sandbox-robot-secret")))),
                       old),
                 310000);
        int accepted = 1;
        int refused = 0;
        for (int i = 0; i < 25; ++i)
            (robot(QUrl::toPercentEncoding(QString::fromLatin1(sign)), ts) == 0 ? accepted
                                                                                : refused)++;
        QCOMPARE(accepted, 20); // 20 a minute, the first one included
        QCOMPARE(refused, 6);
        QCOMPARE(m_sandbox->robot().messages().size(), 20);
    }

    void robot_acceptsLinkAndActionCard_andNamesAMissingField()
    {
        start(sandboxOptions());
        // The shapes of DingTalk's custom robot documentation.
        const QJsonObject link {{QStringLiteral("msgtype"), QStringLiteral("link")},
                                {QStringLiteral("link"),
                                 QJsonObject {{QStringLiteral("text"), QStringLiteral("3 单失败")},
                                              {QStringLiteral("title"), QStringLiteral("返利同步")},
                                              {QStringLiteral("picUrl"), QString()},
                                              {QStringLiteral("messageUrl"),
                                               QStringLiteral("https://example.com/run/7")}}}};
        const QJsonObject single {
            {QStringLiteral("msgtype"), QStringLiteral("actionCard")},
            {QStringLiteral("actionCard"),
             QJsonObject {{QStringLiteral("title"), QStringLiteral("返利同步")},
                          {QStringLiteral("text"), QStringLiteral("### 3 单失败")},
                          {QStringLiteral("btnOrientation"), QStringLiteral("0")},
                          {QStringLiteral("singleTitle"), QStringLiteral("阅读全文")},
                          {QStringLiteral("singleURL"), QStringLiteral("https://example.com")}}}};
        const QJsonArray buttons {
            QJsonObject {{QStringLiteral("title"), QStringLiteral("重试")},
                         {QStringLiteral("actionURL"), QStringLiteral("https://example.com/r")}},
            QJsonObject {{QStringLiteral("title"), QStringLiteral("忽略")},
                         {QStringLiteral("actionURL"), QStringLiteral("https://example.com/i")}}};
        QJsonObject independent = single;
        QJsonObject card = single.value(QLatin1String("actionCard")).toObject();
        card.remove(QStringLiteral("singleTitle"));
        card.remove(QStringLiteral("singleURL"));
        card.insert(QStringLiteral("btns"), buttons);
        independent.insert(QStringLiteral("actionCard"), card);
        for (const QJsonObject &message : {link, single, independent})
            QCOMPARE(robotSend(body(message))[QLatin1String("errcode")].toInt(), 0);
        QCOMPARE(m_sandbox->robot().messages().size(), 3);

        const auto without = [](QJsonObject message, const QString &part, const QString &field) {
            QJsonObject inner = message.value(part).toObject();
            inner.remove(field);
            message.insert(part, inner);
            return body(message);
        };
        const auto refusal = [&](const QByteArray &message, const QString &names) {
            const QJsonObject answer = robotSend(message);
            QCOMPARE(answer.value(QLatin1String("errcode")).toInt(), 400402);
            QVERIFY2(answer.value(QLatin1String("errmsg")).toString().contains(names),
                     qPrintable(answer.value(QLatin1String("errmsg")).toString()));
        };
        refusal(without(link, QStringLiteral("link"), QStringLiteral("messageUrl")),
                QStringLiteral("参数 link --》 messageUrl 缺失"));
        refusal(without(link, QStringLiteral("link"), QStringLiteral("title")),
                QStringLiteral("参数 link --》 title 缺失"));
        refusal(without(single, QStringLiteral("actionCard"), QStringLiteral("singleURL")),
                QStringLiteral("参数 actionCard --》 singleURL 缺失"));
        refusal(without(independent, QStringLiteral("actionCard"), QStringLiteral("text")),
                QStringLiteral("参数 actionCard --》 text 缺失"));
        card.insert(QStringLiteral("btns"),
                    QJsonArray {QJsonObject {{QStringLiteral("title"), QStringLiteral("重试")}}});
        independent.insert(QStringLiteral("actionCard"), card);
        refusal(body(independent), QStringLiteral("参数 btns --》 actionURL 缺失"));
        refusal(R"({"msgtype":"markdown","markdown":{"text":"#### x"}})",
                QStringLiteral("参数 markdown --》 title 缺失"));
        refusal(R"({"msgtype":"text","text":{}})", QStringLiteral("参数 text --》 content 缺失"));
        QCOMPARE(m_sandbox->robot().messages().size(), 3);
    }

private:
    QJsonObject robotSend(const QByteArray &message)
    {
        const QByteArray ts = QByteArray::number(now());
        const QByteArray sign = QUrl::toPercentEncoding(QString::fromLatin1(
            RobotSim::expectedSign(ts, QStringLiteral("sandbox-robot-secret"))));
        return post(QStringLiteral("/robot/send?access_token=sandbox-robot-token&timestamp=")
                        + QString::fromLatin1(ts + "&sign=" + sign),
                    message)
            .json()
            .object();
    }
    void start(const SandboxOptions &options)
    {
        m_sandbox = startSandbox(options);
        QVERIFY(m_sandbox);
    }
    QString url(const QString &path) const { return m_sandbox->baseUrl() + path; }
    HttpResult get(const QString &path) { return send(m_network, "GET", url(path)); }
    HttpResult post(const QString &path, const QByteArray &data,
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        return send(m_network, "POST", url(path), data, headers);
    }
    QString topToken()
    {
        return get(QStringLiteral("/gettoken?appkey=sandbox-app-key&appsecret=sandbox-app-secret"))
            .json()[QLatin1String("access_token")]
            .toString();
    }
    QByteArray v1Token()
    {
        return post(QStringLiteral("/v1.0/oauth2/accessToken"),
                    body({{QStringLiteral("appKey"), QStringLiteral("sandbox-app-key")},
                          {QStringLiteral("appSecret"), QStringLiteral("sandbox-app-secret")}}))
            .json()[QLatin1String("accessToken")]
            .toString()
            .toLatin1();
    }
    HttpResult listIds(const QString &token, qint64 start, qint64 end, int cursor)
    {
        return post(QStringLiteral("/topapi/processinstance/listids?access_token=") + token,
                    body({{QStringLiteral("process_code"), QStringLiteral("PROC-REBATE-SANDBOX")},
                          {QStringLiteral("start_time"), double(start)},
                          {QStringLiteral("end_time"), double(end)},
                          {QStringLiteral("size"), 20},
                          {QStringLiteral("cursor"), cursor}}));
    }
    QString firstId(const QString &token)
    {
        return listIds(token, now() - 100 * kDay, now(), 0)
            .json()[QLatin1String("result")][QLatin1String("list")][0]
            .toString();
    }

    QNetworkAccessManager m_network;
    std::unique_ptr<Sandbox> m_sandbox;
};

QTEST_GUILESS_MAIN(TestSandboxDingTalk)
#include "tst_sandbox_dingtalk.moc"
