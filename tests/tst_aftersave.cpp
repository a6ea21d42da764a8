#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "app/sync/aftersavejob.h"
#include "app/sync/pushplanner.h"
#include "fetchtesting.h"
#include "pushtesting.h"
#include "sandboxprofile.h"
#include "sandboxtesting.h"

#include <QProcess>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;
using namespace rs::testing;

// after_save=submit|audit against the sandbox: their own calls after the save, each recorded; a
// refused audit is a visible state retried later without saving again.
class TestAfterSave final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void audit_withARefusal_isRecorded_andRetriedWithoutASecondSave()
    {
        QTemporaryDir dir;
        Database database(dir.filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(database.open().ok());
        auto options = sandboxOptions(30, 20);
        options.dingTalk.qpsLimit = 1000;
        options.data.unknownCustomerRate = 0;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        sync::FetchOptions fetch;
        fetch.from = QDate::currentDate().addDays(-22);
        QVERIFY(runFetch(database, sandboxDingTalk(*sb, 1000), fetch).result
                == sync::FetchReport::Result::Ok);
        sync::PushOptions push;
        push.settleMs = 100;
        const sync::PushReport pushed = runPush(database, sandboxKingdee(*sb), push);
        QStringList keys;
        for (const sync::BillLine &line : pushed.lines) {
            if (line.state == BillState::Synced)
                keys.append(line.key);
        }
        QVERIFY(keys.size() > 3);
        const QString refused = keys.at(1);
        sb->kingdee().books().refuseAudit(refused, QStringLiteral("信用额度不足，审核失败"));
        const qint64 saves = sandboxCalls(*sb, "kingdee.batchSave");

        const auto lines = run(database, *sb, keys);
        QCOMPARE(lines.size(), keys.size());
        for (const sync::AfterSaveLine &line : lines) {
            const BillRecord bill = *BillRepository(database).find(line.key);
            QCOMPARE(bill.state, BillState::Synced); // it is in Kingdee either way
            if (line.key == refused) {
                QCOMPARE(line.status, QStringLiteral("B"));
                QVERIFY(line.error.contains(QStringLiteral("信用额度不足，审核失败")));
                QCOMPARE(bill.afterSaveError, line.error);
                QCOMPARE(bill.kingdeeStatus, QStringLiteral("B"));
            } else {
                QCOMPARE(line.status, QStringLiteral("C"));
                QVERIFY(bill.afterSaveError.isEmpty());
                QCOMPARE(bill.kingdeeStatus, QStringLiteral("C"));
            }
        }
        // One Submit and one Audit call for the whole run, a refused Audit not repeated.
        QCOMPARE(sandboxCalls(*sb, "kingdee.submit"), 1);
        QCOMPARE(sandboxCalls(*sb, "kingdee.audit"), 1);

        // Later: the refusal is lifted; the next run audits it, and saves nothing.
        sb->kingdee().books().refuseAudit(refused, {});
        QCOMPARE(sync::AfterSaveJob::refusedBefore(database), QStringList {refused});
        const auto retried = run(database, *sb, sync::AfterSaveJob::refusedBefore(database));
        QCOMPARE(retried.size(), 1);
        QVERIFY2(retried.at(0).status == QStringLiteral("C"), qPrintable(retried.at(0).error));
        QVERIFY(retried.at(0).error.isEmpty());
        QVERIFY(sync::AfterSaveJob::refusedBefore(database).isEmpty());
        QCOMPARE(sandboxCalls(*sb, "kingdee.batchSave"), saves);
        QCOMPARE(sandboxCalls(*sb, "kingdee.submit"), 1);
    }

    void lostAnswers_areSettledByTheRead()
    {
        QTemporaryDir dir;
        Database database(dir.filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(database.open().ok());
        auto options = sandboxOptions(10, 20);
        options.dingTalk.qpsLimit = 1000;
        options.data.unknownCustomerRate = 0;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        sync::FetchOptions fetch;
        fetch.from = QDate::currentDate().addDays(-22);
        QVERIFY(runFetch(database, sandboxDingTalk(*sb, 1000), fetch).result
                == sync::FetchReport::Result::Ok);
        sync::PushOptions push;
        push.settleMs = 100;
        QStringList keys;
        for (const sync::BillLine &line : runPush(database, sandboxKingdee(*sb), push).lines) {
            if (line.state == BillState::Synced)
                keys.append(line.key);
        }
        sandbox::FaultOptions f = sb->faults().options();
        f.dropAfterCommitRate = 1.0; // every Submit and Audit is done, its answer cut
        sb->faults().setOptions(f);
        for (const sync::AfterSaveLine &line : run(database, *sb, keys)) {
            QCOMPARE(line.status, QStringLiteral("C"));
            QVERIFY(line.error.isEmpty());
        }
        QCOMPARE(sandboxCalls(*sb, "kingdee.submit"), 1);
        QCOMPARE(sandboxCalls(*sb, "kingdee.audit"), 1);
    }

    void cli_syncWithAfterSaveAudit_tellsTheRefusalAndExitsOne()
    {
        QTemporaryDir dir;
        auto options = sandboxOptions(20, 20);
        options.dingTalk.qpsLimit = 1000;
        options.data.unknownCustomerRate = 0;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        const QString profile = dir.filePath(QStringLiteral("profile"));
        QVERIFY(QDir().mkpath(profile));
        QString refused;
        {
            Database store(profile + QStringLiteral("/rebatesync.db"));
            QVERIFY(store.open().ok());
            sync::FetchOptions fetch;
            fetch.from = QDate::currentDate().addDays(-22);
            QVERIFY(runFetch(store, sandboxDingTalk(*sb, 1000), fetch).result
                    == sync::FetchReport::Result::Ok);
            const auto plan = sync::PushPlanner::plan(store, *builtinScheme(), {}, false);
            QVERIFY(!plan.keysToSend.isEmpty());
            refused = plan.keysToSend.constFirst();
        }
        sb->kingdee().books().refuseAudit(refused, QStringLiteral("信用额度不足，审核失败"));
        QVERIFY(
            writeSandboxProfile(profile, sb->baseUrl(),
                                {{QStringLiteral("kingdee/after_save"), QStringLiteral("audit")}}));
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REBATESYNC_KINGDEE_APP_SECRET"),
                   QStringLiteral("sandbox-app-secret"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(CLI_EXECUTABLE),
                  {QStringLiteral("--profile"), profile, QStringLiteral("sync"),
                   QStringLiteral("--all-pending")});
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 60000);
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(
            err.contains(refused + QStringLiteral("\t已保存，但审核被拒绝：信用额度不足，审核失败"))
                || err.contains(refused
                                + QStringLiteral("\tSaved, but the audit was refused: "
                                                 "信用额度不足，审核失败")),
            qPrintable(err));
        int audited = 0;
        for (const sandbox::SavedBill &bill : sb->kingdee().books().bills())
            audited += bill.documentStatus == QLatin1String("C") ? 1 : 0;
        QCOMPARE(audited, int(sb->kingdee().books().bills().size()) - 1);
    }

private:
    static QList<sync::AfterSaveLine> run(const Database &database, const sandbox::Sandbox &sb,
                                          const QStringList &keys)
    {
        kingdee::KingdeeClient client(sandboxKingdee(sb));
        sync::AfterSaveJob job(database, client, builtinScheme(), sync::AfterSave::Audit, keys);
        QSignalSpy spy(&job, &sync::AfterSaveJob::finished);
        job.start();
        if (!spy.wait(60000))
            return {};
        return spy.at(0).at(0).value<QList<sync::AfterSaveLine>>();
    }
};

QTEST_GUILESS_MAIN(TestAfterSave)
#include "tst_aftersave.moc"
