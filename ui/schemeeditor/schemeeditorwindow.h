#pragma once

#include "app/mapping/schemelibrary.h"
#include "app/mapping/schemetrial.h"
#include "app/store/records.h"
#include "models/schemechangesummary.h"

#include <QFutureWatcher>
#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QModelIndex;
class QProgressDialog;
class QTabWidget;
class QToolBar;
class QTreeView;

namespace rs {

class BillSettingsForm;
class ChecksEditor;
class Database;
class RuleForm;
class SchemeEditSession;
class SchemeFieldsModel;
class Settings;
class TrialView;
class ValueMapEditor;
struct Scheme;

// 设置 → 映射方案…: the schemes of the profile, the target fields of the open one in a tree, the
// rule of the chosen field, its value maps, and beside them the open scheme tried on a stored
// application after every change. Saving and making a scheme active validate exactly as
// loading does (SchemeLibrary); before a changed scheme becomes active it is run over the
// pending applications and the clerk sees what changes.
class SchemeEditorWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemeEditorWindow)

public:
    SchemeEditorWindow(const QString &schemesDir, const Database &database, Settings &settings,
                       QWidget *parent = nullptr);
    ~SchemeEditorWindow() override;

    // Opens a scheme of the library ("builtin:…" or a file name); false with the message shown.
    bool openScheme(const QString &name);
    QString openSchemeName() const;
    void selectField(FieldPosition position);
    FieldPosition currentField() const;
    void tryOnApplication(const QString &applicationId);
    const SchemeTrial &trial() const { return m_trial; }
    SchemeEditSession &session() const { return *m_session; }
    QString message() const;

    // The actions' work without their dialogs (the actions ask for names and files first).
    bool newScheme(const QString &typedName);
    bool duplicateBuiltin();
    bool renameScheme(const QString &typedName);
    bool deleteScheme();
    bool saveScheme();
    bool importScheme(const QString &path);
    bool exportScheme(const QString &path);
    // Saves when needed, then works out what changes in the pending bills on a worker (with a
    // progress and a cancel), asks, and sets `[sync] scheme`. Saving the active scheme asks the
    // same way before it writes. False when refused at once; true when done or under way.
    bool makeActive();
    // "What changes" is being worked out; its answer is awaited.
    bool isComputingChanges() const { return bool(m_afterChange); }
    // Stops it: nothing is saved or made active.
    void cancelChangeSummary();

Q_SIGNALS:
    // `[sync] scheme` now names another scheme, or the active scheme's file changed.
    void activeSchemeChanged();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void retranslateUi();
    void reloadSchemeList(const QString &select);
    void loadApplications();
    void documentChanged();
    void fieldChosen();
    void ruleEdited(const FieldRule &rule, int part);
    void addField();
    void removeField();
    void showMessage(const QString &text, bool problem);
    void showPartProblems();
    void updateActions();
    bool confirmDiscard();
    bool confirmChange(const SchemeChangeSummary &summary);
    // Runs "what changes" from `before` (may be null) to `after` off the UI thread; when the
    // clerk agrees with what it shows, `then` runs.
    bool startChangeSummary(std::shared_ptr<const Scheme> before,
                            std::shared_ptr<const Scheme> after, std::function<void()> then);
    void changeSummaryFinished();
    bool writeScheme(const QString &name, const SchemeDocument &document);
    void activate(const QString &name);
    QString activeScheme() const;

    SchemeLibrary m_library;
    const Database &m_database;
    Settings &m_settings;
    SchemeEditSession *m_session = nullptr;
    SchemeFieldsModel *m_fields = nullptr;
    std::optional<ApplicationRecord> m_application;
    SchemeTrial m_trial;

    QToolBar *m_toolBar = nullptr;
    QComboBox *m_schemeBox = nullptr;
    QLabel *m_activeLabel = nullptr;
    QTreeView *m_tree = nullptr;
    QTabWidget *m_tabs = nullptr;
    RuleForm *m_rule = nullptr;
    ValueMapEditor *m_valueMaps = nullptr;
    BillSettingsForm *m_bill = nullptr;
    ChecksEditor *m_checks = nullptr;
    TrialView *m_trialView = nullptr;
    QLabel *m_message = nullptr;
    QFutureWatcher<SchemeChangeSummary> *m_changeRun = nullptr;
    QProgressDialog *m_changeProgress = nullptr;
    std::function<void()> m_afterChange; // what runs when the clerk agrees with what changes
    QAction *m_newAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_activateAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_addFieldAction = nullptr;
    QAction *m_removeFieldAction = nullptr;
};

} // namespace rs
