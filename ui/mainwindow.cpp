#include "ui/mainwindow.h"

#include "app/store/apiusagerepository.h"
#include "app/store/database.h"
#include "app/sync/pushreport.h"
#include "app/sync/syncrunner.h"
#include "models/applicationsmodel.h"
#include "ui/applicationspane.h"
#include "ui/overviewpane.h"
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
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUrl>

namespace rs {

MainWindow::MainWindow(const Profile &profile, const Database &database, UiState &uiState,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_profile(profile)
    , m_database(database)
    , m_uiState(uiState)
    , m_runner(new sync::SyncRunner(profile, this))
    , m_tabs(new QTabWidget(this))
    , m_workArea(new QSplitter(Qt::Horizontal, m_tabs))
    , m_applications(new ApplicationsPane(database, uiState, m_workArea))
    , m_overview(new OverviewPane(database, m_tabs))
    , m_progress(new SyncProgress(this))
    , m_staleRowsTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_tabs->setObjectName(QStringLiteral("paneTabs"));
    m_tabs->setDocumentMode(true);
    m_workArea->setObjectName(QStringLiteral("workArea"));
    m_workArea->addWidget(m_applications);
    m_workArea->setStretchFactor(0, 3);
    m_tabs->addTab(m_workArea, QString());
    m_tabs->addTab(m_overview, QString());
    setCentralWidget(m_tabs);

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    retranslateUi();

    // Rows the engine changed are read again together, a few times a second at most: a
    // 5,000-bill sync must not turn into 5,000 reads on the UI thread.
    m_staleRowsTimer->setSingleShot(true);
    m_staleRowsTimer->setInterval(150);
    connect(m_staleRowsTimer, &QTimer::timeout, this, &MainWindow::flushStaleRows);
    connect(m_runner, &sync::SyncRunner::applicationChanged, this, [this](const QString &id) {
        m_staleRows.append(id);
        if (!m_staleRowsTimer->isActive())
            m_staleRowsTimer->start();
    });
    connect(m_runner, &sync::SyncRunner::progress, m_progress, &SyncProgress::setProgress);
    connect(m_runner, &sync::SyncRunner::busyChanged, this, &MainWindow::updateActions);
    connect(m_runner, &sync::SyncRunner::fetchFinished, this, &MainWindow::onFetchFinished);
    connect(m_runner, &sync::SyncRunner::pushFinished, this, &MainWindow::onPushFinished);
    connect(m_progress, &SyncProgress::cancelRequested, m_runner, &sync::SyncRunner::cancel);
    connect(m_applications, &ApplicationsPane::checkedCountChanged, this,
            &MainWindow::updateActions);
    connect(m_applications, &ApplicationsPane::loadFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message); });

    resize(1280, 760);
    restoreGeometry(m_uiState.windowGeometry());
    restoreState(m_uiState.windowState());
    m_workArea->restoreState(m_uiState.layout(m_workArea->objectName()));
    updateActions();
    m_applications->reload();
}

MainWindow::~MainWindow() = default;

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
        refresh();
    });

    m_fetchAction = new QAction(style()->standardIcon(QStyle::SP_ArrowDown), {}, this);
    m_fetchAction->setObjectName(QStringLiteral("fetchAction"));
    connect(m_fetchAction, &QAction::triggered, this, &MainWindow::fetchApprovals);
    m_syncAction = new QAction(style()->standardIcon(QStyle::SP_ArrowRight), {}, this);
    m_syncAction->setObjectName(QStringLiteral("syncAction"));
    connect(m_syncAction, &QAction::triggered, this, &MainWindow::syncSelected);
    m_retryAction = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), {}, this);
    m_retryAction->setObjectName(QStringLiteral("retryAction"));
    connect(m_retryAction, &QAction::triggered, this, &MainWindow::retryFailed);

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

    m_fileMenu->insertActions(m_openProfileAction, {m_fetchAction, m_syncAction, m_retryAction});
    m_fileMenu->insertSeparator(m_openProfileAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(m_refreshAction);

    m_settingsMenu = menuBar()->addMenu(QString());
    m_settingsMenu->setObjectName(QStringLiteral("settingsMenu"));
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
    m_toolBar->addAction(m_fetchAction);
    m_toolBar->addAction(m_syncAction);
    m_toolBar->addAction(m_retryAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_refreshAction);
    m_toolBar->addAction(m_openProfileAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_toolBar->toggleViewAction());
}

void MainWindow::createStatusBar()
{
    m_profileLabel = new QLabel(this);
    m_profileLabel->setObjectName(QStringLiteral("profileLabel"));
    m_usageLabel = new QLabel(this);
    m_usageLabel->setObjectName(QStringLiteral("usageLabel"));
    statusBar()->addWidget(m_profileLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_usageLabel);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("RebateSync"));
    m_tabs->setTabText(m_tabs->indexOf(m_workArea), tr("Applications"));
    m_tabs->setTabText(m_tabs->indexOf(m_overview), tr("Overview"));

    m_fileMenu->setTitle(tr("&File"));
    m_viewMenu->setTitle(tr("&View"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Toolbar"));

    m_openProfileAction->setText(tr("Open &Profile Folder"));
    m_openProfileAction->setStatusTip(tr("Show the folder with settings.ini and the database"));
    m_quitAction->setText(tr("&Quit"));
    m_refreshAction->setText(tr("&Refresh"));
    m_refreshAction->setStatusTip(tr("Read the applications and counts again from the database"));
    m_fetchAction->setText(tr("&Fetch Approvals"));
    m_fetchAction->setStatusTip(tr("Pull new and changed rebate applications from DingTalk"));
    m_syncAction->setText(tr("&Sync Selected"));
    m_syncAction->setStatusTip(
        tr("Send the ticked applications to Kingdee as other receivable bills"));
    m_retryAction->setText(tr("Retry &Failed"));
    m_retryAction->setStatusTip(tr("Send every failed application again"));
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
    m_overview->refresh();
    StoreError error;
    const qint64 calls =
        ApiUsageRepository(m_database).dingTalkQuotaCalls(QDateTime::currentDateTimeUtc(), &error);
    m_usageLabel->setText(error.ok()
                              ? tr("DingTalk calls this month: %1").arg(QLocale().toString(calls))
                              : error.message);
}

void MainWindow::fetchApprovals()
{
    if (m_runner->fetch())
        startJob(tr("Fetching approvals…"));
}

void MainWindow::syncSelected()
{
    const QStringList ids = m_applications->checkedIds();
    if (ids.isEmpty()) {
        statusBar()->showMessage(tr("Tick the applications to sync first."), 5000);
        return;
    }
    push(ids);
}

void MainWindow::retryFailed()
{
    const QStringList ids = m_applications->failedIds();
    if (ids.isEmpty()) {
        statusBar()->showMessage(tr("No application has failed bills."), 5000);
        return;
    }
    push(ids);
}

void MainWindow::push(const QStringList &ids)
{
    if (m_runner->push(ids))
        startJob(tr("Syncing %n application(s)…", nullptr, int(ids.size())));
}

void MainWindow::startJob(const QString &what)
{
    statusBar()->clearMessage();
    m_progress->start(what);
}

void MainWindow::onFetchFinished(const sync::FetchReport &report)
{
    jobEnded(report.result == sync::FetchReport::Result::ConfigError ? QString() : report.summary(),
             report.result == sync::FetchReport::Result::ConfigError ? report.stopReason
                                                                     : QString());
}

void MainWindow::onPushFinished(const sync::PushReport &report)
{
    // Synced rows leave the pending list; their ticks would only be sent again for nothing.
    QStringList done;
    for (const QString &id : m_applications->checkedIds()) {
        const int row = m_applications->model().rowOf(id);
        if (!m_applications->model().index(row, 0).data(ApplicationsModel::PendingRole).toBool())
            done.append(id);
    }
    m_applications->model().setChecked(done, false);
    for (const sync::BillLine &line : report.lines) {
        if (line.state == BillState::Pending && !line.error.isEmpty())
            m_applications->model().setNote(line.applicationId, line.error);
    }
    jobEnded(report.result == sync::PushReport::Result::ConfigError ? QString() : report.summary(),
             report.result == sync::PushReport::Result::ConfigError ? report.stopReason
                                                                    : QString());
}

void MainWindow::jobEnded(const QString &summary, const QString &configurationProblem)
{
    flushStaleRows();
    m_progress->stop();
    refresh();
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
    statusBar()->showMessage(summary);
}

void MainWindow::flushStaleRows()
{
    m_staleRowsTimer->stop();
    if (m_staleRows.isEmpty())
        return;
    m_staleRows.removeDuplicates();
    m_applications->refreshApplications(std::exchange(m_staleRows, {}));
}

void MainWindow::updateActions()
{
    const bool idle = !m_runner->isBusy();
    m_fetchAction->setEnabled(idle);
    m_syncAction->setEnabled(idle && !m_applications->checkedIds().isEmpty());
    m_retryAction->setEnabled(idle);
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
    if (m_runner->isBusy()) {
        // Bills on the wire finish first; the window closes when the job reports back.
        event->ignore();
        if (!m_closeWhenIdle
            && QMessageBox::question(this, tr("RebateSync"),
                                     tr("A job is running. Stop it and close when the calls "
                                        "already sent have answered?"))
                == QMessageBox::Yes) {
            m_closeWhenIdle = true;
            m_runner->cancel();
        }
        return;
    }
    m_uiState.setWindow(saveGeometry(), saveState());
    m_uiState.setLayout(m_workArea->objectName(), m_workArea->saveState());
    m_applications->saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace rs
