#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "app/store/jobrunrepository.h"
#include "models/dailysyncmodel.h"
#include "models/modelroles.h"
#include "models/monitorsummary.h"
#include "storetestdata.h"
#include "ui/monitor/dailybarchart.h"
#include "ui/monitor/monitorpane.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLocale>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace rs;

// The monitoring summary over a real SQLite store: bills synced through the state machine,
// some of them moved back in time the only way a test can, by rewriting their timestamp.
class TestMonitor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void init()
    {
        m_dir.emplace();
        m_database.emplace(m_dir->filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(m_database->open().ok());
        QVERIFY(ApplicationRepository(*m_database).upsert(testdata::application(m_app)).ok());
    }

    void cleanup()
    {
        m_database.reset();
        m_dir.reset();
    }

    void summary_hasTodaysExactAmountDailyCountsFailureRateAndLastRuns()
    {
        // Amounts that a double would not add exactly.
        QVERIFY(sync(QStringLiteral("a"), QStringLiteral("0.10")));
        QVERIFY(sync(QStringLiteral("b"), QStringLiteral("0.20")));
        QVERIFY(sync(QStringLiteral("c"), QStringLiteral("99999999999.99")));
        QVERIFY(sync(QStringLiteral("d"), QStringLiteral("-600.00")));
        // Three days ago, and 40 days ago (outside the chart and the rate).
        QVERIFY(sync(QStringLiteral("e"), QStringLiteral("5.00"), 3));
        QVERIFY(sync(QStringLiteral("f"), QStringLiteral("7.00"), 3));
        QVERIFY(sync(QStringLiteral("g"), QStringLiteral("9.00"), 40));
        QVERIFY(fail(QStringLiteral("h")));
        QVERIFY(fail(QStringLiteral("i"), 45));
        QVERIFY(draft(QStringLiteral("j")));

        JobRunRepository runs(*m_database);
        const qint64 fetch = runs.start(QStringLiteral("fetch"), 0, 1);
        QVERIFY(runs.finish(fetch, QStringLiteral("ok"), QStringLiteral("12 stored")).ok());
        const qint64 sync1 = runs.start(QStringLiteral("sync"), 0, 0);
        QVERIFY(runs.finish(sync1, QStringLiteral("ok"), QStringLiteral("first")).ok());
        const qint64 sync2 = runs.start(QStringLiteral("sync"), 0, 0);
        QVERIFY(runs.finish(sync2, QStringLiteral("partial"), QStringLiteral("6 synced, 1 failed"))
                    .ok());

        StoreError error;
        const MonitorSummary s = MonitorSummary::load(*m_database, now(), &error);
        QVERIFY(error.ok());
        QCOMPARE(s.syncedToday, 4);
        QCOMPARE(s.syncedTodayAmount, QStringLiteral("99999999400.29"));
        QCOMPARE(s.synced30, 6);
        QCOMPARE(s.failed30, 1);
        QCOMPARE(s.failurePerMille(), 143); // 1 of 7
        QCOMPARE(s.bills.value(BillState::Synced), 7);
        QCOMPARE(s.bills.value(BillState::Failed), 2);
        QCOMPARE(s.bills.value(BillState::Pending), 1);
        QCOMPARE(s.perDay.size(), MonitorSummary::Days);
        QCOMPARE(s.perDay.constLast().day, today());
        QCOMPARE(s.perDay.constLast().bills, 4);
        QCOMPARE(s.perDay.at(MonitorSummary::Days - 4).day, today().addDays(-3));
        QCOMPARE(s.perDay.at(MonitorSummary::Days - 4).bills, 2);
        QCOMPARE(s.perDay.at(MonitorSummary::Days - 4).amount, QStringLiteral("12.00"));
        int total = 0;
        for (const DaySynced &d : s.perDay)
            total += d.bills;
        QCOMPARE(total, 6);

        // The pane shows the same, as sentences.
        MonitorPane pane(*m_database);
        QCOMPARE(label(pane, "syncedTodayLabel"),
                 QStringLiteral("Synced today: 4 bill(s), amount 99,999,999,400.29"));
        QCOMPARE(label(pane, "failureRateLabel"),
                 QStringLiteral("Failure rate (30 days): 14.3 % (1 failed of 7)"));
        QVERIFY2(label(pane, "lastFetchLabel").endsWith(QStringLiteral(", completed: 12 stored")),
                 qPrintable(label(pane, "lastFetchLabel")));
        QVERIFY2(label(pane, "lastSyncLabel")
                     .endsWith(QStringLiteral(", partly completed: 6 synced, 1 failed")),
                 qPrintable(label(pane, "lastSyncLabel")));
        auto *chart = pane.findChild<DailyBarChart *>(QStringLiteral("syncedPerDayChart"));
        QVERIFY(chart);
        QCOMPARE(chart->counts().size(), 30);
        QCOMPARE(chart->counts().constLast(), 4);
        QCOMPARE(chart->counts().at(26), 2);
        QCOMPARE(chart->days().constLast(), today());
        pane.resize(600, 400);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        const QImage painted = chart->grab().toImage();
        // Today's bar is the tallest: the first inked point from the right just above the axis
        // belongs to it.
        const QColor ink = chart->palette().color(QPalette::Highlight);
        const int y = chart->height() - chart->fontMetrics().height() - 6;
        int x = painted.width() - 1;
        while (x > 0 && painted.pixelColor(x, y) != ink)
            --x;
        QVERIFY(x > 0);
        QCOMPARE(chart->barAt(QPoint(x, y)), 29);
    }

    void emptyStore_saysSoInsteadOfZeroPercent()
    {
        MonitorPane pane(*m_database);
        QCOMPARE(label(pane, "syncedTodayLabel"),
                 QStringLiteral("Synced today: 0 bill(s), amount 0"));
        QCOMPARE(label(pane, "failureRateLabel"),
                 QStringLiteral("Failure rate (30 days): no bill synced or failed"));
        QCOMPARE(label(pane, "lastFetchLabel"), QStringLiteral("Last fetch: never"));
        QCOMPARE(label(pane, "lastSyncLabel"), QStringLiteral("Last sync: never"));
    }

    void dailyModel_passesTheModelTesterAndRefreshes()
    {
        MonitorPane pane(*m_database);
        auto *model = const_cast<DailySyncModel *>(pane.dailyModel());
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 30);
        QCOMPARE(model->index(29, DailySyncModel::BillsColumn).data(UnderlyingDataRole).toInt(), 0);
        QVERIFY(sync(QStringLiteral("a"), QStringLiteral("1,234.50")));
        QVERIFY(sync(QStringLiteral("b"), QStringLiteral("0.5")));
        pane.refresh();
        QCOMPARE(model->index(29, DailySyncModel::DayColumn).data(UnderlyingDataRole).toDate(),
                 today());
        QCOMPARE(model->index(29, DailySyncModel::BillsColumn).data().toString(),
                 QStringLiteral("2"));
        QCOMPARE(model->index(29, DailySyncModel::AmountColumn).data().toString(),
                 QStringLiteral("1,235.00"));
    }

private:
    static QDateTime now() { return QDateTime::currentDateTimeUtc(); }
    static QDate today() { return QDateTime::currentDateTime().date(); }

    static QString label(const QWidget &pane, const char *name)
    {
        const auto *l = pane.findChild<QLabel *>(QLatin1String(name));
        return l ? l->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }

    bool draft(const QString &customer, const QString &amount = QStringLiteral("1.00"))
    {
        BillRecord b = testdata::bill(m_app, customer);
        b.amount = amount;
        return BillRepository(*m_database).saveDraft(b).ok();
    }

    bool settle(const QString &customer, const QString &amount, BillState end, int daysAgo)
    {
        if (!draft(customer, amount))
            return false;
        const QString key = m_app + QLatin1Char('-') + customer;
        BillRepository bills(*m_database);
        BillOutcome outcome;
        if (end == BillState::Synced)
            outcome.kingdeeNumber = QStringLiteral("QTYS") + customer;
        else
            outcome.error = QStringLiteral("客户不存在");
        if (!bills.transition(key, BillState::Pending, BillState::Queued, {}, {}).ok()
            || !bills.transition(key, BillState::Queued, BillState::Sending, {}, {}).ok()
            || !bills.transition(key, BillState::Sending, end, outcome, {}).ok())
            return false;
        if (daysAgo == 0)
            return true;
        // Tests only: move the state change back in time.
        QSqlQuery q(m_database->connection());
        q.prepare(QStringLiteral("UPDATE bills SET updated_at = ? WHERE idempotency_key = ?"));
        q.addBindValue(now().addDays(-daysAgo).toString(Qt::ISODateWithMs));
        q.addBindValue(key);
        return q.exec() && q.numRowsAffected() == 1;
    }

    bool sync(const QString &customer, const QString &amount, int daysAgo = 0)
    {
        return settle(customer, amount, BillState::Synced, daysAgo);
    }

    bool fail(const QString &customer, int daysAgo = 0)
    {
        return settle(customer, QStringLiteral("1.00"), BillState::Failed, daysAgo);
    }

    const QString m_app = QStringLiteral("m1");
    std::optional<QTemporaryDir> m_dir;
    std::optional<Database> m_database;
};

QTEST_MAIN(TestMonitor)
#include "tst_monitor.moc"
