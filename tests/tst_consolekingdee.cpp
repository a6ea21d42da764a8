#include "app/i18n/translations.h"
#include "app/secrets/secretstore.h"
#include "app/settings/profile.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "app/sync/pushplanner.h"
#include "consoletesting.h"
#include "keychaintesting.h"
#include "models/applicationsmodel.h"
#include "models/modelroles.h"
#include "pushtesting.h"
#include "sandboxprofile.h"
#include "sandboxtesting.h"
#include "ui/applications/applicationspane.h"
#include "ui/mainwindow.h"
#include "ui/reconcile/reconcilepane.h"
#include "ui/reconcile/reconciletables.h"
#include "ui/uistate.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace rs;
using namespace rs::testing;

namespace {

QString cell(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

int countInBooks(const sandbox::Sandbox &s, const QString &key)
{
    int n = 0;
    for (const sandbox::SavedBill &bill : s.kingdee().books().bills())
        n += bill.remarks() == key ? 1 : 0;
    return n;
}

// Answers the next confirmation the console asks with Yes, keeping its text for the test.
void answerYes(QString *text)
{
    QTimer::singleShot(0, qApp, [text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerYes(text); // not open yet
            return;
        }
        *text = box->text();
        box->button(QMessageBox::Yes)->click();
    });
}

} // namespace

// The console's side of "after the push", driven as a clerk drives it against the in-process
// sandbox: after_save in 同步所选, Kingdee's document status in the table, a bill deleted in
// Kingdee sent again, 冲销, and the reconciliation pane.
class TestConsoleKingdee final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        auto options = sandboxOptions(24, 20);
        options.dingTalk.qpsLimit = 1000;
        options.data.unknownCustomerRate = 0;
        m_sandbox = startSandbox(options);
        QVERIFY(m_sandbox);
        m_dir = std::make_unique<QTemporaryDir>();
        m_profile = std::make_unique<Profile>(Profile::resolve(m_dir->path()));
        // The real keychain, as the clerk's credential dialog leaves it.
        QVERIFY(storeSandboxSecrets(m_profile->keychainScope()));
        m_uiState = std::make_unique<UiState>(m_profile->uiStatePath());
        m_translations.apply(LanguageChoice::Chinese);
    }

    void cleanup()
    {
        removeAllSecrets(m_profile->keychainScope());
        m_window.reset();
        m_uiState.reset();
        m_database.reset();
        m_sandbox.reset();
    }

    void afterSaveAudit_syncSelectedAudits_aRefusalShowsKingdeesWords_andIsRetriedWithoutASave()
    {
        QVERIFY(openConsole({{QStringLiteral("kingdee/after_save"), QStringLiteral("audit")}}));
        const auto plan = sync::PushPlanner::plan(*m_database, *builtinScheme(), {}, false);
        QVERIFY(plan.keysToSend.size() > 3);
        const QString refusedKey = plan.keysToSend.at(1);
        m_sandbox->kingdee().books().refuseAudit(refusedKey,
                                                 QStringLiteral("信用额度不足，审核失败"));
        syncAllPending();

        ApplicationsModel &model = m_window->applicationsPane()->model();
        const QString refusedApplication =
            BillRepository(*m_database).find(refusedKey)->applicationId;
        int audited = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (cell(model, row, ApplicationsModel::SyncColumn) != QStringLiteral("已同步"))
                continue;
            const QString status = cell(model, row, ApplicationsModel::KingdeeStatusColumn);
            if (model.rowAt(row).id == refusedApplication) {
                // Saved, submitted, the audit refused: 审核中 with Kingdee's own words.
                QVERIFY2(status.contains(QStringLiteral("审核中")), qPrintable(status));
                const QString error = cell(model, row, ApplicationsModel::ErrorColumn);
                QVERIFY2(error.contains(QStringLiteral("信用额度不足，审核失败")),
                         qPrintable(error));
            } else {
                QCOMPARE(status, QStringLiteral("已审核"));
                ++audited;
            }
        }
        QVERIFY(audited > 0);
        QCOMPARE(m_sandbox->kingdee().books().bills().size(), plan.keysToSend.size());

        // The refusal lifted, 重试失败 audits it and saves nothing a second time.
        m_sandbox->kingdee().books().refuseAudit(refusedKey, {});
        const qint64 saves = sandboxCalls(*m_sandbox, "kingdee.batchSave");
        runAndWait(QStringLiteral("retryAction"));
        const int row = model.rowOf(refusedApplication);
        QCOMPARE(cell(model, row, ApplicationsModel::KingdeeStatusColumn),
                 QStringLiteral("已审核"));
        QVERIFY(cell(model, row, ApplicationsModel::ErrorColumn).isEmpty());
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.batchSave"), saves);
        QCOMPARE(countInBooks(*m_sandbox, refusedKey), 1);
    }

    // Write-back (issue 16): 同步所选 with [dingtalk] comment_user comments once on each synced
    // application's DingTalk instance; a second sync adds none.
    void commentUser_syncSelectedCommentsEachSyncedApplicationOnce()
    {
        QVERIFY(
            openConsole({{QStringLiteral("dingtalk/comment_user"), QStringLiteral("manager01")}}));
        syncAllPending();
        QSet<QString> synced; // applications whose bills are all synced
        QSet<QString> notAll;
        QHash<QString, QStringList> numbers;
        const QList<BillRecord> bills =
            BillRepository(*m_database)
                .inStates({BillState::Pending, BillState::Queued, BillState::Sending,
                           BillState::Synced, BillState::Failed, BillState::InDoubt});
        for (const BillRecord &bill : bills) {
            if (bill.state == BillState::Synced) {
                synced.insert(bill.applicationId);
                numbers[bill.applicationId].append(bill.kingdeeNumber);
            } else {
                notAll.insert(bill.applicationId);
            }
        }
        synced.subtract(notAll);
        QVERIFY(synced.size() > 3);
        // The comments come last in the run: wait until each is there.
        QTRY_COMPARE_WITH_TIMEOUT(int(m_sandbox->dingTalk().allComments().size()),
                                  int(synced.size()), 10'000);
        for (const QString &id : std::as_const(synced)) {
            const auto comments = m_sandbox->dingTalk().comments(id);
            QCOMPARE(comments.size(), 1);
            QStringList sorted = numbers.value(id);
            sorted.sort();
            QCOMPARE(comments.constFirst().text,
                     QStringLiteral("已生成金蝶其他应收单 ") + sorted.join(QStringLiteral("、")));
        }
        runAndWait(QStringLiteral("retryAction"));
        QCOMPARE(sandboxCalls(*m_sandbox, "dingtalk.v1.comment"), qint64(synced.size()));
    }

    void deletedBySomeoneElse_showsGone_andIsSentAgainOnceConfirmed()
    {
        QVERIFY(openConsole());
        syncAllPending();
        ApplicationsModel &model = m_window->applicationsPane()->model();
        // Read after the sync, with after_save=none too: 创建.
        const QList<BillRecord> synced = BillRepository(*m_database).inStates({BillState::Synced});
        QVERIFY(synced.size() > 2);
        const BillRecord victim = synced.at(1);
        const int row = model.rowOf(victim.applicationId);
        QCOMPARE(cell(model, row, ApplicationsModel::KingdeeStatusColumn), QStringLiteral("创建"));

        // Someone deletes it in Kingdee; 读取金蝶状态 finds out, and it survives a restart.
        QVERIFY(m_sandbox->kingdee().books().removeByOther(victim.kingdeeNumber));
        runAndWait(QStringLiteral("readKingdeeStatusAction"));
        QVERIFY(cell(model, row, ApplicationsModel::KingdeeStatusColumn)
                    .contains(QStringLiteral("金蝶中已不存在")));
        QCOMPARE(BillRepository(*m_database).find(victim.key)->kingdeeStatus,
                 QStringLiteral("gone"));
        m_window.reset();
        m_window = std::make_unique<MainWindow>(*m_profile, *m_database, *m_uiState);
        m_window->show();
        ApplicationsModel &again = m_window->applicationsPane()->model();
        QTRY_VERIFY(again.rowOf(victim.applicationId) >= 0);
        QVERIFY(
            cell(again, again.rowOf(victim.applicationId), ApplicationsModel::KingdeeStatusColumn)
                .contains(QStringLiteral("金蝶中已不存在")));

        // 重新发送: the dialog names the bill; confirmed, exactly one bill is in Kingdee again.
        auto *sendAgain = m_window->findChild<QAction *>(QStringLiteral("sendAgainAction"));
        QVERIFY(!sendAgain->isEnabled());
        m_window->applicationsPane()->selectApplication(victim.applicationId);
        QTRY_VERIFY(sendAgain->isEnabled());
        QString asked;
        answerYes(&asked);
        runAndWait(QStringLiteral("sendAgainAction"));
        QVERIFY2(asked.contains(victim.kingdeeNumber), qPrintable(asked));
        QCOMPARE(countInBooks(*m_sandbox, victim.key), 1);
        const BillRecord resent = *BillRepository(*m_database).find(victim.key);
        QCOMPARE(resent.state, BillState::Synced);
        QVERIFY(resent.kingdeeNumber != victim.kingdeeNumber);
        const int now = again.rowOf(victim.applicationId);
        QCOMPARE(cell(again, now, ApplicationsModel::KingdeeStatusColumn), QStringLiteral("创建"));
        QVERIFY(cell(again, now, ApplicationsModel::NumbersColumn).contains(resent.kingdeeNumber));
    }

    void reverseAction_onARowThatNeedsReversal_endsItsBillsReversed()
    {
        QVERIFY(openConsole());
        syncAllPending();
        const QList<BillRecord> synced = BillRepository(*m_database).inStates({BillState::Synced});
        QVERIFY(!synced.isEmpty());
        const QString id = synced.constFirst().applicationId;
        // Revoked in DingTalk after the push; the next 拉取审批 sees the revoke request.
        QVERIFY(!m_sandbox->dingTalk()
                     .revokeByRequest(id, QDateTime::currentMSecsSinceEpoch())
                     .isEmpty());
        runAndWait(QStringLiteral("fetchAction"));
        ApplicationsModel &model = m_window->applicationsPane()->model();
        QTRY_COMPARE(cell(model, model.rowOf(id), ApplicationsModel::SyncColumn),
                     QStringLiteral("需冲销"));

        auto *reverse = m_window->findChild<QAction *>(QStringLiteral("reverseAction"));
        m_window->applicationsPane()->selectApplication(id);
        QTRY_VERIFY(reverse->isEnabled());
        QString asked;
        answerYes(&asked);
        runAndWait(QStringLiteral("reverseAction"));
        QVERIFY(!asked.isEmpty());
        // The outcome of each bill, in the status bar's line for the last run.
        const QString said = m_window->findChild<QLabel *>(QStringLiteral("lastRunLabel"))->text();
        for (const BillRecord &bill : BillRepository(*m_database).forApplication(id))
            QVERIFY2(said.contains(bill.key + QStringLiteral("：已在金蝶删除")), qPrintable(said));
        for (const BillRecord &bill : BillRepository(*m_database).forApplication(id)) {
            QCOMPARE(bill.state, BillState::Reversed);
            QCOMPARE(bill.reversal, QStringLiteral("deleted"));
            QCOMPARE(countInBooks(*m_sandbox, bill.key), 0);
        }
        QCOMPARE(cell(model, model.rowOf(id), ApplicationsModel::SyncColumn),
                 displayName(BillState::Reversed));
        QVERIFY(!reverse->isEnabled());
    }

    void reconcilePane_totalsEqualTheCli_aClickShowsTheApplication_andTheCsvKeepsAllDigits()
    {
        QVERIFY(openConsole());
        syncAllPending();
        const QList<BillRecord> synced = BillRepository(*m_database).inStates({BillState::Synced});
        QVERIFY(synced.size() > 2);
        // Someone changes one bill's total in Kingdee: an amount_differs.
        const BillRecord amended = synced.at(2);
        QVERIFY(m_sandbox->kingdee().books().amendByOther(amended.kingdeeNumber,
                                                          QStringLiteral("-1.23")));

        const QDate from = QDate::currentDate().addDays(-40);
        const QDate to = QDate::currentDate().addDays(1);
        m_window->showReconcile();
        ReconcilePane *pane = m_window->reconcilePane();
        pane->setPeriod(from, to);
        QTest::mouseClick(pane->findChild<QPushButton *>(QStringLiteral("reconcileRunButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(pane->hasReport(), 30'000);

        // The CLI's reconcile of the same period, on the same profile.
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REBATESYNC_KINGDEE_APP_SECRET"),
                   sandbox::KingdeeOptions {}.appSecret);
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(CLI_EXECUTABLE),
                  {QStringLiteral("--profile"), m_dir->path(), QStringLiteral("reconcile"),
                   QStringLiteral("--from"), from.toString(Qt::ISODate), QStringLiteral("--to"),
                   to.toString(Qt::ISODate), QStringLiteral("--json")});
        // The sandbox answers from this process's event loop: wait turning it.
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 60'000);
        QCOMPARE(cli.exitCode(), 1); // differences
        const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        const QJsonArray totals = json.value(QLatin1String("totals")).toArray();

        auto *totalsView = pane->findChild<QTableView *>(QStringLiteral("reconcileTotals"));
        const QAbstractItemModel &shown = *totalsView->model();
        QCOMPARE(shown.rowCount(), totals.size());
        for (int row = 0; row < shown.rowCount(); ++row) {
            const QJsonObject t = totals.at(row).toObject();
            const auto raw = [&](int column) {
                return shown.index(row, column).data(UnderlyingDataRole).toString();
            };
            QCOMPARE(raw(ReconcileTables::OrganisationColumn),
                     t.value(QLatin1String("organisation")).toString());
            QCOMPARE(raw(ReconcileTables::CustomerColumn),
                     t.value(QLatin1String("customer")).toString());
            QCOMPARE(raw(ReconcileTables::TotalDingTalkColumn),
                     t.value(QLatin1String("dingtalk")).toString());
            QCOMPARE(raw(ReconcileTables::TotalKingdeeColumn),
                     t.value(QLatin1String("kingdee")).toString());
        }
        QCOMPARE(pane->report().matched, json.value(QLatin1String("matched")).toInt());

        // The difference, clicked, is its application in the applications tab.
        auto *differences = pane->findChild<QTableView *>(QStringLiteral("reconcileDifferences"));
        const QAbstractItemModel &found = *differences->model();
        QCOMPARE(found.rowCount(), json.value(QLatin1String("differences")).toArray().size());
        int amendedRow = -1;
        for (int row = 0; row < found.rowCount(); ++row) {
            if (cell(found, row, ReconcileTables::KeyColumn) == amended.key)
                amendedRow = row;
        }
        QVERIFY(amendedRow >= 0);
        QCOMPARE(cell(found, amendedRow, ReconcileTables::KindColumn), QStringLiteral("金额不符"));
        const QModelIndex target = found.index(amendedRow, ReconcileTables::KindColumn);
        QTest::mouseClick(differences->viewport(), Qt::LeftButton, {},
                          differences->visualRect(target).center());
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("paneTabs"));
        QTRY_VERIFY(tabs->currentWidget() != pane);
        auto *view = m_window->applicationsPane()->findChild<QAbstractItemView *>(
            QStringLiteral("applicationsView"));
        QTRY_COMPARE(view->currentIndex().data(ApplicationsModel::IdRole).toString(),
                     amended.applicationId);

        // CSV: a BOM, and 审批编号 as ="…" so Excel keeps its 21 digits.
        const QString csvPath = m_dir->filePath(QStringLiteral("reconcile.csv"));
        QString error;
        QVERIFY2(pane->exportCsv(csvPath, &error), qPrintable(error));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray bytes = csv.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QString businessId = pane->report().differences.at(amendedRow).businessId;
        QCOMPARE(businessId.size(), 21);
        bool keptDigits = false;
        for (const QString &line : QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"))) {
            const QStringList fields = line.split(QLatin1Char(','));
            if (fields.size() > 2 && fields.at(2) == amended.key) {
                QCOMPARE(fields.at(1), QStringLiteral("=\"") + businessId + QLatin1Char('"'));
                keptDigits = true;
            }
        }
        QVERIFY(keptDigits);
        QVERIFY2(pane->exportXlsx(m_dir->filePath(QStringLiteral("reconcile.xlsx")), &error),
                 qPrintable(error));
    }

    void screenshotOpenReconcile_savesThePicture_andAnUnknownNameExits2()
    {
        QVERIFY(writeSandboxProfile(m_dir->path(), m_sandbox->baseUrl()));
        const QString shot = m_dir->filePath(QStringLiteral("reconcile.png"));
        QProcess gui;
        gui.start(QStringLiteral(GUI_EXECUTABLE),
                  {QStringLiteral("--profile"), m_dir->path(), QStringLiteral("--screenshot"), shot,
                   QStringLiteral("--open"), QStringLiteral("reconcile")});
        // The in-process sandbox answers its reconciliation: wait turning the event loop.
        QTRY_VERIFY_WITH_TIMEOUT(gui.state() == QProcess::NotRunning, 60'000);
        QCOMPARE(gui.exitCode(), 0);
        const QImage picture(shot);
        QVERIFY(picture.width() > 600 && picture.height() > 400);

        QProcess unknown;
        unknown.start(QStringLiteral(GUI_EXECUTABLE),
                      {QStringLiteral("--profile"), m_dir->path(), QStringLiteral("--screenshot"),
                       shot, QStringLiteral("--open"), QStringLiteral("no-such-window")});
        QTRY_VERIFY_WITH_TIMEOUT(unknown.state() == QProcess::NotRunning, 60'000);
        QCOMPARE(unknown.exitCode(), 2);
        QVERIFY(QString::fromUtf8(unknown.readAllStandardError())
                    .contains(QStringLiteral("reconcile")));
    }

private:
    bool openConsole(const QVariantHash &settings = {})
    {
        if (!writeSandboxProfile(m_dir->path(), m_sandbox->baseUrl(), settings))
            return false;
        m_database = std::make_unique<Database>(m_profile->databasePath());
        if (!m_database->open().ok())
            return false;
        m_window = std::make_unique<MainWindow>(*m_profile, *m_database, *m_uiState);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return false;
        runAndWait(QStringLiteral("fetchAction"));
        return m_window->applicationsPane()->model().rowCount() == 24;
    }

    // Triggers the action and waits until the job it started has ended.
    void runAndWait(const QString &actionName)
    {
        auto *fetch = m_window->findChild<QAction *>(QStringLiteral("fetchAction"));
        QTRY_VERIFY(fetch->isEnabled());
        m_window->findChild<QAction *>(actionName)->trigger();
        QTest::qWait(50);
        QTRY_VERIFY_WITH_TIMEOUT(fetch->isEnabled(), 60'000);
    }

    void syncAllPending()
    {
        m_window->applicationsPane()
            ->findChild<QPushButton *>(QStringLiteral("checkPendingButton"))
            ->click();
        rs::testing::answerNextQuestion(true); // 同步所选 asks first: "同步 N 张申请…？"
        runAndWait(QStringLiteral("syncAction"));
        QVERIFY(!BillRepository(*m_database).inStates({BillState::Synced}).isEmpty());
    }

    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<UiState> m_uiState;
    std::unique_ptr<MainWindow> m_window;
    Translations m_translations;
};

QTEST_MAIN(TestConsoleKingdee)
#include "tst_consolekingdee.moc"
