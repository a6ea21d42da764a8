#include "app/mapping/decimal.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "app/store/jobrunrepository.h"
#include "app/store/ledgerwatcher.h"
#include "app/store/migrations.h"
#include "app/sync/pushplanner.h"
#include "fetchtesting.h"
#include "httptestclient.h"
#include "models/applicationsmodel.h"
#include "pgtesting.h"
#include "pushtesting.h"
#include "sandboxprofile.h"
#include "sandboxtesting.h"
#include "storetestdata.h"
#include "ui/applications/applicationspane.h"
#include "ui/uistate.h"

#include <QJsonArray>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSharedPointer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;
using namespace rs::testing;

namespace {

sandbox::SandboxOptions fast(int count)
{
    auto o = sandboxOptions(count, 20);
    o.dingTalk.qpsLimit = 1000;
    o.data.unknownCustomerRate = 0;
    return o;
}

sync::FetchOptions covering(int days)
{
    sync::FetchOptions o;
    o.from = QDate::currentDate().addDays(-days - 2);
    return o;
}

sync::PushOptions allPending(int batchSize, int concurrency)
{
    sync::PushOptions o;
    o.batchSize = batchSize;
    o.concurrency = concurrency;
    o.backoffBaseMs = 50;
    o.backoffCapMs = 400;
    o.settleMs = 100;
    return o;
}

QHash<QString, int> keysInKingdee(const sandbox::Sandbox &s)
{
    QHash<QString, int> keys;
    for (const auto &bill : s.kingdee().books().bills())
        ++keys[bill.remarks()];
    return keys;
}

int scalar(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

// A team's shared ledger on the private PostgreSQL server of scripts/with-postgres.sh: what the
// ledger refuses, and several runs on one ledger never sending one key twice.
class TestLedger final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_server = PgServer::fromEnvironment();
        QVERIFY2(m_server, qPrintable(PgServer::missingExplanation()));
    }

    void init()
    {
        QString error;
        const auto created = m_server->createDatabase(&error);
        QVERIFY2(created, qPrintable(error));
        m_location = *created;
    }

    void wrongPassword_isRefusedSayingSo_andNothingIsWritten()
    {
        StoreLocation wrong = m_location;
        wrong.password = QStringLiteral("not-the-password");
        Database db(wrong);
        const StoreError error = db.open();
        QCOMPARE(error.kind, StoreError::Kind::Denied);
        QVERIFY2(error.message.contains(QStringLiteral("password")), qPrintable(error.message));
        QVERIFY2(error.message.contains(m_location.database), qPrintable(error.message));
        QVERIFY(!error.message.contains(m_location.password)); // never the right one, either
        QVERIFY(!error.message.contains(wrong.password));
        Database right(m_location);
        QVERIFY(right.open(0).ok()); // version 0: nothing was created by the refused attempt
        QCOMPARE(scalar(right,
                        QStringLiteral("SELECT COUNT(*) FROM information_schema.tables"
                                       " WHERE table_schema = 'public'")),
                 0);
    }

    void unreachableServer_isNamedWithinSeconds()
    {
        QTcpServer closed;
        closed.listen(QHostAddress::LocalHost);
        StoreLocation nowhere = m_location;
        nowhere.port = closed.serverPort();
        closed.close();
        Database db(nowhere);
        const StoreError error = db.open();
        QCOMPARE(error.kind, StoreError::Kind::Unreachable);
        QVERIFY2(error.message.contains(QString::number(nowhere.port)), qPrintable(error.message));
        QVERIFY(error.storeCannotWrite());
    }

    void missingDatabase_isNamed()
    {
        StoreLocation missing = m_location;
        missing.database = QStringLiteral("rs_nobody_made_this");
        const StoreError error = Database(missing).open();
        QVERIFY(!error.ok());
        QVERIFY2(error.message.contains(QStringLiteral("rs_nobody_made_this")),
                 qPrintable(error.message));
    }

    void anotherProgramsDatabase_isRefusedAndLeftAsItWas()
    {
        QVERIFY(m_server
                    ->admin({QStringLiteral("CREATE TABLE customers (id INTEGER)")},
                            m_location.database)
                    .isEmpty());
        const StoreError error = Database(m_location).open();
        QCOMPARE(error.kind, StoreError::Kind::NotOurs);
        Database look(m_location);
        QVERIFY(!look.open().ok());
        QCOMPARE(m_server->admin({QStringLiteral("SELECT 1 FROM customers")}, m_location.database),
                 QString());
        QVERIFY(
            !m_server->admin({QStringLiteral("SELECT 1 FROM schema_version")}, m_location.database)
                 .isEmpty());
    }

    void newerSchema_isRefusedAndNotDowngraded()
    {
        {
            Database db(m_location);
            QVERIFY(db.open().ok());
        }
        QVERIFY(
            m_server
                ->admin({QStringLiteral("INSERT INTO schema_version VALUES (99, 'future', 'x')")},
                        m_location.database)
                .isEmpty());
        const StoreError error = Database(m_location).open();
        QCOMPARE(error.kind, StoreError::Kind::NewerVersion);
        QVERIFY2(error.message.contains(QStringLiteral("99")), qPrintable(error.message));
    }

    void twoConnectionsMigratingAtOnce_bothOpenAtTheLatestVersion()
    {
        Database a(m_location);
        Database b(m_location);
        QVERIFY(a.open().ok());
        QVERIFY(b.open().ok());
        QCOMPARE(b.schemaVersion(), latestSchemaVersion());
        QCOMPARE(scalar(a, QStringLiteral("SELECT COUNT(*) FROM schema_version")),
                 latestSchemaVersion());
    }

    void twoRunsOnOneLedger_sendEachKeyOnce_andBothDoTheirShare()
    {
        auto options = fast(160);
        options.faults.dropAfterCommitRate = 0.10;
        options.faults.sessionExpiryEvery = 9;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        Database first(m_location);
        Database second(m_location);
        QVERIFY(first.open().ok());
        QVERIFY(second.open().ok());
        QVERIFY(runFetch(first, sandboxDingTalk(*sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);

        kingdee::KingdeeClient clientA(sandboxKingdee(*sb));
        kingdee::KingdeeClient clientB(sandboxKingdee(*sb));
        sync::PushJob jobA(first, clientA, builtinScheme(), allPending(5, 2));
        sync::PushJob jobB(second, clientB, builtinScheme(), allPending(5, 2));
        std::optional<sync::PushReport> a;
        std::optional<sync::PushReport> b;
        connect(&jobA, &sync::PushJob::finished, this, [&](const sync::PushReport &r) { a = r; });
        connect(&jobB, &sync::PushJob::finished, this, [&](const sync::PushReport &r) { b = r; });
        jobA.start();
        jobB.start();
        QTRY_VERIFY_WITH_TIMEOUT(a && b, 240'000);

        const QHash<QString, int> inKingdee = keysInKingdee(*sb);
        for (auto it = inKingdee.cbegin(); it != inKingdee.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        const QHash<BillState, int> states = BillRepository(first).countByState();
        QCOMPARE(states.value(BillState::Synced), int(inKingdee.size()));
        QCOMPARE(states.value(BillState::Queued) + states.value(BillState::Sending)
                     + states.value(BillState::InDoubt),
                 0);
        // Side by side: each run sent part of the backlog.
        QVERIFY2(a->synced > 0 && b->synced > 0,
                 qPrintable(a->summary() + QStringLiteral(" | ") + b->summary()));
    }

    void aDeadRunsClaims_areTakenOverAndLookedUp_aLiveRunsAreNot()
    {
        auto sb = startSandbox(fast(30));
        QVERIFY(sb);
        Database db(m_location);
        QVERIFY(db.open().ok());
        QVERIFY(runFetch(db, sandboxDingTalk(*sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);
        BillRepository bills(db);
        sync::PushPlanner::plan(db, *builtinScheme(), {}, true); // the bills' drafts
        const QList<BillRecord> pending = bills.inStates({BillState::Pending});
        QVERIFY(pending.size() >= 6);

        // A run on another machine claimed three bills and was sending them when it died (its
        // heartbeat stopped two minutes ago); a live run holds three more.
        const qint64 dead = JobRunRepository(db).start(QStringLiteral("sync"), 0, 0);
        const qint64 live = JobRunRepository(db).start(QStringLiteral("sync"), 0, 0);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE job_runs SET heartbeat_ms = heartbeat_ms - 120000"
                                      " WHERE id = %1")
                           .arg(dead)));
        QList<BillChange> claimDead;
        QList<BillChange> claimLive;
        for (int i = 0; i < 3; ++i) {
            claimDead.append({pending.at(i).key, BillState::Pending, BillState::Queued, {}, {}});
            claimLive.append(
                {pending.at(i + 3).key, BillState::Pending, BillState::Queued, {}, {}});
        }
        QList<BillChange> made;
        QVERIFY(bills.claim(claimDead, {dead, false}, &made).ok());
        QCOMPARE(made.size(), 3);
        QVERIFY(bills.claim(claimLive, {live, false}, &made).ok());
        QCOMPARE(made.size(), 3);
        QList<BillChange> sending;
        QVERIFY(bills
                    .startSending({pending.at(0).key, pending.at(1).key, pending.at(2).key},
                                  {dead, false}, &sending)
                    .ok());
        QCOMPARE(sending.size(), 3);
        // The first of them reached Kingdee before the run died.
        // (Another run's claim cannot be taken while its heartbeat goes on.)
        QVERIFY(bills
                    .claim({{pending.at(3).key, BillState::Queued, BillState::Queued, {}, {}}},
                           {JobRunRepository(db).start(QStringLiteral("sync"), 0, 0), false}, &made)
                    .ok());
        QVERIFY(made.isEmpty());

        const auto report = runPush(db, sandboxKingdee(*sb), allPending(5, 2));
        QVERIFY2(report.synced > 0, qPrintable(report.summary()));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(bills.find(pending.at(i).key)->state, BillState::Synced);
        for (int i = 3; i < 6; ++i)
            QCOMPARE(bills.find(pending.at(i).key)->state,
                     BillState::Queued); // still the live run's
        const QHash<QString, int> inKingdee = keysInKingdee(*sb);
        for (int n : inKingdee)
            QCOMPARE(n, 1);
    }

    void serverStoppedMidSync_aClearError_nothingLost_andTheNextRunFinishes()
    {
        auto options = fast(60);
        options.faults.latencyMs = 20;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        std::optional<Database> db(std::in_place, m_location);
        QVERIFY(db->open().ok());
        QVERIFY(runFetch(*db, sandboxDingTalk(*sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);
        sync::PushOptions push = allPending(5, 1);
        push.claimTimeoutMs = 2'000; // the next run takes over the lost one's bills soon
        const auto stopped = QSharedPointer<bool>::create(false);
        const auto report = runPush(
            *db, sandboxKingdee(*sb), push,
            [stopped] { *stopped = PgServer::control(QStringLiteral("stop")); }, 20);
        QVERIFY2(*stopped, "the server could be stopped");
        // The clerk is told what happened, in words, and the run did not pretend to finish.
        QVERIFY2(report.stopReason.contains(QStringLiteral("lost"))
                     || report.stopReason.contains(QStringLiteral("reach")),
                 qPrintable(report.stopReason));
        QVERIFY(!report.stopReason.contains(m_location.password));
        const int savedWhileUp = int(keysInKingdee(*sb).size());
        QVERIFY(savedWhileUp > 0);

        QVERIFY(PgServer::control(QStringLiteral("start")));
        db.reset();
        Database again(m_location);
        QVERIFY(again.open().ok());
        QTest::qWait(2'500); // the lost run's heartbeat goes stale
        const auto next = runPush(again, sandboxKingdee(*sb), push);
        QVERIFY2(next.failed == 0, qPrintable(next.summary()));
        const QHash<QString, int> inKingdee = keysInKingdee(*sb);
        for (auto it = inKingdee.cbegin(); it != inKingdee.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        const QHash<BillState, int> states = BillRepository(again).countByState();
        QCOMPARE(states.value(BillState::Synced), int(inKingdee.size()));
        QCOMPARE(states.value(BillState::Pending) + states.value(BillState::Queued)
                     + states.value(BillState::Sending) + states.value(BillState::InDoubt),
                 0);
        QVERIFY(inKingdee.size() > savedWhileUp);
    }

    void aCommitOnOneConnection_isAnnouncedToAnotherWithinTwoSeconds()
    {
        Database console(m_location);
        Database worker(m_location);
        QVERIFY(console.open().ok());
        QVERIFY(worker.open().ok());
        LedgerWatcher watcher(console);
        QVERIFY(watcher.isWatching());
        QSignalSpy changed(&watcher, &LedgerWatcher::changed);
        QVERIFY(
            ApplicationRepository(worker).upsert(testdata::application(QStringLiteral("a1"))).ok());
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 2000);
    }

    void storeMigrate_copiesTenThousandApplicationsWithExactTotals_andRefusesASecondTime()
    {
        QTemporaryDir profile;
        const QString file = profile.filePath(QStringLiteral("rebatesync.db"));
        QString sourceTotal;
        {
            Database source(file);
            QVERIFY(source.open().ok());
            QList<ApplicationRecord> batch;
            Decimal total;
            for (int i = 0; i < 10'000; ++i) {
                ApplicationRecord a = testdata::application(QStringLiteral("m%1").arg(i));
                // Every amount different, cents included: a total that only adds up exactly.
                a.amount =
                    QStringLiteral("%1.%2").arg(1000 + i).arg(i % 100, 2, 10, QLatin1Char('0'));
                total += *Decimal::parse(a.amount);
                batch.append(a);
            }
            QVERIFY(ApplicationRepository(source).upsertAll(batch).ok());
            BillRecord b = testdata::bill(QStringLiteral("m7"), QStringLiteral("C0"));
            QVERIFY(BillRepository(source).saveDraft(b).ok());
            sourceTotal = total.toString();
        }
        QFile settings(profile.filePath(QStringLiteral("settings.ini")));
        QVERIFY(settings.open(QIODevice::WriteOnly));
        settings.write(QStringLiteral("[store]\ndriver=sqlite\nhost=%1\nport=%2\ndatabase=%3\n"
                                      "user=%4\n")
                           .arg(m_location.host)
                           .arg(m_location.port)
                           .arg(m_location.database, m_location.user)
                           .toUtf8());
        settings.close();

        const auto migrate = [&](QString *out) {
            QProcess cli;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("REBATESYNC_STORE_PASSWORD"), m_location.password);
            cli.setProcessEnvironment(env);
            cli.start(QStringLiteral(CLI_EXECUTABLE),
                      {QStringLiteral("--profile"), profile.path(), QStringLiteral("store"),
                       QStringLiteral("migrate"), QStringLiteral("--to"),
                       QStringLiteral("postgresql")});
            if (!cli.waitForFinished(120'000))
                return -1;
            *out = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
            return cli.exitCode();
        };
        QString output;
        QVERIFY2(migrate(&output) == 0, qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("applications\t10000")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("application_rows\t20000")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("applications.amount\t") + sourceTotal),
                 qPrintable(output));
        QVERIFY(!output.contains(m_location.password));

        // What the clerks will work with: the ledger, read by the store's own code.
        Database ledger(m_location);
        QVERIFY(ledger.open().ok());
        QCOMPARE(ApplicationRepository(ledger).countByApproval().value(ApprovalState::Approved),
                 10'000);
        QCOMPARE(ApplicationRepository(ledger).find(QStringLiteral("m9999"))->amount,
                 QStringLiteral("10999.99"));
        QCOMPARE(BillRepository(ledger).find(QStringLiteral("m7-C0"))->state, BillState::Pending);
        // The copied log continues with new ids after the copied ones.
        SyncEvent event;
        event.kind = QStringLiteral("test");
        event.message = QStringLiteral("after the move");
        QVERIFY(EventLog(ledger).append(event).ok());
        // The source is still there, whole.
        Database source(file);
        QVERIFY(source.open().ok());
        QCOMPARE(ApplicationRepository(source).countByApproval().value(ApprovalState::Approved),
                 10'000);

        // A second move into the now full ledger copies nothing.
        QCOMPARE(migrate(&output), 2);
        QVERIFY2(output.contains(QStringLiteral("not empty")), qPrintable(output));
        QCOMPARE(ApplicationRepository(ledger).countByApproval().value(ApprovalState::Approved),
                 10'000);
    }

    void threeCliRunsOneKilled_eachKeyOnceInKingdee_andTheNextRunFinishesTheDeadOnesBills()
    {
        QProcess sandbox;
        const QString url = startSandboxProcess(
            sandbox,
            {QStringLiteral("--applications"), QStringLiteral("1000"),
             QStringLiteral("--period-days"), QStringLiteral("20"), QStringLiteral("--qps-limit"),
             QStringLiteral("0"), QStringLiteral("--unknown-customer-rate"), QStringLiteral("0"),
             QStringLiteral("--latency-ms"), QStringLiteral("10"),
             QStringLiteral("--drop-after-commit-rate"), QStringLiteral("0.05"),
             QStringLiteral("--session-expiry-every"), QStringLiteral("40")});
        QVERIFY(!url.isEmpty());
        QTemporaryDir dir;
        const QString profile = dir.filePath(QStringLiteral("profile"));
        QVERIFY(writeSandboxProfile(profile, url,
                                    {{QStringLiteral("kingdee/batch_size"), 10},
                                     {QStringLiteral("kingdee/concurrency"), 2},
                                     {QStringLiteral("store/driver"), QStringLiteral("postgresql")},
                                     {QStringLiteral("store/host"), m_location.host},
                                     {QStringLiteral("store/port"), m_location.port},
                                     {QStringLiteral("store/database"), m_location.database},
                                     {QStringLiteral("store/user"), m_location.user},
                                     {QStringLiteral("store/claim_timeout_seconds"), 15}}));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REBATESYNC_DINGTALK_APP_SECRET"),
                   QStringLiteral("sandbox-app-secret"));
        env.insert(QStringLiteral("REBATESYNC_KINGDEE_APP_SECRET"),
                   QStringLiteral("sandbox-app-secret"));
        env.insert(QStringLiteral("REBATESYNC_STORE_PASSWORD"), m_location.password);
        const auto cli = [&](const QStringList &arguments) {
            auto p = std::make_unique<QProcess>();
            p->setProcessEnvironment(env);
            p->start(QStringLiteral(CLI_EXECUTABLE),
                     QStringList {QStringLiteral("--profile"), profile} + arguments);
            return p;
        };
        auto fetch = cli({QStringLiteral("fetch"), QStringLiteral("--from"),
                          QDate::currentDate().addDays(-22).toString(Qt::ISODate)});
        QVERIFY(fetch->waitForFinished(120'000));
        QVERIFY2(fetch->exitCode() == 0, fetch->readAllStandardError().constData());

        QNetworkAccessManager network;
        const auto billsInKingdee = [&] {
            return send(network, "GET", url + QStringLiteral("/sandbox/bills"))
                .json()
                .object()
                .value(QLatin1String("bills"))
                .toArray();
        };
        std::vector<std::unique_ptr<QProcess>> runs;
        for (int i = 0; i < 3; ++i)
            runs.push_back(cli({QStringLiteral("sync"), QStringLiteral("--all-pending")}));
        QTRY_VERIFY_WITH_TIMEOUT(billsInKingdee().size() >= 150, 120'000);
        QCOMPARE(runs.at(1)->state(), QProcess::Running);
        runs.at(1)->kill(); // SIGKILL: its claims stay behind, some bills in the middle of a send
        QVERIFY(runs.at(1)->waitForFinished());
        QByteArray survivorsOut;
        for (int i : {0, 2}) {
            QVERIFY(runs.at(i)->waitForFinished(240'000));
            QVERIFY2(runs.at(i)->exitCode() <= 1, runs.at(i)->readAllStandardError().constData());
            const QByteArray out = runs.at(i)->readAllStandardOutput();
            QVERIFY2(out.contains("\tsynced\t"), "each survivor sent part of the backlog");
            survivorsOut += out;
        }
        QVERIFY(!survivorsOut.contains("\tfailed\t"));

        // Once the killed run's heartbeat is older than the claim timeout, the next run takes its
        // bills over: those it was sending are looked up in Kingdee, not sent blindly.
        QTest::qWait(16'000);
        auto next = cli({QStringLiteral("sync"), QStringLiteral("--all-pending")});
        QVERIFY(next->waitForFinished(240'000));
        QVERIFY2(next->exitCode() <= 1, next->readAllStandardError().constData());

        QHash<QString, int> keys;
        for (const QJsonValue &bill : billsInKingdee())
            ++keys[bill.toObject().value(QLatin1String("remarks")).toString()];
        QVERIFY(keys.size() > 1000);
        for (auto it = keys.cbegin(); it != keys.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        Database ledger(m_location);
        QVERIFY(ledger.open().ok());
        const QHash<BillState, int> states = BillRepository(ledger).countByState();
        QCOMPARE(states.value(BillState::Synced), int(keys.size()));
        QCOMPARE(states.value(BillState::Pending) + states.value(BillState::Queued)
                     + states.value(BillState::Sending) + states.value(BillState::InDoubt)
                     + states.value(BillState::Failed),
                 0);
        // Who ran them: every run is recorded with this computer's user and name.
        QCOMPARE(scalar(ledger,
                        QStringLiteral("SELECT COUNT(*) FROM job_runs WHERE kind = 'sync'"
                                       " AND os_user IS NOT NULL AND machine <> ''")),
                 4);
        sandbox.kill();
        sandbox.waitForFinished();
    }

    void anotherClerksChange_showsInThisConsolesTableWithinTwoSeconds()
    {
        QTemporaryDir dir;
        UiState uiState(dir.filePath(QStringLiteral("ui-state.ini")));
        Database console(m_location);
        QVERIFY(console.open().ok());
        ApplicationsPane pane(console, uiState);
        pane.reload();
        QTRY_COMPARE(pane.model().rowCount(), 0);
        // Another clerk's run, on its own computer: here, its own connection.
        Database elsewhere(m_location);
        QVERIFY(elsewhere.open().ok());
        QVERIFY(ApplicationRepository(elsewhere)
                    .upsert(testdata::application(QStringLiteral("from-colleague")))
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(pane.model().rowOf(QStringLiteral("from-colleague")) >= 0, 2000);
    }

    // The console keeps one connection for as long as it is open; a server restarted meanwhile
    // (an update, a reboot) must not leave it deaf to colleagues' runs until the clerk restarts.
    void theConsole_saysWhenTheServerIsGone_andReconnectsWhenItIsBack()
    {
        QTemporaryDir dir;
        UiState uiState(dir.filePath(QStringLiteral("ui-state.ini")));
        Database console(m_location);
        QVERIFY(console.open().ok());
        ApplicationsPane pane(console, uiState);
        pane.reload();
        auto *lost = pane.findChild<QLabel *>(QStringLiteral("ledgerLostLabel"));
        QVERIFY(lost);
        QVERIFY(lost->isHidden());

        QVERIFY(PgServer::control(QStringLiteral("stop")));
        QTRY_VERIFY_WITH_TIMEOUT(!lost->isHidden(), 12'000);
        QVERIFY2(lost->text().contains(QStringLiteral("cannot be reached")),
                 qPrintable(lost->text()));
        QVERIFY(!lost->text().contains(m_location.password));

        QVERIFY(PgServer::control(QStringLiteral("start")));
        QTRY_VERIFY_WITH_TIMEOUT(lost->isHidden(), 20'000);
        // Heard again: a colleague's change shows within 2 s, as before the restart.
        Database elsewhere(m_location);
        QVERIFY(elsewhere.open().ok());
        QVERIFY(ApplicationRepository(elsewhere)
                    .upsert(testdata::application(QStringLiteral("after-restart")))
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(pane.model().rowOf(QStringLiteral("after-restart")) >= 0, 2000);
        // And the console's own connection reads again.
        QVERIFY(ApplicationRepository(console).find(QStringLiteral("after-restart")));
    }

private:
    std::optional<PgServer> m_server;
    StoreLocation m_location;
};

QTEST_MAIN(TestLedger)
#include "tst_ledger.moc"
