#include "ui/jobcontroller.h"

#include "app/sync/pushreport.h"
#include "app/sync/syncrunner.h"
#include "models/applicationsmodel.h"
#include "ui/actiontext.h"
#include "ui/applications/applicationspane.h"
#include "ui/syncprogress.h"

#include <QAction>
#include <QIcon>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QWidget>

namespace rs {
namespace {

// Not 刷新's circular arrows: styles without a retry icon (Fusion on Linux) get a back arrow.
QIcon retryIcon(const QStyle &style)
{
    const QIcon retry = style.standardIcon(QStyle::SP_DialogRetryButton);
    return retry.isNull() || retry.availableSizes().isEmpty()
        ? style.standardIcon(QStyle::SP_MediaSkipBackward)
        : retry;
}

} // namespace

JobController::JobController(const Profile &profile, const StoreLocation &store,
                             ApplicationsPane &applications, QWidget *window)
    : QObject(window)
    , m_applications(applications)
    , m_window(window)
    , m_runner(new sync::SyncRunner(profile, store, this))
    , m_progress(new SyncProgress(window))
    , m_fetch(new QAction(window->style()->standardIcon(QStyle::SP_ArrowDown), {}, window))
    , m_sync(new QAction(window->style()->standardIcon(QStyle::SP_ArrowRight), {}, window))
    , m_retry(new QAction(retryIcon(*window->style()), {}, window))
{
    // Keys for the three jobs; Ctrl+L for 拉取 (Ctrl+F finds, F5 refreshes the view).
    m_fetch->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_sync->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_retry->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_fetch->setObjectName(QStringLiteral("fetchAction"));
    m_sync->setObjectName(QStringLiteral("syncAction"));
    m_retry->setObjectName(QStringLiteral("retryAction"));
    connect(m_fetch, &QAction::triggered, this, &JobController::fetchApprovals);
    connect(m_sync, &QAction::triggered, this, &JobController::syncSelected);
    connect(m_retry, &QAction::triggered, this, &JobController::retryFailed);

    connect(m_runner, &sync::SyncRunner::rowsChanged, this,
            [this](const QList<ApplicationRow> &rows) {
                m_applications.applyRows(rows);
                updateActions();
                Q_EMIT rowsRefreshed();
            });
    connect(m_runner, &sync::SyncRunner::progress, m_progress, &SyncProgress::setProgress);
    connect(m_runner, &sync::SyncRunner::phaseChanged, m_progress, &SyncProgress::setPhase);
    connect(m_runner, &sync::SyncRunner::busyChanged, this, &JobController::updateActions);
    connect(m_runner, &sync::SyncRunner::fetchFinished, this, &JobController::onFetchFinished);
    connect(m_runner, &sync::SyncRunner::pushFinished, this, &JobController::onPushFinished);
    connect(m_progress, &SyncProgress::cancelRequested, m_runner, &sync::SyncRunner::cancel);
    connect(&m_applications, &ApplicationsPane::checkedCountChanged, this,
            &JobController::updateActions);
    connect(&m_applications, &ApplicationsPane::loaded, this, &JobController::updateActions);
    retranslateUi();
    updateActions();
}

JobController::~JobController() = default;

bool JobController::isBusy() const
{
    return m_runner->isBusy();
}

void JobController::cancel()
{
    m_runner->cancel();
}

void JobController::fetchApprovals()
{
    if (m_runner->fetch())
        m_progress->start(tr("Fetching approvals…"), SyncProgress::Counting::Applications);
}

void JobController::syncSelected()
{
    const QStringList ids = m_applications.checkedIds();
    if (ids.isEmpty()) {
        Q_EMIT hint(tr("Tick the applications to sync first."));
        return;
    }
    if (confirmSync())
        push(ids);
}

bool JobController::confirmSync()
{
    const ApplicationsPane::Ticked ticked = m_applications.ticked();
    QString question = tr("Sync %n application(s) (%1 bill(s)) to Kingdee, total %2?", nullptr,
                          ticked.applications)
                           .arg(ticked.bills)
                           .arg(ApplicationsModel::formatTotal(ticked.total));
    if (ticked.unreadableAmounts > 0)
        question += QLatin1Char('\n')
            + tr("%n amount(s) could not be read and are not in the total.", nullptr,
                 ticked.unreadableAmounts);
    QString details;
    if (!ticked.hidden.isEmpty()) {
        // Never sent unseen: a ticked row the filter hides is named here.
        constexpr int kNamed = 10;
        QStringList named = ticked.hidden.mid(0, kNamed);
        if (ticked.hidden.size() > kNamed)
            named.append(QStringLiteral("…"));
        question += QStringLiteral("\n\n")
            + tr("%n of them is hidden by the filter: %1", nullptr, int(ticked.hidden.size()))
                  .arg(named.join(tr(", ", "list separator")));
        details = ticked.hidden.join(QLatin1Char('\n'));
    }
    QMessageBox box(QMessageBox::Question, tr("Sync to Kingdee"), question, QMessageBox::NoButton,
                    m_window);
    box.setObjectName(QStringLiteral("confirmSyncBox"));
    box.setInformativeText(ApplicationsModel::signExplained());
    if (!details.isEmpty())
        box.setDetailedText(details);
    QPushButton *sync = box.addButton(tr("&Sync"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(sync);
    box.exec();
    return box.clickedButton() == sync;
}

void JobController::retryFailed()
{
    // With them the bills saved but refused by the Submit or Audit after the save: the run
    // submits and audits those again, without a second save.
    const QStringList ids =
        m_applications.failedIds() + m_applications.model().idsWithAfterSaveError();
    if (ids.isEmpty()) {
        Q_EMIT hint(tr("No application has failed bills."));
        return;
    }
    if (confirmRetry(int(ids.size())))
        push(ids);
}

bool JobController::confirmRetry(int failed)
{
    const QStringList refused = m_applications.model().failedNeedingAFix();
    if (refused.isEmpty())
        return true; // every failure may pass on its own: nothing to warn about
    constexpr int kNamed = 10;
    QStringList named = refused.mid(0, kNamed);
    if (refused.size() > kNamed)
        named.append(QStringLiteral("…"));
    QMessageBox box(QMessageBox::Warning, tr("Retry failed"),
                    tr("Send %n failed application(s) again?", nullptr, failed)
                        + QStringLiteral("\n\n")
                        + tr("Retrying will not help %n of them unless they were corrected in "
                             "Kingdee or DingTalk first (a customer Kingdee lacks, a closed "
                             "period): %1",
                             nullptr, int(refused.size()))
                              .arg(named.join(tr(", ", "list separator"))),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("confirmRetryBox"));
    box.setDetailedText(refused.join(QLatin1Char('\n')));
    QPushButton *retry = box.addButton(tr("&Retry"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(retry);
    box.exec();
    return box.clickedButton() == retry;
}

void JobController::syncAllPending()
{
    if (m_runner->push({}))
        m_progress->start(SyncProgress::phaseText(sync::SyncPhase::CheckingKingdee));
}

void JobController::syncApplications(const QStringList &ids)
{
    push(ids);
}

void JobController::push(const QStringList &ids)
{
    if (m_runner->push(ids))
        // The bar counts bills from the first report on; the phase says what they wait on.
        m_progress->start(SyncProgress::phaseText(sync::SyncPhase::CheckingKingdee));
}

void JobController::onFetchFinished(const sync::FetchReport &report)
{
    const bool refused = report.result == sync::FetchReport::Result::ConfigError;
    end(refused ? QString() : report.summary(), refused ? report.stopReason : QString());
}

void JobController::onPushFinished(const sync::PushReport &report)
{
    ApplicationsModel &model = m_applications.model();
    // Synced rows leave the pending list; their ticks would only send them again for nothing.
    QStringList done;
    for (const QString &id : m_applications.checkedIds()) {
        if (!model.facts(model.rowOf(id)).pending)
            done.append(id);
    }
    model.setChecked(done, false);
    for (const sync::BillLine &line : report.lines) {
        if (line.state == BillState::Pending && !line.error.isEmpty())
            model.setNote(line.applicationId, line.error);
    }
    const bool refused = report.result == sync::PushReport::Result::ConfigError;
    end(refused ? QString() : report.summary(), refused ? report.stopReason : QString());
}

void JobController::end(const QString &summary, const QString &configurationProblem)
{
    m_progress->stop();
    Q_EMIT finished(summary, configurationProblem);
}

void JobController::updateActions()
{
    const bool idle = !m_runner->isBusy();
    m_fetch->setEnabled(idle);
    m_sync->setEnabled(idle && m_applications.model().checkedCount() > 0);
    // Disabled when nothing failed (a button that answers "nothing to retry" wastes a click);
    // a Submit or Audit Kingdee refused after the save is something to retry too.
    m_retry->setEnabled(idle
                        && (!m_applications.failedIds().isEmpty()
                            || !m_applications.model().idsWithAfterSaveError().isEmpty()));
}

void JobController::retranslateUi()
{
    setActionText(m_fetch, tr("&Fetch Approvals"));
    m_fetch->setStatusTip(tr("Pull new and changed rebate applications from DingTalk"));
    setActionText(m_sync, tr("&Sync Selected"));
    m_sync->setStatusTip(tr("Send the ticked applications to Kingdee as other receivable bills"));
    setActionText(m_retry, tr("Retry &Failed"));
    m_retry->setStatusTip(tr("Send every failed application again"));
}

} // namespace rs
