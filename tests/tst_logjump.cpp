#include "app/i18n/translations.h"
#include "app/settings/profile.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "mappingtestdata.h"
#include "models/applicationsmodel.h"
#include "models/eventlogmodel.h"
#include "ui/applications/applicationspane.h"
#include "ui/applications/datefield.h"
#include "ui/mainwindow.h"
#include "ui/preview/billjsonview.h"
#include "ui/uistate.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;
using testdata::rebateApplication;
using testdata::rebateRow;

namespace {

const QString kManyId = QStringLiteral("pi-12");
const QString kManyBusinessId = QStringLiteral("202503031012000123456");
const QString kOtherId = QStringLiteral("pi-2");

// Twelve customers, twelve bills, every one already in Kingdee: 待同步 hides the application.
ApplicationRecord twelveCustomers()
{
    QList<QJsonObject> rows;
    for (int i = 1; i <= 12; ++i)
        rows.append(rebateRow(QStringLiteral("C%1").arg(i), QStringLiteral("%1.00").arg(i * 10)));
    ApplicationRecord a = rebateApplication(rows,
                                            {{QStringLiteral("process_instance_id"), kManyId},
                                             {QStringLiteral("business_id"), kManyBusinessId}});
    a.createdAt = QStringLiteral("2025-03-03 10:12:00");
    a.amount = QStringLiteral("-780.00");
    return a;
}

ApplicationRecord pendingOther()
{
    ApplicationRecord a = rebateApplication(
        {rebateRow(QStringLiteral("C1"), QStringLiteral("5"))},
        {{QStringLiteral("process_instance_id"), kOtherId},
         {QStringLiteral("business_id"), QStringLiteral("202503050900000654321")}});
    a.createdAt = QStringLiteral("2025-03-05 09:00:00");
    a.amount = QStringLiteral("-5.00");
    return a;
}

QString billKey(int customer)
{
    return kManyBusinessId + QStringLiteral("-C%1").arg(customer);
}

} // namespace

// A click on a sync-log event takes the clerk to the application and the bill it names, even
// when the table's filter hid it, and says what it changed to get there.
class TestLogJump final : public QObject
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
        m_translations.apply(LanguageChoice::Chinese);

        ApplicationRepository applications(*m_database);
        QVERIFY(applications.upsert(twelveCustomers()).ok());
        QVERIFY(applications.upsert(pendingOther()).ok());
        BillRepository bills(*m_database);
        for (int i = 1; i <= 12; ++i) {
            BillRecord bill;
            bill.key = billKey(i);
            bill.applicationId = kManyId;
            bill.amount = QStringLiteral("-%1.00").arg(i * 10);
            bill.payloadJson = QByteArrayLiteral(R"({"FBillTypeID":{"FNumber":"QTYSD01_SYS"}})");
            QVERIFY(bills.saveDraft(bill).ok());
            BillOutcome saved;
            saved.kingdeeNumber = QStringLiteral("QTYS%1").arg(i, 6, 10, QLatin1Char('0'));
            QVERIFY(
                bills
                    .transitionAll({{bill.key, BillState::Pending, BillState::Queued, {}, {}},
                                    {bill.key, BillState::Queued, BillState::Sending, {}, {}},
                                    {bill.key, BillState::Sending, BillState::Synced, saved, {}}})
                    .ok());
        }
    }

    void cleanup()
    {
        m_uiState.reset();
        m_database.reset();
        m_dir.reset();
    }

    void eventOfAHiddenApplication_widensTheFilterSaysSoAndOpensItsBillMarked()
    {
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ApplicationsModel &model = window.applicationsPane()->model();
        QTRY_COMPARE(model.rowCount(), 2);
        auto *table = window.findChild<QTableView *>(QStringLiteral("applicationsView"));
        QTRY_COMPARE(table->model()->rowCount(), 1); // 待同步: the synced one is hidden

        // The clerk narrows further: this month (the applications are of 2025) and a search
        // that matches the synced application. Nothing is shown.
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        search->setText(QStringLiteral("20250303"));
        QTest::keyClick(search, Qt::Key_Return);
        window.findChild<QAction *>(QStringLiteral("thisMonthAction"))->trigger();
        QCOMPARE(table->model()->rowCount(), 0);
        auto *notice = window.findChild<QLabel *>(QStringLiteral("filterNotice"));
        QVERIFY(!notice->isVisible());

        // A log event names the ninth customer's bill of the hidden application.
        SyncEvent event;
        event.kind = QStringLiteral("bill.state");
        event.applicationId = kManyId;
        event.billKey = billKey(9);
        event.message = QStringLiteral("已同步");
        QVERIFY(EventLog(*m_database).append(event).ok());
        window.findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
        auto *log = window.findChild<QTableView *>(QStringLiteral("logView"));
        int row = -1;
        QTRY_VERIFY([&] {
            for (int r = 0; r < log->model()->rowCount(); ++r) {
                if (log->model()->index(r, 0).data(EventLogModel::BillKeyRole) == billKey(9))
                    row = r;
            }
            return row >= 0;
        }());
        const QModelIndex cell = log->model()->index(row, EventLogModel::MessageColumn);
        log->scrollTo(cell);
        QTest::mouseClick(log->viewport(), Qt::LeftButton, {}, log->visualRect(cell).center());

        // Widened just enough: the state and the dates hid it and are cleared; the search, which
        // matches it, stays. The notice says what changed, in the clerk's language.
        auto *state = window.findChild<QComboBox *>(QStringLiteral("stateFilterCombo"));
        QCOMPARE(state->currentText(), QStringLiteral("全部"));
        QCOMPARE(search->text(), QStringLiteral("20250303"));
        QVERIFY(!window.findChild<DateField *>(QStringLiteral("fromDateEdit"))->date().isValid());
        QVERIFY(!window.findChild<DateField *>(QStringLiteral("toDateEdit"))->date().isValid());
        QVERIFY(notice->isVisible());
        QCOMPARE(notice->text(),
                 QStringLiteral("已清除筛选以显示 %1：状态改为“全部”、取消了申请日期范围")
                     .arg(kManyBusinessId));
        QCOMPARE(table->currentIndex().data(ApplicationsModel::IdRole).toString(), kManyId);

        // Twelve bills: a list beside the JSON instead of twelve tabs; the bill the event names
        // is the one shown, selected and marked.
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("billTabs"));
        auto *list = window.findChild<QListWidget *>(QStringLiteral("billList"));
        QCOMPARE(tabs->count(), 12);
        QVERIFY(list->isVisible());
        QVERIFY(!tabs->tabBar()->isVisible());
        QCOMPARE(list->count(), 12);
        auto *shown = qobject_cast<BillJsonView *>(tabs->currentWidget());
        QVERIFY(shown);
        QCOMPARE(shown->bill().key, billKey(9));
        QCOMPARE(list->currentRow(), tabs->currentIndex());
        QListWidgetItem *marked = list->currentItem();
        QVERIFY(marked->isSelected());
        QVERIFY(marked->font().bold());
        QVERIFY(!marked->icon().isNull());
        QVERIFY(marked->text().startsWith(QStringLiteral("客户C9（C9）")));
        for (int i = 0; i < list->count(); ++i) {
            if (i != list->currentRow())
                QVERIFY(!list->item(i)->font().bold());
        }

        // The clerk picks another bill in the list: the JSON follows; the notice goes when the
        // clerk changes the filter again.
        list->setCurrentRow(0);
        QCOMPARE(qobject_cast<BillJsonView *>(tabs->currentWidget())->bill().key, billKey(1));
        search->clear();
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(!notice->isVisible());
    }

    void eventOfAShownApplication_changesNoFilterAndSaysNothing()
    {
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.applicationsPane()->model().rowCount(), 2);
        auto *state = window.findChild<QComboBox *>(QStringLiteral("stateFilterCombo"));
        SyncEvent event;
        event.kind = QStringLiteral("bill.state");
        event.applicationId = kOtherId;
        event.message = QStringLiteral("排队中");
        QVERIFY(EventLog(*m_database).append(event).ok());
        window.findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
        auto *log = window.findChild<QTableView *>(QStringLiteral("logView"));
        int row = -1;
        QTRY_VERIFY([&] {
            for (int r = 0; r < log->model()->rowCount(); ++r) {
                if (log->model()->index(r, 0).data(EventLogModel::ApplicationIdRole) == kOtherId)
                    row = r;
            }
            return row >= 0;
        }());
        const QModelIndex cell = log->model()->index(row, EventLogModel::MessageColumn);
        log->scrollTo(cell);
        QTest::mouseClick(log->viewport(), Qt::LeftButton, {}, log->visualRect(cell).center());
        auto *table = window.findChild<QTableView *>(QStringLiteral("applicationsView"));
        QCOMPARE(table->currentIndex().data(ApplicationsModel::IdRole).toString(), kOtherId);
        QCOMPARE(state->currentText(), QStringLiteral("待同步"));
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("filterNotice"))->isVisible());
        // One bill: a tab, no list.
        QVERIFY(!window.findChild<QListWidget *>(QStringLiteral("billList"))->isVisible());
    }

    void english_stateColumnsFitTheirLongestWords()
    {
        m_translations.apply(LanguageChoice::English);
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *table = window.findChild<QTableView *>(QStringLiteral("applicationsView"));
        const QFontMetrics metrics(table->font());
        // "Partly sy…" and "Approv…" were cut at the Chinese-sized widths.
        for (const auto &[column, word] :
             {std::pair {int(ApplicationsModel::SyncColumn), QStringLiteral("Partly synced")},
              std::pair {int(ApplicationsModel::SyncColumn), QStringLiteral("Needs reversal")},
              std::pair {int(ApplicationsModel::ApprovalColumn), QStringLiteral("In approval")}})
            QVERIFY2(table->columnWidth(column) > metrics.horizontalAdvance(word),
                     qPrintable(word));
        m_translations.apply(LanguageChoice::Chinese);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<UiState> m_uiState;
    Translations m_translations;
};

QTEST_MAIN(TestLogJump)
#include "tst_logjump.moc"
