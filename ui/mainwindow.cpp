#include "ui/mainwindow.h"

#include "app/mapping/schemeresolver.h"
#include "app/secrets/secretstore.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/apiusagerepository.h"
#include "app/store/database.h"
#include "app/store/jobrunrepository.h"
#include "app/sync/intakerunner.h"
#include "ui/actiontext.h"
#include "ui/alerts/alertcenter.h"
#include "ui/applications/applicationspane.h"
#include "ui/credentials/credentialdialog.h"
#include "ui/intakestatus.h"
#include "ui/jobcontroller.h"
#include "ui/kingdee/kingdeeactions.h"
#include "ui/logdock.h"
#include "ui/monitor/apiassetspane.h"
#include "ui/monitor/monitorpane.h"
#include "ui/preview/previewpane.h"
#include "ui/reconcile/reconcilepane.h"
#include "ui/schemeeditor/schemeeditorwindow.h"
#include "ui/settingsaudit.h"
#include "ui/syncprogress.h"
#include "ui/uistate.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QShowEvent>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUrl>

#include <algorithm>

namespace rs {

MainWindow::MainWindow(const Profile &profile, const Database &database, UiState &uiState,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_profile(profile)
    , m_database(database)
    , m_uiState(uiState)
    , m_settings(new Settings(profile.settingsPath(), profile.schemesDir(), this))
    , m_secrets(new SecretStore(profile.keychainScope(), this))
    , m_tabs(new QTabWidget(this))
    , m_workArea(new QSplitter(Qt::Horizontal, m_tabs))
    , m_applications(new ApplicationsPane(database, uiState, m_workArea))
    , m_preview(new PreviewPane(database, m_workArea))
    , m_overview(new MonitorPane(database, m_tabs))
    , m_apiAssets(new ApiAssetsPane(database, *m_settings, m_tabs))
    , m_logDock(new LogDock(database, this))
    , m_jobs(new JobController(profile, database.location(), *m_applications, this))
    , m_alerts(new AlertCenter(*m_settings, *m_secrets, database, *m_jobs, this))
    , m_intake(new sync::IntakeRunner(profile, this))
    , m_intakeStatus(new IntakeStatus(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    // Settings saved here go on the record with who saved them (issue 14).
    new SettingsAudit(*m_settings, database, this);
    m_tabs->setObjectName(QStringLiteral("paneTabs"));
    m_tabs->setDocumentMode(true);
    m_workArea->setObjectName(QStringLiteral("workArea"));
    m_workArea->addWidget(m_applications);
    m_workArea->addWidget(m_preview);
    // Narrow enough for a laptop: the panes' natural widths would force the window past 1,000 px.
    m_applications->setMinimumWidth(420);
    m_preview->setMinimumWidth(240);
    m_workArea->setStretchFactor(0, 3);
    m_workArea->setStretchFactor(1, 2);
    m_tabs->addTab(m_workArea, QString());
    m_tabs->addTab(m_overview, QString());
    m_tabs->addTab(m_apiAssets, QString());
    m_kingdee = new KingdeeActions(database, *m_jobs, *m_applications, this);
    m_reconcile = new ReconcilePane(*m_jobs->runner(), m_tabs);
    m_tabs->addTab(m_reconcile, QString());
    setCentralWidget(m_tabs);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    loadScheme();

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    retranslateUi();

    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::refresh);
    connect(m_applications, &ApplicationsPane::currentApplicationChanged, m_preview,
            &PreviewPane::showApplication);
    connect(m_applications, &ApplicationsPane::loadFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_logDock, &LogDock::applicationActivated, this,
            [this](const QString &id, const QString &billKey) {
                m_tabs->setCurrentWidget(m_workArea);
                // The row first (its preview opens on the first bill), then the bill named.
                if (m_applications->selectApplication(id))
                    m_preview->showBill(id, billKey);
            });
    connect(m_jobs, &JobController::rowsRefreshed, m_logDock, &LogDock::refresh);
    connect(m_jobs, &JobController::hint, this,
            [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    connect(m_jobs, &JobController::finished, this, &MainWindow::jobEnded);
    connect(m_kingdee, &KingdeeActions::finished, this, &MainWindow::jobEnded);
    connect(m_reconcile, &ReconcilePane::finished, this, &MainWindow::jobEnded);
    connect(m_reconcile, &ReconcilePane::applicationActivated, this, [this](const QString &id) {
        m_tabs->setCurrentWidget(m_workArea);
        m_applications->selectApplication(id);
    });
    connect(m_alerts, &AlertCenter::notice, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15'000); });
    connect(m_intake, &sync::IntakeRunner::stateChanged, m_intakeStatus, &IntakeStatus::setState);
    connect(m_intake, &sync::IntakeRunner::enabledChanged, m_intakeStatus,
            &IntakeStatus::setVisible);
    connect(m_intake, &sync::IntakeRunner::rowsChanged, this,
            [this](const QList<ApplicationRow> &rows) {
                m_applications->applyRows(rows);
                m_logDock->refresh();
                refresh();
            });

    resize(1280, 760);
    restoreGeometry(m_uiState.windowGeometry());
    fitOnScreen();
    if (!restoreState(m_uiState.windowState()))
        resizeDocks({m_logDock}, {170}, Qt::Vertical);
    if (!m_workArea->restoreState(m_uiState.layout(m_workArea->objectName())))
        m_workArea->setSizes({820, 440});
    m_logDock->restoreHeaderState(m_uiState.layout(m_logDock->objectName()));
    m_applications->reload();
    m_intake->reload();
    showLastStoredRun();
}

MainWindow::~MainWindow()
{
    // The editor works with m_settings, a child destroyed before it otherwise.
    delete m_schemeEditor;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Again now that the window has its frame (it has none before its first show).
    if (!event->spontaneous())
        fitOnScreen();
}

// A size saved on a larger monitor (or the default size on a small laptop) must not open a
// window larger than the screen it opens on, with the status bar or a corner out of reach. Qt 6.8
// shrinks a restored geometry itself, 6.4 does not: this makes both open the same window.
void MainWindow::fitOnScreen()
{
    if (isMaximized() || isFullScreen() || screen() == nullptr)
        return;
    const QRect available = screen()->availableGeometry();
    // The frame (title bar, borders) is known only once the window manager framed the window,
    // on X11 some time after the first show: until then a title bar and borders are assumed, so
    // the status bar is not pushed below the screen's edge (seen at 1.5× on a 1600×1000
    // screen). The offscreen platform draws no frames.
    QSize frame = frameGeometry().size() - size();
    if (frame.isNull() && QGuiApplication::platformName() != QLatin1String("offscreen")) {
        const int border = 2 * style()->pixelMetric(QStyle::PM_MdiSubWindowFrameWidth) + 8;
        frame = QSize(border, border + style()->pixelMetric(QStyle::PM_TitleBarHeight) + 16);
    }
    const QSize fitted = size().boundedTo(available.size() - frame);
    if (fitted == size())
        return;
    resize(fitted);
    // Then the whole window on the screen, not only the corner Qt keeps there when it restores.
    const QRect outer = frameGeometry();
    const QPoint topLeft(
        std::max(available.left(), std::min(outer.left(), available.right() + 1 - outer.width())),
        std::max(available.top(), std::min(outer.top(), available.bottom() + 1 - outer.height())));
    if (topLeft != outer.topLeft())
        move(topLeft);
}

void MainWindow::createActions()
{
    m_openProfileAction = new QAction(style()->standardIcon(QStyle::SP_DirOpenIcon), {}, this);
    m_openProfileAction->setObjectName(QStringLiteral("openProfileAction"));
    connect(m_openProfileAction, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_profile.dir())); });

    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_refreshAction = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), {}, this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        m_applications->reload();
        m_preview->refresh();
        m_logDock->refresh();
        refresh();
    });

    m_credentialsAction = new QAction(this);
    m_credentialsAction->setObjectName(QStringLiteral("credentialsAction"));
    m_credentialsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_credentialsAction, &QAction::triggered, this, &MainWindow::editCredentials);

    m_alertsAction = new QAction(this);
    m_alertsAction->setObjectName(QStringLiteral("alertsAction"));
    connect(m_alertsAction, &QAction::triggered, this, [this] { m_alerts->editSettings(this); });

    m_schemesAction = new QAction(this);
    m_schemesAction->setObjectName(QStringLiteral("schemesAction"));
    connect(m_schemesAction, &QAction::triggered, this, &MainWindow::openSchemeEditor);

    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    const auto addLanguage = [this](LanguageChoice choice, const char *objectName) {
        auto *action = new QAction(m_languageGroup);
        action->setObjectName(QLatin1String(objectName));
        action->setCheckable(true);
        action->setChecked(m_uiState.language() == choice);
        connect(action, &QAction::triggered, this, [this, choice] { chooseLanguage(choice); });
        return action;
    };
    m_languageSystemAction = addLanguage(LanguageChoice::System, "languageSystemAction");
    m_languageChineseAction = addLanguage(LanguageChoice::Chinese, "languageChineseAction");
    m_languageEnglishAction = addLanguage(LanguageChoice::English, "languageEnglishAction");

    m_aboutAction = new QAction(this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = new QAction(this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_openProfileAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_fileMenu->insertActions(m_openProfileAction,
                              {m_jobs->fetchAction(), m_jobs->syncAction(), m_jobs->retryAction()});
    m_fileMenu->insertSeparator(m_openProfileAction);
    // What is done with bills already in Kingdee: beside the jobs that put them there.
    m_fileMenu->insertActions(
        m_openProfileAction,
        {m_kingdee->readStatusAction(), m_kingdee->sendAgainAction(), m_kingdee->reverseAction()});
    m_fileMenu->insertSeparator(m_openProfileAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(m_refreshAction);
    m_viewMenu->addAction(m_logDock->toggleViewAction());

    m_settingsMenu = menuBar()->addMenu(QString());
    m_settingsMenu->setObjectName(QStringLiteral("settingsMenu"));
    m_settingsMenu->addAction(m_credentialsAction);
    m_settingsMenu->addAction(m_alertsAction);
    m_settingsMenu->addAction(m_schemesAction);
    m_languageMenu = m_settingsMenu->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageMenu->addActions(m_languageGroup->actions());

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_aboutAction);
    m_helpMenu->addAction(m_aboutQtAction);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar")); // saveState() needs the name
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_jobs->fetchAction());
    m_toolBar->addAction(m_jobs->syncAction());
    m_toolBar->addAction(m_jobs->retryAction());
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_credentialsAction);
    m_toolBar->addAction(m_refreshAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_toolBar->toggleViewAction());
}

void MainWindow::createStatusBar()
{
    m_profileLabel = new QLabel(this);
    m_profileLabel->setObjectName(QStringLiteral("profileLabel"));
    m_usageLabel = new QLabel(this);
    m_usageLabel->setObjectName(QStringLiteral("usageLabel"));
    m_lastRunLabel = new QLabel(this);
    m_lastRunLabel->setObjectName(QStringLiteral("lastRunLabel"));
    m_lastRunLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_profileLabel, 1);
    statusBar()->addPermanentWidget(m_jobs->progress());
    m_intakeStatus->setVisible(false); // until the settings say stream
    statusBar()->addPermanentWidget(m_intakeStatus);
    // Permanent: a temporary message (an alert, a hint) shows beside it, never instead of it.
    statusBar()->addPermanentWidget(m_lastRunLabel);
    statusBar()->addPermanentWidget(m_usageLabel);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("RebateSync"));
    m_tabs->setTabText(m_tabs->indexOf(m_workArea), tr("Applications"));
    m_tabs->setTabText(m_tabs->indexOf(m_overview), tr("Overview"));
    m_tabs->setTabText(m_tabs->indexOf(m_apiAssets), tr("API assets"));
    m_tabs->setTabText(m_tabs->indexOf(m_reconcile), tr("Reconciliation"));

    m_fileMenu->setTitle(tr("&File"));
    m_viewMenu->setTitle(tr("&View"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Toolbar"));

    setActionText(m_openProfileAction, tr("Open &Profile Folder"));
    m_openProfileAction->setStatusTip(tr("Show the folder with settings.ini and the database"));
    m_quitAction->setText(tr("&Quit"));
    setActionText(m_refreshAction, tr("&Refresh"));
    m_refreshAction->setStatusTip(tr("Read the applications and counts again from the database"));
    setActionText(m_credentialsAction, tr("&Settings…", "connections and credentials"));
    m_credentialsAction->setStatusTip(
        tr("DingTalk and Kingdee connections, credentials and connection tests"));
    setActionText(m_alertsAction, tr("&Alerts and Schedule…"));
    m_alertsAction->setStatusTip(
        tr("Group robot alerts, their thresholds, and scheduled fetch and sync"));
    setActionText(m_schemesAction, tr("&Mapping Schemes…"));
    m_schemesAction->setStatusTip(
        tr("Edit how an application becomes Kingdee bills, with a live preview"));
    m_jobs->retranslateUi();
    m_kingdee->retranslateUi();
    m_languageSystemAction->setText(tr("Follow &System"));
    // Each language is named in itself, so it can be found whatever language is showing.
    m_languageChineseAction->setText(QStringLiteral("中文"));
    m_languageEnglishAction->setText(QStringLiteral("English"));
    m_aboutAction->setText(tr("&About RebateSync"));
    m_aboutQtAction->setText(tr("About &Qt"));

    m_profileLabel->setText(tr("Profile: %1").arg(QDir::toNativeSeparators(m_profile.dir())));
    refresh();
}

void MainWindow::refresh()
{
    if (!m_usageLabel)
        return;
    // Only the pane in view: the others read the store when their tab is chosen, so the end
    // of a 5,000-bill sync does not add their queries to the UI thread's work.
    if (m_tabs->currentWidget() == m_overview)
        m_overview->refresh();
    else if (m_tabs->currentWidget() == m_apiAssets)
        m_apiAssets->refresh();
    StoreError error;
    const qint64 calls =
        ApiUsageRepository(m_database).dingTalkQuotaCalls(QDateTime::currentDateTimeUtc(), &error);
    m_usageLabel->setText(error.ok()
                              ? tr("DingTalk calls this month: %1").arg(QLocale().toString(calls))
                              : error.message);
}

void MainWindow::showReconcile()
{
    m_tabs->setCurrentWidget(m_reconcile);
}

void MainWindow::jobEnded(const QString &summary, const QString &configurationProblem)
{
    refresh();
    m_preview->refresh();
    m_logDock->refresh();
    if (m_closeWhenIdle) {
        close();
        return;
    }
    if (!configurationProblem.isEmpty()) {
        statusBar()->showMessage(configurationProblem);
        QMessageBox::warning(this, tr("RebateSync"),
                             tr("The job could not run:\n%1").arg(configurationProblem));
        return;
    }
    m_lastRunLabel->setText(summary);
    m_lastRunLabel->setToolTip(summary);
}

// The newest sync's summary, also one the CLI ran while the console was closed.
void MainWindow::showLastStoredRun()
{
    const std::optional<JobRun> run = JobRunRepository(m_database).last(QStringLiteral("sync"));
    if (!run || run->summary.isEmpty())
        return;
    const QDateTime ended = QDateTime::fromString(run->finishedAt, Qt::ISODate).toLocalTime();
    const QString text =
        tr("Last sync %1: %2").arg(QLocale().toString(ended, QLocale::ShortFormat), run->summary);
    m_lastRunLabel->setText(text);
    m_lastRunLabel->setToolTip(text);
}

void MainWindow::loadScheme()
{
    SchemeLoadResult loaded =
        resolveScheme(m_settings->text(QLatin1String(keys::SyncScheme)), m_profile.schemesDir());
    if (loaded.scheme)
        m_preview->setScheme(std::move(loaded.scheme));
    else
        m_preview->setSchemeError(loaded.error);
}

SchemeEditorWindow *MainWindow::openSchemeEditor()
{
    if (!m_schemeEditor) {
        m_schemeEditor =
            new SchemeEditorWindow(m_profile.schemesDir(), m_database, *m_settings, this);
        // What sync and the preview use follows the editor at once.
        connect(m_schemeEditor, &SchemeEditorWindow::activeSchemeChanged, this,
                &MainWindow::loadScheme);
    }
    m_schemeEditor->show();
    m_schemeEditor->raise();
    m_schemeEditor->activateWindow();
    return m_schemeEditor;
}

void MainWindow::offerSetupIfNeeded()
{
    if (CredentialDialog::needsSetup(*m_settings))
        QTimer::singleShot(0, this, &MainWindow::editCredentials);
}

void MainWindow::editCredentials()
{
    CredentialDialog dialog(*m_settings, *m_secrets, this);
    if (dialog.exec() == QDialog::Accepted) {
        loadScheme();
        m_intake->reload(); // the intake, its app key or its secret may have changed
        // The open store stays the one this console started with: switching it under a run or
        // an open table is not worth the risk for a change made once per team.
        if (dialog.storeChanged())
            statusBar()->showMessage(tr("The store settings are saved. They take effect when "
                                        "RebateSync is started again."),
                                     30'000);
    }
}

void MainWindow::chooseLanguage(LanguageChoice choice)
{
    m_uiState.setLanguage(choice);
    Q_EMIT languageChangeRequested(choice);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About RebateSync"),
        tr("<h3>RebateSync %1</h3><p>Moves approved DingTalk rebate applications "
           "(返利发放申请) into Kingdee Cloud Galaxy as other receivable bills (其他应收单).</p>"
           "<p>Profile: %2<br>Database schema: %3<br>Qt %4</p>")
            .arg(QCoreApplication::applicationVersion(),
                 QDir::toNativeSeparators(m_profile.dir()).toHtmlEscaped())
            .arg(m_database.schemaVersion())
            .arg(QString::fromLatin1(qVersion())));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_jobs->isBusy()) {
        // Bills on the wire finish first; the window closes when the job reports back.
        event->ignore();
        if (!m_closeWhenIdle
            && QMessageBox::question(this, tr("RebateSync"),
                                     tr("A job is running. Stop it and close when the calls "
                                        "already sent have answered?"))
                == QMessageBox::Yes) {
            m_closeWhenIdle = true;
            m_jobs->cancel();
        }
        return;
    }
    // The scheme editor asks about unsaved changes; "no" keeps both windows open.
    if (m_schemeEditor && m_schemeEditor->isVisible() && !m_schemeEditor->close()) {
        event->ignore();
        return;
    }
    m_uiState.setWindow(saveGeometry(), saveState());
    m_uiState.setLayout(m_workArea->objectName(), m_workArea->saveState());
    m_applications->saveLayout();
    m_uiState.setLayout(m_logDock->objectName(), m_logDock->headerState());
    QMainWindow::closeEvent(event);
}

} // namespace rs
