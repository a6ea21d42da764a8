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
class QTimer;
class QToolBar;

namespace rs {

class ApplicationsPane;
class Database;
class OverviewPane;
class SyncProgress;
class UiState;

namespace sync {
class SyncRunner;
struct FetchReport;
struct PushReport;
} // namespace sync

// The console: the applications table with its filter bar, the toolbar that fetches and syncs,
// the running job's progress in the status bar, and the overview. The engine runs on
// SyncRunner's thread; this window only renders what it reports. Layout, docks and column
// widths are remembered in the profile's ui-state.ini.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(const Profile &profile, const Database &database, UiState &uiState,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    ApplicationsPane *applicationsPane() const { return m_applications; }

Q_SIGNALS:
    // The clerk picked a language; the application swaps translators and every widget
    // retranslates itself on the LanguageChange event that follows.
    void languageChangeRequested(rs::LanguageChoice choice);

public Q_SLOTS:
    void refresh();
    void fetchApprovals();
    void syncSelected();
    void retryFailed();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void retranslateUi();
    void chooseLanguage(LanguageChoice choice);
    void showAbout();
    void updateActions();
    void flushStaleRows();
    void startJob(const QString &what);
    void onFetchFinished(const sync::FetchReport &report);
    void onPushFinished(const sync::PushReport &report);
    void jobEnded(const QString &summary, const QString &configurationProblem);
    void push(const QStringList &ids);

    Profile m_profile;
    const Database &m_database;
    UiState &m_uiState;

    sync::SyncRunner *m_runner = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_workArea = nullptr;
    ApplicationsPane *m_applications = nullptr;
    OverviewPane *m_overview = nullptr;
    SyncProgress *m_progress = nullptr;
    QTimer *m_staleRowsTimer = nullptr;
    QStringList m_staleRows; // changed by the engine, read again in one go
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
    QAction *m_fetchAction = nullptr;
    QAction *m_syncAction = nullptr;
    QAction *m_retryAction = nullptr;
    QAction *m_languageSystemAction = nullptr;
    QAction *m_languageChineseAction = nullptr;
    QAction *m_languageEnglishAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QLabel *m_profileLabel = nullptr;
    QLabel *m_usageLabel = nullptr;
};

} // namespace rs
