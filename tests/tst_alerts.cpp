#include "alertstesting.h"
#include "app/alerts/alertdispatcher.h"
#include "app/alerts/alertrules.h"
#include "app/alerts/budget.h"
#include "app/alerts/robotclient.h"
#include "app/alerts/scheduler.h"
#include "app/store/apiusagerepository.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "app/sync/fetchreport.h"
#include "app/sync/pushreport.h"
#include "sandboxtesting.h"
#include "storetestdata.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace rs;
using rs::alerts::Alert;

namespace {

constexpr int kNetworkTimeoutMs = 20'000;

Alert failure(int i)
{
    return {Alert::Kind::RunFailures, QStringLiteral("failure #%1").arg(i),
            QStringLiteral("bill B%1 refused").arg(i), QDateTime::currentMSecsSinceEpoch()};
}

sync::PushReport pushWith(int failed, sync::PushReport::Result result = {})
{
    sync::PushReport report;
    report.result = result;
    report.failed = failed;
    report.stopReason = QStringLiteral("Kingdee refused the sign-in");
    return report;
}

} // namespace

class AlertsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void robot_rightSecret_isAcceptedBySandboxSignatureCheck()
    {
        auto sandbox = testing::startSandbox(testing::sandboxOptions(1, 1));
        QVERIFY(sandbox);
        alerts::RobotClient robot(testing::sandboxRobot(*sandbox));
        std::optional<alerts::RobotAnswer> answer;
        robot.send(QStringLiteral("标题 title"), QStringLiteral("正文 + / = body"),
                   [&](const alerts::RobotAnswer &a) { answer = a; });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), kNetworkTimeoutMs);
        QVERIFY2(answer->ok, qPrintable(answer->message));
        QCOMPARE(testing::robotContents(*sandbox),
                 QStringList {QStringLiteral("标题 title\n正文 + / = body")});
    }

    void dispatcher_wrongSecret_reportsTheRobotsOwnAnswerWithoutSecrets()
    {
        auto sandbox = testing::startSandbox(testing::sandboxOptions(1, 1));
        QVERIFY(sandbox);
        const QString wrong = QStringLiteral("not-the-secret-1234");
        alerts::RobotClient robot(testing::sandboxRobot(*sandbox, wrong));
        alerts::AlertDispatcher dispatcher;
        dispatcher.setRobot(&robot);
        QSignalSpy failed(&dispatcher, &alerts::AlertDispatcher::robotFailed);
        QSignalSpy raised(&dispatcher, &alerts::AlertDispatcher::alertRaised);
        dispatcher.dispatch(failure(1));
        QCOMPARE(raised.count(), 1); // the tray hears of it at once, whatever the robot says
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kNetworkTimeoutMs);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(QLatin1String("sign not match")), qPrintable(message));
        QVERIFY(!message.contains(wrong));
        QVERIFY(!message.contains(sandbox::RobotOptions().accessToken));
        QVERIFY(sandbox->robot().messages().isEmpty());
    }

    void robot_unreachable_errorTextHasNoTokenOrSecret()
    {
        alerts::RobotConfig config {QUrl(QStringLiteral("http://127.0.0.1:1/robot/send")),
                                    QStringLiteral("tok-secret-abc"),
                                    QStringLiteral("sec-secret-xyz"), 5'000};
        alerts::RobotClient robot(config);
        std::optional<alerts::RobotAnswer> answer;
        robot.send(QStringLiteral("t"), QStringLiteral("x"),
                   [&](const alerts::RobotAnswer &a) { answer = a; });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), kNetworkTimeoutMs);
        QVERIFY(!answer->ok);
        QVERIFY(!answer->message.isEmpty());
        QVERIFY(!answer->message.contains(QLatin1String("tok-secret-abc")));
        QVERIFY(!answer->message.contains(QLatin1String("sec-secret-xyz")));
        QVERIFY(!answer->message.contains(QLatin1String("sign=")));
    }

    void burstOf100_atMost20RobotMessagesAMinute_andTheDigestCarriesTheRest()
    {
        // One clock for the dispatcher and the robot, moved by the test instead of waiting.
        auto now = std::make_shared<qint64>(QDateTime::currentMSecsSinceEpoch());
        auto clock = [now] {
            return *now;
        };
        sandbox::SandboxOptions options = testing::sandboxOptions(1, 1);
        options.robot.now = clock;
        auto sandbox = testing::startSandbox(options);
        QVERIFY(sandbox);
        alerts::RobotClient robot(testing::sandboxRobot(*sandbox), clock);
        alerts::AlertDispatcher dispatcher(clock);
        dispatcher.setRobot(&robot);
        QSignalSpy raised(&dispatcher, &alerts::AlertDispatcher::alertRaised);
        QSignalSpy delivered(&dispatcher, &alerts::AlertDispatcher::robotDelivered);
        QSignalSpy failed(&dispatcher, &alerts::AlertDispatcher::robotFailed);

        // 100 runs ending one after the other within the same minute, each with a failure.
        for (int i = 1; i <= 100; ++i) {
            dispatcher.dispatch(failure(i));
            QTRY_VERIFY_WITH_TIMEOUT(!dispatcher.isSending(), kNetworkTimeoutMs);
            *now += 100;
        }
        QCOMPARE(raised.count(), 100);
        QCOMPARE(sandbox->robot().messages().size(), 20);
        QCOMPARE(failed.count(), 0); // never over the limit, never muted
        QCOMPARE(sandbox->counters().value(QStringLiteral("dingtalk.robot")).throttled, 0);
        QCOMPARE(dispatcher.waiting(), 80);

        *now += alerts::AlertDispatcher::kWindowMs;
        dispatcher.pump();
        QTRY_COMPARE_WITH_TIMEOUT(sandbox->robot().messages().size(), 21, kNetworkTimeoutMs);
        QTRY_VERIFY(!dispatcher.isSending());
        QCOMPARE(dispatcher.waiting(), 0);

        int accounted = 0;
        for (const QList<QVariant> &signal : std::as_const(delivered))
            accounted += signal.at(0).toInt();
        QCOMPARE(accounted, 100);
        const QStringList contents = testing::robotContents(*sandbox);
        const QString digest = contents.constLast();
        QVERIFY2(digest.contains(QLatin1String("80")), qPrintable(digest));
        for (int i = 1; i <= 100; ++i) {
            const QString title = QStringLiteral("failure #%1\n").arg(i);
            const QString line = QStringLiteral("failure #%1: ").arg(i);
            const bool found =
                std::any_of(contents.cbegin(), contents.cend(), [&](const QString &c) {
                    return c.startsWith(title) || c.contains(line);
                });
            QVERIFY2(found, qPrintable(title));
        }
    }

    void burstOf100AtOnce_goesOutInFewMessagesAndLosesNothing()
    {
        auto sandbox = testing::startSandbox(testing::sandboxOptions(1, 1));
        QVERIFY(sandbox);
        alerts::RobotClient robot(testing::sandboxRobot(*sandbox));
        alerts::AlertDispatcher dispatcher;
        dispatcher.setRobot(&robot);
        QSignalSpy delivered(&dispatcher, &alerts::AlertDispatcher::robotDelivered);
        QList<Alert> burst;
        for (int i = 1; i <= 100; ++i)
            burst.append(failure(i));
        dispatcher.dispatchAll(burst);
        QTRY_VERIFY_WITH_TIMEOUT(dispatcher.waiting() == 0 && !dispatcher.isSending(),
                                 kNetworkTimeoutMs);
        QVERIFY(sandbox->robot().messages().size() <= 20);
        int accounted = 0;
        for (const QList<QVariant> &signal : std::as_const(delivered))
            accounted += signal.at(0).toInt();
        QCOMPARE(accounted, 100);
        QVERIFY(testing::robotContents(*sandbox).constLast().contains(QLatin1String("99")));
    }

    void rules_failuresFireAtTheThreshold()
    {
        alerts::AlertRules rules({3, 30, 5000, 80});
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(rules.afterPush(pushWith(2), now).isEmpty());
        const QList<Alert> alerts = rules.afterPush(pushWith(3), now);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.first().kind, Alert::Kind::RunFailures);
        sync::FetchReport fetch;
        fetch.failed = 3;
        QCOMPARE(rules.afterFetch(fetch, now).size(), 1);
        rules.setThresholds({0, 30, 5000, 80}); // 0: off
        QVERIFY(rules.afterPush(pushWith(50), now).isEmpty());
    }

    void rules_configErrorFiresWithItsReason()
    {
        alerts::AlertRules rules;
        const QList<Alert> alerts = rules.afterPush(
            pushWith(0, sync::PushReport::Result::ConfigError), QDateTime::currentDateTimeUtc());
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.first().kind, Alert::Kind::ConfigError);
        QVERIFY(alerts.first().text.contains(QLatin1String("Kingdee refused the sign-in")));
        sync::FetchReport fetch;
        fetch.result = sync::FetchReport::Result::ConfigError;
        QCOMPARE(rules.afterFetch(fetch, QDateTime::currentDateTimeUtc()).first().kind,
                 Alert::Kind::ConfigError);
    }

    void rules_quotaAt80Percent_firesOnceAMonth()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(db.open().ok());
        alerts::AlertRules rules({1, 30, 10, 80}); // a quota of 10 calls: 8 is 80 %
        const QDateTime now = QDateTime::currentDateTimeUtc();
        ApiUsageRepository usage(db);
        for (int i = 0; i < 7; ++i)
            QVERIFY(usage.record(QLatin1String(api::DingTalkGet), ApiOutcome::Ok, 5, {}, now).ok());
        QVERIFY(rules.periodic(db, now).isEmpty());
        QVERIFY(usage.record(QLatin1String(api::DingTalkGet), ApiOutcome::Ok, 5, {}, now).ok());
        const QList<Alert> alerts = rules.periodic(db, now);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.first().kind, Alert::Kind::Quota);
        QVERIFY(alerts.first().title.contains(QLatin1String("80%")));
        QVERIFY(rules.periodic(db, now).isEmpty()); // said once, not every minute
        sync::FetchReport fetch;
        fetch.monthCalls = 9;
        QVERIFY(rules.afterFetch(fetch, now).isEmpty());
        QCOMPARE(rules.afterFetch(fetch, now.addMonths(1)).size(), 1); // a new month
    }

    void rules_quotaAt95Percent_firesASecondTimeAndPushesHaveTheirOwn()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(db.open().ok());
        alerts::AlertThresholds t {1, 0, 100, 80};
        t.dingTalkPushes = 20;
        alerts::AlertRules rules(t);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        sync::FetchReport fetch;
        fetch.monthCalls = 80;
        QCOMPARE(rules.afterFetch(fetch, now).size(), 1);
        fetch.monthCalls = 94;
        QVERIFY(rules.afterFetch(fetch, now).isEmpty());
        fetch.monthCalls = 95;
        const QList<Alert> urgent = rules.afterFetch(fetch, now);
        QCOMPARE(urgent.size(), 1);
        QVERIFY(urgent.first().title.contains(QLatin1String("95%")));
        QVERIFY(rules.afterFetch(fetch, now).isEmpty());

        ApiUsageRepository usage(db);
        for (int i = 0; i < 19; ++i) // 95 % at once: one message, not one per threshold
            QVERIFY(
                usage.record(QLatin1String(api::DingTalkStreamEvent), ApiOutcome::Ok, 0, {}, now)
                    .ok());
        const QList<Alert> pushes = rules.periodic(db, now);
        QCOMPARE(pushes.size(), 1);
        QVERIFY(pushes.first().title.contains(QLatin1String("Stream")));
        QVERIFY(rules.periodic(db, now).isEmpty());
        // Pushes are not calls: the call quota did not move.
        QCOMPARE(usage.dingTalkQuotaCalls(now), 0);
    }

    void budget_forecastMatchesAHandCount()
    {
        // 10 days and 12 hours into a 30-day Beijing month (November 2026), 2,100 calls used:
        // 200 a day, 3,900 more in the 19.5 days left → 6,000; 5,000 are reached 25 days in.
        const QDateTime now = QDateTime(QDate(2026, 11, 11), QTime(4, 0), QTimeZone::utc());
        QCOMPARE(alerts::Budget::beijingMonthStartUtc(now),
                 QDateTime(QDate(2026, 10, 31), QTime(16, 0), QTimeZone::utc()));
        const alerts::Forecast f = alerts::Budget::forecast(2100, 5000, now);
        QCOMPARE(f.projected, 6000);
        QVERIFY(!f.fits());
        QCOMPARE(f.runsOutOn, QDate(2026, 11, 26)); // 1 Nov + 25 days
        QVERIFY(alerts::Budget::callsText(f).contains(
            QLocale().toString(QDate(2026, 11, 26), QLocale::ShortFormat)));
        const alerts::Forecast slow = alerts::Budget::forecast(1050, 5000, now);
        QCOMPARE(slow.projected, 3000);
        QVERIFY(slow.fits());
        QVERIFY(!slow.runsOutOn.isValid());
        QCOMPARE(alerts::Budget::forecast(300, 3000, now).projected, 857);
    }

    void budget_refusesAScheduleThatCannotFit()
    {
        // 19.5 days left: every 30 minutes is 936 runs. At 49 calls a run (topapi, 34 open)
        // that is 45,864 calls; at 6 a run (v1.0 listing by status) 5,616 + 0 used: too many
        // too; every 60 minutes at 6 is 2,808: fits.
        const QDateTime now = QDateTime(QDate(2026, 11, 11), QTime(4, 0), QTimeZone::utc());
        const QString refusal = alerts::Budget::scheduleRefusal(30, 49, 100, 5000, now);
        QVERIFY(!refusal.isEmpty());
        QVERIFY2(refusal.contains(QLocale().toString(qint64(936))), qPrintable(refusal));
        QVERIFY(refusal.contains(QLocale().toString(qint64(45964))));
        QVERIFY(!alerts::Budget::scheduleRefusal(30, 6, 0, 5000, now).isEmpty());
        QVERIFY(alerts::Budget::scheduleRefusal(60, 6, 0, 5000, now).isEmpty());
        QVERIFY(alerts::Budget::scheduleRefusal(0, 49, 4999, 5000, now).isEmpty()); // off
    }

    void rules_billInDoubtLongerThanX_firesOncePerBill()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(db.open().ok());
        QVERIFY(ApplicationRepository(db).upsert(testdata::application(QStringLiteral("a1"))).ok());
        const BillRecord bill = testdata::bill(QStringLiteral("a1"), QStringLiteral("C1"));
        BillRepository bills(db);
        QVERIFY(bills.saveDraft(bill).ok());
        QVERIFY(bills.transition(bill.key, BillState::Pending, BillState::Queued, {}, {}).ok());
        QVERIFY(bills.transition(bill.key, BillState::Queued, BillState::Sending, {}, {}).ok());
        QVERIFY(bills.transition(bill.key, BillState::Sending, BillState::InDoubt, {}, {}).ok());

        alerts::AlertRules rules({1, 30, 5000, 80});
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(rules.periodic(db, now.addSecs(29 * 60)).isEmpty());
        const QList<Alert> alerts = rules.periodic(db, now.addSecs(31 * 60));
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.first().kind, Alert::Kind::InDoubt);
        QVERIFY(alerts.first().text.contains(bill.key));
        QVERIFY(rules.periodic(db, now.addSecs(40 * 60)).isEmpty());
    }

    void scheduler_triggersAtItsIntervalAndSkipsWhileBusy()
    {
        bool busy = false;
        alerts::Scheduler scheduler([&busy] { return busy; });
        QSignalSpy fetches(&scheduler, &alerts::Scheduler::fetchDue);
        QSignalSpy syncs(&scheduler, &alerts::Scheduler::syncDue);
        QSignalSpy skipped(&scheduler, &alerts::Scheduler::tickSkipped);
        scheduler.setIntervalsMs(40, 70);
        QTRY_VERIFY(fetches.count() >= 3 && syncs.count() >= 2);
        QCOMPARE(skipped.count(), 0);

        busy = true;
        fetches.clear();
        syncs.clear();
        QTest::qWait(300);
        QCOMPARE(fetches.count(), 0);
        QCOMPARE(syncs.count(), 0);
        QVERIFY(skipped.count() >= 4);

        busy = false;
        scheduler.setIntervalsMs(0, 50); // fetch off
        fetches.clear();
        QTRY_VERIFY(syncs.count() >= 2);
        QCOMPARE(fetches.count(), 0);
        QCOMPARE(scheduler.fetchIntervalMs(), 0);
    }
};

QTEST_GUILESS_MAIN(AlertsTest)
#include "tst_alerts.moc"
