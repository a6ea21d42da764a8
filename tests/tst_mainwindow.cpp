#include "app/i18n/translations.h"
#include "app/settings/profile.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "consoletesting.h"
#include "models/applicationsmodel.h"
#include "models/modelroles.h"
#include "models/statecountsmodel.h"
#include "storetestdata.h"
#include "ui/applications/applicationspane.h"
#include "ui/mainwindow.h"
#include "ui/uistate.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace rs;
using namespace rs::testing;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_profile = std::make_unique<Profile>(Profile::resolve(m_dir->path()));
        QString error;
        QVERIFY(m_profile->ensureExists(&error));
        m_database = std::make_unique<Database>(m_profile->databasePath());
        QVERIFY(m_database->open().ok());
        m_uiState = std::make_unique<UiState>(m_profile->uiStatePath());
        m_translations = std::make_unique<Translations>();
    }

    void cleanup()
    {
        m_translations.reset();
        m_uiState.reset();
        m_database.reset();
    }

    void opensInChineseWithTranslatedTitleAndMenus()
    {
        m_uiState->setLanguage(LanguageChoice::Chinese);
        m_translations->apply(m_uiState->language());
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QCOMPARE(window.windowTitle(), QStringLiteral("返利同步台"));
        QStringList menus;
        const QList<QAction *> menuActions = window.menuBar()->actions();
        for (QAction *action : menuActions)
            menus.append(action->text());
        QCOMPARE(menus,
                 (QStringList {QStringLiteral("文件(&F)"), QStringLiteral("视图(&V)"),
                               QStringLiteral("设置(&S)"), QStringLiteral("帮助(&H)")}));
        auto *chinese = window.findChild<QAction *>(QStringLiteral("languageChineseAction"));
        QVERIFY(chinese && chinese->isChecked());

        // Qt's own translation is loaded too: standard buttons read 确定 / 取消.
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Ok)->text(), QStringLiteral("确定"));
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
    }

    void choosingEnglish_retranslatesTheOpenWindowAndIsRemembered()
    {
        m_uiState->setLanguage(LanguageChoice::Chinese);
        m_translations->apply(m_uiState->language());
        MainWindow window(*m_profile, *m_database, *m_uiState);
        connect(&window, &MainWindow::languageChangeRequested, this,
                [this](LanguageChoice choice) { m_translations->apply(choice); });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        window.findChild<QAction *>(QStringLiteral("languageEnglishAction"))->trigger();
        QTRY_COMPARE(window.windowTitle(), QStringLiteral("RebateSync"));
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
        QCOMPARE(UiState(m_profile->uiStatePath()).language(), LanguageChoice::English);

        window.findChild<QAction *>(QStringLiteral("languageChineseAction"))->trigger();
        QTRY_COMPARE(window.windowTitle(), QStringLiteral("返利同步台"));
    }

    void windowSizeAndToolbar_areRememberedAcrossRuns()
    {
        // A size that fits the screen comes back as it was (the offscreen screen is 800×600).
        QSize remembered;
        {
            MainWindow window(*m_profile, *m_database, *m_uiState);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            const QSize frame = window.frameGeometry().size() - window.size();
            remembered = window.screen()->availableGeometry().size() - frame - QSize(67, 23);
            window.resize(remembered);
            window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))->hide();
            QTRY_COMPARE(window.size(), remembered);
            window.close();
        }
        MainWindow reopened(*m_profile, *m_database, *m_uiState);
        reopened.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reopened));
        QCOMPARE(reopened.size(), remembered);
        QVERIFY(!reopened.findChild<QToolBar *>(QStringLiteral("mainToolBar"))->isVisible());
    }

    void windowSavedOnALargerScreen_opensWithinTheScreen()
    {
        // As saved on a larger monitor: a geometry larger than this screen.
        {
            QWidget larger;
            larger.show();
            QVERIFY(QTest::qWaitForWindowExposed(&larger));
            larger.resize(larger.screen()->availableGeometry().size() + QSize(400, 300));
            QTRY_VERIFY(larger.width() > larger.screen()->availableGeometry().width());
            m_uiState->setWindow(larger.saveGeometry(), {});
        }
        MainWindow reopened(*m_profile, *m_database, *m_uiState);
        reopened.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reopened));
        const QRect available = reopened.screen()->availableGeometry();
        QTRY_VERIFY2(available.contains(reopened.frameGeometry()),
                     qPrintable(QStringLiteral("%1×%2 on a %3×%4 screen")
                                    .arg(reopened.frameGeometry().width())
                                    .arg(reopened.frameGeometry().height())
                                    .arg(available.width())
                                    .arg(available.height())));
    }

    void columnWidthsAndSplitter_areRememberedAcrossRuns()
    {
        {
            MainWindow window(*m_profile, *m_database, *m_uiState);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *view = window.findChild<QTableView *>(QStringLiteral("applicationsView"));
            view->setColumnWidth(ApplicationsModel::TitleColumn, 333);
            window.findChild<QSplitter *>(QStringLiteral("workArea"))->setSizes({700, 300});
            window.close();
        }
        MainWindow reopened(*m_profile, *m_database, *m_uiState);
        reopened.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reopened));
        QCOMPARE(reopened.findChild<QTableView *>(QStringLiteral("applicationsView"))
                     ->columnWidth(ApplicationsModel::TitleColumn),
                 333);
        const QList<int> sizes =
            reopened.findChild<QSplitter *>(QStringLiteral("workArea"))->sizes();
        QVERIFY2(sizes.at(0) > sizes.at(1) * 2, qPrintable(QString::number(sizes.at(0))));
    }

    void overview_showsTheStoresCountsAndRefreshes()
    {
        m_translations->apply(LanguageChoice::English);
        ApplicationRepository repo(*m_database);
        QVERIFY(repo.upsert(testdata::application(QStringLiteral("a1"))).ok());
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.show();
        auto *view = window.findChild<QTableView *>(QStringLiteral("stateCountsView"));
        QVERIFY(view);
        const QAbstractItemModel *model = view->model();
        const int approvedRow = int(ApprovalState::Approved);
        QCOMPARE(model->index(approvedRow, StateCountsModel::StateColumn).data().toString(),
                 QStringLiteral("Approved"));
        QCOMPARE(model->index(approvedRow, StateCountsModel::CountColumn)
                     .data(UnderlyingDataRole)
                     .toInt(),
                 1);

        // The clerk looks at the overview and refreshes it.
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("paneTabs"));
        tabs->setCurrentIndex(1);
        QVERIFY(repo.upsert(testdata::application(QStringLiteral("a2"))).ok());
        window.findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
        QCOMPARE(model->index(approvedRow, StateCountsModel::CountColumn).data().toString(),
                 QStringLiteral("2"));

        // Away from it, the overview is not read; choosing its tab again reads it.
        tabs->setCurrentIndex(0);
        QVERIFY(repo.upsert(testdata::application(QStringLiteral("a3"))).ok());
        tabs->setCurrentIndex(1);
        QCOMPARE(model->index(approvedRow, StateCountsModel::CountColumn).data().toString(),
                 QStringLiteral("3"));
    }

    void syncSelected_asksWithTheTotalAndNamesTickedRowsTheFilterHides()
    {
        m_translations->apply(LanguageChoice::Chinese);
        ApplicationRepository repo(*m_database);
        const QList<std::pair<const char *, const char *>> amounts {
            {"a1", "-1000.10"}, {"a2", "-0.20"}, {"a3", "-5.00"}};
        for (const auto &[id, amount] : amounts) {
            ApplicationRecord a = testdata::application(QLatin1String(id));
            a.amount = QLatin1String(amount);
            a.customers = QStringLiteral("C1, C2");
            QVERIFY(repo.upsert(a).ok());
        }
        // Approved, but its table has no rows: nothing to bill, marked, never ticked.
        ApplicationRecord empty = testdata::application(QStringLiteral("a4"), 0);
        empty.amount = QStringLiteral("0.00");
        QVERIFY(repo.upsert(empty).ok());
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ApplicationsModel &model = window.applicationsPane()->model();
        QTRY_COMPARE(model.rowCount(), 4);
        // As a sync's plan reports it: no bill can be made of a4.
        model.setNote(QStringLiteral("a4"), QStringLiteral("表格中没有明细行"));
        const int a4 = model.rowOf(QStringLiteral("a4"));
        QCOMPARE(model.index(a4, ApplicationsModel::SyncColumn).data().toString(),
                 QStringLiteral("无法生成单据"));
        window.findChild<QPushButton *>(QStringLiteral("checkPendingButton"))->click();
        QCOMPARE(model.checkedCount(), 3);
        auto *totals = window.findChild<QLabel *>(QStringLiteral("totalsLabel"));
        QCOMPARE(totals->text(), QStringLiteral("显示合计 ¥-1,005.30 · 已勾选合计 ¥-1,005.30"));

        // The clerk narrows the table to one application; the other two stay ticked, unseen.
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        search->setText(QStringLiteral("2025a1"));
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE(totals->text(), QStringLiteral("显示合计 ¥-1,000.10 · 已勾选合计 ¥-1,005.30"));

        QString asked;
        answerNextQuestion(false, &asked);
        window.findChild<QAction *>(QStringLiteral("syncAction"))->trigger();
        QVERIFY2(asked.startsWith(QStringLiteral("同步 3 张申请（6 张单据），合计 ¥-1,005.30？")),
                 qPrintable(asked));
        QVERIFY2(asked.contains(QStringLiteral("其中 2 张被筛选隐藏：2025a2、2025a3")),
                 qPrintable(asked));
        // 取消 sends nothing: no bill was even queued.
        QVERIFY(window.findChild<QAction *>(QStringLiteral("fetchAction"))->isEnabled());
        QVERIFY(BillRepository(*m_database).inStates(allBillStates()).isEmpty());
        QCOMPARE(model.checkedCount(), 3);
    }

    void retryFailed_isDisabledWithoutFailuresAndNamesTheOnesARetryWillNotHelp()
    {
        m_translations->apply(LanguageChoice::Chinese);
        ApplicationRepository repo(*m_database);
        QVERIFY(repo.upsert(testdata::application(QStringLiteral("a1"))).ok());
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *retry = window.findChild<QAction *>(QStringLiteral("retryAction"));
        QTRY_COMPARE(window.applicationsPane()->model().rowCount(), 1);
        QVERIFY(!retry->isEnabled()); // nothing failed

        // Kingdee refused a1's customer: a permanent refusal.
        const BillRepository bills(*m_database);
        const BillRecord bill = testdata::bill(QStringLiteral("a1"), QStringLiteral("C9243"));
        BillOutcome refused;
        refused.error = QStringLiteral("往来单位 C9243 在金蝶中不存在或未审核");
        refused.errorField = QStringLiteral("FCONTACTUNIT");
        QVERIFY(bills.saveDraft(bill).ok());
        QVERIFY(bills.transition(bill.key, BillState::Pending, BillState::Queued, {}, {}).ok());
        QVERIFY(bills.transition(bill.key, BillState::Queued, BillState::Failed, refused, {}).ok());
        window.findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
        QTRY_VERIFY(retry->isEnabled());
        const QString error = window.applicationsPane()
                                  ->model()
                                  .index(0, ApplicationsModel::ErrorColumn)
                                  .data()
                                  .toString();
        QCOMPARE(
            error,
            QStringLiteral("需改正：往来单位 C9243 在金蝶中不存在或未审核（字段 FCONTACTUNIT）"));

        QString asked;
        answerNextQuestion(false, &asked);
        retry->trigger();
        QVERIFY2(asked.contains(QStringLiteral("2025a1")), qPrintable(asked));
        QVERIFY2(asked.contains(QStringLiteral("重试不会有帮助")), qPrintable(asked));
        QCOMPARE(bills.find(bill.key)->state, BillState::Failed); // 取消: nothing sent
    }

    void tableAt1280_showsAmountAndSyncStateWithoutScrolling()
    {
        m_translations->apply(LanguageChoice::Chinese);
        ApplicationRecord a = testdata::application(QStringLiteral("a1"));
        a.title = QStringLiteral("王芳提交的返利发放申请");
        a.originatorDeptName = QStringLiteral("西南销售部");
        QVERIFY(ApplicationRepository(*m_database).upsert(a).ok());
        // The table's share of a 1,280-pixel window beside the preview (820 of 1,260).
        ApplicationsPane pane(*m_database, *m_uiState);
        pane.resize(820, 500);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.reload();
        QTRY_COMPARE(pane.model().rowCount(), 1);
        auto *view = pane.findChild<QTableView *>(QStringLiteral("applicationsView"));
        const QRect viewport = view->viewport()->rect();
        for (const int column :
             {int(ApplicationsModel::AmountColumn), int(ApplicationsModel::SyncColumn)}) {
            const QRect cell = view->visualRect(view->model()->index(0, column));
            QVERIFY2(viewport.contains(cell), qPrintable(QString::number(column)));
        }
        // 发起人 names the person, with the department beside.
        QCOMPARE(view->model()->index(0, ApplicationsModel::OriginatorColumn).data().toString(),
                 QStringLiteral("王芳（西南销售部）"));
    }

    void keyboard_ctrlFSearchesAndSpaceTicksTheCurrentRowFromAnyCell()
    {
        QVERIFY(ApplicationRepository(*m_database)
                    .upsert(testdata::application(QStringLiteral("a1")))
                    .ok());
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ApplicationsModel &model = window.applicationsPane()->model();
        QTRY_COMPARE(model.rowCount(), 1);
        auto *view = window.findChild<QTableView *>(QStringLiteral("applicationsView"));
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, ApplicationsModel::AmountColumn));
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(model.checkedIds(), QStringList {QStringLiteral("a1")});
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(model.checkedCount(), 0);

        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(),
                     window.findChild<QLineEdit *>(QStringLiteral("searchEdit")));
        // The jobs have keys of their own, and 重试失败 no longer shares 刷新's icon.
        const auto action = [&](const char *name) {
            return window.findChild<QAction *>(QLatin1String(name));
        };
        QVERIFY(!action("fetchAction")->shortcut().isEmpty());
        QVERIFY(!action("syncAction")->shortcut().isEmpty());
        QVERIFY(!action("retryAction")->shortcut().isEmpty());
        QVERIFY(!action("retryAction")->icon().availableSizes().isEmpty()); // drawn, not blank
        QVERIFY(action("retryAction")->icon().cacheKey()
                != action("refreshAction")->icon().cacheKey());
    }

    void stateCountsModel_passesTheModelTester()
    {
        StateCountsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCounts({{ApprovalState::Approved, 12345}}, {{BillState::InDoubt, 2}});
        model.retranslate();
        QCOMPARE(model.rowCount(), int(ApprovalState::Count) + int(BillState::Count));
        const int inDoubtRow = int(ApprovalState::Count) + int(BillState::InDoubt);
        QCOMPARE(
            model.index(inDoubtRow, StateCountsModel::CountColumn).data(UnderlyingDataRole).toInt(),
            2);
        QCOMPARE(model.index(inDoubtRow, StateCountsModel::StateColumn)
                     .data(UnderlyingDataRole)
                     .toString(),
                 QStringLiteral("in_doubt"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<UiState> m_uiState;
    std::unique_ptr<Translations> m_translations;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
