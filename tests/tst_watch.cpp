#include "app/store/apiusagerepository.h"
#include "app/store/applicationrepository.h"
#include "app/store/database.h"
#include "app/sync/streamintake.h"
#include "fetchtesting.h"
#include "httptestclient.h"
#include "sandboxprofile.h"
#include "sandboxtesting.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace rs;
using namespace rs::testing;

namespace {

qint64 calls(const sandbox::Sandbox &s, const char *api)
{
    return s.counters().value(QLatin1String(api)).calls;
}

sandbox::SandboxOptions fastOptions(int count, int days)
{
    auto o = sandboxOptions(count, days);
    o.dingTalk.qpsLimit = 1000;
    return o;
}

int running(const sandbox::Sandbox &s)
{
    int n = 0;
    for (const sandbox::SimInstance &i : const_cast<sandbox::Sandbox &>(s).dingTalk().instances())
        n += i.isFinal() ? 0 : 1;
    return n;
}

// Every instance the sandbox holds in a final state is stored in that final state.
bool everyEndedInstanceStored(sandbox::Sandbox &s, const Database &database, QString *missing)
{
    const QHash<QString, ApprovalState> stored = ApplicationRepository(database).approvalById();
    for (const sandbox::SimInstance &i : s.dingTalk().instances()) {
        if (i.isFinal()
            && stored.value(i.id, ApprovalState::InApproval) == ApprovalState::InApproval) {
            *missing = i.id;
            return false;
        }
    }
    return true;
}

} // namespace

// The real-time intake: Stream events and catch-up sweeps into a real SQLite file, against the
// sandbox's Stream gateway; and `rebatesync-cli watch` as a process.
class TestWatch final : public QObject
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

    void eventsWhileConnected_storeEachEndedInstanceOnceWithOneDetailCall()
    {
        auto sb = startSandbox(fastOptions(120, 20));
        QVERIFY(sb);
        dingtalk::DingTalkClient client(
            sandboxDingTalk(*sb, 200, dingtalk::DingTalkConfig::Api::V1));
        sync::StreamIntake intake(*m_database, client, {});
        QSignalSpy swept(&intake, &sync::StreamIntake::sweepFinished);
        QSignalSpy stored(&intake, &sync::StreamIntake::applicationStored);
        intake.start();
        QVERIFY(swept.wait(10000));
        const auto sweep = swept.constFirst().constFirst().value<sync::FetchReport>();
        QCOMPARE(sweep.result, sync::FetchReport::Result::Ok);
        // The first sweep fetches every instance once: open ones too, stored as in approval.
        QCOMPARE(calls(*sb, "dingtalk.v1.instance"), 120);
        // Listing: the open ones of the period, then the ended ones: a page per 20 of each.
        const int open = running(*sb);
        QCOMPARE(calls(*sb, "dingtalk.v1.instanceIds"), (open + 19) / 20 + (120 - open + 19) / 20);
        QVERIFY(running(*sb) >= 6);

        const qint64 before = calls(*sb, "dingtalk.v1.instance");
        const qint64 listingsBefore = calls(*sb, "dingtalk.v1.instanceIds");
        stored.clear();
        for (int i = 0; i < 6; ++i)
            QVERIFY(sb->dingTalk().completeOldestRunning(QDateTime::currentMSecsSinceEpoch()));
        QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 6, 10000);
        QCOMPARE(calls(*sb, "dingtalk.v1.instance") - before, 6); // exactly one each
        QCOMPARE(calls(*sb, "dingtalk.v1.instanceIds"), listingsBefore); // no listing
        QString missing;
        QVERIFY2(everyEndedInstanceStored(*sb, *m_database, &missing), qPrintable(missing));
        // Each push counted for the month's allowance, apart from the calls.
        QCOMPARE(ApiUsageRepository(*m_database).dingTalkMonthEvents(), 6);
        QCOMPARE(ApiUsageRepository(*m_database).dingTalkQuotaCalls(), sb->dingTalk().quotaUsed());
    }

    void duplicatesRedeliveriesStartEventsAndOtherProcesses_costNoCall()
    {
        auto sb = startSandbox(fastOptions(120, 20));
        QVERIFY(sb);
        sb->stream().options().duplicateRate = 1.0;
        sb->stream().options().lostAckRate = 0.5;
        sb->stream().options().redeliverMs = 150;
        dingtalk::DingTalkClient client(sandboxDingTalk(*sb, 200));
        sync::StreamIntake intake(*m_database, client, {});
        QSignalSpy swept(&intake, &sync::StreamIntake::sweepFinished);
        QSignalSpy stored(&intake, &sync::StreamIntake::applicationStored);
        intake.start();
        QVERIFY(swept.wait(10000));
        const qint64 before = calls(*sb, "dingtalk.get");
        stored.clear();

        sandbox::SimInstance other = sb->dingTalk().instances().constFirst();
        sb->stream().publish(other, QStringLiteral("start"));
        other.processCode = QStringLiteral("PROC-OTHER");
        sb->stream().publish(other, QStringLiteral("finish"));
        for (int i = 0; i < 4; ++i)
            QVERIFY(sb->dingTalk().completeOldestRunning(QDateTime::currentMSecsSinceEpoch()));
        QTRY_COMPARE_WITH_TIMEOUT(
            sb->stream().stats().value(QLatin1String("unacknowledged")).toInt(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 4, 5000);
        QTest::qWait(300);
        QCOMPARE(stored.size(), 4);
        QCOMPARE(calls(*sb, "dingtalk.get") - before, 4);
        QVERIFY(sb->stream().stats().value(QLatin1String("redeliveries")).toInt() > 0);
    }

    void shortGaps_coveredByRedeliveryWithoutASweep()
    {
        auto sb = startSandbox(fastOptions(150, 20));
        QVERIFY(sb);
        sb->stream().options().redeliverMs = 1000; // held about 3 s for a client that is away
        dingtalk::DingTalkClient client(
            sandboxDingTalk(*sb, 200, dingtalk::DingTalkConfig::Api::V1));
        sync::StreamIntake intake(*m_database, client, {});
        intake.stream().setBackoff({300, 1000, 0.2});
        QSignalSpy swept(&intake, &sync::StreamIntake::sweepFinished);
        QSignalSpy skipped(&intake, &sync::StreamIntake::sweepSkipped);
        intake.start();
        QVERIFY(swept.wait(10000));
        const qint64 listings = calls(*sb, "dingtalk.v1.instanceIds");

        // A disconnect frame, approvals at once; then an abrupt drop, approvals while no
        // connection is open. Both gaps are short: what they held is delivered again.
        sb->stream().disconnectAll(2000);
        sb->dingTalk().completeOldestRunning(QDateTime::currentMSecsSinceEpoch());
        QTRY_COMPARE_WITH_TIMEOUT(skipped.size(), 1, 10000);
        sb->stream().dropAll();
        for (int i = 0; i < 3; ++i)
            sb->dingTalk().completeOldestRunning(QDateTime::currentMSecsSinceEpoch());
        QTRY_COMPARE_WITH_TIMEOUT(skipped.size(), 2, 10000);
        QString missing;
        QTRY_VERIFY2_WITH_TIMEOUT(everyEndedInstanceStored(*sb, *m_database, &missing),
                                  qPrintable(missing), 10000);
        QCOMPARE(intake.sweeps(), 1);
        QCOMPARE(calls(*sb, "dingtalk.v1.instanceIds"), listings); // no listing at all
        QCOMPARE(sb->stream().stats().value(QLatin1String("lost")).toInt(), 0);
        QCOMPARE(intake.worst(), sync::FetchReport::Result::Ok);
    }

    void longGap_sweepsAndMissesNothing()
    {
        auto sb = startSandbox(fastOptions(150, 20));
        QVERIFY(sb);
        // The gateway keeps nothing for a client that is away: whatever ends meanwhile is lost.
        sb->stream().options().maxDeliveries = 1;
        sb->stream().options().redeliverMs = 100;
        dingtalk::DingTalkClient client(
            sandboxDingTalk(*sb, 200, dingtalk::DingTalkConfig::Api::V1));
        sync::StreamIntake intake(*m_database, client, {});
        intake.stream().setBackoff({600, 1000, 0.2});
        intake.setShortGapMs(300); // the drop's gap (600 ms or more) is a long one here
        QSignalSpy swept(&intake, &sync::StreamIntake::sweepFinished);
        intake.start();
        QVERIFY(swept.wait(10000));

        sb->stream().dropAll();
        for (int i = 0; i < 3; ++i)
            sb->dingTalk().completeOldestRunning(QDateTime::currentMSecsSinceEpoch());
        QTRY_COMPARE_WITH_TIMEOUT(swept.size(), 2, 10000);
        QVERIFY(sb->stream().stats().value(QLatin1String("lost")).toInt() >= 1);
        QString missing;
        QTRY_VERIFY2_WITH_TIMEOUT(everyEndedInstanceStored(*sb, *m_database, &missing),
                                  qPrintable(missing), 5000);
        QCOMPARE(intake.sweeps(), 2);
        QCOMPARE(intake.worst(), sync::FetchReport::Result::Ok);
    }

    void safetySweep_skippedWhenTheMonthsCallsAreAlmostSpent()
    {
        auto sb = startSandbox(fastOptions(60, 20));
        QVERIFY(sb);
        dingtalk::DingTalkClient client(
            sandboxDingTalk(*sb, 200, dingtalk::DingTalkConfig::Api::V1));
        sync::StreamIntake intake(*m_database, client, {});
        intake.setSafetySweepMs(400);
        QSignalSpy swept(&intake, &sync::StreamIntake::sweepFinished);
        QSignalSpy skipped(&intake, &sync::StreamIntake::sweepSkipped);
        intake.start();
        QVERIFY(swept.wait(10000));
        // With calls to spare the safety sweep runs...
        QTRY_COMPARE_WITH_TIMEOUT(swept.size(), 2, 5000);
        QCOMPARE(skipped.size(), 0);
        // ...and with 95 % of the allowance spent it does not: the rest is for events.
        const qint64 used = ApiUsageRepository(*m_database).dingTalkQuotaCalls();
        const int quota = int(used * 100 / 96);
        intake.setMonthlyQuota(quota);
        QTRY_VERIFY_WITH_TIMEOUT(skipped.size() >= 1, 5000);
        const qsizetype sweptBefore = swept.size(); // one may have been under way
        QTRY_VERIFY_WITH_TIMEOUT(skipped.size() >= 3, 5000);
        QCOMPARE(swept.size(), sweptBefore);
        // The reason names the allowance (and what is used of it, which a sweep under way when the
        // quota was set may have raised).
        QVERIFY2(skipped.constLast().constFirst().toString().contains(
                     QStringLiteral("month's %1 DingTalk calls").arg(quota)),
                 qPrintable(skipped.constLast().constFirst().toString()));
        // An event still costs its one call and is stored.
        QSignalSpy stored(&intake, &sync::StreamIntake::applicationStored);
        QVERIFY(sb->dingTalk().completeOldestRunning(QDateTime::currentMSecsSinceEpoch()));
        QVERIFY(stored.wait(5000));
    }

    void cheapPolling_v1RunWithNothingNewCostsTwoShortListings()
    {
        auto sb = startSandbox(fastOptions(300, 30));
        QVERIFY(sb);
        const auto config = sandboxDingTalk(*sb, 400, dingtalk::DingTalkConfig::Api::V1);
        sync::FetchOptions options;
        options.statuses = sync::StreamIntake::endedStatuses();
        QCOMPARE(runFetch(*m_database, config, options).result, sync::FetchReport::Result::Ok);
        QCOMPARE(calls(*sb, "dingtalk.v1.instance"), 300);
        const int open = running(*sb);
        QVERIFY(open > 20);
        const qint64 listings = calls(*sb, "dingtalk.v1.instanceIds");

        const auto second = runFetch(*m_database, config, options);
        QCOMPARE(second.result, sync::FetchReport::Result::Ok);
        QCOMPARE(calls(*sb, "dingtalk.v1.instance"), 300); // no open instance fetched again
        const qint64 cost = calls(*sb, "dingtalk.v1.instanceIds") - listings;
        // The open ones, a page per 20, plus the ended ones since the last run (within at most the
        // last week, the bound below): not 300/20 pages and every open one again.
        int recentEnded = 0;
        const qint64 weekAgo = QDateTime::currentMSecsSinceEpoch() - 7LL * 24 * 3600 * 1000;
        for (const sandbox::SimInstance &i : sb->dingTalk().instances())
            recentEnded += i.isFinal() && i.createMs >= weekAgo - 60'000 ? 1 : 0;
        QVERIFY2(cost <= (open + 19) / 20 + (recentEnded + 19) / 20 + 1,
                 qPrintable(QString::number(cost)));
        qInfo("v1 poll with nothing new: %lld calls (%d open, %d ended in the last week)", cost,
              open, recentEnded);

        // One approval of an old open instance: the next run finds it with one detail call.
        QVERIFY(sb->dingTalk().completeOldestRunning(QDateTime::currentMSecsSinceEpoch()));
        const auto third = runFetch(*m_database, config, options);
        QCOMPARE(third.stored, 1);
        QCOMPARE(calls(*sb, "dingtalk.v1.instance"), 301);
        QString missing;
        QVERIFY2(everyEndedInstanceStored(*sb, *m_database, &missing), qPrintable(missing));
    }

    void watchCommand_printsEachStoredInstanceAndEndsCleanly()
    {
        QProcess sandbox;
        const QString url =
            startSandboxProcess(sandbox,
                                {QStringLiteral("--applications"), QStringLiteral("60"),
                                 QStringLiteral("--period-days"), QStringLiteral("20"),
                                 QStringLiteral("--qps-limit"), QStringLiteral("1000")});
        QVERIFY(!url.isEmpty());
        const QString profile = m_dir->filePath(QStringLiteral("profile"));
        QVERIFY(writeSandboxProfile(profile, url,
                                    {{QStringLiteral("dingtalk/intake"), QStringLiteral("stream")},
                                     {QStringLiteral("dingtalk/api"), QStringLiteral("v1")}}));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REBATESYNC_DINGTALK_APP_SECRET"),
                   QStringLiteral("sandbox-app-secret"));
        QProcess watch;
        watch.setProcessEnvironment(env);
        watch.start(QStringLiteral(CLI_EXECUTABLE),
                    {QStringLiteral("--profile"), profile, QStringLiteral("watch")});
        QVERIFY(watch.waitForStarted());
        // The sweep's lines come first; then an approval's line arrives while it runs.
        QNetworkAccessManager network;
        QTRY_VERIFY_WITH_TIMEOUT(watch.bytesAvailable() > 0, 10000);
        QTest::qWait(500);
        const QByteArray sweepLines = watch.readAll();
        const QJsonArray instances =
            send(network, "GET", url + QStringLiteral("/sandbox/instances"))
                .json()
                .object()
                .value(QLatin1String("instances"))
                .toArray();
        QString runningId;
        for (const QJsonValue &v : instances) {
            if (v.toObject().value(QLatin1String("status")).toString() == QLatin1String("RUNNING"))
                runningId = v.toObject().value(QLatin1String("id")).toString();
        }
        QVERIFY(!runningId.isEmpty());
        QVERIFY(sweepLines.contains(QByteArray(runningId.toUtf8() + "\tin_approval\n")));
        send(network, "POST", url + QStringLiteral("/sandbox/complete?id=") + runningId);
        QByteArray line;
        QTRY_VERIFY_WITH_TIMEOUT((line += watch.readAll()).contains(runningId.toUtf8()), 5000);
        QVERIFY(line.contains(QByteArray(runningId.toUtf8() + "\tapproved\n")));
        for (const QByteArray &l : sweepLines.split('\n')) {
            if (!l.isEmpty())
                QCOMPARE(l.split('\t').size(), 2);
        }

        ::kill(pid_t(watch.processId()), SIGTERM);
        QVERIFY(watch.waitForFinished(10000));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);

        QProcess status;
        status.start(QStringLiteral(CLI_EXECUTABLE),
                     {QStringLiteral("--profile"), profile, QStringLiteral("status"),
                      QStringLiteral("--json")});
        QVERIFY(status.waitForFinished(10000));
        const QJsonObject json = QJsonDocument::fromJson(status.readAllStandardOutput()).object();
        QCOMPARE(json.value(QLatin1String("dingtalk_month_events")).toInt(), 1);
        sandbox.kill();
        sandbox.waitForFinished();
    }

    void watchCommand_autoSyncOn_kingdeeHoldsOneBillPerArrivedApproval()
    {
        QProcess sandbox;
        const QString url =
            startSandboxProcess(sandbox,
                                {QStringLiteral("--applications"), QStringLiteral("30"),
                                 QStringLiteral("--period-days"), QStringLiteral("20"),
                                 QStringLiteral("--qps-limit"), QStringLiteral("1000"),
                                 QStringLiteral("--unknown-customer-rate"), QStringLiteral("0")});
        QVERIFY(!url.isEmpty());
        const QString profile = m_dir->filePath(QStringLiteral("profile"));
        QVERIFY(writeSandboxProfile(
            profile, url,
            {{QStringLiteral("dingtalk/intake"), QStringLiteral("stream")},
             {QStringLiteral("dingtalk/api"), QStringLiteral("v1")},
             {QStringLiteral("schedule/auto_sync"), QStringLiteral("on")},
             {QStringLiteral("kingdee/after_save"), QStringLiteral("submit")}}));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REBATESYNC_DINGTALK_APP_SECRET"),
                   QStringLiteral("sandbox-app-secret"));
        env.insert(QStringLiteral("REBATESYNC_KINGDEE_APP_SECRET"),
                   sandbox::KingdeeOptions {}.appSecret);
        QProcess watch;
        watch.setProcessEnvironment(env);
        watch.start(QStringLiteral(CLI_EXECUTABLE),
                    {QStringLiteral("--profile"), profile, QStringLiteral("watch")});
        QVERIFY(watch.waitForStarted());
        QNetworkAccessManager network;
        const auto get = [&](const char *path) {
            return send(network, "GET", url + QLatin1String(path)).json().object();
        };
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT(!(out += watch.readAllStandardOutput()).isEmpty(), 15000);
        QTest::qWait(1000); // the start's sweep

        // Two approvals while it watches.
        QStringList arrived;
        for (const QJsonValue &v :
             get("/sandbox/instances").value(QLatin1String("instances")).toArray()) {
            const QJsonObject i = v.toObject();
            if (arrived.size() < 2
                && i.value(QLatin1String("status")).toString() == QLatin1String("RUNNING"))
                arrived.append(i.value(QLatin1String("id")).toString());
        }
        QCOMPARE(arrived.size(), 2);
        for (const QString &id : std::as_const(arrived))
            send(network, "POST", url + QStringLiteral("/sandbox/complete?result=agree&id=") + id);
        for (const QString &id : std::as_const(arrived))
            QTRY_VERIFY_WITH_TIMEOUT((out += watch.readAllStandardOutput())
                                         .contains(QByteArray(id.toUtf8() + "\tapproved\n")),
                                     10000);

        // Every approved application's bills are synced: once each in Kingdee, none else.
        const auto approvedKeys = [&] {
            QProcess list;
            list.start(QStringLiteral(CLI_EXECUTABLE),
                       {QStringLiteral("--profile"), profile, QStringLiteral("list"),
                        QStringLiteral("--json")});
            list.waitForFinished(10000);
            QStringList keys;
            for (const QJsonValue &a :
                 QJsonDocument::fromJson(list.readAllStandardOutput()).array()) {
                if (a[QLatin1String("approval")].toString() != QLatin1String("approved"))
                    continue;
                for (const QJsonValue &b : a[QLatin1String("bills")].toArray())
                    keys.append(b[QLatin1String("key")].toString() + QLatin1Char('=')
                                + b[QLatin1String("state")].toString());
            }
            keys.sort();
            return keys;
        };
        const auto kingdeeKeys = [&] {
            QStringList keys;
            for (const QJsonValue &b :
                 get("/sandbox/bills").value(QLatin1String("bills")).toArray())
                keys.append(b[QLatin1String("remarks")].toString() + QStringLiteral("=synced"));
            keys.sort();
            return keys;
        };
        // The two arrivals synced, read from `list` like a clerk would (an arrival whose bills
        // are not drafted yet has no keys, so the key lists alone could agree too early).
        const auto arrivedSynced = [&] {
            QProcess list;
            list.start(QStringLiteral(CLI_EXECUTABLE),
                       {QStringLiteral("--profile"), profile, QStringLiteral("list"),
                        QStringLiteral("--json")});
            list.waitForFinished(10000);
            int synced = 0;
            for (const QJsonValue &a :
                 QJsonDocument::fromJson(list.readAllStandardOutput()).array()) {
                if (arrived.contains(a[QLatin1String("id")].toString())
                    && a[QLatin1String("sync")].toString() == QLatin1String("synced"))
                    ++synced;
            }
            return synced;
        };
        QTRY_VERIFY_WITH_TIMEOUT(arrivedSynced() == 2 && kingdeeKeys() == approvedKeys(), 40000);
        const QStringList inKingdee = kingdeeKeys();
        QCOMPARE(int(QSet<QString>(inKingdee.cbegin(), inKingdee.cend()).size()),
                 int(inKingdee.size())); // none twice
        // [kingdee] after_save=submit applies as after `sync`: each bill submitted (status B).
        const auto allSubmitted = [&] {
            const QJsonArray bills = get("/sandbox/bills").value(QLatin1String("bills")).toArray();
            for (const QJsonValue &b : bills) {
                if (b[QLatin1String("status")].toString() != QLatin1String("B"))
                    return false;
            }
            return !bills.isEmpty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(allSubmitted(), 10000);

        ::kill(pid_t(watch.processId()), SIGTERM);
        QVERIFY(watch.waitForFinished(10000));
        QCOMPARE(watch.exitCode(), 0);
        out += watch.readAllStandardOutput();
        // stdout keeps the contract's lines; the sync's lines went to stderr.
        for (const QByteArray &l : out.split('\n')) {
            if (!l.isEmpty())
                QCOMPARE(l.split('\t').size(), 2);
        }
        QVERIFY(watch.readAllStandardError().contains("\tsynced\t"));
        sandbox.kill();
        sandbox.waitForFinished();
    }

    void watchCommand_wrongSecretExits2WithDingTalksWords()
    {
        QProcess sandbox;
        const QString url =
            startSandboxProcess(sandbox, {QStringLiteral("--applications"), QStringLiteral("5")});
        QVERIFY(!url.isEmpty());
        const QString profile = m_dir->filePath(QStringLiteral("profile"));
        QVERIFY(writeSandboxProfile(profile, url));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REBATESYNC_DINGTALK_APP_SECRET"), QStringLiteral("wrong"));
        QProcess watch;
        watch.setProcessEnvironment(env);
        watch.start(QStringLiteral(CLI_EXECUTABLE),
                    {QStringLiteral("--profile"), profile, QStringLiteral("watch"),
                     QStringLiteral("--seconds"), QStringLiteral("20")});
        QVERIFY(watch.waitForFinished(10000));
        QCOMPARE(watch.exitCode(), 2);
        const QString err = QString::fromUtf8(watch.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("无效的clientId或者clientSecret")), qPrintable(err));
        QVERIFY(!err.contains(QLatin1String("wrong")));
        sandbox.kill();
        sandbox.waitForFinished();
    }

    void watchCommand_secondsEndsTheRun()
    {
        QProcess sandbox;
        const QString url =
            startSandboxProcess(sandbox, {QStringLiteral("--applications"), QStringLiteral("5")});
        QVERIFY(!url.isEmpty());
        const QString profile = m_dir->filePath(QStringLiteral("profile"));
        QVERIFY(writeSandboxProfile(profile, url));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REBATESYNC_DINGTALK_APP_SECRET"),
                   QStringLiteral("sandbox-app-secret"));
        QProcess watch;
        watch.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        watch.start(QStringLiteral(CLI_EXECUTABLE),
                    {QStringLiteral("--profile"), profile, QStringLiteral("watch"),
                     QStringLiteral("--seconds"), QStringLiteral("2")});
        QVERIFY(watch.waitForFinished(10000));
        QCOMPARE(watch.exitCode(), 0);
        QVERIFY(timer.elapsed() >= 1900);
        QProcess bad;
        bad.start(QStringLiteral(CLI_EXECUTABLE),
                  {QStringLiteral("--profile"), profile, QStringLiteral("watch"),
                   QStringLiteral("--seconds"), QStringLiteral("soon")});
        QVERIFY(bad.waitForFinished(10000));
        QCOMPARE(bad.exitCode(), 2);
        sandbox.kill();
        sandbox.waitForFinished();
    }

    void cliRuns_alertTheGroupRobotAndSayAQuotaLevelOnce()
    {
        QProcess sandbox;
        const QString url =
            startSandboxProcess(sandbox, {QStringLiteral("--applications"), QStringLiteral("30")});
        QVERIFY(!url.isEmpty());
        const QString profile = m_dir->filePath(QStringLiteral("profile"));
        QVERIFY(writeSandboxProfile(
            profile, url,
            {{QStringLiteral("alerts/robot"), QStringLiteral("on")},
             {QStringLiteral("alerts/robot_url"), QString(url + QStringLiteral("/robot/send"))},
             {QStringLiteral("dingtalk/monthly_quota"), 10}}));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REBATESYNC_DINGTALK_ROBOT_TOKEN"),
                   sandbox::RobotOptions().accessToken);
        env.insert(QStringLiteral("REBATESYNC_DINGTALK_ROBOT_SECRET"),
                   sandbox::RobotOptions().secret);
        const auto run = [&](const QString &appSecret, const QString &command) {
            QProcess cli;
            QProcessEnvironment e = env;
            e.insert(QStringLiteral("REBATESYNC_DINGTALK_APP_SECRET"), appSecret);
            cli.setProcessEnvironment(e);
            cli.start(QStringLiteral(CLI_EXECUTABLE),
                      {QStringLiteral("--profile"), profile, command, QStringLiteral("--seconds"),
                       QStringLiteral("2")});
            cli.waitForFinished(30000);
            return cli.exitCode();
        };
        QNetworkAccessManager network;
        const auto messages = [&] {
            QStringList texts;
            const QJsonArray all = send(network, "GET", url + QStringLiteral("/sandbox/robot"))
                                       .json()
                                       .object()
                                       .value(QLatin1String("messages"))
                                       .toArray();
            for (const QJsonValue &m : all)
                texts.append(QString::fromUtf8(QJsonDocument(m.toObject()).toJson()));
            return texts;
        };
        QCOMPARE(run(QStringLiteral("wrong"), QStringLiteral("watch")), 2);
        QTRY_COMPARE(messages().size(), 1); // the refused credentials reach the group
        QVERIFY(messages().constFirst().contains(QStringLiteral("无效的clientId或者clientSecret")));

        // A watch that spends more than the 10-call quota: one quota alert, not one per run.
        QCOMPARE(run(QStringLiteral("sandbox-app-secret"), QStringLiteral("watch")), 0);
        QCOMPARE(run(QStringLiteral("sandbox-app-secret"), QStringLiteral("watch")), 0);
        int quota = 0;
        for (const QString &m : messages())
            quota += m.contains(QLatin1String("quota")) ? 1 : 0;
        QCOMPARE(quota, 1);
        sandbox.kill();
        sandbox.waitForFinished();
    }

private:
    std::optional<QTemporaryDir> m_dir;
    std::optional<Database> m_database;
};

QTEST_GUILESS_MAIN(TestWatch)
#include "tst_watch.moc"
