#pragma once

#include <QObject>
#include <QStringList>

class QAction;
class QWidget;

namespace rs {

class ApplicationsPane;
class Profile;
class SyncProgress;
struct StoreLocation;

namespace sync {
class SyncRunner;
struct FetchReport;
struct PushReport;
} // namespace sync

// The toolbar's jobs: 拉取审批, 同步所选 and 重试失败 run on the engine's worker thread; this
// starts them, shows their progress, puts the rows they change into the table and says how
// they ended.
class JobController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobController)

public:
    // `window` parents the actions and the progress widget.
    JobController(const Profile &profile, const StoreLocation &store,
                  ApplicationsPane &applications, QWidget *window);
    ~JobController() override;

    QAction *fetchAction() const { return m_fetch; }
    QAction *syncAction() const { return m_sync; }
    QAction *retryAction() const { return m_retry; }
    SyncProgress *progress() const { return m_progress; }
    // The engine's handle: its fetchFinished / pushFinished carry the whole reports.
    sync::SyncRunner *runner() const { return m_runner; }
    bool isBusy() const;
    void cancel();
    void retranslateUi();

public Q_SLOTS:
    void fetchApprovals();
    void syncSelected();
    void retryFailed();
    // Every approved application not yet synced whose bills pass every check (scheduled runs).
    void syncAllPending();
    // Those applications, ticked or not (a bill sent again after it was deleted in Kingdee).
    void syncApplications(const QStringList &ids);

Q_SIGNALS:
    // Rows changed by the engine are in the table.
    void rowsRefreshed();
    // A short note for the status bar (nothing ticked, nothing failed).
    void hint(const QString &text);
    // The job ended: `summary` for the status bar, or the reason it could not run at all.
    void finished(const QString &summary, const QString &configurationProblem);

private:
    void push(const QStringList &ids);
    // 同步所选's question before anything is written into Kingdee; true when the clerk agrees.
    bool confirmSync();
    // 重试失败 names the failures a resend alone will not cure; true when the clerk goes on.
    bool confirmRetry(int failed);
    void onFetchFinished(const sync::FetchReport &report);
    void onPushFinished(const sync::PushReport &report);
    void end(const QString &summary, const QString &configurationProblem);
    void updateActions();

    ApplicationsPane &m_applications;
    QWidget *m_window = nullptr;
    sync::SyncRunner *m_runner = nullptr;
    SyncProgress *m_progress = nullptr;
    QAction *m_fetch = nullptr;
    QAction *m_sync = nullptr;
    QAction *m_retry = nullptr;
};

} // namespace rs
