#include "app/mapping/mapper.h"
#include "app/mapping/previewjson.h"
#include "app/mapping/scheme.h"
#include "app/mapping/schemeresolver.h"
#include "app/settings/profile.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "models/schemeeditsession.h"
#include "models/schemefieldsmodel.h"
#include "schemeeditortesting.h"
#include "ui/mainwindow.h"
#include "ui/schemeeditor/expressionedit.h"
#include "ui/schemeeditor/schemeeditorwindow.h"
#include "ui/schemeeditor/trialview.h"
#include "ui/schemeeditor/valuemapeditor.h"
#include "ui/screenshottargets.h"
#include "ui/uistate.h"
#include "xlsxtesting.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <functional>

using namespace rs;
using namespace rs::testdata;

namespace {

const QString kId = QStringLiteral("pi-1");

// The next modal dialog, when it shows, gets `answer` (accept it, click Yes, read it).
void answerNextDialog(std::function<void(QDialog *)> answer)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || qobject_cast<QProgressDialog *>(dialog))
            return; // "what changes" being worked out: the answer comes after it
        timer->stop();
        timer->deleteLater();
        answer(dialog);
    });
    timer->start();
}

// Types like a keyboard, Chinese too (keyClicks takes ASCII only).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 128)
            QTest::keyClick(widget, char(c.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

void clickYes(QDialog *dialog)
{
    auto *box = qobject_cast<QMessageBox *>(dialog);
    if (box)
        box->button(QMessageBox::Yes)->click();
    else
        dialog->accept();
}

QJsonObject firstModel(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8())
        .object()
        .value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("Model"))
        .toArray()
        .at(0)
        .toObject();
}

QJsonArray models(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8())
        .object()
        .value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("Model"))
        .toArray();
}

// Replaces what a line edit holds as a clerk would: select all, then type (or delete).
void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        typeText(edit, text);
}

QString firstAmount(const QString &json)
{
    return firstModel(json)
        .value(QLatin1String("FEntity"))
        .toArray()
        .at(0)
        .toObject()
        .value(QLatin1String("FNOTAXAMOUNTFOR"))
        .toString();
}

} // namespace

class TestSchemeEditor final : public QObject
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
        // C1 with 600 yuan, C2 with 1,234.50: two bills.
        QVERIFY(ApplicationRepository(*m_database)
                    .upsert(rebateApplication(
                        {rebateRow(QStringLiteral("C1"), QStringLiteral("600")),
                         rebateRow(QStringLiteral("C2"), QStringLiteral("1,234.50"))}))
                    .ok());
        m_settings = std::make_unique<Settings>(m_profile->settingsPath(), m_profile->schemesDir());
        m_window =
            std::make_unique<SchemeEditorWindow>(m_profile->schemesDir(), *m_database, *m_settings);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
        m_database.reset();
    }

    void opens_onTheActiveSchemeAndTheStoredApplication()
    {
        QCOMPARE(m_window->openSchemeName(), kBuiltin);
        QCOMPARE(trialView()->applicationId(), kId);
        QCOMPARE(firstAmount(trialView()->jsonText()), QStringLiteral("-600.00"));
        // The tree holds the header fields and, under FEntity, its own.
        auto *tree = m_window->findChild<QTreeView *>(QStringLiteral("schemeFieldTree"));
        const QModelIndex entity = fieldsModel()->indexOf(amountField(document())).parent();
        QCOMPARE(entity.data().toString(), QStringLiteral("FEntity"));
        QCOMPARE(fieldsModel()->rowCount(entity), 3);
        QVERIFY(tree->isExpanded(entity));
    }

    void editingTheAmountExpression_changesThePreviewAtOnce_andUndoes()
    {
        QVERIFY(m_window->duplicateBuiltin());
        m_window->selectField(amountField(document()));
        ExpressionEdit *edit = expressionEdit();
        QVERIFY(edit->isVisible());
        QCOMPARE(edit->toPlainText(), QStringLiteral("-1*'{{list.表格_不含税金额}}'"));
        edit->moveCursor(QTextCursor::End);
        typeText(edit, QStringLiteral(" - 0.5"));
        QCOMPARE(firstAmount(trialView()->jsonText()), QStringLiteral("-600.50"));
        // The application no longer adds up: the rule is red, the issue beside it.
        QVERIFY(fieldsModel()
                    ->indexOf(amountField(document()))
                    .data(SchemeFieldsModel::FailingRole)
                    .toBool());
        QVERIFY(problemsText().contains(QStringLiteral("FNOTAXAMOUNTFOR")));
        // Typing was one step: one undo gives the scheme back as it was. The toolbar button says
        // only what it does (the step's name would be cut off); its tooltip names the step.
        auto *undo = m_window->findChild<QAction *>(QStringLiteral("undoAction"));
        QCOMPARE(undo->text(), QStringLiteral("Undo"));
        QVERIFY(undo->isEnabled());
        QVERIFY(!undo->toolTip().isEmpty() && undo->toolTip() != undo->text());
        undo->trigger();
        QVERIFY(!undo->isEnabled());
        QCOMPARE(firstAmount(trialView()->jsonText()), QStringLiteral("-600.00"));
        QCOMPARE(expressionEdit()->toPlainText(), QStringLiteral("-1*'{{list.表格_不含税金额}}'"));
        QVERIFY(!m_window->session().isModified());
        m_window->findChild<QAction *>(QStringLiteral("redoAction"))->trigger();
        QCOMPARE(firstAmount(trialView()->jsonText()), QStringLiteral("-600.50"));
    }

    // A new entry field reads a column picked from the stored applications' own names.
    void addField_withACompletedColumn_andRemoveIt()
    {
        QVERIFY(m_window->duplicateBuiltin());
        const FieldPosition amount = amountField(document());
        m_window->selectField(amount);
        m_window->findChild<QAction *>(QStringLiteral("addFieldAction"))->trigger();
        const FieldPosition added {amount.top, amount.entry + 1};
        QCOMPARE(m_window->currentField(), added);
        QCOMPARE(document().field(added)->name, QStringLiteral("F_NEW"));
        auto *insert = m_window->findChild<QComboBox *>(QStringLiteral("ruleInsertField"));
        const int column = insert->findText(QStringLiteral("{{list.表格_客户名称}}"));
        QVERIFY(column > 0);
        QVERIFY(insert->findText(QStringLiteral("{{申请日期}}")) > 0); // header fields too
        QVERIFY(insert->findText(QStringLiteral("{{表格_客户名称}}")) < 0); // a row's, in an entry
        auto *name = m_window->findChild<QLineEdit *>(QStringLiteral("ruleName"));
        name->selectAll();
        typeText(name, QStringLiteral("F_RS_CustomerName"));
        insert->setCurrentIndex(column);
        Q_EMIT insert->activated(column);
        const QJsonObject entry = firstModel(trialView()->jsonText())
                                      .value(QLatin1String("FEntity"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
        QCOMPARE(entry.value(QLatin1String("F_RS_CustomerName")).toString(),
                 QStringLiteral("客户C1"));

        m_window->findChild<QAction *>(QStringLiteral("removeFieldAction"))->trigger();
        QVERIFY(!trialView()->jsonText().contains(QStringLiteral("F_RS_CustomerName")));
        m_window->findChild<QAction *>(QStringLiteral("undoAction"))->trigger();
        QVERIFY(trialView()->jsonText().contains(QStringLiteral("F_RS_CustomerName")));
    }

    void brokenExpression_isUnderlinedWhereTheParserSays()
    {
        QVERIFY(m_window->duplicateBuiltin());
        m_window->selectField(amountField(document()));
        ExpressionEdit *edit = expressionEdit();
        edit->selectAll();
        const QString broken = QStringLiteral("-1*SLEEP('{{list.表格_不含税金额}}')");
        typeText(edit, broken);
        QCOMPARE(edit->toPlainText(), broken);
        const auto [start, end] = edit->underlinedRange();
        QCOMPARE(broken.mid(start, end - start), QStringLiteral("SLEEP"));
        QVERIFY2(edit->toolTip().contains(QStringLiteral("unknown name \"SLEEP\" at position 4")),
                 qPrintable(edit->toolTip()));
        QVERIFY(problemsText().contains(QStringLiteral("unknown name \"SLEEP\"")));
        QVERIFY(fieldsModel()
                    ->indexOf(amountField(document()))
                    .data(SchemeFieldsModel::FailingRole)
                    .toBool());
        auto *status = m_window->findChild<QLabel *>(QStringLiteral("trialStatus"));
        QVERIFY(status->text().contains(QStringLiteral("cannot be loaded")));
        QVERIFY(trialView()->jsonText().isEmpty());
        // Fixed: the underline goes, the bill comes back.
        edit->selectAll();
        typeText(edit, QStringLiteral("-1*'{{list.表格_不含税金额}}'"));
        QCOMPARE(edit->underlinedRange(), std::make_pair(0, 0));
        QCOMPARE(firstAmount(trialView()->jsonText()), QStringLiteral("-600.00"));
    }

    void valueMapRow_changesTheOrganisationNumber()
    {
        QVERIFY(m_window->duplicateBuiltin());
        auto *maps = m_window->findChild<ValueMapEditor *>(QStringLiteral("valueMapEditor"));
        maps->addMap(QStringLiteral("orgs"));
        m_window->selectField(settleOrgField(document()));
        auto *mapBox = m_window->findChild<QComboBox *>(QStringLiteral("ruleMap"));
        mapBox->setFocus();
        QTest::keyClick(mapBox, Qt::Key_Down); // (none) → orgs
        QCOMPARE(document().field(settleOrgField(document()))->map, QStringLiteral("orgs"));
        // 100 is not in the map yet: an issue that names it, in red beside the rule.
        QVERIFY2(problemsText().contains(QStringLiteral("100")), qPrintable(problemsText()));
        QVERIFY(!firstModel(trialView()->jsonText()).contains(QLatin1String("FSETTLEORGID")));

        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("schemeEditorTabs"));
        tabs->setCurrentWidget(maps);
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("addValueMapRow")),
                          Qt::LeftButton);
        auto *table = m_window->findChild<QTableWidget *>(QStringLiteral("valueMapTable"));
        QCOMPARE(table->rowCount(), 1);
        table->item(0, 0)->setText(QStringLiteral("100"));
        table->item(0, 1)->setText(QStringLiteral("HQ-01"));
        QCOMPARE(
            firstModel(trialView()->jsonText()).value(QLatin1String("FSETTLEORGID")).toObject(),
            QJsonObject({{QStringLiteral("FNumber"), QStringLiteral("HQ-01")}}));
        QVERIFY(problemsText().isEmpty());
    }

    // CSV out and in again, and .xlsx for Excel: a Kingdee number keeps its leading zeros.
    void valueMap_exportsAndImports()
    {
        QVERIFY(m_window->duplicateBuiltin());
        auto *maps = m_window->findChild<ValueMapEditor *>(QStringLiteral("valueMapEditor"));
        maps->addMap(QStringLiteral("orgs"));
        maps->addRow(QStringLiteral("华东公司"), QStringLiteral("0001"));
        maps->addRow(QStringLiteral("=SUM(A1)"), QStringLiteral("0002"));
        const QList<ValueMapTable> expected = document().valueMaps();
        QCOMPARE(expected.constFirst().rows.size(), 2);
        QString error;
        const QString csv = QDir(m_dir->path()).filePath(QStringLiteral("orgs.csv"));
        QVERIFY2(maps->exportCsv(csv, &error), qPrintable(error));
        maps->addRow(QStringLiteral("extra"), QStringLiteral("9"));
        QVERIFY2(maps->importCsv(csv, &error), qPrintable(error));
        QCOMPARE(document().valueMaps(), expected);

        const QString xlsx = QDir(m_dir->path()).filePath(QStringLiteral("orgs.xlsx"));
        QVERIFY2(maps->exportXlsx(xlsx, &error), qPrintable(error));
        QProcess python;
        python.start(
            QFile::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3")
                                                              : QStringLiteral("python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import sys, openpyxl\n"
                            "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
                            "print(ws.title, ws.freeze_panes, ws.max_row)\n"
                            "for r in range(2, ws.max_row + 1):\n"
                            "    print(ws.cell(r, 1).value, type(ws.cell(r, 2).value).__name__, "
                            "ws.cell(r, 2).value)\n"),
             xlsx});
        QVERIFY(python.waitForFinished(30000));
        const QString out = QString::fromUtf8(python.readAllStandardOutput());
        QCOMPARE(out, QStringLiteral("orgs A2 3\n华东公司 str 0001\n=SUM(A1) str 0002\n"));
    }

    // .xlsx in: a workbook libxlsxwriter wrote (the editor's own export) and one openpyxl wrote
    // fill the map's table and change the bill; a broken file, picked with the button, is
    // refused in the status bar and leaves the map as it was.
    void valueMap_importsXlsx_andRefusesABrokenFile()
    {
        QVERIFY(m_window->duplicateBuiltin());
        auto *maps = m_window->findChild<ValueMapEditor *>(QStringLiteral("valueMapEditor"));
        auto *table = m_window->findChild<QTableWidget *>(QStringLiteral("valueMapTable"));
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("schemeEditorTabs"));
        tabs->setCurrentWidget(maps);
        maps->addMap(QStringLiteral("orgs"));
        maps->addRow(QStringLiteral("100"), QStringLiteral("0001"));
        maps->addRow(QStringLiteral("华东公司"), QStringLiteral("=SUM(A1)"));
        const QList<ValueMapTable> written = document().valueMaps();
        QString error;
        const QString ours = QDir(m_dir->path()).filePath(QStringLiteral("orgs.xlsx"));
        QVERIFY2(maps->exportXlsx(ours, &error), qPrintable(error));
        maps->addRow(QStringLiteral("extra"), QStringLiteral("9"));
        QVERIFY2(maps->importFile(ours, &error), qPrintable(error));
        QCOMPARE(document().valueMaps(), written);
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("0001"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("=SUM(A1)"));

        const QString theirs = QDir(m_dir->path()).filePath(QStringLiteral("openpyxl.xlsx"));
        const QString failure =
            runXlsxScript(QStringLiteral("openpyxl-map.py"),
                          {theirs, QStringLiteral("100"), QStringLiteral("HQ-01")});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY2(maps->importFile(theirs, &error), qPrintable(error));
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("华东公司"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("0001"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("200"));
        QCOMPARE(table->item(3, 1)->text(), QStringLiteral("HQ-01"));
        // The organisation goes through the imported map: 100 → HQ-01 in the bill at once.
        m_window->selectField(settleOrgField(document()));
        auto *mapBox = m_window->findChild<QComboBox *>(QStringLiteral("ruleMap"));
        mapBox->setFocus();
        QTest::keyClick(mapBox, Qt::Key_Down); // (none) → orgs
        QCOMPARE(
            firstModel(trialView()->jsonText()).value(QLatin1String("FSETTLEORGID")).toObject(),
            QJsonObject({{QStringLiteral("FNumber"), QStringLiteral("HQ-01")}}));

        const QList<ValueMapTable> imported = document().valueMaps();
        const QString broken = QDir(m_dir->path()).filePath(QStringLiteral("broken.xlsx"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("PK\x03\x04 this is not a workbook");
        file.close();
        tabs->setCurrentWidget(maps);
        answerNextDialog([broken](QDialog *dialog) {
            auto *files = qobject_cast<QFileDialog *>(dialog);
            files->selectFile(broken);
            QMetaObject::invokeMethod(files, "accept");
        });
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("importValueMap")),
                          Qt::LeftButton);
        QTRY_VERIFY(m_window->message().contains(QStringLiteral("broken.xlsx")));
        QVERIFY2(m_window->message().contains(QStringLiteral("is not an Excel workbook (.xlsx)")),
                 qPrintable(m_window->message()));
        QCOMPARE(document().valueMaps(), imported);
        QCOMPARE(table->rowCount(), 4);
    }

    // Grouping, the idempotency key and the request options are edited on their tab: each
    // change re-maps the application at once, a mistake shows where it is, undo restores.
    void billSettings_groupingKeyAndOptions_editLive()
    {
        QVERIFY(m_window->duplicateBuiltin());
        const QString name = m_window->openSchemeName();
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("schemeEditorTabs"));
        tabs->setCurrentWidget(m_window->findChild<QWidget *>(QStringLiteral("billSettingsForm")));
        QCOMPARE(models(trialView()->jsonText()).size(), 2); // one bill per customer
        auto *groupBy = m_window->findChild<QLineEdit *>(QStringLiteral("billGroupBy"));
        QCOMPARE(groupBy->text(), QStringLiteral("{{表格_客户编码}}"));
        retype(groupBy, QString());
        // No grouping: one bill with both rows.
        QCOMPARE(models(trialView()->jsonText()).size(), 1);
        QCOMPARE(
            firstModel(trialView()->jsonText()).value(QLatin1String("FEntity")).toArray().size(),
            2);
        QVERIFY(!document().toJson().contains("groupBy"));

        auto *key = m_window->findChild<QLineEdit *>(QStringLiteral("billIdempotencyKey"));
        retype(key, QStringLiteral("RS-{{business_id}}"));
        QCOMPARE(
            firstModel(trialView()->jsonText()).value(QLatin1String("FAR_OtherRemarks")).toString(),
            QStringLiteral("RS-202503031012000123456"));
        // {{list.…}} cannot be a bill's key: the loader's message, on this tab.
        retype(key, QStringLiteral("{{list.表格_客户编码}}"));
        auto *problems = m_window->findChild<QLabel *>(QStringLiteral("billProblems"));
        QVERIFY2(problems->text().contains(QStringLiteral("target.idempotency")),
                 qPrintable(problems->text()));
        QVERIFY(!problems->isHidden());
        QVERIFY(trialView()->jsonText().isEmpty());
        QVERIFY(!m_window->saveScheme());
        QVERIFY(m_window->message().contains(QStringLiteral("Not saved")));
        retype(key, QStringLiteral("RS-{{business_id}}"));
        QVERIFY(problems->isHidden());

        // A request option goes into BatchSave's data; Operation must stay BatchSave.
        auto *options = m_window->findChild<QTableWidget *>(QStringLiteral("billOptions"));
        QCOMPARE(options->rowCount(), 2);
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("addBillOption")),
                          Qt::LeftButton);
        options->item(2, 0)->setText(QStringLiteral("IsVerifyBaseDataField"));
        options->item(2, 1)->setText(QStringLiteral("true"));
        const QJsonObject data = QJsonDocument::fromJson(trialView()->jsonText().toUtf8())
                                     .object()
                                     .value(QLatin1String("data"))
                                     .toObject();
        QCOMPARE(data.value(QLatin1String("IsVerifyBaseDataField")), QJsonValue(true));
        QCOMPARE(data.value(QLatin1String("IsAutoSubmitAndAudit")), QJsonValue(false));
        options->item(0, 1)->setText(QStringLiteral("Save"));
        QVERIFY2(problems->text().contains(QStringLiteral("use BatchSave")),
                 qPrintable(problems->text()));
        m_window->findChild<QAction *>(QStringLiteral("undoAction"))->trigger();
        QVERIFY(problems->isHidden());
        QCOMPARE(options->item(0, 1)->text(), QStringLiteral("BatchSave"));

        // Saved, the file loads as the CLI loads it, with every change.
        QVERIFY(m_window->saveScheme());
        const auto saved = resolveScheme(name, m_profile->schemesDir()).scheme;
        QVERIFY(saved);
        QVERIFY(!saved->groupBy);
        QCOMPARE(saved->dataOptions.value(QLatin1String("IsVerifyBaseDataField")),
                 QJsonValue(true));
        // Undo all the way gives the built-in's grouping back.
        while (m_window->session().undoStack()->canUndo())
            m_window->session().undoStack()->undo();
        QCOMPARE(groupBy->text(), QStringLiteral("{{表格_客户编码}}"));
        QCOMPARE(models(trialView()->jsonText()).size(), 2);
    }

    // The checks are edited as a list and the chosen one's form: a stricter rule holds bills
    // back at once, a check on a field that does not exist is red with the loader's message and
    // cannot be saved; removing a check sends what it held back.
    void checks_editLive_andSaveValidatesAsLoading()
    {
        QVERIFY(m_window->duplicateBuiltin());
        auto *checks = m_window->findChild<QWidget *>(QStringLiteral("checksEditor"));
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("schemeEditorTabs"));
        tabs->setCurrentWidget(checks);
        auto *list = m_window->findChild<QListWidget *>(QStringLiteral("checkList"));
        QCOMPARE(list->count(), 4);
        list->setCurrentRow(0);
        auto *name = m_window->findChild<QLineEdit *>(QStringLiteral("checkName"));
        QCOMPARE(name->text(), QStringLiteral("negative-amounts"));
        auto *op = m_window->findChild<QComboBox *>(QStringLiteral("checkOp"));
        QVERIFY(op->isVisibleTo(checks));
        QVERIFY(
            !m_window->findChild<QLineEdit *>(QStringLiteral("checkFields"))->isVisibleTo(checks));
        // -600.00 < -1000 fails: C1's bill is held back, C2's (-1234.50) passes.
        auto *value = m_window->findChild<QLineEdit *>(QStringLiteral("checkValue"));
        retype(value, QStringLiteral("-1000"));
        QVERIFY2(trialView()
                     ->issueTexts()
                     .join(QLatin1Char('\n'))
                     .contains(QStringLiteral("-600.00 is not < -1000")),
                 qPrintable(trialView()->issueTexts().join(QLatin1Char('\n'))));
        QCOMPARE(m_window->trial().result.sendableBills().size(), 1);
        // The check the previewed bill fails is red in the list, saying why on hover.
        QCOMPARE(list->item(0)->foreground().color(), QColor(Qt::red));
        QVERIFY(!list->item(0)->toolTip().isEmpty());
        QVERIFY(list->item(1)->toolTip().isEmpty());
        // Typing was one step.
        m_window->findChild<QAction *>(QStringLiteral("undoAction"))->trigger();
        QCOMPARE(value->text(), QStringLiteral("0"));
        QCOMPARE(m_window->trial().result.sendableBills().size(), 2);
        QVERIFY(list->item(0)->foreground().color() != QColor(Qt::red));
        QVERIFY(list->item(0)->toolTip().isEmpty());

        // A new "required" check on a field the scheme lacks.
        auto *kind = m_window->findChild<QComboBox *>(QStringLiteral("newCheckKind"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("required")));
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("addCheck")),
                          Qt::LeftButton);
        QCOMPARE(list->count(), 5);
        QCOMPARE(list->currentRow(), 4);
        auto *fields = m_window->findChild<QLineEdit *>(QStringLiteral("checkFields"));
        QVERIFY(fields->isVisibleTo(checks));
        retype(fields, QStringLiteral("FDATE, FNOPE"));
        auto *problems = m_window->findChild<QLabel *>(QStringLiteral("checkProblems"));
        QVERIFY2(problems->text().contains(QStringLiteral("checks[4].fields[1]"))
                     && problems->text().contains(QStringLiteral("\"FNOPE\" is not a field")),
                 qPrintable(problems->text()));
        QCOMPARE(list->item(4)->foreground().color(), QColor(Qt::red));
        QVERIFY(!m_window->saveScheme());
        retype(fields, QStringLiteral("FDATE, FEntity.FCOMMENT"));
        QVERIFY(problems->isHidden());
        QVERIFY(m_window->trial().loaded);
        // The rows' 明细备注 are filled in: both bills still pass.
        QCOMPARE(m_window->trial().result.sendableBills().size(), 2);
        QVERIFY(m_window->saveScheme());
        const auto saved =
            resolveScheme(m_window->openSchemeName(), m_profile->schemesDir()).scheme;
        QVERIFY(saved);
        QCOMPARE(saved->checks.size(), 5);
        QCOMPARE(saved->checks.last().fields,
                 QStringList({QStringLiteral("FDATE"), QStringLiteral("FEntity.FCOMMENT")}));

        // Without the sum check, an amount rounded to whole yuan is no longer held back.
        m_window->selectField(amountField(document()));
        expressionEdit()->selectAll();
        typeText(expressionEdit(), QStringLiteral("-1*ROUND('{{list.表格_不含税金额}}', 0)"));
        QCOMPARE(m_window->trial().result.sendableBills().size(), 1); // C2: 1,235 ≠ 1,234.50
        tabs->setCurrentWidget(checks);
        list->setCurrentRow(1);
        QCOMPARE(name->text(), QStringLiteral("entries-match-application"));
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("removeCheck")),
                          Qt::LeftButton);
        QCOMPARE(list->count(), 4);
        // The header total (1834.50) still differs from nothing: only the sum check is gone.
        QCOMPARE(m_window->trial().result.sendableBills().size(), 2);
    }

    void savedScheme_loadsInTheCliAndPreviewsByteForByte()
    {
        QVERIFY(m_window->duplicateBuiltin());
        const QString name = m_window->openSchemeName();
        m_window->selectField(amountField(document()));
        ExpressionEdit *edit = expressionEdit();
        edit->selectAll();
        typeText(edit, QStringLiteral("-1*ROUND('{{list.表格_不含税金额}}', 0)"));
        m_window->findChild<QAction *>(QStringLiteral("saveSchemeAction"))->trigger();
        QVERIFY(!m_window->session().isModified());
        // Making it active shows what changes in the pending bills first.
        QString summary;
        QStringList changedRow;
        answerNextDialog([&summary, &changedRow](QDialog *dialog) {
            summary = dialog->findChild<QLabel *>(QStringLiteral("changeSummaryText"))->text();
            auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("changeSummaryTable"));
            for (int column = 0; table->rowCount() == 1 && column < table->columnCount(); ++column)
                changedRow.append(table->item(0, column)->text());
            dialog->accept();
        });
        m_window->findChild<QAction *>(QStringLiteral("activateSchemeAction"))->trigger();
        QTRY_COMPARE(m_settings->text(QLatin1String(keys::SyncScheme)), name);
        // C2's 1,234.50 becomes 1,235 and fails the entries check; C1's 600 is as it was.
        QVERIFY2(summary.contains(QStringLiteral("1 pending bill")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("-1834.50")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("after: -600.00")), qPrintable(summary));
        QCOMPARE(changedRow,
                 QStringList({QStringLiteral("202503031012000123456"),
                              QStringLiteral("202503031012000123456-C2"),
                              QStringLiteral("now held back by an issue"),
                              QStringLiteral("-1234.50"), QStringLiteral("-1235.00")}));

        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(CLI_EXECUTABLE),
                  {QStringLiteral("--profile"), m_dir->path(), QStringLiteral("preview"), kId,
                   QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 1); // C2's bill has an issue
        QCOMPARE(cli.readAllStandardOutput(), trialView()->jsonText().toUtf8());
    }

    // "What changes" over 1,000 stored applications runs on a worker: the window has its answer
    // only from the event loop (it was not blocked), the dialog lists exactly the bills whose
    // preview changes, and the CLI's preview of a sample agrees before and after; a cancelled run
    // makes nothing active, and the next run still works.
    void whatChanges_overAThousand_runsOffTheUiThread_andCancels()
    {
        QList<ApplicationRecord> applications;
        for (int i = 0; i < 1000; ++i)
            applications.append(generatedApplication(i));
        QVERIFY(ApplicationRepository(*m_database).upsertAll(applications).ok());
        applications.append(*ApplicationRepository(*m_database).find(kId));
        QVERIFY(m_window->duplicateBuiltin());
        const QString name = m_window->openSchemeName();
        m_window->selectField(amountField(document()));
        expressionEdit()->selectAll();
        typeText(expressionEdit(), QStringLiteral("ROUND(-1*'{{list.表格_不含税金额}}', 0)"));
        m_window->findChild<QAction *>(QStringLiteral("saveSchemeAction"))->trigger();
        QVERIFY(!m_window->session().isModified());
        const auto before = resolveScheme(kBuiltin, QString()).scheme;
        const auto after = resolveScheme(name, m_profile->schemesDir()).scheme;
        QVERIFY(after);

        QStringList expected;
        for (const ApplicationRecord &application : std::as_const(applications)) {
            const MappingResult was = mapApplication(application, *before);
            const MappingResult will = mapApplication(application, *after);
            for (int b = 0; b < was.bills.size(); ++b) {
                if (was.bills.at(b).model != will.bills.at(b).model
                    || was.bills.at(b).hasErrors != will.bills.at(b).hasErrors)
                    expected.append(was.bills.at(b).key);
            }
        }
        QVERIFY(expected.size() > 500);

        // Cancelled: nothing is made active, and no dialog comes after.
        QAction *activate = m_window->findChild<QAction *>(QStringLiteral("activateSchemeAction"));
        activate->trigger();
        QVERIFY(m_window->isComputingChanges());
        auto *progress =
            m_window->findChild<QProgressDialog *>(QStringLiteral("changeSummaryProgress"));
        QVERIFY(progress->windowModality() == Qt::WindowModal);
        progress->findChild<QPushButton *>()->click();
        QVERIFY(!m_window->isComputingChanges());
        QVERIFY2(m_window->message().contains(QStringLiteral("Stopped")),
                 qPrintable(m_window->message()));
        QCOMPARE(m_settings->text(QLatin1String(keys::SyncScheme)), kBuiltin);

        // Shown at once this time: it is gone when the answer is asked about, and after.
        progress->setMinimumDuration(0);
        QStringList listed;
        bool progressShown = false;
        answerNextDialog([&listed, &progressShown, progress](QDialog *dialog) {
            progressShown = progress->isVisible();
            auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("changeSummaryTable"));
            for (int row = 0; row < table->rowCount(); ++row)
                listed.append(table->item(row, 1)->text());
            dialog->accept();
        });
        activate->trigger();
        // The answer comes through the event loop: the click returned while it was worked out.
        QVERIFY(m_window->isComputingChanges());
        QTRY_VERIFY(progress->isVisible() || !m_window->isComputingChanges());
        QCOMPARE(m_settings->text(QLatin1String(keys::SyncScheme)), kBuiltin);
        QTRY_COMPARE_WITH_TIMEOUT(m_settings->text(QLatin1String(keys::SyncScheme)), name, 30000);
        QCOMPARE(listed, expected);
        QVERIFY(!progressShown);
        QVERIFY(!progress->isVisible());

        // The CLI previews a sample the same way: changed where listed, the same elsewhere.
        for (int i = 0; i < 1000; i += 100) {
            const ApplicationRecord &application = applications.at(i);
            const QByteArray byCli = cliPreview(application.id);
            QCOMPARE(byCli, previewJsonText(mapApplication(application, *after), *after));
            const bool changed =
                std::any_of(expected.cbegin(), expected.cend(), [&application](const QString &key) {
                    return key.startsWith(application.businessId);
                });
            QCOMPARE(byCli != previewJsonText(mapApplication(application, *before), *before),
                     changed);
        }
    }

    void invalidScheme_isNeverSavedNorMadeActive()
    {
        QVERIFY(m_window->duplicateBuiltin());
        const QString name = m_window->openSchemeName();
        const QString path = QDir(m_profile->schemesDir()).filePath(name);
        QFile before(path);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray saved = before.readAll();
        m_window->selectField(amountField(document()));
        expressionEdit()->selectAll();
        typeText(expressionEdit(), QStringLiteral("-1*("));
        m_window->findChild<QAction *>(QStringLiteral("activateSchemeAction"))->trigger();
        QVERIFY2(m_window->message().contains(QStringLiteral("Not saved")),
                 qPrintable(m_window->message()));
        QCOMPARE(m_settings->text(QLatin1String(keys::SyncScheme)), kBuiltin);
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), saved);
    }

    void builtin_cannotBeDeleted_butACopyCan()
    {
        auto *deleteAction = m_window->findChild<QAction *>(QStringLiteral("deleteSchemeAction"));
        QCOMPARE(m_window->openSchemeName(), kBuiltin);
        QVERIFY(!deleteAction->isEnabled());
        QVERIFY(!m_window->deleteScheme());
        QVERIFY(m_window->message().contains(QStringLiteral("cannot be deleted")));
        QVERIFY(SchemeLibrary(m_profile->schemesDir()).names().contains(kBuiltin));

        QVERIFY(m_window->duplicateBuiltin());
        const QString copy = m_window->openSchemeName();
        QVERIFY(deleteAction->isEnabled());
        answerNextDialog(clickYes);
        deleteAction->trigger();
        QCOMPARE(SchemeLibrary(m_profile->schemesDir()).names(), QStringList({kBuiltin}));
        QCOMPARE(m_window->openSchemeName(), kBuiltin);
        QVERIFY(!QFile::exists(QDir(m_profile->schemesDir()).filePath(copy)));
    }

    void renameAndImport_keepTheSettingPointingAtAFile()
    {
        QVERIFY(m_window->duplicateBuiltin());
        QVERIFY(m_window->makeActive());
        QTRY_VERIFY(!m_window->isComputingChanges());
        QCOMPARE(m_settings->text(QLatin1String(keys::SyncScheme)), m_window->openSchemeName());
        QVERIFY(m_window->renameScheme(QStringLiteral("ours")));
        QCOMPARE(m_settings->text(QLatin1String(keys::SyncScheme)), QStringLiteral("ours.json"));
        QVERIFY(resolveScheme(QStringLiteral("ours.json"), m_profile->schemesDir()).scheme);
        // The active scheme is not deleted from under sync.
        QVERIFY(!m_window->deleteScheme());
        const QString exported = QDir(m_dir->path()).filePath(QStringLiteral("exported.json"));
        QVERIFY(m_window->exportScheme(exported));
        QVERIFY(m_window->importScheme(exported));
        QCOMPARE(m_window->openSchemeName(), QStringLiteral("exported.json"));
        QVERIFY(!m_window->newScheme(QStringLiteral("../evil")));
        QVERIFY(m_window->newScheme(QStringLiteral("small")));
        QCOMPARE(m_window->openSchemeName(), QStringLiteral("small.json"));
        QVERIFY(m_window->trial().loaded);
    }

    void mainWindow_opensTheEditorFromTheSettingsMenu_andForScreenshots()
    {
        UiState uiState(m_profile->uiStatePath());
        MainWindow main(*m_profile, *m_database, uiState);
        main.show();
        auto *menu = main.findChild<QMenu *>(QStringLiteral("settingsMenu"));
        auto *action = main.findChild<QAction *>(QStringLiteral("schemesAction"));
        QVERIFY(menu->actions().contains(action));
        action->trigger();
        auto *editor = main.findChild<SchemeEditorWindow *>();
        QVERIFY(editor);
        QVERIFY(editor->isVisible());
        QCOMPARE(openForScreenshot(main, QStringLiteral("scheme-editor")), editor);
        QCOMPARE(editor->findChild<TrialView *>()->applicationId(), kId);
        QVERIFY(!openForScreenshot(main, QStringLiteral("no-such-window")));

        // Closing the console asks about the editor's unsaved changes; No keeps everything open.
        QVERIFY(editor->duplicateBuiltin());
        SchemeDocument edited = editor->session().document();
        edited.setName(QStringLiteral("changed"));
        editor->session().change(edited, QStringLiteral("rename"));
        answerNextDialog([](QDialog *dialog) {
            qobject_cast<QMessageBox *>(dialog)->button(QMessageBox::No)->click();
        });
        QVERIFY(!main.close());
        QVERIFY(main.isVisible());
        QVERIFY(editor->isVisible());
        answerNextDialog(clickYes);
        QVERIFY(main.close());
    }

    // --open scheme-editor shows what a changed scheme acts on: the newest application that is
    // approved and not yet synced, not a newer withdrawn one or one already handed to Kingdee.
    void screenshotEditor_opensOnTheNewestPendingApplication()
    {
        ApplicationRecord withdrawn = rebateApplication(
            {rebateRow(QStringLiteral("C7"), QStringLiteral("70"))},
            {{QStringLiteral("process_instance_id"), QStringLiteral("pi-withdrawn")},
             {QStringLiteral("business_id"), QStringLiteral("202503051012000000007")}});
        withdrawn.approval = ApprovalState::Withdrawn;
        withdrawn.createdAt = QStringLiteral("2025-03-05 10:00:00");
        ApplicationRecord handedOver = rebateApplication(
            {rebateRow(QStringLiteral("C8"), QStringLiteral("80"))},
            {{QStringLiteral("process_instance_id"), QStringLiteral("pi-queued")},
             {QStringLiteral("business_id"), QStringLiteral("202503041012000000008")}});
        handedOver.createdAt = QStringLiteral("2025-03-04 10:00:00");
        QVERIFY(ApplicationRepository(*m_database).upsertAll({withdrawn, handedOver}).ok());
        BillRecord queued;
        queued.key = QStringLiteral("202503041012000000008-C8");
        queued.applicationId = handedOver.id;
        queued.amount = QStringLiteral("-80.00");
        queued.payloadJson = "{}";
        const BillRepository bills(*m_database);
        QVERIFY(bills.saveDraft(queued).ok());
        QVERIFY(bills.transition(queued.key, BillState::Pending, BillState::Queued, {}, {}).ok());

        m_window.reset();
        UiState uiState(m_profile->uiStatePath());
        MainWindow main(*m_profile, *m_database, uiState);
        main.show();
        auto *editor = qobject_cast<SchemeEditorWindow *>(
            openForScreenshot(main, QStringLiteral("scheme-editor")));
        QVERIFY(editor);
        QCOMPARE(editor->findChild<TrialView *>()->applicationId(), kId);
        QCOMPARE(firstAmount(editor->findChild<TrialView *>()->jsonText()),
                 QStringLiteral("-600.00"));
        // The picker still offers every stored application, newest first.
        auto *picker = editor->findChild<QComboBox *>(QStringLiteral("trialApplication"));
        QCOMPARE(picker->count(), 3);
        QVERIFY(picker->itemText(0).startsWith(QStringLiteral("202503051012000000007")));
    }

    // The screenshot contract: rebatesync --screenshot FILE --open scheme-editor.
    void screenshotCommand_savesTheEditor_andRefusesUnknownNames()
    {
        m_window.reset(); // the program opens the profile's database itself
        const QString shot = QDir(m_dir->path()).filePath(QStringLiteral("editor.png"));
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(GUI_EXECUTABLE),
                  {QStringLiteral("--profile"), m_dir->path(), QStringLiteral("--screenshot"), shot,
                   QStringLiteral("--open"), QStringLiteral("scheme-editor")});
        QVERIFY(gui.waitForFinished(60000));
        QCOMPARE(gui.exitCode(), 0);
        const QImage image(shot);
        QVERIFY(!image.isNull());
        QVERIFY2(image.width() >= 1000 && image.height() >= 600,
                 qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));

        gui.start(QStringLiteral(GUI_EXECUTABLE),
                  {QStringLiteral("--profile"), m_dir->path(), QStringLiteral("--screenshot"), shot,
                   QStringLiteral("--open"), QStringLiteral("no-such-window")});
        QVERIFY(gui.waitForFinished(60000));
        QCOMPARE(gui.exitCode(), 2);
        QVERIFY(gui.readAllStandardError().contains("scheme-editor"));
    }

private:
    // What `rebatesync-cli preview ID --json` prints for this profile.
    QByteArray cliPreview(const QString &id) const
    {
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(CLI_EXECUTABLE),
                  {QStringLiteral("--profile"), m_dir->path(), QStringLiteral("preview"), id,
                   QStringLiteral("--json")});
        return cli.waitForFinished(60000) ? cli.readAllStandardOutput() : QByteArray();
    }

    TrialView *trialView() const { return m_window->findChild<TrialView *>(); }
    ExpressionEdit *expressionEdit() const { return m_window->findChild<ExpressionEdit *>(); }
    SchemeFieldsModel *fieldsModel() const { return m_window->findChild<SchemeFieldsModel *>(); }
    const SchemeDocument &document() const { return m_window->session().document(); }
    QString problemsText() const
    {
        return m_window->findChild<QLabel *>(QStringLiteral("ruleProblems"))->text();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SchemeEditorWindow> m_window;
};

QTEST_MAIN(TestSchemeEditor)
#include "tst_schemeeditor.moc"
