#pragma once

#include "app/i18n/translations.h"
#include "app/settings/profile.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QTabWidget;
class QSplitter;
class QToolBar;

namespace rs {

class ApiAssetsPane;
class AlertCenter;
class IntakeStatus;
class ApplicationsPane;
class Database;
class JobController;
class KingdeeActions;
class ReconcilePane;
class LogDock;
class MonitorPane;
class PreviewPane;
class SchemeEditorWindow;
class SecretStore;
class Settings;
class UiState;

namespace sync {
class IntakeRunner;
}

// The console: the applications table beside the preview of the bills the current one becomes,
// the toolbar's jobs (JobController: the engine runs on its worker thread), the sync log dock,
// the overview and the credential dialog. Layout, docks and column widths are remembered in the
// profile's ui-state.ini.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(const Profile &profile, const Database &database, UiState &uiState,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    ApplicationsPane *applicationsPane() const { return m_applications; }
    ReconcilePane *reconcilePane() const { return m_reconcile; }
    // Brings the reconciliation tab to the front.
    void showReconcile();
    Settings &settings() const { return *m_settings; }
    SecretStore &secrets() const { return *m_secrets; }
    AlertCenter *alertCenter() const { return m_alerts; }
    // First start: opens the credential dialog once the window shows, when DingTalk or Kingdee
    // is not set up yet.
    void offerSetupIfNeeded();
    // 设置 → 映射方案…: the scheme editor, one per main window, opened on the active scheme.
    SchemeEditorWindow *openSchemeEditor();

Q_SIGNALS:
    // The clerk picked a language; the application swaps translators and every widget
    // retranslates itself on the LanguageChange event that follows.
    void languageChangeRequested(rs::LanguageChoice choice);

public Q_SLOTS:
    void refresh();
    void editCredentials();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void fitOnScreen();
    void retranslateUi();
    void chooseLanguage(LanguageChoice choice);
    void showAbout();
    void jobEnded(const QString &summary, const QString &configurationProblem);
    void showLastStoredRun();
    void loadScheme();

    Profile m_profile;
    const Database &m_database;
    UiState &m_uiState;

    Settings *m_settings = nullptr;
    SecretStore *m_secrets = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_workArea = nullptr;
    ApplicationsPane *m_applications = nullptr;
    PreviewPane *m_preview = nullptr;
    MonitorPane *m_overview = nullptr;
    ApiAssetsPane *m_apiAssets = nullptr;
    LogDock *m_logDock = nullptr;
    JobController *m_jobs = nullptr;
    AlertCenter *m_alerts = nullptr;
    KingdeeActions *m_kingdee = nullptr;
    ReconcilePane *m_reconcile = nullptr;
    sync::IntakeRunner *m_intake = nullptr; // [dingtalk] intake=stream, on its own thread
    IntakeStatus *m_intakeStatus = nullptr;
    bool m_closeWhenIdle = false;
    QToolBar *m_toolBar = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_openProfileAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_credentialsAction = nullptr;
    QAction *m_alertsAction = nullptr;
    QAction *m_schemesAction = nullptr;
    SchemeEditorWindow *m_schemeEditor = nullptr;
    QAction *m_languageSystemAction = nullptr;
    QAction *m_languageChineseAction = nullptr;
    QAction *m_languageEnglishAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLabel *m_usageLabel = nullptr;
    QLabel *m_lastRunLabel = nullptr; // the last run's summary: alerts and hints do not hide it
};

} // namespace rs
