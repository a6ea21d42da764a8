#include "app/alerts/alertrules.h"
#include "app/i18n/translations.h"
#include "app/mapping/mapper.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "app/sync/basedatacheck.h"
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
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

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

// A loopback port nothing listens on.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
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

    void allPending_savesEachBillOnceAndUnknownCustomersFailBeforeSending()
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
                // Found by one customer query before sending, and named.
                QVERIFY2(line.error.contains(QLatin1String("Customer C9")), qPrintable(line.error));
                QCOMPARE(bills.find(line.key)->errorField, QStringLiteral("FCONTACTUNIT"));
                QVERIFY(!bills.find(line.key)->retryable);
            }
        }
        // Not one BatchSave was refused: no bill Kingdee would reject was sent.
        QCOMPARE(sb->counters().value(QStringLiteral("kingdee.batchSave")).errors, 0);
        QCOMPARE(sb->counters().value(QStringLiteral("kingdee.executeBillQuery")).errors, 0);
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

    void baseDataCheck_namesWhatKingdeeWouldRefuse()
    {
        auto sb = startSandbox(fast(5));
        QVERIFY(sb);
        const auto refs = [](const QString &customer, const QString &org) {
            sync::BaseDataRefs r;
            r.customer = customer;
            r.settleOrg = org;
            r.organisations.insert(QStringLiteral("FSETTLEORGID"), org);
            return r;
        };
        const QList<sync::BaseDataRefs> bills = {
            refs(QStringLiteral("C0001"), QStringLiteral("100")),
            refs(QStringLiteral("C8001"), QStringLiteral("100")),
            refs(QStringLiteral("C8002"), QStringLiteral("100")),
            refs(QStringLiteral("C9999"), QStringLiteral("100")),
            refs(QStringLiteral("C0002"), QStringLiteral("999"))};
        kingdee::KingdeeClient client(sandboxKingdee(*sb));
        sync::BaseDataCheck check;
        bool done = false;
        sync::lookUpBaseData(client, bills, &check, [&](const kingdee::Failure &f) {
            QVERIFY2(f.ok(), qPrintable(f.describe()));
            done = true;
        });
        QTRY_VERIFY(done);
        QString field;
        QCOMPARE(check.problem(bills.at(0), &field), QString());
        QCOMPARE(check.problem(bills.at(1), &field),
                 QStringLiteral("Customer C8001 is disabled in Kingdee."));
        QCOMPARE(field, QStringLiteral("FCONTACTUNIT"));
        QCOMPARE(check.problem(bills.at(2), &field),
                 QStringLiteral("Customer C8002 is not audited in Kingdee."));
        QCOMPARE(check.problem(bills.at(3), &field),
                 QStringLiteral("Customer C9999 does not exist in Kingdee."));
        QCOMPARE(check.problem(bills.at(4), &field),
                 QStringLiteral("Organisation 999 does not exist in Kingdee."));
        QCOMPARE(field, QStringLiteral("FSETTLEORGID"));
        // One query per kind, however many bills: the run's cache answers the rest.
        QCOMPARE(sb->counters().value(QStringLiteral("kingdee.executeBillQuery")).calls, 2);
        QVERIFY(check.unknownCustomers(bills).isEmpty());

        // A customer that exists, but not for the bill's organisation.
        sync::BaseDataCheck assigned;
        assigned.addCustomers({QStringLiteral("C0003")},
                              {QJsonArray {QStringLiteral("C0003"), QStringLiteral("200"),
                                           QStringLiteral("A"), QStringLiteral("C")}});
        QCOMPARE(assigned.problem(refs(QStringLiteral("C0003"), QStringLiteral("100")), &field),
                 QStringLiteral("Customer C0003 is not assigned to organisation 100 in Kingdee."));
    }

    void baseDataNotReadable_syncGoesOnWithAWarningAndKingdeeChecks()
    {
        auto options = fast(20);
        options.kingdee.baseDataReadable = false;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        QVERIFY(runFetch(*m_database, sandboxDingTalk(*sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);
        const auto report = runPush(*m_database, sandboxKingdee(*sb), allPending());
        QVERIFY2(report.result != sync::PushReport::Result::ConfigError,
                 qPrintable(report.stopReason));
        QVERIFY(report.synced > 0);
        bool warned = false;
        for (const SyncEvent &e : EventLog(*m_database).recent(500))
            warned |= e.kind == QLatin1String("sync.basedata_unchecked")
                && e.message.contains(QStringLiteral("您没有该功能的操作权限"));
        QVERIFY(warned);
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

    void inDoubtFromAnEarlierRun_isSettledByARunWithNothingNew()
    {
        auto sb = startFetched(40);
        QVERIFY(sb);
        // A run killed after its first BatchSave reached Kingdee: every bill was `sending`,
        // half of them are in Kingdee, and the next start finds them all in doubt.
        const auto plan = sync::PushPlanner::plan(*m_database, *builtinScheme(), {}, true);
        QVERIFY(plan.keysToSend.size() >= 20);
        BillRepository bills(*m_database);
        QList<BillDraft> reached;
        for (qsizetype i = 0; i < plan.keysToSend.size(); ++i) {
            const QString &key = plan.keysToSend.at(i);
            QVERIFY(bills.transition(key, BillState::Pending, BillState::Queued, {}, {}).ok());
            QVERIFY(bills.transition(key, BillState::Queued, BillState::Sending, {}, {}).ok());
            if (i % 2 == 0) {
                BillDraft draft;
                draft.key = key;
                draft.model = QJsonDocument::fromJson(bills.find(key)->payloadJson).object();
                reached.append(draft);
            }
        }
        {
            kingdee::KingdeeClient client(sandboxKingdee(*sb));
            bool saved = false;
            client.batchSave(batchSaveBody(reached, *builtinScheme()),
                             [&](const kingdee::SaveResult &) { saved = true; });
            QTRY_VERIFY(saved);
        }
        QCOMPARE(bills.recoverInterruptedSends(), int(plan.keysToSend.size()));

        // Nothing is pending any more, yet the run must look the bills up and finish the job.
        const auto report = runPush(*m_database, sandboxKingdee(*sb), allPending());
        QCOMPARE(report.inDoubt, 0);
        QCOMPARE(report.synced, int(plan.keysToSend.size()));
        const QHash<QString, int> inKingdee = keysInKingdee(*sb);
        QCOMPARE(inKingdee.size(), plan.keysToSend.size());
        for (const QString &key : plan.keysToSend) {
            QCOMPARE(inKingdee.value(key), 1);
            QCOMPARE(bills.find(key)->state, BillState::Synced);
        }
    }

    void applicationRevokedWhileItsBillsWaitInTheRun_isHeldBackWithTheReason()
    {
        auto sb = startFetched(40);
        QVERIFY(sb);
        kingdee::KingdeeClient client(sandboxKingdee(*sb));
        sync::PushJob job(*m_database, client, builtinScheme(), allPending(2, 1));
        // As the first bill is saved, a fetch elsewhere stores every application whose bills
        // still wait in this run's queue as revoked.
        QSet<QString> revoked;
        BillRepository bills(*m_database);
        ApplicationRepository applications(*m_database);
        connect(&job, &sync::PushJob::billChanged, this, [&](const QString &, BillState state) {
            if (state != BillState::Synced || !revoked.isEmpty())
                return;
            for (const BillRecord &b : bills.inStates({BillState::Queued})) {
                if (revoked.contains(b.applicationId))
                    continue;
                // Only applications none of whose bills has left yet.
                bool allWaiting = true;
                for (const BillRecord &other : bills.forApplication(b.applicationId))
                    allWaiting = allWaiting && other.state == BillState::Queued;
                if (!allWaiting)
                    continue;
                SyncEvent event;
                event.kind = QStringLiteral("fetch.revoked");
                event.message = QStringLiteral("revoked");
                QVERIFY(applications.markRevoked(b.applicationId, event).ok());
                revoked.insert(b.applicationId);
            }
        });
        const auto report = sync::runToEnd(job, &sync::PushJob::finished, {}, 120'000);
        QVERIFY(revoked.size() >= 5);
        QCOMPARE(report.result, sync::PushReport::Result::SomeFailed);
        const QHash<QString, int> inKingdee = keysInKingdee(*sb);
        for (const QString &id : std::as_const(revoked)) {
            for (const BillRecord &b : bills.forApplication(id)) {
                QVERIFY2(!inKingdee.contains(b.key), qPrintable(b.key));
                QCOMPARE(b.state, BillState::Pending);
                QVERIFY2(b.lastError.contains(id), qPrintable(b.lastError));
            }
        }
        QVERIFY(report.synced > 0);
    }

    void stoppedRun_givesBackWhatItDidNotSend_failuresKeepTheirErrors()
    {
        auto sb = startSandbox(fast(60));
        QVERIFY(sb);
        QVERIFY(runFetch(*m_database, sandboxDingTalk(*sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);
        // A first run leaves failures (customers Kingdee lacks) with their errors…
        BillRepository bills(*m_database);
        const auto first = runPush(*m_database, sandboxKingdee(*sb), allPending());
        QVERIFY(first.failed > 0);
        QHash<QString, QString> failedBefore;
        for (const BillRecord &b : bills.inStates({BillState::Failed}))
            failedBefore.insert(b.key, b.lastError);
        // …then a second run, which takes them up again, is stopped as soon as it has queued.
        kingdee::KingdeeClient client(sandboxKingdee(*sb));
        sync::PushJob job(*m_database, client, builtinScheme(), allPending(2, 1));
        bool cancelled = false;
        connect(&job, &sync::PushJob::billChanged, this, [&](const QString &, BillState state) {
            if (state == BillState::Queued && !cancelled) {
                cancelled = true;
                QTimer::singleShot(0, &job, &sync::PushJob::cancel);
            }
        });
        const auto report = sync::runToEnd(job, &sync::PushJob::finished, {}, 60'000);
        QVERIFY(cancelled);
        QVERIFY(!report.lines.isEmpty());
        // Nothing is left queued; every earlier failure is still failed, with its error.
        QVERIFY(bills.inStates({BillState::Queued, BillState::Sending}).isEmpty());
        for (auto it = failedBefore.cbegin(); it != failedBefore.cend(); ++it) {
            const auto bill = bills.find(it.key());
            QCOMPARE(bill->state, BillState::Failed);
            QVERIFY2(!bill->lastError.isEmpty(), qPrintable(it.key()));
        }
        QCOMPARE(bills.countByState().value(BillState::Failed), int(failedBefore.size()));

        // The run says how it ended: what it gave back counts as not sent, not as failed.
        QVERIFY(report.cancelled);
        QVERIFY(report.notSent >= int(failedBefore.size()));
        QCOMPARE(report.synced + report.failed + report.inDoubt + report.notSent,
                 int(report.lines.size()) - report.notSendable);
        const QString summary = report.summary();
        QVERIFY2(summary.startsWith(QStringLiteral("Synced %1, failed %2, not sent %3")
                                        .arg(report.synced)
                                        .arg(report.failed)
                                        .arg(report.notSent)),
                 qPrintable(summary));
        QVERIFY2(summary.endsWith(QStringLiteral(" (stopped)")), qPrintable(summary));
        // Each run has its start and end line in the sync log, the end line with the summary.
        const QList<SyncEvent> events = EventLog(*m_database).recent(1000);
        int started = 0;
        QStringList ended;
        for (const SyncEvent &e : events) {
            started += e.kind == QLatin1String("sync.started") ? 1 : 0;
            if (e.kind == QLatin1String("sync.finished"))
                ended.append(e.message);
        }
        QCOMPARE(started, 2);
        QCOMPARE(ended.size(), 2);
        QVERIFY2(ended.constFirst().contains(summary), qPrintable(ended.constFirst())); // newest
    }

    void cliStoppedBySigterm_givesBackTheRestAndLogsTheStop()
    {
        QProcess sandbox;
        const QString url = startSandboxProcess(
            sandbox,
            {QStringLiteral("--applications"), QStringLiteral("60"),
             QStringLiteral("--period-days"), QStringLiteral("20"), QStringLiteral("--qps-limit"),
             QStringLiteral("0"), QStringLiteral("--latency-ms"), QStringLiteral("60")});
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
        env.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8")); // the CLI speaks Chinese
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8"));
        QProcess fetch;
        fetch.setProcessEnvironment(env);
        fetch.start(QStringLiteral(CLI_EXECUTABLE),
                    {QStringLiteral("--profile"), profile, QStringLiteral("fetch"),
                     QStringLiteral("--from"),
                     QDate::currentDate().addDays(-22).toString(Qt::ISODate)});
        QVERIFY(fetch.waitForFinished(60000));
        QCOMPARE(fetch.exitCode(), 0);

        QProcess sync;
        sync.setProcessEnvironment(env);
        sync.start(QStringLiteral(CLI_EXECUTABLE),
                   {QStringLiteral("--profile"), profile, QStringLiteral("sync"),
                    QStringLiteral("--all-pending")});
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += sync.readAllStandardOutput()).contains("\tsynced\t"),
                                 30000);
        sync.terminate(); // SIGTERM, as Task Scheduler's "end task" or a service stop sends
        QVERIFY(sync.waitForFinished(30000));
        QCOMPARE(sync.exitStatus(), QProcess::NormalExit);
        QCOMPARE(sync.exitCode(), 1);
        out += sync.readAllStandardOutput();
        QVERIFY2(out.contains("\tpending\t"), out.constData()); // given back, one line each

        Database store(profile + QStringLiteral("/rebatesync.db"));
        QVERIFY(store.open().ok());
        QVERIFY(BillRepository(store)
                    .inStates({BillState::Queued, BillState::Sending, BillState::InDoubt})
                    .isEmpty());
        // The CLI ran in Chinese; a reader in English reads its end line in English…
        Translations translations;
        translations.apply(LanguageChoice::English);
        QList<SyncEvent> events = EventLog(store).recent(1);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.constFirst().kind, QStringLiteral("sync.finished"));
        QVERIFY2(events.constFirst().message.startsWith(QStringLiteral("Sync ended: Synced "))
                     && events.constFirst().message.endsWith(QStringLiteral(" (stopped)")),
                 qPrintable(events.constFirst().message));
        // …and one in Chinese in Chinese.
        translations.apply(LanguageChoice::Chinese);
        events = EventLog(store).recent(1);
        QVERIFY2(events.constFirst().message.startsWith(QStringLiteral("同步结束：已同步 "))
                     && events.constFirst().message.endsWith(QStringLiteral("（已停止）")),
                 qPrintable(events.constFirst().message));
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
        // Each bill's line says why it was not sent, too.
        const QStringList lines = QString::fromUtf8(cli.readAllStandardOutput())
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 3);
        for (const QString &line : lines)
            QVERIFY2(
                line.section(QLatin1Char('\t'), 2).contains(QStringLiteral("应用ID或密钥错误")),
                qPrintable(line));
    }

    void kingdeeUnreachable_eachLineSaysWhy()
    {
        auto sb = startSandbox(fast(10));
        QVERIFY(sb);
        QVERIFY(runFetch(*m_database, sandboxDingTalk(*sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);
        kingdee::KingdeeConfig config = sandboxKingdee(*sb);
        config.url = QUrl(QStringLiteral("http://127.0.0.1:%1/k3cloud/").arg(closedPort()));
        const auto report = runPush(*m_database, config, allPending());
        QVERIFY(!report.stopReason.isEmpty());
        int told = 0;
        for (const sync::BillLine &line : report.lines) {
            if (line.state == BillState::Synced)
                QFAIL("nothing can be synced");
            if (line.error.isEmpty())
                QFAIL(qPrintable(line.text()));
            told += line.error.contains(report.stopReason) ? 1 : 0;
        }
        QVERIFY(told > 0);
    }

    void twoSeparateStoresRacing_theDuplicatesAreReportedNeverSilently()
    {
        // Two installs, each with its own SQLite store, pointed at one Kingdee: neither can see
        // the other's claims. They must at least be told.
        auto options = fast(30);
        options.data.unknownCustomerRate = 0;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        Database other(m_dir->filePath(QStringLiteral("other.db")));
        QVERIFY(other.open().ok());
        for (const Database *store : {&*m_database, &other}) {
            QVERIFY(runFetch(*store, sandboxDingTalk(*sb, 1000), covering(20)).result
                    == sync::FetchReport::Result::Ok);
        }
        kingdee::KingdeeClient clientA(sandboxKingdee(*sb));
        kingdee::KingdeeClient clientB(sandboxKingdee(*sb));
        sync::PushJob jobA(*m_database, clientA, builtinScheme(), allPending(5, 2));
        sync::PushJob jobB(other, clientB, builtinScheme(), allPending(5, 2));
        std::optional<sync::PushReport> a;
        std::optional<sync::PushReport> b;
        const sync::PushReport *last = nullptr;
        connect(&jobA, &sync::PushJob::finished, this, [&](const sync::PushReport &r) {
            a = r;
            last = &*a;
        });
        connect(&jobB, &sync::PushJob::finished, this, [&](const sync::PushReport &r) {
            b = r;
            last = &*b;
        });
        jobA.start();
        jobB.start();
        QTRY_VERIFY_WITH_TIMEOUT(a && b, 120'000);

        QSet<QString> twice;
        const QHash<QString, int> inKingdee = keysInKingdee(*sb);
        for (auto it = inKingdee.cbegin(); it != inKingdee.cend(); ++it) {
            if (it.value() > 1)
                twice.insert(it.key());
        }
        QVERIFY(!twice.isEmpty()); // the race this guard exists for did happen
        // The store whose run ended last saw every second copy; the other saw those made before
        // its own end. Neither names a key Kingdee holds once.
        const auto asSet = [](const QStringList &keys) {
            return QSet<QString>(keys.cbegin(), keys.cend());
        };
        QCOMPARE(asSet(last->duplicatesInKingdee), twice);
        QVERIFY(asSet(a->duplicatesInKingdee).subtract(twice).isEmpty());
        QVERIFY(asSet(b->duplicatesInKingdee).subtract(twice).isEmpty());
        // …as an error event, a mark on the bill and its row, and an alert.
        const Database &lastStore = last == &*a ? *m_database : other;
        const QString key = *twice.cbegin();
        const BillRecord bill = *BillRepository(lastStore).find(key);
        QCOMPARE(bill.kingdeeDuplicates.split(QLatin1Char(',')).size(), 2);
        bool logged = false;
        for (const SyncEvent &e : EventLog(lastStore).recent(500))
            logged = logged
                || (e.kind == QStringLiteral("bill.duplicate_in_kingdee") && e.billKey == key
                    && e.level == SyncEvent::Level::Error);
        QVERIFY(logged);
        bool marked = false;
        for (const ApplicationRow &row : ApplicationRepository(lastStore).tableRows()) {
            for (const ApplicationRow::Bill &rowBill : row.bills)
                marked =
                    marked || (rowBill.key == key && rowBill.error.contains(bill.kingdeeNumber));
        }
        QVERIFY(marked);
        alerts::AlertRules rules;
        const QList<alerts::Alert> raised = rules.afterPush(*last, QDateTime::currentDateTimeUtc());
        QVERIFY(std::any_of(raised.cbegin(), raised.cend(), [](const alerts::Alert &alert) {
            return alert.kind == alerts::Alert::Kind::DuplicateInKingdee;
        }));
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
        // Lines come out as bills are saved, not at the end: a killed run leaves them behind.
        QByteArray firstOut;
        QTRY_VERIFY_WITH_TIMEOUT(
            (firstOut += first->readAllStandardOutput()).contains("\tsynced\t"), 20000);
        QCOMPARE(first->state(), QProcess::Running); // printed while it works, not at its end
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
    // A sandbox whose every bill can be saved, its applications fetched into the store.
    std::unique_ptr<sandbox::Sandbox> startFetched(int count)
    {
        auto options = fast(count);
        options.data.unknownCustomerRate = 0;
        auto sb = startSandbox(options);
        if (!sb
            || runFetch(*m_database, sandboxDingTalk(*sb, 1000), covering(20)).result
                != sync::FetchReport::Result::Ok)
            return {};
        return sb;
    }

    std::optional<QTemporaryDir> m_dir;
    std::optional<Database> m_database;
};

QTEST_GUILESS_MAIN(TestPush)
#include "tst_push.moc"
