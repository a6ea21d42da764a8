#include "app/store/apiusagerepository.h"
#include "app/store/applicationrepository.h"
#include "app/store/database.h"
#include "app/store/states.h"
#include "app/sync/commentwriteback.h"
#include "app/sync/streamintake.h"
#include "fetchtesting.h"
#include "sandboxprofile.h"
#include "sandboxtesting.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;
using namespace rs::testing;

namespace {

qint64 calls(const sandbox::Sandbox &s, const char *api)
{
    return s.counters().value(QLatin1String(api)).calls;
}

dingtalk::Failure post(sandbox::Sandbox &sb, const QString &id, const QString &user,
                       const QString &text)
{
    dingtalk::DingTalkClient client(sandboxDingTalk(sb, 100));
    dingtalk::Failure result;
    bool done = false;
    client.postComment(id, user, text, [&](const dingtalk::Failure &f) {
        result = f;
        done = true;
    });
    QDeadlineTimer deadline(10'000);
    while (!done && !deadline.hasExpired())
        QTest::qWait(5);
    if (!done)
        result.kind = dingtalk::Failure::Kind::Cancelled;
    return result;
}

// Each application's bills in the store: id → (state names, Kingdee numbers).
QHash<QString, QPair<QStringList, QStringList>> billsByApplication(const QString &dbPath)
{
    QHash<QString, QPair<QStringList, QStringList>> result;
    Database database(dbPath);
    if (!database.open().ok())
        return result;
    QSqlQuery q(database.connection());
    q.exec(QStringLiteral("SELECT application_id, state, kingdee_number FROM bills"
                          " ORDER BY kingdee_number"));
    while (q.next()) {
        auto &entry = result[q.value(0).toString()];
        entry.first.append(q.value(1).toString());
        if (!q.value(2).toString().isEmpty())
            entry.second.append(q.value(2).toString());
    }
    return result;
}

int eventsOfKind(const QString &dbPath, const char *kind, const QString &level = {})
{
    Database database(dbPath);
    if (!database.open().ok())
        return -1;
    QSqlQuery q(database.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM sync_events WHERE kind = ?")
              + (level.isEmpty() ? QString() : QStringLiteral(" AND level = ?")));
    q.addBindValue(QLatin1String(kind));
    if (!level.isEmpty())
        q.addBindValue(level);
    q.exec();
    return q.next() ? q.value(0).toInt() : -1;
}

} // namespace

// Write-back (issue 16): one comment "已生成金蝶其他应收单 …" on each DingTalk instance whose bills
// are all synced, against the sandbox's comments API, and the intake deaf to its own comments.
class TestComments final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sandbox_commentsAreRecordedAndRefusedInDingTalksShape()
    {
        auto options = sandboxOptions(5, 20);
        options.dingTalk.qpsLimit = 1000;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        const QString id = sb->dingTalk().instances().constFirst().id;
        const qint64 quota = sb->dingTalk().quotaUsed();

        QVERIFY(post(*sb, id, QStringLiteral("manager01"), QStringLiteral("已生成 QTYS001")).ok());
        QCOMPARE(sb->dingTalk().comments(id).size(), 1);
        QCOMPARE(sb->dingTalk().comments(id).constFirst().text, QStringLiteral("已生成 QTYS001"));
        QCOMPARE(sb->dingTalk().comments(id).constFirst().userId, QStringLiteral("manager01"));

        const dingtalk::Failure noUser = post(*sb, id, QString(), QStringLiteral("x"));
        QCOMPARE(noUser.kind, dingtalk::Failure::Kind::Rejected);
        QCOMPARE(noUser.code, QStringLiteral("MissingcommentUserId"));
        const dingtalk::Failure unknown =
            post(*sb, QStringLiteral("no-such-instance"), QStringLiteral("u"), QStringLiteral("x"));
        QCOMPARE(unknown.code, QStringLiteral("instanceNotExist"));
        const dingtalk::Failure tooLong =
            post(*sb, id, QStringLiteral("u"), QString(1025, QLatin1Char('a')));
        QCOMPARE(tooLong.code, QStringLiteral("invalidText"));
        QVERIFY(post(*sb, id, QStringLiteral("u"), QString(1024, QLatin1Char('a'))).ok());

        sb->dingTalk().setRefuseComments(true);
        const dingtalk::Failure refused = post(*sb, id, QStringLiteral("u"), QStringLiteral("x"));
        QCOMPARE(refused.kind, dingtalk::Failure::Kind::Configuration);
        QCOMPARE(sb->dingTalk().comments(id).size(), 2); // only the two accepted
        QCOMPARE(calls(*sb, "dingtalk.v1.comment"), 6);
        QCOMPARE(sb->dingTalk().quotaUsed() - quota, 6); // approval calls like the others
    }

    void commentText_namesEveryNumberWithinDingTalksLimit()
    {
        QCOMPARE(sync::CommentWriteBack::commentText({QStringLiteral("QTYS001")}),
                 QStringLiteral("已生成金蝶其他应收单 QTYS001"));
        QCOMPARE(sync::CommentWriteBack::commentText(
                     {QStringLiteral("QTYS001"), QStringLiteral("QTYS002")}),
                 QStringLiteral("已生成金蝶其他应收单 QTYS001、QTYS002"));
        QStringList many;
        for (int i = 0; i < 300; ++i)
            many.append(QStringLiteral("QTYS%1").arg(i, 6, 10, QLatin1Char('0')));
        const QString cut = sync::CommentWriteBack::commentText(many);
        QVERIFY(cut.size() <= 1024);
        QVERIFY(cut.endsWith(QStringLiteral("…（共300张）")));
    }

    void intake_ignoresTheCommentEventAtNoCall()
    {
        QTemporaryDir dir;
        Database database(dir.filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(database.open().ok());
        auto options = sandboxOptions(20, 20);
        options.dingTalk.qpsLimit = 1000;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        dingtalk::DingTalkClient client(sandboxDingTalk(*sb, 200));
        sync::StreamIntake intake(database, client, {});
        QSignalSpy swept(&intake, &sync::StreamIntake::sweepFinished);
        QSignalSpy stored(&intake, &sync::StreamIntake::applicationStored);
        intake.start();
        QVERIFY(swept.wait(10000));
        QTRY_COMPARE(sb->stream().stats().value(QLatin1String("connections")).toInt(), 1);
        const qint64 details = calls(*sb, "dingtalk.get");
        const qint64 listings = calls(*sb, "dingtalk.listids");
        const int events = sb->stream().stats().value(QLatin1String("events")).toInt();
        stored.clear();

        const QString id = sb->dingTalk().instances().constFirst().id;
        QVERIFY(post(*sb, id, QStringLiteral("manager01"), QStringLiteral("已生成 QTYS001")).ok());
        // The comment's own bpms_task_change reached the intake and was acknowledged…
        QCOMPARE(sb->stream().stats().value(QLatin1String("events")).toInt(), events + 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            sb->stream().stats().value(QLatin1String("unacknowledged")).toInt(), 0, 5000);
        QTest::qWait(200);
        // …and cost nothing: no detail call, no listing, nothing stored.
        QCOMPARE(calls(*sb, "dingtalk.get"), details);
        QCOMPARE(calls(*sb, "dingtalk.listids"), listings);
        QCOMPARE(stored.size(), 0);
    }

    void cliSync_commentsEachFullySyncedApplicationOnce()
    {
        QTemporaryDir dir;
        auto options = sandboxOptions(40, 20);
        options.dingTalk.qpsLimit = 1000;
        options.data.unknownCustomerRate = 0.03; // some bills refused: applications not all synced
        auto sb = startSandbox(options);
        QVERIFY(sb);
        const QString profile = dir.filePath(QStringLiteral("profile"));
        const QString dbPath = profile + QStringLiteral("/rebatesync.db");
        QVERIFY(fetchInto(profile, *sb));
        QVERIFY(writeSandboxProfile(
            profile, sb->baseUrl(),
            {{QStringLiteral("dingtalk/comment_user"), QStringLiteral("manager01")}}));

        QString err;
        runSync(profile, &err);
        const auto bills = billsByApplication(dbPath);
        const QString synced = toWireName(BillState::Synced);
        int full = 0;
        int notFull = 0;
        for (auto it = bills.cbegin(); it != bills.cend(); ++it) {
            const bool allSynced = it.value().first.count(synced) == it.value().first.size();
            const auto comments = sb->dingTalk().comments(it.key());
            if (allSynced) {
                ++full;
                QCOMPARE(comments.size(), 1);
                QCOMPARE(comments.constFirst().userId, QStringLiteral("manager01"));
                QCOMPARE(comments.constFirst().text,
                         QStringLiteral("已生成金蝶其他应收单 ")
                             + it.value().second.join(QStringLiteral("、")));
            } else {
                ++notFull;
                QVERIFY2(comments.isEmpty(), qPrintable(it.key()));
            }
        }
        QVERIFY2(full > 5,
                 qPrintable(QStringLiteral("%1 of %2; %3").arg(full).arg(bills.size()).arg(err)));
        QVERIFY2(notFull > 0, "the data must hold an application not all synced");
        QCOMPARE(sb->dingTalk().allComments().size(), full);
        QCOMPARE(eventsOfKind(dbPath, sync::CommentedKind), full);
        // Counted in the month's meter like every approval call.
        {
            Database database(dbPath);
            QVERIFY(database.open().ok());
            qint64 metered = 0;
            for (const ApiUsage &u :
                 ApiUsageRepository(database).month(QDateTime::currentDateTimeUtc()))
                metered += u.api == QLatin1String(api::DingTalkV1Comment) ? u.calls : 0;
            QCOMPARE(metered, qint64(full));
        }

        // A second sync (the refused bills refused again) adds no comment.
        runSync(profile, &err);
        QCOMPARE(calls(*sb, "dingtalk.v1.comment"), qint64(full));
        int total = 0;
        for (const auto &list : sb->dingTalk().allComments())
            total += int(list.size());
        QCOMPARE(total, full);
    }

    void cliSync_refusedComment_endsOkWithAWarning_andTheNextSyncComments()
    {
        QTemporaryDir dir;
        auto options = sandboxOptions(12, 20);
        options.dingTalk.qpsLimit = 1000;
        options.data.unknownCustomerRate = 0;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        const QString profile = dir.filePath(QStringLiteral("profile"));
        const QString dbPath = profile + QStringLiteral("/rebatesync.db");
        QVERIFY(fetchInto(profile, *sb));
        QVERIFY(writeSandboxProfile(
            profile, sb->baseUrl(),
            {{QStringLiteral("dingtalk/comment_user"), QStringLiteral("manager01")}}));
        sb->dingTalk().setRefuseComments(true);

        QString err;
        QCOMPARE(runSync(profile, &err), 0); // the bills are in Kingdee: the sync went well
        QVERIFY2(err.contains(QStringLiteral("DingTalk comment"))
                     || err.contains(QStringLiteral("钉钉评论")),
                 qPrintable(err));
        QVERIFY(sb->dingTalk().allComments().isEmpty());
        const int applications = int(billsByApplication(dbPath).size());
        QVERIFY(applications > 3);
        QVERIFY(eventsOfKind(dbPath, sync::CommentFailedKind, QStringLiteral("warning")) > 0);
        QCOMPARE(eventsOfKind(dbPath, sync::CommentedKind), 0);

        // DingTalk accepts again: the next sync, with nothing left to send, comments each once.
        sb->dingTalk().setRefuseComments(false);
        QCOMPARE(runSync(profile, &err), 0);
        QCOMPARE(int(sb->dingTalk().allComments().size()), applications);
        for (const auto &list : sb->dingTalk().allComments())
            QCOMPARE(list.size(), 1);
        QCOMPARE(eventsOfKind(dbPath, sync::CommentedKind), applications);
        QCOMPARE(runSync(profile, &err), 0);
        QCOMPARE(int(sb->dingTalk().allComments().size()), applications);
        for (const auto &list : sb->dingTalk().allComments())
            QCOMPARE(list.size(), 1);
    }

private:
    static bool fetchInto(const QString &profile, sandbox::Sandbox &sb)
    {
        if (!QDir().mkpath(profile))
            return false;
        Database store(profile + QStringLiteral("/rebatesync.db"));
        if (!store.open().ok())
            return false;
        sync::FetchOptions fetch;
        fetch.from = QDate::currentDate().addDays(-22);
        return runFetch(store, sandboxDingTalk(sb, 1000), fetch).result
            == sync::FetchReport::Result::Ok;
    }

    // `rebatesync-cli sync --all-pending` against the in-process sandbox; its exit code.
    static int runSync(const QString &profile, QString *err)
    {
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REBATESYNC_KINGDEE_APP_SECRET"),
                   QStringLiteral("sandbox-app-secret"));
        env.insert(QStringLiteral("REBATESYNC_DINGTALK_APP_SECRET"),
                   QStringLiteral("sandbox-app-secret"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(CLI_EXECUTABLE),
                  {QStringLiteral("--profile"), profile, QStringLiteral("sync"),
                   QStringLiteral("--all-pending")});
        QDeadlineTimer deadline(120'000);
        while (cli.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(20);
        *err = QString::fromUtf8(cli.readAllStandardError());
        return cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    }
};

QTEST_GUILESS_MAIN(TestComments)
#include "tst_comments.moc"
