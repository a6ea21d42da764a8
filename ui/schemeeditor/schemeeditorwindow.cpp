#include "ui/schemeeditor/schemeeditorwindow.h"

#include "app/mapping/scheme.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/applicationrepository.h"
#include "app/store/database.h"
#include "models/schemeeditsession.h"
#include "models/schemefieldsmodel.h"
#include "ui/preview/previewstyle.h"
#include "ui/schemeeditor/billsettingsform.h"
#include "ui/schemeeditor/checkseditor.h"
#include "ui/schemeeditor/ruleform.h"
#include "ui/schemeeditor/trialview.h"
#include "ui/schemeeditor/valuemapeditor.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QSet>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace rs {
namespace {

// How many stored applications the picker offers, and how many are read for completions.
constexpr int kPickerApplications = 200;
constexpr int kCompletionSamples = 50;
constexpr int kBillMergeKey = 1'000'000'000;
constexpr int kChecksMergeKey = 1'100'000'000;

// Approved, and none of its bills handed to Kingdee yet: the next sync maps it afresh.
bool isPending(const ApplicationRow &row)
{
    if (row.approval != ApprovalState::Approved)
        return false;
    return std::all_of(row.bills.cbegin(), row.bills.cend(), [](const ApplicationRow::Bill &bill) {
        return bill.state == BillState::Pending || bill.state == BillState::Failed;
    });
}

} // namespace

SchemeEditorWindow::SchemeEditorWindow(const QString &schemesDir, const Database &database,
                                       Settings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_library(schemesDir)
    , m_database(database)
    , m_settings(settings)
    , m_session(new SchemeEditSession(this))
    , m_fields(new SchemeFieldsModel(this))
    , m_toolBar(new QToolBar(this))
    , m_schemeBox(new QComboBox(this))
    , m_activeLabel(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_tabs(new QTabWidget(this))
    , m_rule(new RuleForm(m_tabs))
    , m_valueMaps(new ValueMapEditor(m_tabs))
    , m_bill(new BillSettingsForm(m_tabs))
    , m_checks(new ChecksEditor(m_tabs))
    , m_trialView(new TrialView(this))
    , m_message(new QLabel(this))
    , m_changeRun(new QFutureWatcher<SchemeChangeSummary>(this))
    , m_changeProgress(new QProgressDialog(this))
{
    setObjectName(QStringLiteral("schemeEditor"));
    setWindowFlag(Qt::Window);
    setAttribute(Qt::WA_DeleteOnClose, false);
    m_toolBar->setObjectName(QStringLiteral("schemeToolBar"));
    m_schemeBox->setObjectName(QStringLiteral("schemeBox"));
    m_activeLabel->setObjectName(QStringLiteral("activeSchemeLabel"));
    m_tree->setObjectName(QStringLiteral("schemeFieldTree"));
    m_message->setObjectName(QStringLiteral("schemeEditorMessage"));
    m_tabs->setObjectName(QStringLiteral("schemeEditorTabs"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // "What changes" runs on a worker: the window keeps drawing, the clerk can cancel; no edit
    // can slip in meanwhile, so what is asked about is what gets saved.
    m_changeProgress->setObjectName(QStringLiteral("changeSummaryProgress"));
    m_changeProgress->setWindowModality(Qt::WindowModal);
    m_changeProgress->setMinimumDuration(400);
    m_changeProgress->setAutoClose(false);
    m_changeProgress->setAutoReset(false);
    m_changeProgress->reset();
    connect(m_changeRun, &QFutureWatcherBase::progressRangeChanged, m_changeProgress,
            &QProgressDialog::setRange);
    connect(m_changeRun, &QFutureWatcherBase::progressValueChanged, m_changeProgress,
            &QProgressDialog::setValue);
    connect(m_changeRun, &QFutureWatcherBase::finished, this,
            &SchemeEditorWindow::changeSummaryFinished);
    connect(m_changeProgress, &QProgressDialog::canceled, this,
            &SchemeEditorWindow::cancelChangeSummary);

    m_tree->setModel(m_fields);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_schemeBox->setMinimumContentsLength(44);
    m_schemeBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);

    createActions();
    addToolBar(m_toolBar);
    m_toolBar->setMovable(false);
    m_toolBar->addWidget(m_schemeBox);
    m_toolBar->addWidget(m_activeLabel);
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_newAction, m_duplicateAction, m_renameAction, m_deleteAction});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_saveAction, m_activateAction, m_importAction, m_exportAction});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_undoAction, m_redoAction});

    auto *left = new QWidget(this);
    auto *fieldBar = new QToolBar(left);
    fieldBar->addActions({m_addFieldAction, m_removeFieldAction});
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addWidget(fieldBar);
    m_tabs->addTab(m_rule, QString());
    m_tabs->addTab(m_valueMaps, QString());
    m_tabs->addTab(m_bill, QString());
    m_tabs->addTab(m_checks, QString());
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("schemeEditorSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_trialView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 4);
    setCentralWidget(splitter);
    statusBar()->addWidget(m_message, 1);

    connect(m_session, &SchemeEditSession::documentChanged, this,
            &SchemeEditorWindow::documentChanged);
    connect(m_session->undoStack(), &QUndoStack::cleanChanged, this,
            &SchemeEditorWindow::updateActions);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SchemeEditorWindow::fieldChosen);
    connect(m_rule, &RuleForm::ruleEdited, this,
            [this](const FieldRule &rule, RuleForm::Part part) { ruleEdited(rule, int(part)); });
    connect(m_valueMaps, &ValueMapEditor::mapsEdited, this,
            [this](const QList<ValueMapTable> &maps) {
                SchemeDocument document = m_session->document();
                document.setValueMaps(maps);
                m_session->change(document, tr("Edit value maps"));
            });
    // Merge keys above every field's (ruleEdited): typing in one box is one undo step.
    connect(m_bill, &BillSettingsForm::documentEdited, this,
            [this](const SchemeDocument &document, BillSettingsForm::Part part) {
                // A table cell is committed whole: each is a step of its own.
                const int mergeKey =
                    part == BillSettingsForm::Part::Options ? 0 : kBillMergeKey + int(part);
                m_session->change(document, tr("Edit the bill settings"), mergeKey);
            });
    connect(m_checks, &ChecksEditor::documentEdited, this,
            [this](const SchemeDocument &document, int check, ChecksEditor::Part part) {
                const int mergeKey = part == ChecksEditor::Part::Other
                    ? 0
                    : kChecksMergeKey + check * 100 + int(part);
                m_session->change(document, tr("Edit the checks"), mergeKey);
            });
    connect(m_valueMaps, &ValueMapEditor::notice, this,
            [this](const QString &text) { showMessage(text, true); });
    connect(m_trialView, &TrialView::applicationChosen, this,
            &SchemeEditorWindow::tryOnApplication);
    connect(m_schemeBox, &QComboBox::activated, this, [this](int index) {
        const QString name = m_schemeBox->itemData(index).toString();
        if (name == m_session->name())
            return;
        if (!confirmDiscard() || !openScheme(name))
            reloadSchemeList(m_session->name());
    });

    retranslateUi();
    resize(1280, 760);
    loadApplications();
    const QString active = activeScheme();
    if (!openScheme(active)) {
        const QString problem = message();
        openScheme(QStringLiteral("builtin:rebate-to-other-receivable"));
        showMessage(problem, true);
    }
}

SchemeEditorWindow::~SchemeEditorWindow()
{
    // The worker shares nothing with the window, but stops with it rather than run on.
    m_afterChange = {};
    m_changeRun->cancel();
    m_changeRun->waitForFinished();
}

void SchemeEditorWindow::createActions()
{
    const auto make = [this](const char *name, QKeySequence shortcut = {}) {
        auto *action = new QAction(this);
        action->setObjectName(QLatin1String(name));
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        return action;
    };
    m_newAction = make("newSchemeAction");
    m_duplicateAction = make("duplicateBuiltinAction");
    m_renameAction = make("renameSchemeAction");
    m_deleteAction = make("deleteSchemeAction");
    m_saveAction = make("saveSchemeAction", QKeySequence::Save);
    m_activateAction = make("activateSchemeAction");
    m_importAction = make("importSchemeAction");
    m_exportAction = make("exportSchemeAction");
    // Plain actions, not QUndoStack's: those put the step's name into their text ("Undo Edit
    // the bil…", cut off in the toolbar); here it goes into the tooltip.
    QUndoStack *stack = m_session->undoStack();
    m_undoAction = make("undoAction", QKeySequence::Undo);
    m_undoAction->setEnabled(stack->canUndo());
    connect(m_undoAction, &QAction::triggered, stack, &QUndoStack::undo);
    connect(stack, &QUndoStack::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, m_undoAction, &QAction::setToolTip);
    m_redoAction = make("redoAction", QKeySequence::Redo);
    m_redoAction->setEnabled(stack->canRedo());
    connect(m_redoAction, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canRedoChanged, m_redoAction, &QAction::setEnabled);
    connect(stack, &QUndoStack::redoTextChanged, m_redoAction, &QAction::setToolTip);
    m_addFieldAction = make("addFieldAction");
    m_removeFieldAction = make("removeFieldAction");

    connect(m_newAction, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("New scheme"), tr("File name of the new scheme:"),
                                  QLineEdit::Normal, m_library.unusedName(tr("scheme")), &ok);
        if (ok && confirmDiscard())
            newScheme(name);
    });
    connect(m_duplicateAction, &QAction::triggered, this, [this] {
        if (confirmDiscard())
            duplicateBuiltin();
    });
    connect(m_renameAction, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename scheme"), tr("New file name:"),
                                                   QLineEdit::Normal, m_session->name(), &ok);
        if (ok)
            renameScheme(name);
    });
    connect(m_deleteAction, &QAction::triggered, this, [this] {
        if (SchemeLibrary::isBuiltin(m_session->name())) {
            deleteScheme(); // says why not
            return;
        }
        if (QMessageBox::question(this, tr("Delete scheme"),
                                  tr("Delete the scheme file %1?").arg(m_session->name()))
            == QMessageBox::Yes)
            deleteScheme();
    });
    connect(m_saveAction, &QAction::triggered, this, &SchemeEditorWindow::saveScheme);
    connect(m_activateAction, &QAction::triggered, this, &SchemeEditorWindow::makeActive);
    connect(m_importAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import a scheme"), QString(),
                                                          tr("Scheme files (*.json)"));
        if (!path.isEmpty() && confirmDiscard())
            importScheme(path);
    });
    connect(m_exportAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the scheme"), m_session->name(), tr("Scheme files (*.json)"));
        if (!path.isEmpty())
            exportScheme(path);
    });
    connect(m_addFieldAction, &QAction::triggered, this, &SchemeEditorWindow::addField);
    connect(m_removeFieldAction, &QAction::triggered, this, &SchemeEditorWindow::removeField);
}

QString SchemeEditorWindow::activeScheme() const
{
    return m_settings.text(QLatin1String(keys::SyncScheme)).trimmed();
}

void SchemeEditorWindow::reloadSchemeList(const QString &select)
{
    const QSignalBlocker blocker(m_schemeBox);
    m_schemeBox->clear();
    const QString active = activeScheme();
    for (const QString &name : m_library.names()) {
        m_schemeBox->addItem(name == active ? tr("%1 (active)").arg(name) : name, name);
    }
    m_schemeBox->setCurrentIndex(std::max(0, m_schemeBox->findData(select)));
}

void SchemeEditorWindow::loadApplications()
{
    StoreError error;
    const ApplicationRepository repository(m_database);
    const QList<ApplicationRow> rows = repository.newestTableRows(kPickerApplications, &error);
    QList<std::pair<QString, QString>> picker;
    QString firstPending;
    QSet<QString> headerNames;
    QSet<QString> columnNames;
    for (int i = 0; i < rows.size(); ++i) {
        const ApplicationRow &row = rows.at(i);
        picker.append({row.id, QStringLiteral("%1  %2").arg(row.businessId, row.title)});
        if (firstPending.isEmpty() && isPending(row))
            firstPending = row.id;
        if (i >= kCompletionSamples)
            continue;
        const std::optional<ApplicationRecord> record = repository.find(row.id);
        if (!record)
            continue;
        const QJsonObject header = QJsonDocument::fromJson(record->fieldsJson).object();
        for (auto it = header.constBegin(); it != header.constEnd(); ++it)
            headerNames.insert(it.key());
        for (const QByteArray &rowJson : record->rowsJson) {
            const QJsonObject columns = QJsonDocument::fromJson(rowJson).object();
            for (auto it = columns.constBegin(); it != columns.constEnd(); ++it)
                columnNames.insert(it.key());
        }
    }
    if (!error.ok())
        showMessage(error.message, true);
    QStringList headers(headerNames.cbegin(), headerNames.cend());
    QStringList columns(columnNames.cbegin(), columnNames.cend());
    headers.sort();
    columns.sort();
    m_rule->setSourceNames(headers, columns);
    m_trialView->setApplications(picker);
    // What a changed scheme acts on: an approved application not yet synced, when there is one.
    if (!firstPending.isEmpty())
        tryOnApplication(firstPending);
    else if (!picker.isEmpty())
        tryOnApplication(picker.constFirst().first);
}

void SchemeEditorWindow::tryOnApplication(const QString &applicationId)
{
    StoreError error;
    m_application = applicationId.isEmpty()
        ? std::nullopt
        : ApplicationRepository(m_database).find(applicationId, &error);
    if (!error.ok())
        showMessage(error.message, true);
    {
        const QSignalBlocker blocker(m_trialView);
        m_trialView->selectApplication(applicationId);
    }
    documentChanged();
}

bool SchemeEditorWindow::openScheme(const QString &name)
{
    QString error;
    const std::optional<SchemeDocument> document = m_library.read(name, &error);
    if (!document) {
        showMessage(tr("Cannot open %1: %2").arg(name, error), true);
        return false;
    }
    m_session->open(name, *document);
    reloadSchemeList(name);
    if (m_fields->rowCount() > 0)
        m_tree->setCurrentIndex(m_fields->index(0, 0));
    m_tree->expandAll();
    m_tree->resizeColumnToContents(SchemeFieldsModel::NameColumn);
    showMessage(SchemeLibrary::isBuiltin(name)
                    ? tr("%1 is built in and read-only: duplicate it to change it.").arg(name)
                    : tr("Opened %1.").arg(name),
                false);
    updateActions();
    return true;
}

QString SchemeEditorWindow::openSchemeName() const
{
    return m_session->name();
}

void SchemeEditorWindow::selectField(FieldPosition position)
{
    const QModelIndex index = m_fields->indexOf(position);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
}

FieldPosition SchemeEditorWindow::currentField() const
{
    return m_fields->positionOf(m_tree->currentIndex());
}

QString SchemeEditorWindow::message() const
{
    return m_message->text();
}

void SchemeEditorWindow::documentChanged()
{
    const FieldPosition keep = currentField();
    const SchemeDocument &document = m_session->document();
    m_fields->setFields(document.fields());
    if (keep.isValid() && !m_tree->currentIndex().isValid()) {
        // The tree was rebuilt (a field added or removed): stay where the clerk was.
        FieldPosition nearest = keep;
        while (nearest.isValid() && !document.field(nearest))
            nearest = nearest.entry > 0 ? FieldPosition {nearest.top, nearest.entry - 1}
                : nearest.entry == 0    ? FieldPosition {nearest.top, -1}
                                        : FieldPosition {nearest.top - 1, -1};
        m_tree->expandAll();
        selectField(nearest);
    }
    m_trial = trySchemeOn(document, m_application ? &*m_application : nullptr);
    QList<FieldPosition> failing = m_trial.failingFields;
    if (m_trial.schemeErrorField.isValid())
        failing.append(m_trial.schemeErrorField);
    for (int top = 0; top < document.fields().size(); ++top) {
        const FieldRule &rule = document.fields().at(top);
        if (expressionSyntaxError(rule))
            failing.append({top, -1});
        for (int entry = 0; entry < rule.fields.size(); ++entry) {
            if (expressionSyntaxError(rule.fields.at(entry)))
                failing.append({top, entry});
        }
    }
    m_fields->setFailing(failing);
    m_trialView->showTrial(m_trial);
    m_valueMaps->setMaps(document.valueMaps());
    m_rule->setValueMapNames(document.valueMapNames());
    m_bill->setDocument(document);
    m_checks->setDocument(document);
    QStringList failingChecks;
    for (const MappingIssue &issue : std::as_const(m_trial.result.issues)) {
        if (!issue.check.isEmpty() && !failingChecks.contains(issue.check))
            failingChecks.append(issue.check);
    }
    m_checks->setFailingChecks(failingChecks);
    showPartProblems();
    fieldChosen();
    updateActions();
}

// A loader error about grouping, the key, the amount or the options shows on the bill tab; one
// about a check, on that check.
void SchemeEditorWindow::showPartProblems()
{
    static const QRegularExpression billPart(
        QStringLiteral(R"(^target\.(groupBy|idempotency|amount|options))"));
    static const QRegularExpression checkPart(QStringLiteral(R"(^checks\[(\d+)\])"));
    const QString error = m_trial.loaded ? QString() : m_trial.schemeError;
    m_bill->setProblem(billPart.match(error).hasMatch() ? error : QString());
    const QRegularExpressionMatch check = checkPart.match(error);
    m_checks->setProblem(check.hasMatch() ? check.captured(1).toInt() : -1,
                         check.hasMatch() ? error : QString());
}

void SchemeEditorWindow::fieldChosen()
{
    const FieldPosition position = currentField();
    const SchemeDocument &document = m_session->document();
    const FieldRule *rule = document.field(position);
    if (!rule) {
        m_rule->clearRule();
        return;
    }
    m_rule->setRule(*rule, position.entry >= 0);
    const std::optional<ExpressionSyntaxError> syntax = expressionSyntaxError(*rule);
    m_rule->setExpressionError(syntax);
    QStringList problems;
    if (syntax)
        problems.append(syntax->message);
    else if (m_trial.schemeErrorField == position)
        problems.append(m_trial.schemeError);
    for (const MappingIssue &issue : m_trial.result.issues) {
        if (document.fieldOfIssue(issue.field) == position)
            problems.append(
                (issue.bill.isEmpty() ? QString() : QString(issue.bill + QStringLiteral(": ")))
                + preview::issueText(issue));
    }
    m_rule->setProblems(problems);
}

void SchemeEditorWindow::ruleEdited(const FieldRule &rule, int part)
{
    const FieldPosition position = currentField();
    if (!position.isValid())
        return;
    SchemeDocument document = m_session->document();
    document.setField(position, rule);
    // Typing in one box of one field is one undo step.
    const int mergeKey = part == int(RuleForm::Part::Other)
        ? 0
        : ((position.top + 1) * 1000 + (position.entry + 1)) * 10 + part;
    m_session->change(document, tr("Edit %1").arg(rule.name), mergeKey);
}

void SchemeEditorWindow::addField()
{
    SchemeDocument document = m_session->document();
    FieldPosition position = currentField();
    const FieldRule *current = document.field(position);
    FieldRule rule;
    QSet<QString> taken;
    // Into the entry when an entry or one of its fields is chosen, else after the header field.
    FieldPosition at {position.isValid() ? position.top + 1 : int(document.fields().size()), -1};
    if (current && (position.entry >= 0 || current->source == FieldRule::Source::Entries)) {
        const FieldRule &entry = document.fields().at(position.top);
        at = {position.top, position.entry >= 0 ? position.entry + 1 : int(entry.fields.size())};
        for (const FieldRule &sibling : entry.fields)
            taken.insert(sibling.name);
    } else {
        for (const FieldRule &sibling : document.fields())
            taken.insert(sibling.name);
    }
    rule.name = QStringLiteral("F_NEW");
    for (int n = 2; taken.contains(rule.name); ++n)
        rule.name = QStringLiteral("F_NEW%1").arg(n);
    document.insertField(at, rule);
    m_session->change(document, tr("Add %1").arg(rule.name));
    m_tree->expandAll();
    selectField(at);
}

void SchemeEditorWindow::removeField()
{
    const FieldPosition position = currentField();
    SchemeDocument document = m_session->document();
    const FieldRule *rule = document.field(position);
    if (!rule)
        return;
    const QString name = rule->name;
    document.removeField(position);
    m_session->change(document, tr("Remove %1").arg(name));
}

void SchemeEditorWindow::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? preview::errorStyle() : QString());
}

void SchemeEditorWindow::updateActions()
{
    const bool builtin = SchemeLibrary::isBuiltin(m_session->name());
    const bool modified = m_session->isModified();
    m_renameAction->setEnabled(!builtin);
    m_deleteAction->setEnabled(!builtin);
    m_saveAction->setEnabled(!builtin && modified);
    m_activateAction->setEnabled(m_session->name() != activeScheme() || modified);
    const bool isActive = m_session->name() == activeScheme();
    m_activeLabel->setText(isActive ? tr("active: sync uses this scheme") : QString());
    setWindowTitle(tr("Mapping schemes — %1%2")
                       .arg(m_session->name(), modified ? QStringLiteral(" *") : QString()));
}

void SchemeEditorWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void SchemeEditorWindow::closeEvent(QCloseEvent *event)
{
    cancelChangeSummary();
    if (!confirmDiscard()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void SchemeEditorWindow::retranslateUi()
{
    m_newAction->setText(tr("New"));
    m_newAction->setToolTip(tr("A new, small scheme file"));
    m_duplicateAction->setText(tr("Duplicate built-in"));
    m_duplicateAction->setToolTip(tr("A copy of the built-in scheme to edit"));
    m_renameAction->setText(tr("Rename…"));
    m_deleteAction->setText(tr("Delete"));
    m_saveAction->setText(tr("Save"));
    m_activateAction->setText(tr("Make active"));
    m_activateAction->setToolTip(
        tr("Sync uses this scheme from now on; you see first what it changes in pending bills"));
    m_importAction->setText(tr("Import…"));
    m_exportAction->setText(tr("Export…"));
    m_undoAction->setText(tr("Undo"));
    m_redoAction->setText(tr("Redo"));
    m_addFieldAction->setText(tr("Add field"));
    m_removeFieldAction->setText(tr("Remove field"));
    m_tabs->setTabText(0, tr("Rule"));
    m_tabs->setTabText(1, tr("Value maps"));
    m_tabs->setTabText(2, tr("Bill and grouping"));
    m_tabs->setTabText(3, tr("Checks"));
    reloadSchemeList(m_session->name());
    updateActions();
}

} // namespace rs
