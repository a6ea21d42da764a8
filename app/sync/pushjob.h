#pragma once

#include "app/store/billrepository.h"
#include "app/sync/pushreport.h"
#include "app/sync/syncphase.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QLockFile;
class QTimer;

namespace rs {
class Database;
struct Scheme;
struct BillChange;
} // namespace rs

namespace rs::kingdee {
class KingdeeClient;
struct SaveResult;
struct FindResult;
} // namespace rs::kingdee

namespace rs::sync {

class BaseDataCheck;

struct PushOptions
{
    QStringList applicationIds; // empty: every approved application not yet synced
    bool dryRun = false;
    int batchSize = 50;
    int concurrency = 2; // batches in flight
    int maxAttempts = 5; // sends (and lookups) of one bill in a run; then it waits for the next
    qint64 settleMs = 30'000; // how long Kingdee may still be saving after an answer was lost
    qint64 claimTimeoutMs = 60'000; // on a ledger: a run silent this long is taken for dead
    qint64 backoffBaseMs = 1000;
    qint64 backoffCapMs = 60'000;
};

// One sync run. Every state change is one store transaction, in this order: pending/failed →
// queued → sending (before the request leaves) → synced | failed | in_doubt. A bill in doubt is
// looked up in Kingdee by its key before anything is resent: found → synced, not found → queued
// again, after an exponential, jittered, capped backoff. Killed at any moment, the next run
// turns `sending` into `in_doubt` and finishes the job with no duplicate and nothing lost.
class PushJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PushJob)

public:
    PushJob(const Database &database, kingdee::KingdeeClient &client,
            std::shared_ptr<const Scheme> scheme, PushOptions options, QObject *parent = nullptr);
    ~PushJob() override;

    void start();
    // Sends no new batch; batches already on the wire end normally.
    void cancel();

Q_SIGNALS:
    void progress(int done, int total);
    // What the run waits on now; sent when it changes.
    void phaseChanged(rs::sync::SyncPhase phase);
    void billChanged(const QString &key, rs::BillState state);
    // A bill is done with for this run (synced, failed, held back, not sendable, or left as
    // it was when the run stopped), as it happens: a scheduled task's log keeps the lines of a
    // run that is killed.
    void billDone(const rs::sync::BillLine &line);
    void finished(const rs::sync::PushReport &report);

private:
    // `settling`: Kingdee is given time to finish a save whose answer was lost, before a lookup.
    void later(const QStringList &keys, qint64 delayMs, bool settling,
               const std::function<void(const QStringList &)> &then);
    // Works the phase out from what is on the wire and waiting; says it when it changed.
    void notePhase();
    qint64 backoffMs(int attempt) const;
    void reconcile(const QStringList &keys);
    void onFound(const QStringList &keys, const kingdee::FindResult &result);
    // Sends on the bills whose customers and organisations Kingdee holds; fails the others
    // with the reason, before anything is sent.
    void admit(const QStringList &keys);
    void pump();
    void sendBatch(const QStringList &keys);
    void onSaved(const QStringList &keys, const kingdee::SaveResult &result);
    void requeueLater(const QStringList &keys);
    bool apply(const QList<BillChange> &changes);
    void announce(const QList<BillChange> &changes);
    void stop(const QString &reason, bool configuration);
    void tell(const BillLine &line);
    void maybeFinish();
    void releaseUnsent();
    void startHeartbeat();
    void checkForDuplicates();
    void reportDuplicate(const QString &key, const QStringList &numbers);
    int claimAhead() const;
    void claimMore(int count, QStringList lookUp);
    // The run's first and last lines in the sync log.
    void logStart(int applications);
    void logEnd();
    void finish();

    const Database &m_database;
    kingdee::KingdeeClient &m_client;
    std::shared_ptr<const Scheme> m_scheme;
    PushOptions m_options;
    QSet<QString> m_selection; // every bill this run is responsible for
    QSet<QString> m_settled; // synced or failed in this run
    QStringList m_queue; // queued, waiting for a batch
    int m_batchesInFlight = 0;
    int m_batchSerial = 0;
    QSet<int> m_batchesOnWire;
    QSet<int> m_slowBatches; // on the wire past slowCallMs: their lanes are free
    int m_lookupsInFlight = 0;
    int m_baseDataLookups = 0; // of m_lookupsInFlight
    int m_waiting = 0; // bills waiting out a backoff
    int m_settling = 0; // of m_waiting: in doubt, waiting for Kingdee to settle
    std::optional<SyncPhase> m_phase;
    QHash<QString, int> m_attempts;
    QHash<QString, int> m_lookupAttempts;
    QHash<QString, BillState> m_before; // what each bill this run queued was before
    QSet<QString> m_givenBack; // queued by this run, not sent, back to what they were
    QSet<QString> m_doNotSend; // in doubt, but the application is no longer approved
    std::unique_ptr<QLockFile> m_lock;
    bool m_stopped = false;
    bool m_finished = false;
    qint64 m_runId = 0;
    RunClaim m_claim;
    bool m_duplicatesChecked = false;
    QStringList m_toClaim; // planned, not claimed yet: a ledger run claims as it goes
    QTimer *m_heartbeat = nullptr;
    PushReport m_report;
    QSet<QString> m_told;
    std::unique_ptr<BaseDataCheck> m_baseData; // read once per run, for every bill it sends
    bool m_baseDataUnchecked = false; // keys billDone was emitted for
};

} // namespace rs::sync
