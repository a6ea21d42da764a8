#include "app/sync/sweeppolicy.h"

#include <QTest>

using namespace rs::sync;

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;

} // namespace

// When the Stream intake sweeps (docs/DECISIONS.md, "Sweeps and the budget"): the rule alone,
// each case one clerk-visible consequence (a sweep costs calls, a skipped one delays a catch-up).
class TestSweepPolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data()
    {
        QTest::addColumn<int>("reason");
        QTest::addColumn<qint64>("gapMs");
        QTest::addColumn<qint64>("sinceLastSweepMs");
        QTest::addColumn<qint64>("used");
        QTest::addColumn<qint64>("projected");
        QTest::addColumn<int>("decision");
        using R = SweepPolicy::Reason;
        using D = SweepPolicy::Decision;
        const auto row = [](const char *name, R reason, qint64 gap, qint64 since, qint64 used,
                            qint64 projected, D decision) {
            QTest::newRow(name) << int(reason) << gap << since << used << projected
                                << int(decision);
        };
        // 5,000 calls allowed throughout.
        row("start, even with the month spent", R::Start, -1, -1, 4990, 9000, D::Run);
        row("first connection counts as the start", R::Reconnect, -1, -1, 10, 20, D::Run);
        row("reconnect after 2 s: redelivery covers it", R::Reconnect, 2000, kHourMs, 10, 20,
            D::SkipShortGap);
        row("reconnect after 9.9 s", R::Reconnect, 9999, kHourMs, 10, 20, D::SkipShortGap);
        row("reconnect after 10 s sweeps", R::Reconnect, 10'000, kHourMs, 10, 20, D::Run);
        row("daily with calls to spare", R::Daily, -1, 24 * kHourMs, 1000, 3000, D::Run);
        row("won't last: a day after the last sweep, put off", R::Daily, -1, 24 * kHourMs, 3000,
            6000, D::SkipSpaced);
        row("won't last: two days after, runs", R::Daily, -1, 48 * kHourMs, 3000, 6000, D::Run);
        row("won't last: a long gap waits too", R::Reconnect, 60'000, 5 * kHourMs, 3000, 6000,
            D::SkipSpaced);
        row("95 % used: no sweep", R::Daily, -1, 72 * kHourMs, 4750, 4800, D::SkipBudget);
        row("94.9 % used, lasting: sweeps", R::Daily, -1, 24 * kHourMs, 4749, 4800, D::Run);
    }

    void decide()
    {
        QFETCH(int, reason);
        QFETCH(qint64, gapMs);
        QFETCH(qint64, sinceLastSweepMs);
        QFETCH(qint64, used);
        QFETCH(qint64, projected);
        QFETCH(int, decision);
        SweepPolicy::Situation situation;
        situation.reason = SweepPolicy::Reason(reason);
        situation.gapMs = gapMs;
        situation.sinceLastSweepMs = sinceLastSweepMs;
        situation.outlook = {used, 5000, projected};
        QCOMPARE(int(SweepPolicy::decide(situation)), decision);
    }

    void noAllowanceKnown_sweepsAsUsual()
    {
        SweepPolicy::Situation situation;
        situation.reason = SweepPolicy::Reason::Daily;
        situation.sinceLastSweepMs = kHourMs;
        situation.outlook = {999'999, 0, 999'999};
        QCOMPARE(SweepPolicy::decide(situation), SweepPolicy::Decision::Run);
    }

    void explain_namesTheNumbers()
    {
        const SweepPolicy::Outlook outlook {4800, 5000, 5200};
        QVERIFY(SweepPolicy::explain(SweepPolicy::Decision::Run, outlook).isEmpty());
        const QString budget = SweepPolicy::explain(SweepPolicy::Decision::SkipBudget, outlook);
        QVERIFY2(budget.contains(QLatin1String("4,800")) && budget.contains(QLatin1String("5,000")),
                 qPrintable(budget));
        const QString spaced = SweepPolicy::explain(SweepPolicy::Decision::SkipSpaced, outlook);
        QVERIFY2(spaced.contains(QLatin1String("5,200")), qPrintable(spaced));
    }
};

QTEST_GUILESS_MAIN(TestSweepPolicy)
#include "tst_sweeppolicy.moc"
