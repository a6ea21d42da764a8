#include "app/mapping/mapper.h"
#include "app/mapping/schemeresolver.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "mappingtestdata.h"
#include "models/sourcefieldsmodel.h"
#include "models/sourcerowsmodel.h"
#include "ui/preview/billjsonview.h"
#include "ui/preview/previewpane.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QFontMetrics>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;
using testdata::rebateApplication;
using testdata::rebateRow;

namespace {

const QString kFirstId = QStringLiteral("pi-1");
const QString kSecondId = QStringLiteral("pi-2");
const QString kC1Key = QStringLiteral("202503031012000123456-C1");

std::shared_ptr<const Scheme> builtinScheme()
{
    return resolveScheme(QStringLiteral("builtin:rebate-to-other-receivable"), QString()).scheme;
}

// Two customers: C1 with two rows (600 and 0.10), C2 with one (1,234.50).
ApplicationRecord twoCustomers()
{
    return rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("600")),
                              rebateRow(QStringLiteral("C2"), QStringLiteral("1,234.50")),
                              rebateRow(QStringLiteral("C1"), QStringLiteral("0.10"))});
}

ApplicationRecord otherApplication()
{
    return rebateApplication(
        {rebateRow(QStringLiteral("C9"), QStringLiteral("88"))},
        {{QStringLiteral("process_instance_id"), kSecondId},
         {QStringLiteral("business_id"), QStringLiteral("202503050900000654321")},
         {QStringLiteral("组织"), QStringLiteral("200")}});
}

bool isRed(const QColor &color)
{
    return color.red() > 150 && color.green() < 80 && color.blue() < 80;
}

bool looksRed(QLabel *label)
{
    label->ensurePolished();
    return isRed(label->palette().color(QPalette::WindowText));
}

QString modelText(const QAbstractItemModel *model)
{
    QStringList cells;
    for (int r = 0; r < model->rowCount(); ++r) {
        for (int c = 0; c < model->columnCount(); ++c)
            cells.append(model->index(r, c).data().toString());
    }
    return cells.join(QLatin1Char('|'));
}

} // namespace

// The preview beside the applications table: source fields on the left, the Kingdee bills they
// become on the right, with what keeps a bill back in red.
class TestPreviewPane final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_database = std::make_unique<Database>(m_dir->filePath(QStringLiteral("store.sqlite")));
        QVERIFY(m_database->open().ok());
        m_pane = std::make_unique<PreviewPane>(*m_database);
        m_pane->setScheme(builtinScheme());
        m_pane->resize(1000, 600);
        m_pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    }

    void cleanup()
    {
        m_pane.reset();
        m_database.reset();
        m_dir.reset();
    }

    void nothingSelected_showsACalmPlaceholder()
    {
        m_pane->showApplication(QString());
        auto *placeholder = m_pane->findChild<QLabel *>(QStringLiteral("previewPlaceholder"));
        QVERIFY(placeholder->isVisible());
        QCOMPARE(placeholder->text(),
                 QStringLiteral("Select an application to see the bills it becomes"));
        QVERIFY(!label(QStringLiteral("previewProblem"))->isVisible());
        QVERIFY(!copyButton()->isEnabled());
    }

    void showingAnApplication_listsItsHeaderFieldsAndRows()
    {
        store(twoCustomers());
        m_pane->showApplication(kFirstId);

        QVERIFY(label(QStringLiteral("previewTitle"))
                    ->text()
                    .contains(QStringLiteral("202503031012000123456")));
        const QAbstractItemModel *fields = table(QStringLiteral("sourceFieldsView"))->model();
        QVERIFY(fields->rowCount() >= 5);
        // The clerk's form fields first, DingTalk's instance attributes after.
        QCOMPARE(fields->index(0, 0).data().toString(), QStringLiteral("申请日期"));
        QCOMPARE(fields->index(0, 1).data().toString(), QStringLiteral("2025-03-03"));
        QVERIFY(modelText(fields).contains(QStringLiteral("组织|100")));

        const QAbstractItemModel *rows = table(QStringLiteral("sourceRowsView"))->model();
        QCOMPARE(rows->rowCount(), 3);
        QStringList columns;
        for (int c = 0; c < rows->columnCount(); ++c)
            columns.append(rows->headerData(c, Qt::Horizontal).toString());
        QVERIFY(columns.contains(QStringLiteral("表格_客户编码")));
        const int customer = int(columns.indexOf(QStringLiteral("表格_客户编码")));
        const int amount = int(columns.indexOf(QStringLiteral("表格_不含税金额")));
        QCOMPARE(rows->index(1, customer).data().toString(), QStringLiteral("C2"));
        QCOMPARE(rows->index(1, amount).data().toString(), QStringLiteral("1,234.50"));
    }

    void eachBill_getsATabWithItsCustomerAndExactNegativeAmount()
    {
        store(twoCustomers());
        m_pane->showApplication(kFirstId);

        QTabWidget *tabs = billTabs();
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->tabText(0), QStringLiteral("客户C1（C1）  -600.10 · not in Kingdee"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("客户C2（C2）  -1,234.50 · not in Kingdee"));
        const QString first = shownJson(0);
        QVERIFY2(first.contains(QStringLiteral("\"FNumber\": \"C1\"")), qPrintable(first));
        QVERIFY(first.contains(QStringLiteral("\"FNOTAXAMOUNTFOR\": \"-600.00\"")));
        QVERIFY(first.contains(QStringLiteral("\"FNOTAXAMOUNTFOR\": \"-0.10\"")));
        QVERIFY(shownJson(1).contains(QStringLiteral("\"FNOTAXAMOUNTFOR\": \"-1234.50\"")));
        QVERIFY(!label(QStringLiteral("previewProblem"))->isVisible());
        QVERIFY(!issues(0)->isVisible());
        QVERIFY(state(0).contains(QStringLiteral("Not stored yet")));

        // The rows of the bill in view stand out in the source table.
        const QAbstractItemModel *rows = table(QStringLiteral("sourceRowsView"))->model();
        QVERIFY(rows->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!rows->index(1, 0).data(Qt::FontRole).value<QFont>().bold());
        tabs->setCurrentIndex(1);
        QVERIFY(rows->index(1, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!rows->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    }

    void unreadableAmount_showsTheIssueInRedWithItsField()
    {
        store(rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("abc")),
                                 rebateRow(QStringLiteral("C2"), QStringLiteral("600"))}));
        m_pane->showApplication(kFirstId);

        QTabWidget *tabs = billTabs();
        QCOMPARE(tabs->count(), 2);
        QVERIFY(isRed(tabs->tabBar()->tabTextColor(0)));
        QVERIFY(!isRed(tabs->tabBar()->tabTextColor(1)));
        QListWidget *list = issues(0);
        QVERIFY(list->isVisible());
        // The conversion and the checks it makes fail: each in red, naming its field.
        QCOMPARE(list->count(), 3);
        // The words first, the field key after, once.
        QVERIFY2(
            list->item(0)->text().endsWith(QStringLiteral(" (field FEntity[0].FNOTAXAMOUNTFOR)")),
            qPrintable(list->item(0)->text()));
        QVERIFY(list->item(0)->text().contains(QStringLiteral("\"abc\" is not a number")));
        QCOMPARE(list->item(1)->text(),
                 QStringLiteral("check \"entries-match-application\" failed: "
                                "the row value \"abc\" is not a number (field 表格_不含税金额)"));
        for (int i = 0; i < list->count(); ++i)
            QVERIFY(isRed(list->item(i)->foreground().color()));
        QVERIFY(issues(1)->isHidden());
        QCOMPARE(tabs->tabText(1), QStringLiteral("客户C2（C2）  -600.00 · not in Kingdee"));
    }

    void notApproved_saysSoCalmlyAndStillShowsTheBills()
    {
        ApplicationRecord application = twoCustomers();
        application.approval = ApprovalState::InApproval;
        store(application);
        m_pane->showApplication(kFirstId);

        QLabel *notice = label(QStringLiteral("previewNotice"));
        QVERIFY(notice->isVisible());
        QVERIFY(notice->text().contains(QStringLiteral("not approved")));
        QVERIFY(!looksRed(notice));
        QVERIFY(!label(QStringLiteral("previewProblem"))->isVisible());
        QCOMPARE(billTabs()->count(), 2);
    }

    void parseError_showsTheErrorInsteadOfBills()
    {
        ApplicationRecord application = twoCustomers();
        application.parseError = QStringLiteral("unterminated string at offset 120");
        store(application);
        m_pane->showApplication(kFirstId);

        QLabel *problem = label(QStringLiteral("previewProblem"));
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(QStringLiteral("unterminated string at offset 120")),
                 qPrintable(problem->text()));
        QVERIFY(looksRed(problem));
        QCOMPARE(billTabs()->count(), 0);
        QVERIFY(label(QStringLiteral("previewNoBills"))->isVisible());
        QVERIFY(!copyButton()->isEnabled());
    }

    void copyJson_putsTheShownBillOnTheClipboard()
    {
        store(twoCustomers());
        m_pane->showApplication(kFirstId);
        billTabs()->setCurrentIndex(1);
        QApplication::clipboard()->clear();

        QTest::mouseClick(copyButton(), Qt::LeftButton);
        const QString copied = QApplication::clipboard()->text();
        QCOMPARE(copied, shownJson(1));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(copied.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        // The bill's Model object, as the BatchSave body carries it.
        const QJsonObject model = document.object();
        const ApplicationRecord application = twoCustomers();
        const MappingResult mapping = mapApplication(application, *builtinScheme());
        const QJsonArray sent = batchSaveBody(mapping.bills, *builtinScheme())
                                    .value(QLatin1String("data"))
                                    .toObject()
                                    .value(QLatin1String("Model"))
                                    .toArray();
        QCOMPARE(model, sent.at(1).toObject());
        QCOMPARE(
            model.value(QLatin1String("FCONTACTUNIT")).toObject().value(QLatin1String("FNumber")),
            QJsonValue(QStringLiteral("C2")));
    }

    void syncedBill_showsItsKingdeeNumberAndTheStoredPayload()
    {
        // Sent before the date was corrected: the preview shows what Kingdee got.
        BillOutcome saved;
        saved.kingdeeId = QStringLiteral("100123");
        saved.kingdeeNumber = QStringLiteral("QTYS00000042");
        QVERIFY(sendFirstBillDated0304(BillState::Synced, saved));

        m_pane->showApplication(kFirstId);
        QCOMPARE(billTabs()->count(), 2);
        QVERIFY2(state(0).contains(QStringLiteral("Synced")), qPrintable(state(0)));
        QVERIFY(state(0).contains(QStringLiteral("Kingdee number QTYS00000042")));
        QVERIFY(billView(0)->findChild<QLabel *>(QStringLiteral("billSource"))->isVisible());
        QVERIFY(shownJson(0).contains(QStringLiteral("\"FDATE\": \"2025-03-04\"")));
        QVERIFY(!billView(0)->findChild<QLabel *>(QStringLiteral("billKingdeeError"))->isVisible());
        // The other customer's bill is still a fresh mapping.
        QVERIFY(shownJson(1).contains(QStringLiteral("\"FDATE\": \"2025-03-03\"")));
        QVERIFY(state(1).contains(QStringLiteral("Not stored yet")));
        // Partly synced: which bill is in Kingdee and which is not, on the tabs and above them.
        QCOMPARE(billTabs()->tabText(0), QStringLiteral("客户C1（C1）  -600.10 · in Kingdee"));
        QCOMPARE(billTabs()->tabText(1),
                 QStringLiteral("客户C2（C2）  -1,234.50 · not in Kingdee"));
        QCOMPARE(label(QStringLiteral("billsHeading"))->text(),
                 QStringLiteral("Kingdee bills: 1 of 2 in Kingdee"));
    }

    void failedBill_showsKingdeesErrorNextToTheBillARetrySends()
    {
        BillOutcome refused;
        refused.error = QStringLiteral("往来单位 C1 不存在");
        refused.errorField = QStringLiteral("FCONTACTUNIT");
        QVERIFY(sendFirstBillDated0304(BillState::Failed, refused));

        m_pane->showApplication(kFirstId);
        QVERIFY(state(0).contains(QStringLiteral("Failed")));
        auto *error = billView(0)->findChild<QLabel *>(QStringLiteral("billKingdeeError"));
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(),
                 QStringLiteral("Kingdee's last error: 往来单位 C1 不存在 (field FCONTACTUNIT)\n"
                                "Kingdee refuses this bill as it stands: correct it in Kingdee or "
                                "DingTalk first; Retry Failed alone will not help."));
        QVERIFY(looksRed(error));
        // A retry maps again, so the fresh mapping is what is shown.
        QVERIFY(shownJson(0).contains(QStringLiteral("\"FDATE\": \"2025-03-03\"")));
        QVERIFY(!billView(0)->findChild<QLabel *>(QStringLiteral("billSource"))->isVisible());
    }

    void switchingApplication_replacesEverything()
    {
        ApplicationRecord broken =
            rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("abc")),
                               rebateRow(QStringLiteral("C2"), QStringLiteral("600"))});
        broken.approval = ApprovalState::InApproval;
        store(broken);
        store(otherApplication());
        m_pane->showApplication(kFirstId);
        billTabs()->setCurrentIndex(1);
        QCOMPARE(billTabs()->count(), 2);

        m_pane->showApplication(kSecondId);
        QCOMPARE(m_pane->applicationId(), kSecondId);
        QCOMPARE(billTabs()->count(), 1);
        QCOMPARE(billTabs()->tabText(0), QStringLiteral("客户C9（C9）  -88.00 · not in Kingdee"));
        QCOMPARE(m_pane->findChildren<BillJsonView *>().size(), 1);
        QVERIFY(!shownJson(0).contains(QStringLiteral("C1")));
        QVERIFY(label(QStringLiteral("previewTitle"))
                    ->text()
                    .contains(QStringLiteral("202503050900000654321")));
        QVERIFY(!label(QStringLiteral("previewNotice"))->isVisible());
        QVERIFY(!label(QStringLiteral("previewProblem"))->isVisible());
        QCOMPARE(table(QStringLiteral("sourceRowsView"))->model()->rowCount(), 1);
        QVERIFY(modelText(table(QStringLiteral("sourceFieldsView"))->model())
                    .contains(QStringLiteral("组织|200")));

        m_pane->showApplication(QString());
        QCOMPARE(billTabs()->count(), 0);
        QVERIFY(label(QStringLiteral("previewPlaceholder"))->isVisible());
        QVERIFY(!label(QStringLiteral("previewTitle"))->isVisible());
    }

    void refreshAndLanguageChange_keepTheBillInView()
    {
        store(twoCustomers());
        m_pane->showApplication(kFirstId);
        billTabs()->setCurrentIndex(1);
        QVERIFY(BillRepository(*m_database).saveDraft(bill(freshModel(0))).ok());

        m_pane->refresh();
        QCOMPARE(billTabs()->currentIndex(), 1);
        QVERIFY(state(0).contains(QStringLiteral("Pending")));

        // A language change re-maps (messages are translated when made) and keeps the view.
        QEvent languageChange(QEvent::LanguageChange);
        QApplication::sendEvent(m_pane.get(), &languageChange);
        QCOMPARE(billTabs()->count(), 2);
        QCOMPARE(billTabs()->currentIndex(), 1);
        QCOMPARE(m_pane->findChildren<BillJsonView *>().size(), 2);
    }

    void nullScheme_saysTheSchemeCouldNotBeLoaded()
    {
        store(twoCustomers());
        QVERIFY(BillRepository(*m_database).saveDraft(bill(freshModel(0))).ok());
        m_pane->setScheme(nullptr);
        m_pane->setSchemeError(QStringLiteral("there is no built-in scheme \"nope\""));
        m_pane->showApplication(kFirstId);

        QLabel *problem = label(QStringLiteral("previewProblem"));
        QVERIFY(problem->isVisible());
        QCOMPARE(problem->text(),
                 QStringLiteral("The mapping scheme could not be loaded: there is no built-in "
                                "scheme \"nope\""));
        QVERIFY(looksRed(problem));
        // What the store holds is still worth seeing: the stored bill and the source.
        QCOMPARE(billTabs()->count(), 1);
        QVERIFY(billView(0)->findChild<QLabel *>(QStringLiteral("billSource"))->isVisible());
        QVERIFY(shownJson(0).contains(QStringLiteral("\"FNumber\": \"C1\"")));
        QCOMPARE(table(QStringLiteral("sourceRowsView"))->model()->rowCount(), 3);

        m_pane->setScheme(builtinScheme());
        QVERIFY(!problem->isVisible());
        QCOMPARE(billTabs()->count(), 2);
    }

    void sourceModels_passTheModelTester()
    {
        SourceFieldsModel fields;
        SourceRowsModel rows;
        QAbstractItemModelTester fieldsTester(
            &fields, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester rowsTester(&rows,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        fields.setFields(
            {{QStringLiteral("business_id"), QStringLiteral("2025")},
             {QStringLiteral("多选"), QJsonArray {QStringLiteral("甲"), QStringLiteral("乙")}},
             {QStringLiteral("组织"), QStringLiteral("100")}});
        QCOMPARE(fields.rowCount(), 3);
        QCOMPARE(fields.index(2, SourceFieldsModel::FieldColumn).data().toString(),
                 QStringLiteral("business_id"));
        QCOMPARE(fields.index(0, SourceFieldsModel::ValueColumn).data().toString(),
                 QStringLiteral("甲, 乙"));
        fields.retranslate();
        fields.clear();
        QCOMPARE(fields.rowCount(), 0);

        rows.setRows({rebateRow(QStringLiteral("C1"), QStringLiteral("600")),
                      QJsonObject {{QStringLiteral("表格_额外"), QStringLiteral("x")}}});
        QCOMPARE(rows.rowCount(), 2);
        QCOMPARE(rows.columnCount(), 6);
        QCOMPARE(rows.headerData(1, Qt::Vertical).toInt(), 2);
        QCOMPARE(rows.index(1, 0).data().toString(), QString());
        rows.setHighlightedRows({1});
        QVERIFY(rows.index(1, 0).data(Qt::FontRole).value<QFont>().bold());
        rows.clear();
        QCOMPARE(rows.columnCount(), 0);
    }

    void manyBills_becomeAListBesideTheJson_aMarkedOneIsShown_data()
    {
        QTest::addColumn<int>("customers");
        QTest::addColumn<bool>("asList");
        QTest::newRow("six: tabs") << 6 << false;
        QTest::newRow("seven: a list") << 7 << true;
    }

    void manyBills_becomeAListBesideTheJson_aMarkedOneIsShown()
    {
        QFETCH(int, customers);
        QFETCH(bool, asList);
        QList<QJsonObject> rows;
        for (int i = 1; i <= customers; ++i)
            rows.append(rebateRow(QStringLiteral("C%1").arg(i), QStringLiteral("10")));
        store(rebateApplication(rows));
        const QString named = QStringLiteral("202503031012000123456-C%1").arg(customers - 1);
        m_pane->showBill(kFirstId, named);
        auto *list = m_pane->findChild<QListWidget *>(QStringLiteral("billList"));
        QCOMPARE(billTabs()->count(), customers);
        QCOMPARE(list->isVisible(), asList);
        QCOMPARE(billTabs()->tabBar()->isVisible(), !asList);
        // The bill the log named is the one in view, marked, in both forms.
        const int index = customers - 2;
        QCOMPARE(billTabs()->currentIndex(), index);
        QVERIFY(!billTabs()->tabIcon(index).isNull());
        QVERIFY(billTabs()->tabIcon(0).isNull());
        QCOMPARE(list->currentRow(), index);
        QVERIFY(list->item(index)->font().bold());
        if (asList) {
            // The amount and "not in Kingdee" are never elided: only the name may be.
            const QString second = list->item(0)->text().section(QLatin1Char('\n'), 1);
            QCOMPARE(second, QStringLiteral("-10.00 · not in Kingdee"));
            QVERIFY(list->viewport()->width()
                    > QFontMetrics(list->font()).horizontalAdvance(second));
        }

        // A refresh keeps it; showing the application afresh drops the mark.
        m_pane->refresh();
        QCOMPARE(billTabs()->currentIndex(), index);
        QVERIFY(!billTabs()->tabIcon(index).isNull());
        m_pane->showApplication(kFirstId);
        QCOMPARE(billTabs()->currentIndex(), 0);
        QVERIFY(billTabs()->tabIcon(index).isNull());
    }

private:
    void store(const ApplicationRecord &application)
    {
        QVERIFY(ApplicationRepository(*m_database).upsert(application).ok());
    }

    static QJsonObject freshModel(int bill)
    {
        return mapApplication(twoCustomers(), *builtinScheme()).bills.at(bill).model;
    }

    // Stores the two-customer application and sends its first bill with 2025-03-04 as its date
    // (a later correction makes a fresh mapping say 2025-03-03), ending in `end`.
    bool sendFirstBillDated0304(BillState end, const BillOutcome &outcome)
    {
        store(twoCustomers());
        QJsonObject sentModel = freshModel(0);
        sentModel.insert(QStringLiteral("FDATE"), QStringLiteral("2025-03-04"));
        const BillRepository bills(*m_database);
        return bills.saveDraft(bill(sentModel)).ok()
            && bills.transition(kC1Key, BillState::Pending, BillState::Queued, {}, {}).ok()
            && bills.transition(kC1Key, BillState::Queued, BillState::Sending, {}, {}).ok()
            && bills.transition(kC1Key, BillState::Sending, end, outcome, {}).ok();
    }

    static BillRecord bill(const QJsonObject &model)
    {
        BillRecord b;
        b.key = kC1Key;
        b.applicationId = kFirstId;
        b.amount = QStringLiteral("-600.10");
        b.payloadJson = QJsonDocument(model).toJson(QJsonDocument::Compact);
        return b;
    }

    QLabel *label(const QString &name) const { return m_pane->findChild<QLabel *>(name); }
    QTableView *table(const QString &name) const { return m_pane->findChild<QTableView *>(name); }
    QTabWidget *billTabs() const
    {
        return m_pane->findChild<QTabWidget *>(QStringLiteral("billTabs"));
    }
    QPushButton *copyButton() const
    {
        return m_pane->findChild<QPushButton *>(QStringLiteral("copyJsonButton"));
    }
    BillJsonView *billView(int tab) const
    {
        return qobject_cast<BillJsonView *>(billTabs()->widget(tab));
    }
    QString shownJson(int tab) const
    {
        return billView(tab)
            ->findChild<QPlainTextEdit *>(QStringLiteral("billJson"))
            ->toPlainText();
    }
    QString state(int tab) const
    {
        return billView(tab)->findChild<QLabel *>(QStringLiteral("billState"))->text();
    }
    QListWidget *issues(int tab) const
    {
        return billView(tab)->findChild<QListWidget *>(QStringLiteral("billIssues"));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PreviewPane> m_pane;
};

QTEST_MAIN(TestPreviewPane)
#include "tst_previewpane.moc"
