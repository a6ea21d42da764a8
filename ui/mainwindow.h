#pragma once

#include "app/i18n/translations.h"
#include "app/settings/profile.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QTabWidget;
class QToolBar;

namespace rs {

class Database;
class OverviewPane;
class UiState;

// The console's shell: menus, toolbar, status bar and the panes later features add as tabs.
// It remembers its size, position and docks in the profile's ui-state.ini.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(const Profile &profile, const Database &database, UiState &uiState,
               QWidget *parent = nullptr);

Q_SIGNALS:
    // The clerk picked a language; the application swaps translators and every widget
    // retranslates itself on the LanguageChange event that follows.
    void languageChangeRequested(rs::LanguageChoice choice);

public Q_SLOTS:
    void refresh();

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

    Profile m_profile;
    const Database &m_database;
    UiState &m_uiState;

    QTabWidget *m_tabs = nullptr;
    OverviewPane *m_overview = nullptr;
    QToolBar *m_toolBar = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_openProfileAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_refreshAction = nullptr;
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
