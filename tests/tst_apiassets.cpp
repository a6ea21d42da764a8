#include "app/alerts/budget.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/apiusagerepository.h"
#include "app/store/database.h"
#include "fetchtesting.h"
#include "models/apiusagemodel.h"
#include "models/modelroles.h"
#include "pushtesting.h"
#include "sandboxtesting.h"
#include "ui/monitor/apiassetspane.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <optional>

using namespace rs;
using namespace rs::testing;

namespace {

sync::FetchOptions covering(int days)
{
    sync::FetchOptions o;
    o.from = QDate::currentDate().addDays(-days - 2);
    return o;
}

sync::PushOptions allPending()
{
    sync::PushOptions o;
    o.batchSize = 5;
    o.concurrency = 2;
    o.backoffBaseMs = 50;
    o.backoffCapMs = 400;
    o.settleMs = 100;
    return o;
}

QVariant cell(const ApiUsageModel &model, const char *api, int column, int role = Qt::DisplayRole)
{
    const int row = model.rowOf(QLatin1String(api));
    return row < 0 ? QVariant() : model.index(row, column).data(role);
}

qint64 raw(const ApiUsageModel &model, const QString &api, int column)
{
    return model.index(model.rowOf(api), column).data(UnderlyingDataRole).toLongLong();
}

} // namespace

// The API assets panel over a real SQLite store, fed by real runs against the sandbox.
class TestApiAssets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

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

    void afterAFetchAndAPush_theCountersEqualTheSandboxsAndErrorsShowLast()
    {
        // A client paced above DingTalk's limit provokes 90018; Kingdee's session expires every
        // seventh call. Both show up as throttled answers and errors on the right endpoints.
        auto options = sandboxOptions(150, 30);
        options.faults.sessionExpiryEvery = 7;
        options.data.unknownCustomerRate = 0;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        QCOMPARE(runFetch(*m_database, sandboxDingTalk(*sb, 40), covering(30)).result,
                 sync::FetchReport::Result::Ok);
        const auto push = runPush(*m_database, sandboxKingdee(*sb), allPending());
        QVERIFY2(push.synced > 0, qPrintable(push.summary()));

        ApiUsageModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        StoreError error;
        model.setStats(
            ApiUsageRepository(*m_database).endpointStats(QDateTime::currentDateTimeUtc(), &error));
        QVERIFY(error.ok());
        QVERIFY(model.rowCount() >= int(api::knownEndpoints().size()));

        const auto &counters = sb->counters();
        QVERIFY(counters.value(QStringLiteral("dingtalk.get")).throttled > 0);
        QVERIFY(counters.value(QStringLiteral("kingdee.batchSave")).errors > 0);
        for (auto it = counters.cbegin(); it != counters.cend(); ++it) {
            QVERIFY2(model.rowOf(it.key()) >= 0, qPrintable(it.key()));
            QCOMPARE(raw(model, it.key(), ApiUsageModel::CallsTodayColumn), it->calls);
            QCOMPARE(raw(model, it.key(), ApiUsageModel::CallsMonthColumn), it->calls);
            QCOMPARE(raw(model, it.key(), ApiUsageModel::ErrorsColumn), it->errors);
            QCOMPARE(raw(model, it.key(), ApiUsageModel::ThrottledColumn), it->throttled);
            QVERIFY(raw(model, it.key(), ApiUsageModel::P50Column) >= 0);
        }
        // What the clerk reads: formatted numbers, and the last error with its words.
        QCOMPARE(cell(model, api::DingTalkGet, ApiUsageModel::CallsMonthColumn).toString(),
                 QLocale().toString(counters.value(QStringLiteral("dingtalk.get")).calls));
        const QString getError =
            cell(model, api::DingTalkGet, ApiUsageModel::LastErrorColumn).toString();
        QVERIFY2(getError.contains(QStringLiteral("limiting the call rate")), qPrintable(getError));
        const QString saveError =
            cell(model, api::KingdeeBatchSave, ApiUsageModel::LastErrorColumn).toString();
        QVERIFY2(!saveError.isEmpty(), qPrintable(saveError));
        QVERIFY(
            cell(model, api::KingdeeBatchSave, ApiUsageModel::LastErrorColumn, UnderlyingDataRole)
                .toDateTime()
                .isValid());
        // Endpoints that never failed say nothing; no secret reached any cell.
        QVERIFY(cell(model, api::KingdeeQuery, ApiUsageModel::LastErrorColumn).toString().isEmpty()
                || counters.value(QStringLiteral("kingdee.executeBillQuery")).errors > 0);
        const sandbox::KingdeeOptions k;
        for (const ApiEndpointStats &s : model.stats()) {
            QVERIFY(!s.lastError.contains(k.appSecret));
            QVERIFY(!s.lastError.contains(QStringLiteral("sandbox-app-secret")));
        }
    }

    void lastError_isStoredWithoutSecrets()
    {
        const ApiUsageRepository usage(*m_database);
        const QDateTime at(QDate(2026, 5, 4), QTime(3, 2, 1), QTimeZone::utc());
        QVERIFY(usage
                    .record(QLatin1String(api::DingTalkListIds), ApiOutcome::Error, 30,
                            QStringLiteral("GET /topapi?access_token=abc123secret&x=1 failed;"
                                           " {\"password\":\"hunter2\"} accessToken: tok-999"),
                            at)
                    .ok());
        QVERIFY(usage.record(QLatin1String(api::DingTalkListIds), ApiOutcome::Ok, 30, {}, at).ok());
        const QList<ApiEndpointStats> stats = usage.endpointStats(at);
        const auto it = std::find_if(stats.cbegin(), stats.cend(), [](const ApiEndpointStats &s) {
            return s.api == QLatin1String(api::DingTalkListIds);
        });
        QVERIFY(it != stats.cend());
        QCOMPARE(it->lastErrorAt, at); // a later success keeps the last error
        QCOMPARE(it->lastErrorOutcome, QStringLiteral("error"));
        QVERIFY2(it->lastError.contains(QStringLiteral("access_token=***")),
                 qPrintable(it->lastError));
        for (const char *secret : {"abc123secret", "hunter2", "tok-999"})
            QVERIFY2(!it->lastError.contains(QLatin1String(secret)), qPrintable(it->lastError));
        QCOMPARE(it->errors, 1);
        QCOMPARE(it->callsMonth, 2);
    }

    void percentiles_comeFromTheRecordedLatencies()
    {
        const ApiUsageRepository usage(*m_database);
        // 1 … 100 ms: p50 is 50, p95 is 95; buckets are four per doubling, within ~10 %.
        for (qint64 ms = 100; ms >= 1; --ms)
            QVERIFY(usage.record(QLatin1String(api::KingdeeLogin), ApiOutcome::Ok, ms).ok());
        // Nineteen quick calls and one slow: p95 still quick, the slow one is the 100th pct.
        for (int i = 0; i < 19; ++i)
            QVERIFY(usage.record(QLatin1String(api::KingdeeQuery), ApiOutcome::Ok, 40).ok());
        QVERIFY(usage.record(QLatin1String(api::KingdeeQuery), ApiOutcome::Ok, 5000).ok());

        ApiUsageModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStats(usage.endpointStats());
        const auto near = [](qint64 got, qint64 want) {
            return got >= want * 9 / 10 && got <= want * 11 / 10;
        };
        const QString login = QLatin1String(api::KingdeeLogin);
        const QString query = QLatin1String(api::KingdeeQuery);
        QVERIFY2(near(raw(model, login, ApiUsageModel::P50Column), 50),
                 qPrintable(QString::number(raw(model, login, ApiUsageModel::P50Column))));
        QVERIFY2(near(raw(model, login, ApiUsageModel::P95Column), 95),
                 qPrintable(QString::number(raw(model, login, ApiUsageModel::P95Column))));
        QVERIFY(near(raw(model, query, ApiUsageModel::P50Column), 40));
        QVERIFY(near(raw(model, query, ApiUsageModel::P95Column), 40));
        QCOMPARE(
            ApiUsageRepository::percentileMs({{ApiUsageRepository::latencyBucket(5000), 1}}, 100),
            ApiUsageRepository::representativeMs(ApiUsageRepository::latencyBucket(5000)));
        QVERIFY(near(ApiUsageRepository::representativeMs(ApiUsageRepository::latencyBucket(5000)),
                     5000));
        // Shown in milliseconds; an endpoint without calls shows a dash, not 0 ms.
        QVERIFY(cell(model, api::KingdeeLogin, ApiUsageModel::P50Column)
                    .toString()
                    .endsWith(QStringLiteral(" ms")));
        QCOMPARE(raw(model, QLatin1String(api::DingTalkGet), ApiUsageModel::P50Column), -1);
        QCOMPARE(cell(model, api::DingTalkGet, ApiUsageModel::P95Column).toString(),
                 QStringLiteral("–"));
    }

    void quotaBar_turnsAmberAt80AndRedAt95Percent()
    {
        ApiAssetsPane pane(*m_database, 100);
        const auto *bar = pane.findChild<QProgressBar *>(QStringLiteral("dingTalkQuotaBar"));
        QVERIFY(bar);
        const ApiUsageRepository usage(*m_database);
        const auto callsUpTo = [&](int total) {
            while (pane.quotaCalls() < total) {
                QVERIFY(usage.record(QLatin1String(api::DingTalkGet), ApiOutcome::Ok, 10).ok());
                // Token calls are not part of DingTalk's quota and move nothing.
                QVERIFY(
                    usage.record(QLatin1String(api::DingTalkGetToken), ApiOutcome::Ok, 10).ok());
                pane.refresh();
            }
        };
        QCOMPARE(pane.quotaLevel(), QuotaLevel::Normal);
        QCOMPARE(bar->text(), QStringLiteral("0 / 100"));
        callsUpTo(79);
        QCOMPARE(pane.quotaLevel(), QuotaLevel::Normal);
        callsUpTo(80);
        QCOMPARE(pane.quotaLevel(), QuotaLevel::Warning);
        QVERIFY(bar->styleSheet().contains(QStringLiteral("#f0a202")));
        callsUpTo(94);
        QCOMPARE(pane.quotaLevel(), QuotaLevel::Warning);
        callsUpTo(95);
        QCOMPARE(pane.quotaLevel(), QuotaLevel::Critical);
        QVERIFY(bar->styleSheet().contains(QStringLiteral("#c62828")));
        QCOMPARE(bar->text(), QStringLiteral("95 / 100"));
        QCOMPARE(pane.model()->rowCount(), int(api::knownEndpoints().size()));
    }

    void quota_comesFromSettingsWithDefault5000()
    {
        const QString ini = m_dir->filePath(QStringLiteral("settings.ini"));
        Settings settings(ini, m_dir->path());
        const ApiUsageRepository usage(*m_database);
        for (int i = 0; i < 1234; ++i)
            QVERIFY(usage.record(QLatin1String(api::DingTalkV1Instance), ApiOutcome::Ok, 1).ok());
        ApiAssetsPane pane(*m_database, settings);
        const auto *bar = pane.findChild<QProgressBar *>(QStringLiteral("dingTalkQuotaBar"));
        QCOMPARE(bar->text(), QStringLiteral("1,234 / 5,000"));
        QVERIFY(
            !settings.setValue(QLatin1String(keys::DingTalkMonthlyQuota), QStringLiteral("1500")));
        pane.refresh();
        QCOMPARE(pane.quota(), 1500);
        QCOMPARE(pane.quotaLevel(), QuotaLevel::Warning); // 82.3 %
        QVERIFY(
            !settings.setValue(QLatin1String(keys::DingTalkMonthlyQuota), QStringLiteral("1290")));
        pane.refresh();
        QCOMPARE(pane.quotaLevel(), QuotaLevel::Critical); // 95.7 %
    }

    void bothAllowances_barsFromSettingsAndTheirForecast()
    {
        const QString ini = m_dir->filePath(QStringLiteral("settings.ini"));
        Settings settings(ini, m_dir->path());
        QVERIFY(
            !settings.setValue(QLatin1String(keys::DingTalkMonthlyPushes), QStringLiteral("10")));
        const ApiUsageRepository usage(*m_database);
        for (int i = 0; i < 8; ++i)
            QVERIFY(usage.record(QLatin1String(api::DingTalkStreamEvent), ApiOutcome::Ok, 0).ok());
        ApiAssetsPane pane(*m_database, settings);
        const auto *pushes = pane.findChild<QProgressBar *>(QStringLiteral("dingTalkPushesBar"));
        QVERIFY(pushes);
        QCOMPARE(pushes->text(), QStringLiteral("8 / 10"));
        QCOMPARE(pane.pushLevel(), QuotaLevel::Warning);
        QVERIFY(pushes->styleSheet().contains(QStringLiteral("#f0a202")));
        // Pushes are not calls: the calls bar does not move.
        const auto *calls = pane.findChild<QProgressBar *>(QStringLiteral("dingTalkQuotaBar"));
        QCOMPARE(calls->text(), QStringLiteral("0 / 5,000"));
        // Both forecasts, as the budget computes them: the pushes run out this month.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const alerts::Forecast pushForecast = alerts::Budget::forecast(8, 10, now);
        QVERIFY(pushForecast.runsOutOn.isValid());
        QCOMPARE(pane.forecast()->text(),
                 alerts::Budget::callsText(alerts::Budget::forecast(0, 5000, now))
                     + QLatin1Char('\n') + alerts::Budget::pushesText(pushForecast));
        // The allowance is read again at every refresh, like the calls'.
        QVERIFY(
            !settings.setValue(QLatin1String(keys::DingTalkMonthlyPushes), QStringLiteral("8")));
        pane.refresh();
        QCOMPARE(pushes->text(), QStringLiteral("8 / 8"));
        QCOMPARE(pane.pushLevel(), QuotaLevel::Critical);
    }

private:
    std::optional<QTemporaryDir> m_dir;
    std::optional<Database> m_database;
};

QTEST_MAIN(TestApiAssets)
#include "tst_apiassets.moc"
