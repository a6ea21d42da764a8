#include "models/recentrate.h"

#include <QTest>

using namespace rs;

namespace {

// `perSecond` completions a second from `fromMs` for `seconds` seconds, one every 1/perSecond s.
int feed(RecentRate &rate, int done, qint64 fromMs, int seconds, int perSecond)
{
    for (int i = 1; i <= seconds * perSecond; ++i)
        rate.record(++done, fromMs + qint64(i) * 1000 / perSecond);
    return done;
}

} // namespace

// The time left in the status bar follows the recent pace of a sync, fed with timestamps (no
// clock is read, nothing sleeps).
class TestRecentRate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tooEarly_saysNothing()
    {
        RecentRate rate;
        rate.restart(0);
        rate.record(5, 1000);
        QVERIFY(!rate.perSecond(1500));
        QVERIFY(!rate.secondsLeft(100, 1500));
        QVERIFY(rate.perSecond(2000));
    }

    void steadyRun_isItsRate()
    {
        RecentRate rate;
        rate.restart(0);
        const int done = feed(rate, 0, 0, 30, 10);
        QCOMPARE(done, 300);
        QVERIFY(qFuzzyCompare(*rate.perSecond(30'000), 10.0));
        QCOMPARE(*rate.secondsLeft(500, 30'000), 20); // 200 left at 10 a second
    }

    void runThatSlowsDown_showsALongerTimeLeftThanTheAverageWould()
    {
        // 10 bills a second for a minute, then Kingdee slows to 1 a second for 30 s.
        RecentRate rate;
        rate.restart(0);
        int done = feed(rate, 0, 0, 60, 10);
        done = feed(rate, done, 60'000, 30, 1);
        QCOMPARE(done, 630);
        const int total = 1000;
        const qint64 now = 90'000;
        // Since the start: 630 in 90 s, 7 a second, 53 s for the 370 left.
        const double average = done * 1000.0 / double(now);
        const auto averageLeft = qint64((total - done) / average + 0.5);
        QCOMPARE(averageLeft, 53);
        // The last 20 s: 1 a second, 370 s left.
        QVERIFY(qFuzzyCompare(*rate.perSecond(now), 1.0));
        QCOMPARE(*rate.secondsLeft(total, now), 370);
        QVERIFY(*rate.secondsLeft(total, now) > averageLeft);
    }

    void runThatSpeedsUp_showsAShorterTimeLeft()
    {
        RecentRate rate;
        rate.restart(0);
        int done = feed(rate, 0, 0, 60, 1);
        done = feed(rate, done, 60'000, 20, 10);
        QCOMPARE(done, 260);
        QVERIFY(qFuzzyCompare(*rate.perSecond(80'000), 10.0));
        QCOMPARE(*rate.secondsLeft(1260, 80'000), 100);
    }

    void stall_lowersTheRateUntilNothingIsKnown()
    {
        RecentRate rate;
        rate.restart(0);
        feed(rate, 0, 0, 60, 10);
        // Ten quiet seconds: the window holds 50–60 s's 100 bills over 20 s.
        QVERIFY(qFuzzyCompare(*rate.perSecond(70'000), 5.0));
        QCOMPARE(*rate.secondsLeft(700, 70'000), 20);
        // A whole window without a bill: no time left can be given.
        QCOMPARE(*rate.perSecond(85'000), 0.0);
        QVERIFY(!rate.secondsLeft(700, 85'000));
        // It moves again: the rate comes back from the new completions.
        rate.record(601, 86'000);
        QVERIFY(*rate.perSecond(86'000) > 0.0);
    }

    void restart_forgetsTheLastRun()
    {
        RecentRate rate;
        rate.restart(0);
        feed(rate, 0, 0, 30, 10);
        rate.restart(100'000);
        QVERIFY(!rate.perSecond(101'000));
        rate.record(4, 102'000);
        QVERIFY(qFuzzyCompare(*rate.perSecond(102'000), 2.0));
    }
};

QTEST_GUILESS_MAIN(TestRecentRate)
#include "tst_recentrate.moc"
