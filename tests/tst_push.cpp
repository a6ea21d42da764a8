#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "app/sync/pushplanner.h"
#include "fetchtesting.h"
#include "httptestclient.h"
#include "pushtesting.h"
#include "sandboxprofile.h"
#include "sandboxtesting.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;
using namespace rs::testing;

namespace {

sandbox::SandboxOptions fast(int count, int days = 20)
{
    auto o = sandboxOptions(count, days);
    o.dingTalk.qpsLimit = 1000;
    return o;
}

sync::FetchOptions covering(int days)
{
    sync::FetchOptions o;
    o.from = QDate::currentDate().addDays(-days - 2);
    return o;
}

sync::PushOptions allPending(int batchSize = 50, int concurrency = 2)
{
    sync::PushOptions o;
    o.batchSize = batchSize;
    o.concurrency = concurrency;
    o.backoffBaseMs = 50; // the sandbox answers at once; keep the test short
    o.backoffCapMs = 400;
    o.settleMs = 100; // the sandbox commits before it drops an answer
    return o;
}

// Every bill reached Kingdee; what did not is an application with nothing to send (the
// sandbox generates approved applications whose table is empty, as real forms allow).
bool everythingSendableWasSynced(const sync::PushReport &report)
{
    if (report.failed || report.inDoubt || report.result == sync::PushReport::Result::ConfigError)
        return false;
    for (const sync::BillLine &line : report.lines) {
        if (line.state != BillState::Synced && !line.error.contains(QStringLiteral("表格")))
            return false;
    }
    return report.synced > 0;
}

// Each idempotency key the sandbox's books hold, with how many bills carry it.
QHash<QString, int> keysInKingdee(const sandbox::Sandbox &s)
{
    QHash<QString, int> keys;
    for (const auto &bill : s.kingdee().books().bills())
        ++keys[bill.remarks()];
    return keys;
}

} // namespace

// Pushing to the sandbox's Kingdee over real loopback HTTP from a real SQLite store.
class TestPush final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        m_database.emplace(m_dir->filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(m_database->open().ok());
    }

    void cleanup()
    {
        m_database.reset();
        m_dir.reset();
    }

    void allPending_savesEachBillOnceAndUnknownCustomersFailWithKingdeesWords()
    {
        auto options = fast(500);
        options.data.unknownCustomerRate = 0.03;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        QVERIFY(runFetch(*m_database, sandboxDingTalk(*sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);

        const auto report = runPush(*m_database, sandboxKingdee(*sb), allPending());
        QCOMPARE(report.result, sync::PushReport::Result::SomeFailed);
        QVERIFY(report.synced > 300);
        QVERIFY(report.failed > 0);
        QCOMPARE(report.inDoubt, 0);

        const QHash<QString, int> inKingdee = keysInKingdee(*sb);
        QCOMPARE(inKingdee.size(), report.synced);
        for (auto it = inKingdee.cbegin(); it != inKingdee.cend(); ++it)
            QCOMPARE(it.value(), 1);
        BillRepository bills(*m_database);
        for (const sync::BillLine &line : report.lines) {
            if (line.state == BillState::Synced) {
                QVERIFY(inKingdee.contains(line.key));
                QVERIFY(!line.number.isEmpty());
                QCOMPARE(bills.find(line.key)->kingdeeNumber, line.number);
            } else if (line.state == BillState::Failed) {
                QVERIFY(!inKingdee.contains(line.key));
                QVERIFY2(!line.error.isEmpty(), qPrintable(line.key));
                QVERIFY(!bills.find(line.key)->errorField.isEmpty());
            }
        }
        // Only approved applications were sent.
        for (const ApplicationRecord &a : ApplicationRepository(*m_database).list()) {
            if (a.approval != ApprovalState::Approved)
                QVERIFY(bills.forApplication(a.id).isEmpty());
        }

        // A second run sends nothing new: every synced key stays single.
        const qint64 saves = sb->counters().value(QStringLiteral("kingdee.batchSave")).calls;
        const auto again = runPush(*m_database, sandboxKingdee(*sb), allPending());
        QCOMPARE(keysInKingdee(*sb), inKingdee);
        QCOMPARE(again.synced, 0);
        QVERIFY(sb->counters().value(QStringLiteral("kingdee.batchSave")).calls - saves
                <= report.failed / 50 + 2); // only the failed ones were tried again
    }

    void sessionExpiringEvery7Calls_isRenewedWithoutDuplicates()
    {
        auto options = fast(80);
        options.faults.sessionExpiryEvery = 7;
        options.data.unknownCustomerRate = 0;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        QVERIFY(runFetch(*m_database, sandboxDingTalk(*sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);
        const auto report = runPush(*m_database, sandboxKingdee(*sb), allPending(5, 2));
        QVERIFY2(everythingSendableWasSynced(report), qPrintable(report.summary()));
        QVERIFY(sb->counters().value(QStringLiteral("kingdee.login")).calls > 1);
        for (int n : keysInKingdee(*sb))
            QCOMPARE(n, 1);
        QCOMPARE(keysInKingdee(*sb).size(), report.synced);
    }

    void dropAfterCommitOnTenPercent_leavesEachBillInKingdeeExactlyOnce()
    {
        auto options = fast(120);
        options.faults.dropAfterCommitRate = 0.10;
        options.data.unknownCustomerRate = 0;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        QVERIFY(runFetch(*m_database, sandboxDingTalk(*sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);
        const auto report = runPush(*m_database, sandboxKingdee(*sb), allPending(5, 2));
        QVERIFY2(everythingSendableWasSynced(report), qPrintable(report.summary()));
        const QHash<QString, int> inKingdee = keysInKingdee(*sb);
        QCOMPARE(inKingdee.size(), report.synced);
        for (int n : inKingdee)
            QCOMPARE(n, 1);
        // Some answers were lost and the bills found by key instead of being resent.
        QVERIFY(sb->counters().value(QStringLiteral("kingdee.executeBillQuery")).calls > 1);
    }

    void everyAuthMode_savesABill_data()
    {
        QTest::addColumn<int>("auth");
        QTest::newRow("password") << int(kingdee::KingdeeConfig::Auth::Password);
        QTest::newRow("appsecret") << int(kingdee::KingdeeConfig::Auth::AppSecret);
        QTest::newRow("sign") << int(kingdee::KingdeeConfig::Auth::Sign);
        QTest::newRow("signature") << int(kingdee::KingdeeConfig::Auth::Signature);
    }

    void everyAuthMode_savesABill()
    {
        QFETCH(int, auth);
        auto options = fast(6);
        options.data.unknownCustomerRate = 0;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        QVERIFY(runFetch(*m_database, sandboxDingTalk(*sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);
        const auto report = runPush(
            *m_database, sandboxKingdee(*sb, static_cast<kingdee::KingdeeConfig::Auth>(auth)),
            allPending());
        QVERIFY2(everythingSendableWasSynced(report), qPrintable(report.summary()));
        QVERIFY(report.synced > 0);
        QCOMPARE(keysInKingdee(*sb).size(), report.synced);
    }

    void wrongSecret_stopsWithKingdeesWordsAndSendsNothing()
    {
        auto sb = startSandbox(fast(10));
        QVERIFY(sb);
        QVERIFY(runFetch(*m_database, sandboxDingTalk(*sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);
        auto config = sandboxKingdee(*sb);
        config.appSecret = QStringLiteral("wrong-secret");
        const auto report = runPush(*m_database, config, allPending());
        QCOMPARE(report.result, sync::PushReport::Result::ConfigError);
        QVERIFY(!report.stopReason.isEmpty());
        QVERIFY(!report.stopReason.contains(QLatin1String("wrong-secret")));
        QVERIFY(keysInKingdee(*sb).isEmpty());
        QCOMPARE(BillRepository(*m_database).inStates({BillState::Sending}).size(), 0);
    }

    void dryRun_printsTheBodyAndChangesNothing()
    {
        auto sb = startSandbox(fast(10));
        QVERIFY(sb);
        QVERIFY(runFetch(*m_database, sandboxDingTalk(*sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);
        auto options = allPending();
        options.dryRun = true;
        const auto report = runPush(*m_database, sandboxKingdee(*sb), options);
        QVERIFY(!report.dryRunBodies.isEmpty());
        const QJsonObject body = report.dryRunBodies.constFirst();
        QCOMPARE(body.value(QLatin1String("formid")).toString(), QStringLiteral("AR_OtherRecAble"));
        QVERIFY(!body.value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("Model"))
                     .toArray()
                     .isEmpty());
        QVERIFY(keysInKingdee(*sb).isEmpty());
        QVERIFY(BillRepository(*m_database).byApplication().isEmpty());
        QCOMPARE(sb->counters().value(QStringLiteral("kingdee.batchSave")).calls, 0);
    }

    void secondSyncOnTheSameStore_isRefused()
    {
        auto options = fast(6);
        options.data.unknownCustomerRate = 0;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        QVERIFY(runFetch(*m_database, sandboxDingTalk(*sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);
        QLockFile running(m_database->path() + QStringLiteral(".sync.lock"));
        QVERIFY(running.tryLock(0));
        const auto report = runPush(*m_database, sandboxKingdee(*sb), allPending());
        QCOMPARE(report.result, sync::PushReport::Result::ConfigError);
        QVERIFY(report.stopReason.contains(QLatin1String("Another sync")));
        QVERIFY(keysInKingdee(*sb).isEmpty());
        running.unlock();
        QVERIFY(
            everythingSendableWasSynced(runPush(*m_database, sandboxKingdee(*sb), allPending())));
    }

    void queuedBillsOfAnApplicationRevokedSince_areNotSent()
    {
        auto sb = startSandbox(fast(30));
        QVERIFY(sb);
        QVERIFY(runFetch(*m_database, sandboxDingTalk(*sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);
        // A run cancelled after queueing: its bills wait in the store.
        QString id;
        ApplicationRepository applications(*m_database);
        for (const ApplicationRecord &a : applications.list(ApprovalState::Approved)) {
            if (!applications.find(a.id)->rowsJson.isEmpty())
                id = a.id;
        }
        QVERIFY(!id.isEmpty());
        const auto plan = sync::PushPlanner::plan(*m_database, *builtinScheme(), {id}, true);
        QVERIFY(!plan.keysToSend.isEmpty());
        BillRepository bills(*m_database);
        for (const QString &key : plan.keysToSend)
            QVERIFY(bills.transition(key, BillState::Pending, BillState::Queued, {}, {}).ok());
        // Then DingTalk revokes the approval.
        SyncEvent revoked;
        revoked.kind = QStringLiteral("fetch.revoked");
        revoked.message = QStringLiteral("revoked");
        QVERIFY(applications.markRevoked(id, revoked).ok());

        auto options = allPending();
        options.applicationIds = {id, id}; // named twice: still one application
        runPush(*m_database, sandboxKingdee(*sb), options);
        QVERIFY(keysInKingdee(*sb).isEmpty());
        for (const QString &key : plan.keysToSend) {
            QCOMPARE(bills.find(key)->state, BillState::Pending);
            QVERIFY(!bills.find(key)->lastError.isEmpty());
        }
    }

    void cliWithAWrongSecret_exitsTwoWithKingdeesWords()
    {
        auto sb = startSandbox(fast(10));
        QVERIFY(sb);
        const QString profile = m_dir->filePath(QStringLiteral("cli-profile"));
        QVERIFY(QDir().mkpath(profile));
        {
            Database store(profile + QStringLiteral("/rebatesync.db"));
            QVERIFY(store.open().ok());
            QVERIFY(runFetch(store, sandboxDingTalk(*sb, 1000), covering(20)).result
                    == sync::FetchReport::Result::Ok);
        }
        QVERIFY(writeSandboxProfile(profile, sb->baseUrl()));
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REBATESYNC_KINGDEE_APP_SECRET"), QStringLiteral("not-it"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(CLI_EXECUTABLE),
                  {QStringLiteral("--profile"), profile, QStringLiteral("sync"),
                   QStringLiteral("--all-pending")});
        // The sandbox lives in this process: keep its event loop turning while the CLI runs.
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 60000);
        QCOMPARE(cli.exitCode(), 2);
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("应用ID或密钥错误")), qPrintable(err));
        QVERIFY(!err.contains(QLatin1String("not-it")));
        QVERIFY(keysInKingdee(*sb).isEmpty());
    }

    void killedMidPush_nextRunFinishesWithEachBillOnce()
    {
        QProcess sandbox;
        const QString url = startSandboxProcess(
            sandbox,
            {QStringLiteral("--applications"), QStringLiteral("60"),
             QStringLiteral("--period-days"), QStringLiteral("20"), QStringLiteral("--qps-limit"),
             QStringLiteral("0"), QStringLiteral("--unknown-customer-rate"), QStringLiteral("0"),
             QStringLiteral("--latency-ms"), QStringLiteral("60")});
        QVERIFY(!url.isEmpty());
        const QString profile = m_dir->filePath(QStringLiteral("profile"));
        QVERIFY(writeSandboxProfile(profile, url,
                                    {{QStringLiteral("kingdee/batch_size"), 2},
                                     {QStringLiteral("kingdee/concurrency"), 1}}));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REBATESYNC_DINGTALK_APP_SECRET"),
                   QStringLiteral("sandbox-app-secret"));
        env.insert(QStringLiteral("REBATESYNC_KINGDEE_APP_SECRET"),
                   QStringLiteral("sandbox-app-secret"));
        const auto cli = [&](const QStringList &arguments) {
            auto p = std::make_unique<QProcess>();
            p->setProcessEnvironment(env);
            p->start(QStringLiteral(CLI_EXECUTABLE),
                     QStringList {QStringLiteral("--profile"), profile} + arguments);
            return p;
        };
        auto fetch = cli({QStringLiteral("fetch"), QStringLiteral("--from"),
                          QDate::currentDate().addDays(-22).toString(Qt::ISODate)});
        QVERIFY(fetch->waitForFinished(60000));
        QCOMPARE(fetch->exitCode(), 0);

        QNetworkAccessManager network;
        const auto billsInKingdee = [&] {
            return send(network, "GET", url + QStringLiteral("/sandbox/bills"))
                .json()
                .object()
                .value(QLatin1String("bills"))
                .toArray();
        };
        auto first = cli({QStringLiteral("sync"), QStringLiteral("--all-pending")});
        QVERIFY(first->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(billsInKingdee().size() >= 6, 60000);
        first->kill(); // no clean-up: bills may be left queued or sending
        QVERIFY(first->waitForFinished());

        QSet<QString> syncedBefore;
        {
            Database killed(profile + QStringLiteral("/rebatesync.db"));
            QVERIFY(killed.open().ok());
            for (const BillRecord &b : BillRepository(killed).inStates({BillState::Synced}))
                syncedBefore.insert(b.key);
        }
        auto second = cli({QStringLiteral("sync"), QStringLiteral("--all-pending")});
        QVERIFY(second->waitForFinished(120000));
        const QByteArray out = second->readAllStandardOutput();
        // 1: the sandbox's approved applications without table rows have no bill to send.
        QVERIFY2(second->exitCode() <= 1, second->readAllStandardError().constData());
        QVERIFY(!out.contains("\tfailed\t"));
        QVERIFY(!out.contains("\tin_doubt\t"));

        QHash<QString, int> keys;
        for (const QJsonValue &bill : billsInKingdee())
            ++keys[bill.toObject().value(QLatin1String("remarks")).toString()];
        for (auto it = keys.cbegin(); it != keys.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        Database store(profile + QStringLiteral("/rebatesync.db"));
        QVERIFY(store.open().ok());
        const QList<BillRecord> synced = BillRepository(store).inStates({BillState::Synced});
        QCOMPARE(synced.size(), keys.size());
        for (const BillRecord &b : synced) {
            QVERIFY(keys.contains(b.key));
            if (!syncedBefore.contains(b.key))
                QVERIFY(out.contains(
                    QByteArray(b.key.toUtf8() + "\tsynced\t" + b.kingdeeNumber.toUtf8())));
        }
        sandbox.kill();
        sandbox.waitForFinished();
    }

private:
    std::optional<QTemporaryDir> m_dir;
    std::optional<Database> m_database;
};

QTEST_GUILESS_MAIN(TestPush)
#include "tst_push.moc"
