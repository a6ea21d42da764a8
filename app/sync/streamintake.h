#pragma once

#include "app/dingtalk/streamclient.h"
#include "app/sync/fetchjob.h"
#include "app/sync/sweeppolicy.h"

#include <QDate>
#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>

class QTimer;

namespace rs {
class Database;
}

namespace rs::sync {

// The real-time intake both `rebatesync-cli watch` and the console run: a Stream connection
// whose ended instances are fetched (one detail call each) and stored through FetchJob, and a
// catch-up sweep after every (re)connect and once a day for what no connection heard. One job
// at a time; events arriving meanwhile wait their turn, a sweep asked for twice runs once.
class StreamIntake final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamIntake)

public:
    StreamIntake(const Database &database, dingtalk::DingTalkClient &client, FetchOptions options,
                 QObject *parent = nullptr);
    ~StreamIntake() override;

    void start();
    // Closes the connection; a job in flight is cancelled and `stopped` follows once it is done.
    void stop();

    dingtalk::StreamClient &stream() { return *m_stream; }
    int sweeps() const { return m_sweeps; }
    int skippedSweeps() const { return m_skippedSweeps; }
    // The month's DingTalk call allowance ([dingtalk] monthly_quota) the sweeps are budgeted
    // against; 0 (the default) leaves them unbudgeted.
    void setMonthlyQuota(int calls) { m_monthlyQuota = calls; }
    // Tests and the benchmark: a shorter short gap, a compressed day.
    void setShortGapMs(qint64 ms) { m_shortGapMs = ms; }
    void setSafetySweepMs(int ms);
    // The worst outcome of any job so far: Ok, Partial, or ConfigError (the run cannot go on).
    FetchReport::Result worst() const { return m_worst; }
    // The statuses a sweep lists by: ended ones (v1.0 only; topapi lists every status).
    static QStringList endedStatuses();
    // How many of `due` re-reads the month's DingTalk budget allows now.
    using RereadAllowance = std::function<int(int due)>;
    // Turns on the daily re-read of synced approvals (RevokeReread) after the first sweep of
    // each Beijing day, as many as `allowance` allows; off until called.
    void setRevokeReread(RereadAllowance allowance) { m_rereadAllowance = std::move(allowance); }

Q_SIGNALS:
    void applicationStored(const QString &id);
    void sweepFinished(const rs::sync::FetchReport &report);
    // The day's re-read of synced approvals ended (`due` were due, `read` of them re-read).
    void rereadFinished(const rs::sync::FetchReport &report, int due, int read);
    // A sweep SweepPolicy put off; `why` is in the event log too.
    void sweepSkipped(const QString &why);
    // Credentials refused, or a job stopped on a configuration error: the intake has stopped.
    void fatalError(const QString &message);
    void stopped();

private:
    void onEnded(const dingtalk::StreamEvent &event);
    void onConnected();
    void requestSweep(SweepPolicy::Reason reason, qint64 gapMs = -1);
    SweepPolicy::Outlook outlook() const;
    void pump();
    void onJobFinished(const FetchReport &report);
    void finishStop();
    void planReread();

    const Database &m_database;
    dingtalk::DingTalkClient &m_client;
    FetchOptions m_options;
    dingtalk::StreamClient *m_stream;
    QTimer *m_dailySweep;
    std::unique_ptr<FetchJob> m_job;
    QStringList m_queued;
    QSet<QString> m_open; // open at the last sweep (v1.0), whether stored or not
    bool m_haveOpenSet = false;
    bool m_sweepPending = false;
    bool m_jobIsSweep = false;
    bool m_jobIsReread = false;
    RereadAllowance m_rereadAllowance;
    QDate m_rereadDay; // Beijing day of the last re-read planned
    QStringList m_reread; // due to be re-read, not yet started
    int m_rereadDue = 0;
    bool m_stopping = false;
    int m_sweeps = 0;
    int m_skippedSweeps = 0;
    int m_monthlyQuota = 0;
    qint64 m_shortGapMs = SweepPolicy::kShortGapMs;
    QElapsedTimer m_sinceSweep; // since the last sweep began; invalid before the first
    FetchReport::Result m_worst = FetchReport::Result::Ok;
};

} // namespace rs::sync
