#include "app/i18n/translations.h"
#include "app/secrets/secretstore.h"
#include "app/settings/profile.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "generator.h"
#include "models/applicationsmodel.h"
#include "sandboxprofile.h"
#include "sandboxtesting.h"
#include "ui/applications/applicationspane.h"
#include "ui/intakestatus.h"
#include "ui/mainwindow.h"
#include "ui/uistate.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace rs;
using namespace rs::testing;

namespace {

sandbox::SandboxOptions options()
{
    auto o = sandboxOptions(30, 20);
    o.dingTalk.qpsLimit = 1000;
    o.data.unknownCustomerRate = 0; // every bill passes the checks
    return o;
}

// A rebate application nobody has seen yet, submitted now.
sandbox::SimInstance newApplication(int serial)
{
    sandbox::GeneratorOptions generated;
    generated.count = 1;
    generated.seed = 1500 + quint32(serial);
    generated.runningRate = 1.0;
    generated.periodEndMs = QDateTime::currentMSecsSinceEpoch();
    generated.periodStartMs = generated.periodEndMs - 1000;
    return sandbox::generateInstances(generated).constFirst();
}

qint64 percentile(QList<qint64> values, int p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::max<qsizetype>(0, (values.size() * p + 99) / 100 - 1));
}

} // namespace

// The console's own Stream intake ([dingtalk] intake=stream), on the real window offscreen
// against the sandbox's Stream gateway: the status bar says how the connection is, and an
// approval that ends shows up in the table by itself.
class TestConsoleIntake final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_sandbox = startSandbox(options());
        QVERIFY(m_sandbox);
        m_dir = std::make_unique<QTemporaryDir>();
        m_profile.reset();
        m_translations.apply(LanguageChoice::Chinese);
    }

    void cleanup()
    {
        if (m_profile) {
            SecretStore secrets(m_profile->keychainScope());
            for (const SecretName name : allSecretNames())
                secrets.removeNow(name);
        }
        m_uiState.reset();
        m_database.reset();
        m_sandbox.reset();
    }

    void streamIntake_newApprovalBecomesARowAndTheStatusBarFollowsTheConnection()
    {
        QVERIFY(openProfile({}));
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *status = window.findChild<IntakeStatus *>(QStringLiteral("intakeStatus"));
        QVERIFY(status);
        QVERIFY(status->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("已连接")), 15'000);
        // The start's sweep brings the period's applications without a click on 拉取审批.
        ApplicationsModel &model = window.applicationsPane()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 30, 15'000);

        // A new application is submitted and approved: its event brings its row.
        const sandbox::SimInstance fresh = newApplication(0);
        m_sandbox->dingTalk().submit(fresh, QDateTime::currentMSecsSinceEpoch());
        QVERIFY(m_sandbox->dingTalk().complete(fresh.id, QStringLiteral("agree"),
                                               QDateTime::currentMSecsSinceEpoch()));
        QTRY_VERIFY_WITH_TIMEOUT(model.rowOf(fresh.id) >= 0, 10'000);
        const int row = model.rowOf(fresh.id);
        QCOMPARE(model.index(row, ApplicationsModel::BusinessIdColumn).data().toString(),
                 fresh.businessId);
        QVERIFY(model.facts(row).pending); // approved, waiting for the clerk: auto_sync is off
        QCOMPARE(model.rowCount(), 31);
        QCOMPARE(m_sandbox->kingdee().books().bills().size(), 0);

        // The gateway drops the connection: 正在重连… with the reason on hover, then 已连接.
        m_sandbox->stream().dropAll();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("正在重连…")), 5000);
        QVERIFY2(status->toolTip().contains(QStringLiteral("连接已断开")),
                 qPrintable(status->toolTip()));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("已连接")), 10'000);

        // Event to row, as the clerk sees it (printed, not asserted: BENCHMARKS.md).
        QList<qint64> latencies;
        for (int i = 1; i <= 10; ++i) {
            const sandbox::SimInstance next = newApplication(i);
            m_sandbox->dingTalk().submit(next, QDateTime::currentMSecsSinceEpoch());
            QElapsedTimer clock;
            clock.start();
            QVERIFY(m_sandbox->dingTalk().complete(next.id, QStringLiteral("agree"),
                                                   QDateTime::currentMSecsSinceEpoch()));
            QTRY_VERIFY_WITH_TIMEOUT(model.rowOf(next.id) >= 0, 10'000);
            latencies.append(clock.elapsed());
        }
        qInfo("console event-to-row latency over %lld events: p50 %lld ms, p95 %lld ms",
              qint64(latencies.size()), percentile(latencies, 50), percentile(latencies, 95));
    }

    void autoSyncOn_theArrivalIsSyncedOnceAndItsRowSaysSo()
    {
        QVERIFY(openProfile({{QStringLiteral("schedule/auto_sync"), QStringLiteral("on")}}));
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *status = window.findChild<IntakeStatus *>(QStringLiteral("intakeStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("已连接")), 15'000);
        ApplicationsModel &model = window.applicationsPane()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 30, 15'000);
        // What the first sweep stored approved is synced too, and nothing else.
        const auto everyApprovedRowSynced = [&] {
            int approved = 0;
            for (int row = 0; row < model.rowCount(); ++row) {
                const ApplicationsModel::Facts &facts = model.facts(row);
                if (facts.approval != ApprovalState::Approved)
                    continue;
                ++approved;
                if (facts.sync != BillState::Synced)
                    return false;
            }
            return approved > 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(everyApprovedRowSynced(), 20'000);

        const sandbox::SimInstance fresh = newApplication(0);
        m_sandbox->dingTalk().submit(fresh, QDateTime::currentMSecsSinceEpoch());
        QVERIFY(m_sandbox->dingTalk().complete(fresh.id, QStringLiteral("agree"),
                                               QDateTime::currentMSecsSinceEpoch()));
        QTRY_VERIFY_WITH_TIMEOUT(model.rowOf(fresh.id) >= 0
                                     && model.facts(model.rowOf(fresh.id)).sync
                                         == BillState::Synced,
                                 15'000);
        QVERIFY(everyApprovedRowSynced());
        // Kingdee holds each synced bill once, and only those.
        QSet<QString> inKingdee;
        for (const sandbox::SavedBill &bill : m_sandbox->kingdee().books().bills())
            inKingdee.insert(bill.remarks());
        QCOMPARE(int(inKingdee.size()), int(m_sandbox->kingdee().books().bills().size()));
        QSet<QString> synced;
        for (const BillRecord &bill : BillRepository(*m_database).inStates({BillState::Synced}))
            synced.insert(bill.key);
        QCOMPARE(inKingdee, synced);
        bool freshInKingdee = false;
        for (const BillRecord &bill : BillRepository(*m_database).forApplication(fresh.id))
            freshInKingdee = freshInKingdee || inKingdee.contains(bill.key);
        QVERIFY(freshInKingdee);
    }

    void wrongSecret_offlineWithDingTalksWordsOnHover()
    {
        QVERIFY(openProfile({}, QStringLiteral("wrong-secret")));
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *status = window.findChild<IntakeStatus *>(QStringLiteral("intakeStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("离线")), 15'000);
        QTRY_VERIFY2_WITH_TIMEOUT(
            status->toolTip().contains(QStringLiteral("无效的clientId或者clientSecret")),
            qPrintable(status->toolTip()), 5000);
        QVERIFY(!status->toolTip().contains(QLatin1String("wrong-secret")));
    }

    void pollIntake_noStreamStatusAndNoConnection()
    {
        QVERIFY(openProfile({{QStringLiteral("dingtalk/intake"), QStringLiteral("poll")}}));
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *status = window.findChild<IntakeStatus *>(QStringLiteral("intakeStatus"));
        QVERIFY(status);
        QTest::qWait(500);
        QVERIFY(!status->isVisible());
        QCOMPARE(m_sandbox->stream().stats().value(QLatin1String("tickets_issued")).toInt(), 0);
        QCOMPARE(window.applicationsPane()->model().rowCount(), 0);
    }

private:
    bool openProfile(QVariantHash overrides,
                     const QString &appSecret = QStringLiteral("sandbox-app-secret"))
    {
        overrides.insert(
            QStringLiteral("dingtalk/intake"),
            overrides.value(QStringLiteral("dingtalk/intake"), QStringLiteral("stream")));
        overrides.insert(QStringLiteral("dingtalk/api"), QStringLiteral("v1"));
        if (!writeSandboxProfile(m_dir->path(), m_sandbox->baseUrl(), overrides))
            return false;
        m_profile = std::make_unique<Profile>(Profile::resolve(m_dir->path()));
        SecretStore secrets(m_profile->keychainScope());
        if (!secrets.writeNow(SecretName::DingTalkAppSecret, appSecret).ok()
            || !secrets.writeNow(SecretName::KingdeeAppSecret, sandbox::KingdeeOptions {}.appSecret)
                    .ok())
            return false;
        m_database = std::make_unique<Database>(m_profile->databasePath());
        if (!m_database->open().ok())
            return false;
        m_uiState = std::make_unique<UiState>(m_profile->uiStatePath());
        return true;
    }

    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<UiState> m_uiState;
    Translations m_translations;
};

QTEST_MAIN(TestConsoleIntake)
#include "tst_consoleintake.moc"
