#include "app/kingdee/billfilter.h"
#include "app/kingdee/kingdeeclient.h"
#include "app/kingdee/signer.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/sync/connectorconfig.h"
#include "httpexchange.h"
#include "httpserver.h"
#include "httptestclient.h"
#include "kingdeetesting.h"
#include "sandboxtesting.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;
using namespace rs::kingdee;
using namespace rs::testing;
using Auth = KingdeeConfig::Auth;
using State = EntryResult::State;
using Kind = Failure::Kind;

namespace {

// Known answers, computed independently with Python's hashlib / hmac / base64.
const QString kAppId = QStringLiteral("302745_MDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1u");
const QByteArray kSign256 = "bcdefae1c3416fc749b3f5a1582763ac6ac53a5c4598305c8059d85a966b4f1e";
const QByteArray kSign1 = "026b646351c2e71d224a24c6e8abedbf4a8663bb";
const QByteArray kClientSecret = "AAEHB1IGDwBbD1NRV1dSXgVYUAkKWwld";
const QByteArray kApiSignature = "ZDk2OTZlZTU0NWY0NDFjYWE1OWU0YTQ0NmZjZGE5YmQ5NjVmZDk3Yjg5YjI2Zj"
                                 "MzNzkyOTQ2NTRhZjMwN2RiNQ==";
const QByteArray kKdSignature = "YjU5NzdiMzgzZWVlM2NjMjBlNzU3ZjFlNTc0ODQyMzc4Y2RhY2VkZTkxZDU1ZG"
                                "NiMzIzY2EyZjA5MDllODY3Mw==";
const QString kBatchSavePath = QStringLiteral(
    "/k3cloud/Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.BatchSave.common.kdsvc");

QByteArray fixtureBytes(const char *name)
{
    return fixture(name).toJson(QJsonDocument::Compact);
}

KingdeeConfig signerConfig()
{
    KingdeeConfig c;
    c.acctId = QStringLiteral("sandbox-dc");
    c.username = QStringLiteral("demo");
    c.appId = kAppId;
    c.appSecret = QStringLiteral("sandbox-app-secret");
    c.orgNumber = QStringLiteral("100");
    c.lcid = 2052;
    return c;
}

QByteArray header(const Signer::Headers &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// Signature mode (no login) against a canned-answer server on `port`, one call at a time.
KingdeeConfig cannedServerConfig(quint16 port)
{
    KingdeeConfig c = signerConfig();
    c.auth = Auth::Signature;
    c.url = QUrl(QStringLiteral("http://127.0.0.1:%1/k3cloud/").arg(port));
    c.concurrency = 1;
    c.retryBackoff = {20, 100, 0};
    return c;
}

QJsonArray keyedBills(const QString &prefix, int count, int badAt = -1)
{
    QJsonArray models;
    for (int i = 0; i < count; ++i)
        models.append(
            otherReceivable(i == badAt ? QStringLiteral("C9999")
                                       : QStringLiteral("C%1").arg(i + 1, 4, 10, QLatin1Char('0')),
                            prefix + QString::number(i)));
    return models;
}

} // namespace

// The Kingdee connector: pure credential and answer readers, then real loopback HTTP against
// the in-process sandbox, whose own books and counters are the judge.
class TestKingdee final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { m_sandbox.reset(); }

    // --- pure functions -------------------------------------------------------------------

    void signer_matchesKnownAnswers()
    {
        const QStringList parts = {QStringLiteral("sandbox-dc"), QStringLiteral("demo"), kAppId,
                                   QStringLiteral("sandbox-app-secret"),
                                   QStringLiteral("1700000000")};
        QCOMPARE(Signer::loginSign(parts, KingdeeConfig::SignAlgorithm::Sha256), kSign256);
        QCOMPARE(Signer::loginSign(parts, KingdeeConfig::SignAlgorithm::Sha1), kSign1);
        QCOMPARE(Signer::clientSecret(kAppId), kClientSecret);
        QCOMPARE(Signer::apiSignature(kClientSecret, kBatchSavePath, "1700000000"), kApiSignature);
        QCOMPARE(Signer::appData(signerConfig()), QByteArray("sandbox-dc,demo,2052,100"));

        const Signer::Headers headers =
            Signer::signatureHeaders(signerConfig(), kBatchSavePath, 1'700'000'000);
        QCOMPARE(header(headers, "X-Api-ClientID"), QByteArray("302745"));
        QCOMPARE(header(headers, "X-Api-Auth-Version"), QByteArray("2.0"));
        QCOMPARE(header(headers, "x-api-timestamp"), QByteArray("1700000000"));
        QCOMPARE(header(headers, "x-api-nonce"), QByteArray("1700000000"));
        QCOMPARE(header(headers, "x-api-signheaders"), QByteArray("x-api-timestamp,x-api-nonce"));
        QCOMPARE(header(headers, "X-Api-Signature"), kApiSignature);
        QCOMPARE(header(headers, "X-Kd-Appkey"), kAppId.toLatin1());
        QCOMPARE(header(headers, "X-Kd-Appdata"), QByteArray("c2FuZGJveC1kYyxkZW1vLDIwNTIsMTAw"));
        QCOMPARE(header(headers, "X-Kd-Signature"), kKdSignature);
        QVERIFY(Signer::clientSecret(QStringLiteral("no-underscore")).isEmpty());
    }

    void signer_buildsEachLoginBody()
    {
        KingdeeConfig c = signerConfig();
        c.password = QStringLiteral("pw");
        c.auth = Auth::Password;
        QCOMPARE(QString::fromLatin1(Signer::loginService(c.auth)),
                 QStringLiteral("Kingdee.BOS.WebApi.ServicesStub.AuthService.ValidateUser"));
        QJsonObject body = Signer::loginBody(c, 1'700'000'000);
        QCOMPARE(body.value(QLatin1String("password")).toString(), QStringLiteral("pw"));
        QCOMPARE(body.value(QLatin1String("acctID")).toString(), QStringLiteral("sandbox-dc"));
        QCOMPARE(body.value(QLatin1String("lcid")).toInt(), 2052);

        c.auth = Auth::AppSecret;
        body = Signer::loginBody(c, 1'700'000'000);
        QCOMPARE(body.value(QLatin1String("appSecret")).toString(),
                 QStringLiteral("sandbox-app-secret"));
        QVERIFY(!body.contains(QLatin1String("password")));

        c.auth = Auth::Sign;
        body = Signer::loginBody(c, 1'700'000'000);
        QCOMPARE(body.value(QLatin1String("timestamp")).toInteger(), 1'700'000'000);
        QCOMPARE(body.value(QLatin1String("sign")).toString().toLatin1(), kSign256);
        QVERIFY(!body.contains(QLatin1String("appSecret"))); // the secret never travels
        c.signAlgorithm = KingdeeConfig::SignAlgorithm::Sha1;
        QCOMPARE(Signer::loginBody(c, 1'700'000'000).value(QLatin1String("sign")).toString(),
                 QString::fromLatin1(kSign1));
    }

    void billFilter_quotesEveryValue()
    {
        QCOMPARE(BillFilter::quote(QStringLiteral("it's")), QStringLiteral("'it''s'"));
        QCOMPARE(BillFilter::equals(QStringLiteral("FAR_OtherRemarks"), QStringLiteral("a'b")),
                 QStringLiteral("FAR_OtherRemarks = 'a''b'"));
        QCOMPARE(BillFilter::in(QStringLiteral("FAR_OtherRemarks"),
                                {QStringLiteral("k1"), QStringLiteral("x' OR '1'='1")}),
                 QStringLiteral("FAR_OtherRemarks IN ('k1', 'x'' OR ''1''=''1')"));
        QVERIFY(BillFilter::isFieldKey(QStringLiteral("FCONTACTUNIT.FNumber")));
        QVERIFY(!BillFilter::isFieldKey(QStringLiteral("F1 OR 1=1")));
    }

    void fixtures_login()
    {
        QString session;
        QVERIFY(
            FailureClassifier::login(200, fixtureBytes("kingdee-login-ok.json"), &session).ok());
        QCOMPARE(session, QStringLiteral("6d2d7c1b-6a5b-4e3f-9c10-2f3e4d5c6b7a"));

        const Failure wrong = FailureClassifier::login(
            200, fixtureBytes("kingdee-login-wrong-password.json"), &session);
        QCOMPARE(wrong.kind, Kind::Authentication);
        QCOMPARE(wrong.message, QStringLiteral("用户名或密码错误！"));
        QVERIFY(wrong.stopsTheRun());
        QVERIFY(wrong.describe().contains(QStringLiteral("用户名或密码错误！")));

        QCOMPARE(FailureClassifier::login(200, "{\"LoginResultType\":-5,\"KDSVCSessionId\":\"s\"}",
                                          &session)
                     .kind,
                 Kind::None);
        // An unknown data centre's page names it; a bare 500 page may pass on a retry.
        QCOMPARE(FailureClassifier::login(
                     500, QStringLiteral("<html><body>数据中心不存在: x</body></html>").toUtf8(),
                     &session)
                     .kind,
                 Kind::Authentication);
        QCOMPARE(FailureClassifier::login(500, "<html><h1>500 Internal Server Error</h1></html>",
                                          &session)
                     .kind,
                 Kind::Busy);
    }

    void fixtures_batchSaveAnswers()
    {
        const SaveResult ok =
            SaveResult::fromAnswer(fixture("kingdee-batchsave-ok.json").object(), 1);
        QVERIFY(ok.failure.ok());
        QCOMPARE(ok.entries.at(0).state, State::Saved);
        QCOMPARE(ok.entries.at(0).id, QStringLiteral("100125"));
        QCOMPARE(ok.entries.at(0).number, QStringLiteral("QTYS00000125"));

        const QJsonObject partialAnswer = fixture("kingdee-batchsave-partial.json").object();
        const SaveResult partial = SaveResult::fromAnswer(partialAnswer, 3);
        QCOMPARE(partial.failure.kind, Kind::Rejected);
        QCOMPARE(partial.entries.at(0).state, State::Saved);
        QCOMPARE(partial.entries.at(0).number, QStringLiteral("QTYS00000123"));
        QCOMPARE(partial.entries.at(2).state, State::Saved);
        QCOMPARE(partial.entries.at(2).id, QStringLiteral("100124"));
        const EntryResult &bad = partial.entries.at(1);
        QCOMPARE(bad.state, State::Failed);
        QCOMPARE(bad.errors.at(0).field, QStringLiteral("FCONTACTUNIT"));
        QVERIFY(bad.errors.at(0).message.contains(QStringLiteral("C0404")));
        QVERIFY(!bad.retryMayHelp); // MsgCode 11: the data must change first

        // The atomic reading: the same error, no saves. The others are not saved, not blamed.
        QJsonObject result = partialAnswer.value(QLatin1String("Result")).toObject();
        QJsonObject status = result.value(QLatin1String("ResponseStatus")).toObject();
        status.insert(QStringLiteral("SuccessEntitys"), QJsonArray());
        result.insert(QStringLiteral("ResponseStatus"), status);
        const SaveResult atomic = SaveResult::fromAnswer({{QStringLiteral("Result"), result}}, 3);
        QCOMPARE(atomic.entries.at(1).state, State::Failed);
        QCOMPARE(atomic.entries.at(0).state, State::NotSaved);
        QCOMPARE(atomic.entries.at(2).state, State::NotSaved);
        QVERIFY(atomic.entries.at(0).retryMayHelp);

        const SaveResult lost =
            SaveResult::fromAnswer(fixture("kingdee-session-lost.json").object(), 2);
        QCOMPARE(lost.failure.kind, Kind::SessionLost);
        QCOMPARE(lost.count(State::NotSaved), 2);
        QCOMPARE(lost.failure.message, QStringLiteral("会话信息已丢失，请重新登录"));

        // An error about the request itself (业务对象不存在) is every bill's.
        const QJsonObject noForm {
            {QStringLiteral("Result"),
             QJsonObject {
                 {QStringLiteral("ResponseStatus"),
                  QJsonObject {{QStringLiteral("IsSuccess"), false},
                               {QStringLiteral("MsgCode"), 4},
                               {QStringLiteral("Errors"),
                                QJsonArray {QJsonObject {
                                    {QStringLiteral("FieldName"), QStringLiteral("FormId")},
                                    {QStringLiteral("Message"), QStringLiteral("业务对象不存在")},
                                    {QStringLiteral("DIndex"), 0}}}}}}}}};
        const SaveResult wrongForm = SaveResult::fromAnswer(noForm, 3);
        QCOMPARE(wrongForm.count(State::Failed), 3);
        QCOMPARE(wrongForm.entries.at(2).errors.at(0).message, QStringLiteral("业务对象不存在"));

        // Success claimed for fewer bills than sent: the rest may be in Kingdee.
        const SaveResult short_ =
            SaveResult::fromAnswer(fixture("kingdee-batchsave-ok.json").object(), 2);
        QCOMPARE(short_.entries.at(1).state, State::Unknown);

        QCOMPARE(FailureClassifier::unreadableSave(200, "{\"Result\":{\"Respo").kind,
                 Kind::OutcomeUnknown);
        QCOMPARE(SaveResult::withoutAnswer(FailureClassifier::unreadableSave(502, ""), 2)
                     .count(State::Unknown),
                 2);
    }

    void responseStatus_classifiesByWhatTheCallerMustDo()
    {
        const auto status = [](int msgCode, bool savedSomething) {
            QJsonObject o {{QStringLiteral("IsSuccess"), false},
                           {QStringLiteral("MsgCode"), msgCode},
                           {QStringLiteral("Errors"),
                            QJsonArray {QJsonObject {{QStringLiteral("Message"),
                                                      QStringLiteral("会话信息已丢失，请重新登录")},
                                                     {QStringLiteral("DIndex"), 0}}}}};
            if (savedSomething)
                o.insert(QStringLiteral("SuccessEntitys"),
                         QJsonArray {QJsonObject {{QStringLiteral("Id"), 1},
                                                  {QStringLiteral("DIndex"), 1}}});
            return FailureClassifier::status(o).kind;
        };
        QCOMPARE(status(1, false), Kind::SessionLost);
        QCOMPARE(status(1, true), Kind::Rejected); // something was saved: never resent whole
        QCOMPARE(status(2, false), Kind::Authentication);
        QCOMPARE(status(15, false), Kind::Authentication);
        QCOMPARE(status(14, false), Kind::Busy); // call limit: nothing saved, back off
        QCOMPARE(status(11, false), Kind::SessionLost); // Kingdee's words say so
    }

    void fixtures_queryAnswers()
    {
        QList<QJsonArray> rows;
        QVERIFY(FailureClassifier::query(200, fixtureBytes("kingdee-query-rows.json"), &rows).ok());
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).at(1).toString(), QStringLiteral("QTYS00000123"));

        rows.clear();
        const Failure error =
            FailureClassifier::query(200, fixtureBytes("kingdee-query-error.json"), &rows);
        QCOMPARE(error.kind, Kind::Rejected);
        QCOMPARE(error.field, QStringLiteral("FilterString"));
        QCOMPARE(error.message, QStringLiteral("过滤条件中的字段FXXX不存在"));
        QVERIFY(error.describe().contains(QStringLiteral("FXXX")));
        QVERIFY(rows.isEmpty());
        QCOMPARE(FailureClassifier::query(200, "[[\"1\",", &rows).kind, Kind::Busy);
    }

    void fixtures_transportFailures()
    {
        QCOMPARE(FailureClassifier::transport(QNetworkReply::ConnectionRefusedError, {}, true).kind,
                 Kind::Busy); // never left: safe to send
        QCOMPARE(FailureClassifier::transport(QNetworkReply::RemoteHostClosedError, {}, true).kind,
                 Kind::OutcomeUnknown);
        QCOMPARE(FailureClassifier::transport(QNetworkReply::ContentReSendError, {}, true).kind,
                 Kind::OutcomeUnknown);
        QCOMPARE(FailureClassifier::transport(QNetworkReply::RemoteHostClosedError, {}, false).kind,
                 Kind::Busy);
        QCOMPARE(
            FailureClassifier::transport(QNetworkReply::SslHandshakeFailedError, {}, true).kind,
            Kind::Authentication);
    }

    void responseErrorAnswers_areErrorsWithTheirText()
    {
        // Both official SDKs read a body that starts with "response_error:" as the server's
        // own error, even under HTTP 200.
        const QByteArray body = "response_error:未找到对应的API授权信息";
        QString session;
        const Failure login = FailureClassifier::login(200, body, &session);
        QCOMPARE(login.kind, Kind::Authentication);
        QCOMPARE(login.message, QStringLiteral("未找到对应的API授权信息"));
        QList<QJsonArray> rows;
        const Failure query = FailureClassifier::query(200, body, &rows);
        QCOMPARE(query.kind, Kind::Rejected); // not "busy": retrying will not change it
        QVERIFY(query.describe().contains(QStringLiteral("未找到对应的API授权信息")));
        // A save is still looked up: whether it saved before the error is not known.
        const Failure save = FailureClassifier::unreadableSave(200, body);
        QCOMPARE(save.kind, Kind::OutcomeUnknown);
        QCOMPARE(save.message, QStringLiteral("未找到对应的API授权信息"));
    }

    void signatureAppData_alwaysHasAnOrganisationPart()
    {
        KingdeeConfig config = signerConfig();
        config.orgNumber.clear();
        const QByteArray data = QByteArray::fromBase64(
            header(Signer::signatureHeaders(config, kBatchSavePath, 1700000000), "X-Kd-Appdata"));
        QCOMPARE(data, QByteArray("sandbox-dc,demo,2052,0"));
    }

    // --- against the sandbox --------------------------------------------------------------

    void everyAuthMode_savesABill_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addColumn<bool>("sha1");
        QTest::newRow("password") << int(Auth::Password) << false;
        QTest::newRow("appsecret") << int(Auth::AppSecret) << false;
        QTest::newRow("sign") << int(Auth::Sign) << false;
        QTest::newRow("sign-sha1") << int(Auth::Sign) << true;
        QTest::newRow("signature") << int(Auth::Signature) << false;
    }
    void everyAuthMode_savesABill()
    {
        QFETCH(int, auth);
        QFETCH(bool, sha1);
        auto options = sandboxOptions(5);
        options.kingdee.signWithSha1 = sha1;
        start(options);
        KingdeeConfig config = sandboxKingdee(*m_sandbox, Auth(auth));
        if (sha1)
            config.signAlgorithm = KingdeeConfig::SignAlgorithm::Sha1;
        KingdeeClient client(config);
        QSignalSpy calls(&client, &KingdeeClient::callFinished);

        QVERIFY(checkConnection(client).ok());
        const SaveResult first = saveBatch(client, keyedBills(QStringLiteral("auth-a-"), 2));
        QVERIFY2(first.failure.ok(), qPrintable(first.failure.describe()));
        const SaveResult second = saveBatch(client, keyedBills(QStringLiteral("auth-b-"), 1));
        QVERIFY(second.failure.ok());

        QCOMPARE(first.count(State::Saved), 2);
        QCOMPARE(billsWithKey(*m_sandbox, QStringLiteral("auth-a-0")), 1);
        QCOMPARE(billsWithKey(*m_sandbox, QStringLiteral("auth-a-1")), 1);
        QCOMPARE(billsWithKey(*m_sandbox, QStringLiteral("auth-b-0")), 1);
        const auto &books = m_sandbox->kingdee().books().bills();
        QCOMPARE(first.entries.at(1).number, books.at(1).number);
        QCOMPARE(first.entries.at(1).id, QString::number(books.at(1).id));
        // Logged in once and reused; signature mode never logs in.
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.login"), Auth(auth) == Auth::Signature ? 0 : 1);
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.batchSave"), 2);
        // callFinished for every exchange, logins included.
        qint64 total = 0;
        for (const auto &counter : m_sandbox->counters())
            total += counter.calls;
        QCOMPARE(calls.size(), total);
    }

    void wrongCredentials_stopWithKingdeesWords_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addColumn<QString>("kingdeeSays");
        QTest::newRow("password") << int(Auth::Password) << QStringLiteral("用户名或密码错误");
        QTest::newRow("appsecret") << int(Auth::AppSecret) << QStringLiteral("应用ID或密钥错误");
        QTest::newRow("sign") << int(Auth::Sign) << QStringLiteral("签名错误");
        QTest::newRow("signature") << int(Auth::Signature) << QStringLiteral("授权密钥校验失败");
    }
    void wrongCredentials_stopWithKingdeesWords()
    {
        QFETCH(int, auth);
        QFETCH(QString, kingdeeSays);
        start(sandboxOptions(5));
        KingdeeConfig config = sandboxKingdee(*m_sandbox, Auth(auth));
        config.password = QStringLiteral("wrong-password");
        config.appSecret = QStringLiteral("wrong-app-secret");
        config.concurrency = 1;
        KingdeeClient client(config);

        // Two saves queued behind the login: both stop with the same failure.
        SaveResult first;
        SaveResult second;
        int answered = 0;
        QEventLoop loop;
        for (SaveResult *target : {&first, &second}) {
            client.batchSave(batchBody(keyedBills(QStringLiteral("wrong-"), 1)),
                             [&, target](const SaveResult &r) {
                                 *target = r;
                                 if (++answered == 2)
                                     loop.quit();
                             });
        }
        QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(answered, 2);
        for (const SaveResult *r : {&first, &second}) {
            QCOMPARE(r->failure.kind, Kind::Authentication);
            QVERIFY2(r->failure.describe().contains(kingdeeSays),
                     qPrintable(r->failure.describe()));
            QVERIFY(!r->failure.describe().contains(QStringLiteral("wrong-")));
            QCOMPARE(r->entries.at(0).state, State::NotSaved);
        }
        QCOMPARE(m_sandbox->kingdee().books().bills().size(), 0);
        // No retry loop: one login (or one signed save) and done.
        const char *api = Auth(auth) == Auth::Signature ? "kingdee.batchSave" : "kingdee.login";
        QCOMPARE(sandboxCalls(*m_sandbox, api), 1);
        QCOMPARE(checkConnection(client).kind, Kind::Authentication);
    }

    void unknownDataCentre_isAConfigurationFailure()
    {
        start(sandboxOptions(5));
        KingdeeConfig config = sandboxKingdee(*m_sandbox, Auth::Password);
        config.acctId = QStringLiteral("other-dc");
        KingdeeClient client(config);
        const Failure failure = checkConnection(client);
        QCOMPARE(failure.kind, Kind::Authentication);
        QVERIFY2(failure.describe().contains(QStringLiteral("数据中心不存在")),
                 qPrintable(failure.describe()));
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.login"), 1);
    }

    void sessionExpiry_logsInAgainAndSavesEachBillOnce()
    {
        auto options = sandboxOptions(5);
        options.faults.sessionExpiryEvery = 3;
        start(options);
        KingdeeConfig config = sandboxKingdee(*m_sandbox, Auth::Sign);
        config.concurrency = 2;
        KingdeeClient client(config);
        QList<SaveResult> results;
        QEventLoop loop;
        constexpr int kBatches = 12;
        for (int b = 0; b < kBatches; ++b) {
            client.batchSave(batchBody(keyedBills(QStringLiteral("exp-%1-").arg(b), 3)),
                             [&](const SaveResult &r) {
                                 results.append(r);
                                 if (results.size() == kBatches)
                                     loop.quit();
                             });
        }
        QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(results.size(), kBatches);
        for (const SaveResult &r : results)
            QVERIFY2(r.failure.ok(), qPrintable(r.failure.describe()));
        for (int b = 0; b < kBatches; ++b) {
            for (int i = 0; i < 3; ++i)
                QCOMPARE(billsWithKey(*m_sandbox, QStringLiteral("exp-%1-%2").arg(b).arg(i)), 1);
        }
        QCOMPARE(m_sandbox->kingdee().books().bills().size(), kBatches * 3);
        QVERIFY(sandboxCalls(*m_sandbox, "kingdee.login") > 2); // it did log in again
        QVERIFY(sandboxCalls(*m_sandbox, "kingdee.batchSave") > kBatches); // and resent
    }

    void dropAfterCommit_isOutcomeUnknown_andQtDoesNotResend()
    {
        start(sandboxOptions(5));
        KingdeeClient client(sandboxKingdee(*m_sandbox, Auth::AppSecret));
        QVERIFY(checkConnection(client).ok()); // warm: the keep-alive connection exists
        setFaults([](sandbox::FaultOptions &f) { f.dropAfterCommitRate = 1.0; });

        const SaveResult result = saveBatch(client, keyedBills(QStringLiteral("drop-"), 3));
        QCOMPARE(result.failure.kind, Kind::OutcomeUnknown);
        QCOMPARE(result.count(State::Unknown), 3);
        // Exactly one save reached the sandbox and each bill is there once: Qt did not resend.
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.batchSave"), 1);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(billsWithKey(*m_sandbox, QStringLiteral("drop-%1").arg(i)), 1);

        // Reconciliation by key finds every bill with Kingdee's number.
        setFaults([](sandbox::FaultOptions &f) { f.dropAfterCommitRate = 0; });
        const FindResult found =
            findBills(client,
                      {QStringLiteral("drop-0"), QStringLiteral("drop-1"), QStringLiteral("drop-2"),
                       QStringLiteral("never-sent")});
        QVERIFY(found.failure.ok());
        QCOMPARE(found.bills.size(), 3);
        for (const FoundBill &bill : found.bills) {
            QVERIFY(bill.number.startsWith(QLatin1String("QTYS")));
            QVERIFY(!bill.id.isEmpty());
            QCOMPARE(bill.documentStatus, QStringLiteral("A"));
        }
    }

    void dropsAndExpiriesUnderConcurrency_neverDuplicateABill()
    {
        // The conditions at the connector: 10% of saves cut after commit, the session
        // expiring every 7 calls, three saves in flight.
        auto options = sandboxOptions(5);
        options.faults.dropAfterCommitRate = 0.1;
        options.faults.sessionExpiryEvery = 7;
        start(options);
        KingdeeConfig config = sandboxKingdee(*m_sandbox, Auth::Sign);
        config.concurrency = 3;
        KingdeeClient client(config);
        constexpr int kBatches = 30;
        constexpr int kPerBatch = 5;
        QHash<QString, EntryResult> byKey;
        int answered = 0;
        int unknownBatches = 0;
        QEventLoop loop;
        for (int b = 0; b < kBatches; ++b) {
            const QString prefix = QStringLiteral("mix-%1-").arg(b);
            client.batchSave(batchBody(keyedBills(prefix, kPerBatch)),
                             [&, prefix](const SaveResult &r) {
                                 if (r.failure.kind == Kind::OutcomeUnknown)
                                     ++unknownBatches;
                                 else
                                     QVERIFY2(r.failure.ok(), qPrintable(r.failure.describe()));
                                 for (int i = 0; i < kPerBatch; ++i)
                                     byKey.insert(prefix + QString::number(i), r.entries.at(i));
                                 if (++answered == kBatches)
                                     loop.quit();
                             });
        }
        QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(answered, kBatches);
        QVERIFY(unknownBatches > 0); // the fault did happen

        // No bill is in the books twice. A saved one is there once; an unknown one once or not
        // at all: on Qt 6.8 a save can fail with ContentReSendError though its own connection
        // was never cut and Kingdee never saw it. The lookup by key tells which.
        QStringList unknownKeys;
        int unknownInBooks = 0;
        for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
            const int count = billsWithKey(*m_sandbox, it.key());
            QVERIFY2(count <= 1, qPrintable(it.key()));
            if (it.value().state == State::Unknown) {
                unknownKeys.append(it.key());
                unknownInBooks += count;
            } else {
                QCOMPARE(it.value().state, State::Saved);
                QCOMPARE(count, 1);
            }
        }
        QCOMPARE(unknownKeys.size(), unknownBatches * kPerBatch);
        QCOMPARE(m_sandbox->kingdee().books().bills().size(),
                 kBatches * kPerBatch - unknownKeys.size() + unknownInBooks);
        setFaults([](sandbox::FaultOptions &f) { f.dropAfterCommitRate = 0; });
        const FindResult found = findBills(client, unknownKeys);
        QVERIFY(found.failure.ok());
        QCOMPARE(found.bills.size(), unknownInBooks);
    }

    void dropAfterCommit_onAFreshConnection_isNotResentEither()
    {
        auto options = sandboxOptions(5);
        options.faults.dropAfterCommitRate = 1.0;
        start(options);
        KingdeeClient client(sandboxKingdee(*m_sandbox, Auth::Signature));
        const SaveResult result = saveBatch(client, keyedBills(QStringLiteral("fresh-"), 2));
        QCOMPARE(result.failure.kind, Kind::OutcomeUnknown);
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.batchSave"), 1);
        QCOMPARE(m_sandbox->kingdee().books().bills().size(), 2);
    }

    void truncatedOrLateAnswers_toASave_areOutcomeUnknown()
    {
        start(sandboxOptions(5));
        KingdeeConfig config = sandboxKingdee(*m_sandbox, Auth::Signature);
        config.transferTimeoutMs = 500;
        KingdeeClient client(config);

        setFaults([](sandbox::FaultOptions &f) { f.malformedRate = 1.0; });
        const SaveResult cut = saveBatch(client, keyedBills(QStringLiteral("cut-"), 2));
        QCOMPARE(cut.failure.kind, Kind::OutcomeUnknown);
        QCOMPARE(cut.count(State::Unknown), 2);
        QCOMPARE(m_sandbox->kingdee().books().bills().size(), 2); // saved, answer unreadable

        setFaults([](sandbox::FaultOptions &f) { f.stallRate = 1.0; });
        const SaveResult late = saveBatch(client, keyedBills(QStringLiteral("late-"), 1));
        QCOMPARE(late.failure.kind, Kind::OutcomeUnknown);
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.batchSave"), 2); // neither was resent

        // An HTML 500 to a save: the client cannot know what happened before it.
        setFaults([](sandbox::FaultOptions &f) { f.http500Rate = 1.0; });
        QCOMPARE(saveBatch(client, keyedBills(QStringLiteral("e500-"), 1)).failure.kind,
                 Kind::OutcomeUnknown);
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.batchSave"), 3);
    }

    void sessionLostInSignatureMode_stopsTheRunWithKingdeesWords()
    {
        // Signature mode has no session to renew: Kingdee saying it lost one is a setting to
        // fix, answered once, not a retry that leaves the bills queued without a word.
        int answered = 0;
        sandbox::HttpServer server([&](sandbox::HttpExchange *x) {
            ++answered;
            x->respond(sandbox::HttpResponse::json(fixtureBytes("kingdee-session-lost.json")));
        });
        const quint16 port = server.listen(0);
        QVERIFY(port);
        KingdeeConfig config = cannedServerConfig(port);
        KingdeeClient client(config);
        SaveResult first;
        SaveResult second;
        int done = 0;
        for (SaveResult *target : {&first, &second})
            client.batchSave(batchBody(keyedBills(QStringLiteral("sig-"), 2)),
                             [&, target](const SaveResult &r) {
                                 *target = r;
                                 ++done;
                             });
        QTRY_COMPARE(done, 2);
        for (const SaveResult *r : {&first, &second}) {
            QCOMPARE(r->failure.kind, Kind::Authentication);
            QVERIFY(r->failure.stopsTheRun());
            QVERIFY2(r->failure.describe().contains(QStringLiteral("会话信息已丢失")),
                     qPrintable(r->failure.describe()));
            QCOMPARE(r->count(State::NotSaved), 2);
        }
        QCOMPARE(answered, 1);
    }

    void stalledCalls_doNotHoldTheirLaneOrTheLookups()
    {
        // The first save and the first query never get an answer; everything else does.
        int saves = 0;
        int queries = 0;
        sandbox::HttpServer server([&](sandbox::HttpExchange *x) {
            if (x->request().path.contains(QLatin1String("BatchSave"))) {
                if (saves++ == 0)
                    return x->stall();
                return x->respond(
                    sandbox::HttpResponse::json(fixtureBytes("kingdee-batchsave-ok.json")));
            }
            if (queries++ == 0)
                return x->stall();
            x->respond(sandbox::HttpResponse::json(fixtureBytes("kingdee-query-rows.json")));
        });
        const quint16 port = server.listen(0);
        QVERIFY(port);
        KingdeeConfig config = cannedServerConfig(port);
        config.transferTimeoutMs = 60'000; // a save keeps its long timeout
        config.lookupTimeoutMs = 300;
        config.slowCallMs = 200;
        KingdeeClient client(config);

        bool stalledAnswered = false;
        client.batchSave(batchBody(keyedBills(QStringLiteral("stall-"), 1)),
                         [&](const SaveResult &) { stalledAnswered = true; });
        bool secondSaved = false;
        client.batchSave(batchBody(keyedBills(QStringLiteral("next-"), 1)),
                         [&](const SaveResult &r) { secondSaved = r.failure.ok(); });
        QueryResult rows;
        bool queried = false;
        client.executeBillQuery(QStringLiteral("AR_OtherRecAble"), {QStringLiteral("FID")}, {},
                                [&](const QueryResult &r) {
                                    rows = r;
                                    queried = true;
                                });
        // With one lane, the second save and the query go ahead while the first save waits;
        // the stalled query is given up after its short timeout and asked again.
        QTRY_VERIFY_WITH_TIMEOUT(secondSaved && queried, 10'000);
        QVERIFY2(rows.failure.ok(), qPrintable(rows.failure.describe()));
        QCOMPARE(rows.rows.size(), 1);
        QCOMPARE(queries, 2);
        QVERIFY(!stalledAnswered); // never resent, still waiting for its own answer
        QCOMPARE(saves, 2);
    }

    void busyAnswers_toQueries_areRetried()
    {
        start(sandboxOptions(5));
        KingdeeClient client(sandboxKingdee(*m_sandbox, Auth::Signature));
        setFaults([](sandbox::FaultOptions &f) { f.http500Rate = 1.0; });
        const FindResult failed = findBills(client, {QStringLiteral("k")});
        QCOMPARE(failed.failure.kind, Kind::Busy);
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.executeBillQuery"), 1 + 3);

        setFaults([](sandbox::FaultOptions &f) {
            f.http500Rate = 0;
            f.malformedRate = 0.3;
        });
        for (int i = 0; i < 5; ++i) {
            const FindResult r = findBills(client, {QStringLiteral("k")});
            QVERIFY2(r.failure.ok(), qPrintable(r.failure.describe()));
        }
        QVERIFY(sandboxCalls(*m_sandbox, "kingdee.executeBillQuery") > 4 + 5); // retried cut ones
    }

    void batchSave_takesThePositionalBodyForm_andDropsBatchCount()
    {
        start(sandboxOptions(5));
        KingdeeClient client(sandboxKingdee(*m_sandbox, Auth::Password));
        QJsonObject data = batchBody(keyedBills(QStringLiteral("pos-"), 2))
                               .value(QLatin1String("data"))
                               .toObject();
        data.insert(QStringLiteral("BatchCount"), 4);
        const QJsonObject positional {
            {QStringLiteral("parameters"),
             QJsonArray {QStringLiteral("AR_OtherRecAble"),
                         QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact))}}};
        const SaveResult result =
            await<SaveResult>([&](auto done) { client.batchSave(positional, std::move(done)); });
        QVERIFY2(result.failure.ok(), qPrintable(result.failure.describe()));
        QCOMPARE(result.count(State::Saved), 2);
        QCOMPARE(billsWithKey(*m_sandbox, QStringLiteral("pos-1")), 1);

        const SaveResult empty =
            await<SaveResult>([&](auto done) { client.batchSave(batchBody({}), std::move(done)); });
        QCOMPARE(empty.failure.kind, Kind::Rejected);
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.batchSave"), 1);
    }

    void unknownCustomer_failsThatBillOnly()
    {
        start(sandboxOptions(5));
        KingdeeClient client(sandboxKingdee(*m_sandbox, Auth::AppSecret));
        const SaveResult result = saveBatch(client, keyedBills(QStringLiteral("cust-"), 4, 2));
        QCOMPARE(result.failure.kind, Kind::Rejected);
        QCOMPARE(result.count(State::Saved), 3);
        const EntryResult &bad = result.entries.at(2);
        QCOMPARE(bad.state, State::Failed);
        QCOMPARE(bad.errors.at(0).field, QStringLiteral("FCONTACTUNIT"));
        QVERIFY2(bad.errors.at(0).message.contains(QStringLiteral("C9999")),
                 qPrintable(bad.errors.at(0).message));
        QVERIFY(!bad.retryMayHelp);
        QCOMPARE(billsWithKey(*m_sandbox, QStringLiteral("cust-2")), 0);
        for (int i : {0, 1, 3}) {
            const EntryResult &e = result.entries.at(i);
            QCOMPARE(e.state, State::Saved);
            const auto &bills = m_sandbox->kingdee().books().bills();
            const auto it = std::find_if(bills.cbegin(), bills.cend(), [&](const auto &b) {
                return b.remarks() == QStringLiteral("cust-%1").arg(i);
            });
            QVERIFY(it != bills.cend());
            QCOMPARE(e.number, it->number);
            QCOMPARE(e.id, QString::number(it->id));
        }
    }

    void unknownCustomer_inAnAtomicBatch_leavesTheOthersNotSaved()
    {
        auto options = sandboxOptions(5);
        options.kingdee.atomicBatches = true;
        start(options);
        KingdeeClient client(sandboxKingdee(*m_sandbox, Auth::Password));
        const SaveResult result = saveBatch(client, keyedBills(QStringLiteral("atom-"), 3, 1));
        QCOMPARE(result.failure.kind, Kind::Rejected);
        QCOMPARE(result.entries.at(1).state, State::Failed);
        QCOMPARE(result.entries.at(0).state, State::NotSaved);
        QCOMPARE(result.entries.at(2).state, State::NotSaved);
        QCOMPARE(m_sandbox->kingdee().books().bills().size(), 0);
    }

    void concurrency_isRespected()
    {
        auto options = sandboxOptions(5);
        options.faults.latencyMs = 150;
        start(options);
        KingdeeConfig config = sandboxKingdee(*m_sandbox, Auth::Signature);
        config.concurrency = 2;
        KingdeeClient client(config);
        int maxInFlight = 0;
        int answered = 0;
        QEventLoop loop;
        QElapsedTimer clock;
        clock.start();
        constexpr int kBatches = 6;
        for (int b = 0; b < kBatches; ++b) {
            client.batchSave(batchBody(keyedBills(QStringLiteral("conc-%1-").arg(b), 1)),
                             [&](const SaveResult &r) {
                                 QVERIFY(r.failure.ok());
                                 if (++answered == kBatches)
                                     loop.quit();
                             });
            maxInFlight = std::max(maxInFlight, client.inFlight());
        }
        connect(&client, &KingdeeClient::callFinished, &loop,
                [&] { maxInFlight = std::max(maxInFlight, client.inFlight()); });
        QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(answered, kBatches);
        QCOMPARE(maxInFlight, 2);
        // Three waves of two at 150 ms each: at least 450 ms, where 6 in parallel take 150.
        QVERIFY2(clock.elapsed() >= 3 * 150, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(m_sandbox->kingdee().books().bills().size(), kBatches);
    }

    void cancel_answersQueuedSavesAsNotSaved()
    {
        auto options = sandboxOptions(5);
        options.faults.latencyMs = 100;
        start(options);
        KingdeeConfig config = sandboxKingdee(*m_sandbox, Auth::Signature);
        config.concurrency = 1;
        KingdeeClient client(config);
        QList<SaveResult> results;
        QEventLoop loop;
        for (int b = 0; b < 3; ++b) {
            client.batchSave(batchBody(keyedBills(QStringLiteral("cancel-%1-").arg(b), 1)),
                             [&](const SaveResult &r) {
                                 results.append(r);
                                 if (results.size() == 3)
                                     loop.quit();
                             });
        }
        client.cancel();
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(0).failure.kind, Kind::Cancelled); // the two queued ones, at once
        QCOMPARE(results.at(0).entries.at(0).state, State::NotSaved);
        QCOMPARE(results.at(1).failure.kind, Kind::Cancelled);
        QVERIFY(results.at(2).failure.ok()); // the one on the wire finished
        QCOMPARE(m_sandbox->kingdee().books().bills().size(), 1);
    }

    void executeBillQuery_readsRowsAndKingdeesErrors()
    {
        start(sandboxOptions(5));
        KingdeeClient client(sandboxKingdee(*m_sandbox, Auth::Sign));
        QVERIFY(saveBatch(client, keyedBills(QStringLiteral("q'uote-"), 2)).failure.ok());
        const QueryResult rows = await<QueryResult>([&](auto done) {
            client.executeBillQuery(
                QStringLiteral("AR_OtherRecAble"),
                {QStringLiteral("FBillNo"), QStringLiteral("FAR_OtherRemarks")},
                BillFilter::equals(QStringLiteral("FAR_OtherRemarks"), QStringLiteral("q'uote-1")),
                std::move(done));
        });
        QVERIFY(rows.failure.ok());
        QCOMPARE(rows.rows.size(), 1);
        QCOMPARE(rows.rows.at(0).at(1).toString(), QStringLiteral("q'uote-1"));

        const QueryResult error = await<QueryResult>([&](auto done) {
            client.executeBillQuery(QStringLiteral("AR_OtherRecAble"), {QStringLiteral("FXXX")}, {},
                                    std::move(done));
        });
        QCOMPARE(error.failure.kind, Kind::Rejected);
        QVERIFY(error.failure.describe().contains(QStringLiteral("FXXX")));
    }

    void findBills_asksInListsOfKeys()
    {
        start(sandboxOptions(5));
        KingdeeClient client(sandboxKingdee(*m_sandbox, Auth::Signature));
        QVERIFY(saveBatch(client, keyedBills(QStringLiteral("many-"), 30)).failure.ok());
        QStringList keys;
        for (int i = 0; i < 250; ++i)
            keys.append(QStringLiteral("many-%1").arg(i));
        const FindResult found = findBills(client, keys);
        QVERIFY(found.failure.ok());
        QCOMPARE(found.bills.size(), 30);
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.executeBillQuery"), 3); // 100 keys per call
    }

    void connectorConfig_namesWhatIsMissing()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("settings.ini")), dir.path());
        QString error;
        QVERIFY(!sync::ConnectorConfig::kingdee(settings, {}, QStringLiteral("s"), &error));
        QVERIFY2(error.contains(QLatin1String(keys::KingdeeAcctId)), qPrintable(error));
        QVERIFY(!settings.setValue(QLatin1String(keys::KingdeeAcctId), QStringLiteral("dc")));
        QVERIFY(!settings.setValue(QLatin1String(keys::KingdeeUsername), QStringLiteral("u")));
        QVERIFY(!settings.setValue(QLatin1String(keys::KingdeeAppId), kAppId));
        QVERIFY(!settings.setValue(QLatin1String(keys::KingdeeAuth), QStringLiteral("sign")));
        QVERIFY(!sync::ConnectorConfig::kingdee(settings, {}, {}, &error));
        QVERIFY2(error.contains(QLatin1String("kingdee.app_secret")), qPrintable(error));
        const auto config =
            sync::ConnectorConfig::kingdee(settings, {}, QStringLiteral("secret"), &error);
        QVERIFY(config);
        QCOMPARE(config->auth, Auth::Sign);
        QCOMPARE(config->acctId, QStringLiteral("dc"));
        QCOMPARE(config->lcid, 2052);
        QCOMPARE(config->concurrency, 2);
        QVERIFY(!settings.setValue(QLatin1String(keys::KingdeeAuth), QStringLiteral("password")));
        QVERIFY(!sync::ConnectorConfig::kingdee(settings, {}, QStringLiteral("secret"), &error));
        QVERIFY2(error.contains(QLatin1String("kingdee.password")), qPrintable(error));
    }

private:
    void start(const sandbox::SandboxOptions &options)
    {
        m_sandbox = startSandbox(options);
        QVERIFY(m_sandbox);
    }
    void setFaults(const std::function<void(sandbox::FaultOptions &)> &change)
    {
        sandbox::FaultOptions f = m_sandbox->faults().options();
        change(f);
        m_sandbox->faults().setOptions(f);
    }

    std::unique_ptr<sandbox::Sandbox> m_sandbox;
};

QTEST_GUILESS_MAIN(TestKingdee)
#include "tst_kingdee.moc"
