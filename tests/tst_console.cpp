#include "app/i18n/translations.h"
#include "app/secrets/secretstore.h"
#include "app/settings/profile.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "consoletesting.h"
#include "keychaintesting.h"
#include "models/applicationsmodel.h"
#include "models/eventlogmodel.h"
#include "sandboxprofile.h"
#include "sandboxtesting.h"
#include "ui/applications/applicationspane.h"
#include "ui/mainwindow.h"
#include "ui/uistate.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace rs;
using namespace rs::testing;

namespace {

// The sandbox's Kingdee answers after 40 ms and the profile sends batches of 5, one at a time:
// a sync takes long enough for the table to change while it runs.
sandbox::SandboxOptions slowKingdee()
{
    auto options = sandboxOptions(40, 20);
    options.dingTalk.qpsLimit = 1000;
    options.data.unknownCustomerRate = 0.2;
    options.faults.latencyMs = 40;
    return options;
}

QString cell(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestConsole final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_sandbox = startSandbox(slowKingdee());
        QVERIFY(m_sandbox);
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(writeSandboxProfile(m_dir->path(), m_sandbox->baseUrl(),
                                    {{QStringLiteral("kingdee/batch_size"), 5},
                                     {QStringLiteral("kingdee/concurrency"), 1}}));
        m_profile = std::make_unique<Profile>(Profile::resolve(m_dir->path()));
        // The real keychain, as the clerk's credential dialog leaves it.
        QVERIFY(storeSandboxSecrets(m_profile->keychainScope()));
        m_database = std::make_unique<Database>(m_profile->databasePath());
        QVERIFY(m_database->open().ok());
        m_uiState = std::make_unique<UiState>(m_profile->uiStatePath());
        m_translations.apply(LanguageChoice::Chinese);
    }

    void cleanup()
    {
        removeAllSecrets(m_profile->keychainScope());
        m_uiState.reset();
        m_database.reset();
        m_sandbox.reset();
    }

    void fetchThenSyncTicked_rowsTurnSyncedLiveAndFailuresShowKingdeesWords()
    {
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        auto *fetch = window.findChild<QAction *>(QStringLiteral("fetchAction"));
        auto *syncSelected = window.findChild<QAction *>(QStringLiteral("syncAction"));
        QCOMPARE(fetch->text(), QStringLiteral("拉取审批(&F)"));
        QCOMPARE(syncSelected->text(), QStringLiteral("同步所选(&S)"));
        QVERIFY(!syncSelected->isEnabled()); // nothing ticked yet

        // 拉取审批: the applications appear in the table.
        QTest::mouseClick(toolBar->widgetForAction(fetch), Qt::LeftButton);
        QVERIFY(!fetch->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(fetch->isEnabled(), 30'000);
        ApplicationsPane *pane = window.applicationsPane();
        ApplicationsModel &model = pane->model();
        QTRY_COMPARE(model.rowCount(), 40);

        auto *view = pane->findChild<QAbstractItemView *>(QStringLiteral("applicationsView"));
        const QAbstractItemModel &shown = *view->model();
        const int pending = shown.rowCount(); // the filter starts on 待同步
        QVERIFY2(pending >= 10, qPrintable(QString::number(pending)));

        // A click and a shift-click tick a range of five rows.
        clickCheckBox(*view, 1);
        clickCheckBox(*view, 5, Qt::ShiftModifier);
        QCOMPARE(model.checkedIds().size(), 5);
        for (int row = 1; row <= 5; ++row)
            QCOMPARE(shown.index(row, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(),
                     Qt::Checked);
        QCOMPARE(shown.index(0, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
        QVERIFY(syncSelected->isEnabled());

        // 全选待同步 ticks every pending row but those that cannot become a bill (marked).
        int unbillable = 0;
        for (int row = 0; row < pending; ++row)
            unbillable += shown.index(row, 0).data(ApplicationsModel::NotSendableRole).toBool();
        QTest::mouseClick(pane->findChild<QPushButton *>(QStringLiteral("checkPendingButton")),
                          Qt::LeftButton);
        const QStringList ticked = model.checkedIds();
        QCOMPARE(ticked.size(), pending - unbillable);

        // 同步所选: rows turn 已同步 while the job still runs.
        bool changedWhileRunning = false;
        connect(&model, &QAbstractItemModel::dataChanged, this,
                [&](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                        if (model.facts(row).sync == BillState::Synced && !fetch->isEnabled())
                            changedWhileRunning = true;
                    }
                });
        // It asks first, with the count and the exact total of what is ticked.
        QString asked;
        answerNextQuestion(true, &asked);
        QTest::mouseClick(toolBar->widgetForAction(syncSelected), Qt::LeftButton);
        QVERIFY2(asked.startsWith(QStringLiteral("同步 %1 张申请（").arg(ticked.size())),
                 qPrintable(asked));
        QVERIFY2(asked.contains(QStringLiteral("合计 ¥-")), qPrintable(asked));
        auto *bar = window.findChild<QProgressBar *>(QStringLiteral("syncProgressBar"));
        QTRY_VERIFY(bar->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(fetch->isEnabled(), 60'000);
        QVERIFY(!bar->isVisible());
        QVERIFY(changedWhileRunning);

        // Every ticked row ended 已同步 or 失败; a failed one names the customer Kingdee lacks,
        // found before anything was sent.
        BillRepository bills(*m_database);
        int synced = 0;
        int failed = 0;
        int notSendable = 0;
        for (const QString &id : ticked) {
            const int row = model.rowOf(id);
            const QString state = cell(model, row, ApplicationsModel::SyncColumn);
            const QList<BillRecord> stored = bills.forApplication(id);
            if (state == QStringLiteral("已同步")) {
                ++synced;
                const QString numbers = cell(model, row, ApplicationsModel::NumbersColumn);
                for (const BillRecord &bill : stored)
                    QVERIFY2(!bill.kingdeeNumber.isEmpty() && numbers.contains(bill.kingdeeNumber),
                             qPrintable(numbers));
            } else if (state == QStringLiteral("失败") || state == QStringLiteral("部分同步")) {
                // 部分同步: one customer's bill in Kingdee, another's refused.
                if (state == QStringLiteral("部分同步"))
                    QVERIFY(!cell(model, row, ApplicationsModel::NumbersColumn).isEmpty());
                ++failed;
                const QString error = cell(model, row, ApplicationsModel::ErrorColumn);
                QVERIFY2(error.contains(QStringLiteral("C9"))
                             && error.contains(QStringLiteral("在金蝶中不存在")),
                         qPrintable(error));
            } else {
                // Not sendable as it stands (a data-quality issue): still 待同步, and says why.
                QVERIFY2(state == QStringLiteral("待同步")
                             || state == QStringLiteral("无法生成单据"),
                         qPrintable(state));
                QVERIFY(stored.isEmpty());
                QVERIFY(!cell(model, row, ApplicationsModel::ErrorColumn).isEmpty());
                ++notSendable;
            }
        }
        QVERIFY(synced > 0);
        QVERIFY(failed > 0);
        // Synced rows left the 待同步 list and lost their ticks; the failed ones stay ticked.
        QCOMPARE(shown.rowCount(), failed + notSendable + unbillable);
        QCOMPARE(model.checkedIds().size(), failed + notSendable);

        // The sync log lists the failure; clicking it selects that application, and the preview
        // beside the table shows why the failed bill was refused.
        auto *logView = window.findChild<QAbstractItemView *>(QStringLiteral("logView"));
        const QAbstractItemModel &events = *logView->model();
        int errorRow = -1;
        QTRY_VERIFY([&] {
            for (int row = events.rowCount() - 1; row >= 0 && errorRow < 0; --row) {
                if (events.index(row, EventLogModel::MessageColumn)
                        .data()
                        .toString()
                        .contains(QStringLiteral("在金蝶中不存在")))
                    errorRow = row;
            }
            return errorRow >= 0;
        }());
        const QString failedId =
            events.index(errorRow, 0).data(EventLogModel::ApplicationIdRole).toString();
        logView->scrollTo(events.index(errorRow, EventLogModel::MessageColumn));
        QTest::mouseClick(
            logView->viewport(), Qt::LeftButton, {},
            logView->visualRect(events.index(errorRow, EventLogModel::MessageColumn)).center());
        QTRY_COMPARE(view->currentIndex().data(ApplicationsModel::IdRole).toString(), failedId);
        bool previewShowsIt = false;
        const QList<QLabel *> labels =
            window.findChildren<QLabel *>(QStringLiteral("billKingdeeError"));
        for (const QLabel *label : labels)
            previewShowsIt |= label->text().contains(QStringLiteral("在金蝶中不存在"));
        QVERIFY(previewShowsIt);
    }

    void stopDuringSync_finishesTheBatchesOnTheWireAndLeavesTheRestPending()
    {
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *fetch = window.findChild<QAction *>(QStringLiteral("fetchAction"));
        fetch->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(fetch->isEnabled(), 30'000);
        ApplicationsModel &model = window.applicationsPane()->model();
        QTRY_COMPARE(model.rowCount(), 40);
        window.applicationsPane()
            ->findChild<QPushButton *>(QStringLiteral("checkPendingButton"))
            ->click();
        answerNextQuestion(true);
        window.findChild<QAction *>(QStringLiteral("syncAction"))->trigger();

        // 停止 once the first bills are in Kingdee: the run ends early, calmly.
        QTRY_VERIFY(!m_sandbox->kingdee().books().bills().isEmpty());
        auto *stop = window.findChild<QToolButton *>(QStringLiteral("cancelSyncButton"));
        QCOMPARE(stop->text(), QStringLiteral("停止"));
        QTest::mouseClick(stop, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(fetch->isEnabled(), 30'000);

        // What Kingdee holds is exactly what the table calls 已同步, each bill once; the rest
        // is pending again (nothing stays 排队中 with no run), none lost.
        BillRepository bills(*m_database);
        const QList<BillRecord> synced = bills.inStates({BillState::Synced});
        QCOMPARE(m_sandbox->kingdee().books().bills().size(), synced.size());
        QVERIFY(synced.size() < bills
                                    .inStates({BillState::Synced, BillState::Failed,
                                               BillState::Queued, BillState::Pending})
                                    .size());
        QVERIFY(bills.inStates({BillState::Sending, BillState::InDoubt}).isEmpty());
        QVERIFY(bills.inStates({BillState::Queued}).isEmpty());
        for (const BillRecord &bill : synced) {
            const int row = model.rowOf(bill.applicationId);
            QVERIFY(
                cell(model, row, ApplicationsModel::NumbersColumn).contains(bill.kingdeeNumber));
        }

        // The status bar says how the run ended, in the store's numbers, and keeps saying it.
        auto *lastRun = window.findChild<QLabel *>(QStringLiteral("lastRunLabel"));
        const QString expected = QStringLiteral("已同步 %1 张，失败 %2 张，未发送 %3 张")
                                     .arg(synced.size())
                                     .arg(bills.inStates({BillState::Failed}).size())
                                     .arg(bills.inStates({BillState::Pending}).size());
        QVERIFY2(lastRun->text().startsWith(expected), qPrintable(lastRun->text()));
        QVERIFY2(lastRun->text().endsWith(QStringLiteral("（已停止）")),
                 qPrintable(lastRun->text()));
        window.statusBar()->showMessage(QStringLiteral("一条告警")); // an alert's notice
        QVERIFY(lastRun->isVisible());

        // The log has the run's start and end lines; the end line says the same.
        auto *logView = window.findChild<QAbstractItemView *>(QStringLiteral("logView"));
        QStringList messages;
        QTRY_VERIFY([&] {
            messages.clear();
            for (int row = 0; row < logView->model()->rowCount(); ++row)
                messages.append(
                    logView->model()->index(row, EventLogModel::MessageColumn).data().toString());
            return messages.filter(QStringLiteral("同步结束")).size() == 1;
        }());
        QCOMPARE(messages.filter(QStringLiteral("开始同步")).size(), 1);
        QVERIFY2(messages.filter(QStringLiteral("同步结束")).constFirst().contains(expected),
                 qPrintable(messages.join(QLatin1Char('\n'))));
    }

private:
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<UiState> m_uiState;
    Translations m_translations;
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
