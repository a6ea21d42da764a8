#include "app/sync/pushjob.h"

#include "app/kingdee/kingdeeclient.h"
#include "app/mapping/mapper.h"
#include "app/mapping/scheme.h"
#include "app/net/backoff.h"
#include "app/store/applicationrepository.h"
#include "app/store/billerror.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "app/store/eventtext.h"
#include "app/store/jobrunrepository.h"
#include "app/sync/basedatacheck.h"
#include "app/sync/pushplanner.h"

#include <QJsonDocument>
#include <QLockFile>
#include <QTimer>

namespace rs::sync {
namespace {

using Entry = kingdee::EntryResult;

// Kingdee's words first, the field key after, once: what the clerk reads in the table.
QString errorsText(const Entry &entry)
{
    QStringList texts;
    for (const kingdee::EntryError &e : entry.errors)
        texts.append(clerkErrorText(e.message, e.field));
    return texts.join(QStringLiteral("; "));
}

// A sync log line, rendered in the reader's language when shown (eventtext.h).
QString logText(const char *source, const QStringList &arguments = {})
{
    return eventtext::encode("rs::sync::PushJob", source, arguments);
}

// A state change that keeps the bill's last error as it is (a queued bill still says why it
// failed before).
BillOutcome lastErrorOf(const BillRecord &bill)
{
    BillOutcome kept;
    kept.error = bill.lastError;
    kept.errorField = bill.errorField;
    kept.retryable = bill.retryable;
    return kept;
}

} // namespace

PushJob::PushJob(const Database &database, kingdee::KingdeeClient &client,
                 std::shared_ptr<const Scheme> scheme, PushOptions options, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_scheme(std::move(scheme))
    , m_options(std::move(options))
    , m_baseData(std::make_unique<BaseDataCheck>())
{
    m_options.applicationIds.removeDuplicates(); // `sync A A` is one application
    connect(
        &m_client, &kingdee::KingdeeClient::callFinished, this,
        [this](const QString &api, ApiOutcome outcome, qint64 elapsedMs, const QString &errorText) {
            ApiUsageRepository(m_database).record(api, outcome, elapsedMs, errorText);
        });
}

PushJob::~PushJob() = default;

void PushJob::start()
{
    if (m_options.dryRun) {
        QList<QJsonObject> models;
        const PushPlan plan =
            PushPlanner::plan(m_database, *m_scheme, m_options.applicationIds, false, &models);
        QList<BillDraft> batch;
        for (qsizetype i = 0; i < models.size(); ++i) {
            BillDraft draft;
            draft.key = plan.keysToSend.at(i);
            draft.model = models.at(i);
            batch.append(draft);
            m_report.lines.append(
                {draft.key, {}, BillState::Pending, {}, tr("would be sent (dry run)")});
            if (batch.size() == m_options.batchSize || i + 1 == models.size()) {
                m_report.dryRunBodies.append(batchSaveBody(batch, *m_scheme));
                batch.clear();
            }
        }
        m_report.lines += plan.notSendable;
        m_report.notSendable = int(plan.notSendable.size());
        for (const QString &id : plan.unknownIds)
            m_report.lines.append({id, id, BillState::Pending, {}, tr("no such application")});
        m_finished = true;
        if (!plan.notSendable.isEmpty() || !plan.unknownIds.isEmpty())
            m_report.result = PushReport::Result::SomeFailed;
        Q_EMIT finished(m_report);
        return;
    }

    // On an SQLite store, one sync at a time: its lock file. A dead owner's lock is taken over.
    // On a shared ledger, runs work side by side: each claims the bills it sends (see
    // BillRepository::claim) and says it is alive by a heartbeat, so none sends another's.
    const bool ledger = m_database.location().isServer();
    if (!ledger) {
        m_lock = std::make_unique<QLockFile>(m_database.path() + QStringLiteral(".sync.lock"));
        m_lock->setStaleLockTime(0);
        if (!m_lock->tryLock(0)) {
            m_lock.reset();
            m_report.storeBusy = true;
            stop(tr("Another sync is running on this store; try again when it has finished."),
                 true);
            return;
        }
    }
    StoreError recorded;
    m_runId = JobRunRepository(m_database).start(QStringLiteral("sync"), 0, 0, &recorded);
    if (!recorded.ok()) {
        stop(recorded.message, false);
        return;
    }
    m_claim = {m_runId, !ledger, m_options.claimTimeoutMs};
    startHeartbeat();
    BillRepository bills(m_database);
    bills.recoverInterruptedSends(m_claim);
    const PushPlan plan = PushPlanner::plan(m_database, *m_scheme, m_options.applicationIds, true);
    m_report.lines += plan.notSendable;
    m_report.notSendable = int(plan.notSendable.size());
    for (const QString &id : plan.unknownIds)
        m_report.lines.append({id, id, BillState::Pending, {}, tr("no such application")});
    for (const BillLine &line : std::as_const(m_report.lines))
        tell(line);

    // Bills a run that died left queued or in doubt belong to this run too, unless their
    // application has since been revoked or rejected: those are looked up, never sent.
    const QSet<QString> ids(m_options.applicationIds.cbegin(), m_options.applicationIds.cend());
    const QHash<QString, ApprovalState> approvals =
        ApplicationRepository(m_database).approvalById();
    QList<BillChange> wanted;
    QHash<QString, QString> applicationOf;
    for (const BillRecord &b : bills.inStates({BillState::Queued, BillState::InDoubt})) {
        if (!ids.isEmpty() && !ids.contains(b.applicationId))
            continue;
        applicationOf.insert(b.key, b.applicationId);
        const bool approved = approvals.value(b.applicationId) == ApprovalState::Approved;
        if (b.state == BillState::Queued && !approved) {
            BillOutcome held;
            held.error =
                PushPlanner::notApproved(b.applicationId, approvals.value(b.applicationId));
            wanted.append({b.key, BillState::Queued, BillState::Pending, held, held.error});
        } else {
            wanted.append({b.key, b.state, b.state, {}, {}}); // claimed as it is
        }
    }
    QList<BillChange> claimed;
    if (const StoreError e = bills.claim(wanted, m_claim, &claimed); !e.ok()) {
        stop(e.message, false);
        return;
    }
    QStringList earlierInDoubt;
    QSet<QString> taken;
    for (const BillChange &c : std::as_const(claimed)) {
        taken.insert(c.key);
        if (c.to == BillState::Pending)
            continue; // given back: its application is no longer approved
        m_selection.insert(c.key);
        if (c.from == BillState::InDoubt) {
            earlierInDoubt.append(c.key);
            if (approvals.value(applicationOf.value(c.key)) != ApprovalState::Approved)
                m_doNotSend.insert(c.key);
        }
    }
    announce(claimed);
    for (const QString &key : plan.keysToSend) {
        if (!taken.contains(key))
            m_toClaim.append(key);
    }
    // The run's applications, for its first log line: one read of the bills it may send, not a
    // read per bill (on a ledger, thousands of round trips before the first save).
    for (const BillRecord &b : bills.inStates({BillState::Pending, BillState::Failed}))
        applicationOf.insert(b.key, b.applicationId);
    QSet<QString> applications;
    for (const QString &key : std::as_const(m_selection))
        applications.insert(applicationOf.value(key));
    for (const QString &key : std::as_const(m_toClaim))
        applications.insert(applicationOf.value(key));
    applications.remove(QString());
    logStart(int(applications.size()));

    // Never a duplicate: before anything is sent, ask Kingdee which of these keys it already
    // has (a store restored from an old backup, a second machine). Bills an earlier run left in
    // doubt are asked about once Kingdee has had time to finish what that run sent. The settle
    // wait is armed first: with nothing new to look up, reconcile() would otherwise find the run
    // idle and finish it, leaving the earlier bills in doubt for ever.
    later(earlierInDoubt, m_options.settleMs, true, [this](const QStringList &k) { reconcile(k); });
    QStringList now;
    for (const QString &key : std::as_const(m_selection)) {
        if (!earlierInDoubt.contains(key))
            now.append(key);
    }
    // On an SQLite store the run claims its whole selection at once; on a ledger a few batches
    // ahead of what it sends, so other runs on it take their share of the backlog.
    claimMore(m_claim.othersAreDead ? int(m_toClaim.size()) : claimAhead(), now);
}

int PushJob::claimAhead() const
{
    return m_options.batchSize * m_options.concurrency * 2;
}

void PushJob::claimMore(int count, QStringList lookUp)
{
    BillRepository bills(m_database);
    QList<BillChange> wanted;
    QHash<QString, BillState> before;
    while (!m_toClaim.isEmpty() && wanted.size() < count) {
        // Read in slices as large as what is still wanted: one query each, not one per bill.
        const QStringList slice = m_toClaim.mid(0, count - wanted.size());
        m_toClaim.remove(0, slice.size());
        const QHash<QString, BillRecord> read = bills.findAll(slice);
        for (const QString &key : slice) {
            const auto bill = read.constFind(key);
            if (bill == read.constEnd())
                continue;
            if (bill->state != BillState::Pending && bill->state != BillState::Failed) {
                // Another run on the ledger took it (or finished it) since this run planned.
                tell({key, bill->applicationId, bill->state, bill->kingdeeNumber,
                      bill->state == BillState::Synced
                          ? QString()
                          : tr("another run on this ledger is sending it")});
                continue;
            }
            // Queued keeps the last error: a run that stops, or dies, loses no failure.
            wanted.append({key, bill->state, BillState::Queued, lastErrorOf(*bill), {}});
            before.insert(key, bill->state);
        }
    }
    QList<BillChange> claimed;
    if (const StoreError e = bills.claim(wanted, m_claim, &claimed); !e.ok()) {
        stop(e.message, false);
        return;
    }
    QSet<QString> taken;
    for (const BillChange &c : std::as_const(claimed)) {
        taken.insert(c.key);
        m_selection.insert(c.key);
        m_before.insert(c.key, before.value(c.key));
        lookUp.append(c.key);
    }
    for (const BillChange &c : std::as_const(wanted)) {
        if (!taken.contains(c.key))
            tell(
                {c.key, {}, BillState::Queued, {}, tr("another run on this ledger is sending it")});
    }
    announce(claimed);
    reconcile(lookUp);
}

void PushJob::cancel()
{
    if (m_finished)
        return;
    m_report.cancelled = true;
    m_stopped = true;
    m_client.cancel();
    maybeFinish();
}

void PushJob::later(const QStringList &keys, qint64 delayMs, bool settling,
                    const std::function<void(const QStringList &)> &then)
{
    if (keys.isEmpty() || m_stopped)
        return;
    const int count = int(keys.size());
    m_waiting += count;
    m_settling += settling ? count : 0;
    notePhase();
    QTimer::singleShot(delayMs, this, [this, keys, then, count, settling] {
        m_waiting -= count;
        m_settling -= settling ? count : 0;
        if (!m_stopped)
            then(keys);
        maybeFinish();
    });
}

void PushJob::notePhase()
{
    std::optional<SyncPhase> phase;
    if (m_batchesInFlight > 0)
        phase = SyncPhase::Sending;
    else if (m_lookupsInFlight > 0 && m_duplicatesChecked)
        phase = SyncPhase::CheckingDuplicates;
    else if (m_lookupsInFlight > m_baseDataLookups)
        phase = SyncPhase::CheckingKingdee;
    else if (m_baseDataLookups > 0)
        phase = SyncPhase::CheckingBaseData;
    else if (m_settling > 0)
        phase = SyncPhase::WaitingForKingdee;
    else if (m_waiting > 0)
        phase = SyncPhase::WaitingToRetry;
    // Between two steps (nothing on the wire for a moment) the last phase stands.
    if (!phase || phase == m_phase || m_finished)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(*phase);
}

qint64 PushJob::backoffMs(int attempt) const
{
    return net::Backoff {m_options.backoffBaseMs, m_options.backoffCapMs, 0.5}.delayMs(attempt);
}

void PushJob::reconcile(const QStringList &keys)
{
    if (keys.isEmpty()) {
        maybeFinish();
        return;
    }
    ++m_lookupsInFlight;
    m_client.findBills(m_scheme->formId, m_scheme->idempotencyField, keys,
                       [this, keys](const kingdee::FindResult &result) {
                           --m_lookupsInFlight;
                           onFound(keys, result);
                           notePhase();
                       });
    notePhase();
}

void PushJob::onFound(const QStringList &keys, const kingdee::FindResult &result)
{
    BillRepository bills(m_database);
    // What Kingdee found counts even when another page of the lookup failed.
    QHash<QString, kingdee::FoundBill> found;
    for (const kingdee::FoundBill &b : result.bills) {
        if (!found.contains(b.key))
            found.insert(b.key, b);
    }
    const bool answered = result.failure.ok();
    QList<BillChange> changes;
    QStringList ready;
    QStringList unresolved;
    const QHash<QString, BillRecord> read = bills.findAll(keys);
    for (const QString &key : keys) {
        const auto bill = read.constFind(key);
        if (bill == read.constEnd()
            || (bill->state != BillState::Queued && bill->state != BillState::InDoubt))
            continue;
        if (const auto it = found.constFind(key); it != found.constEnd()) {
            BillOutcome outcome;
            outcome.kingdeeId = it->id;
            outcome.kingdeeNumber = it->number;
            changes.append(
                {key, bill->state, BillState::Synced, outcome,
                 logText(QT_TRANSLATE_NOOP(
                             "rs::sync::PushJob",
                             "Kingdee already holds this bill (%1); it was not sent again."),
                         {it->number})});
        } else if (!answered) {
            unresolved.append(key); // not asked, or not answered: never sent unchecked
        } else if (m_doNotSend.contains(key)) {
            BillOutcome held;
            held.error = tr("Not in Kingdee, and its application is no longer approved: it will"
                            " not be sent.");
            changes.append({key, BillState::InDoubt, BillState::Queued, {}, {}});
            changes.append({key, BillState::Queued, BillState::Pending, held, held.error});
        } else if (bill->state == BillState::InDoubt) {
            changes.append({key,
                            BillState::InDoubt,
                            BillState::Queued,
                            {},
                            logText(QT_TRANSLATE_NOOP(
                                "rs::sync::PushJob", "Not in Kingdee: queued to be sent again."))});
            ready.append(key);
        } else {
            ready.append(key);
        }
    }
    if (!apply(changes))
        return;
    admit(ready);

    if (!answered) {
        using Kind = kingdee::Failure::Kind;
        if (result.failure.stopsTheRun() || result.failure.kind == Kind::Rejected) {
            // A lookup Kingdee refuses (wrong key field, no permission) can never succeed, and
            // nothing may be sent without it.
            stop(tr("Kingdee cannot look bills up by %1: %2")
                     .arg(m_scheme->idempotencyField, result.failure.describe()),
                 true);
            return;
        }
        if (result.failure.kind != Kind::Cancelled) {
            QStringList retry;
            for (const QString &key : std::as_const(unresolved)) {
                if (++m_lookupAttempts[key] < m_options.maxAttempts)
                    retry.append(key);
            }
            if (!retry.isEmpty()) {
                later(retry, backoffMs(m_lookupAttempts.value(retry.constFirst())), false,
                      [this](const QStringList &k) { reconcile(k); });
            }
            // Bills that could not be looked up stay as they are, and their lines say why.
            if (retry.size() < unresolved.size() && m_report.stopReason.isEmpty())
                m_report.stopReason = tr("Kingdee could not be asked which bills it already"
                                         " holds, so they were not sent: %1")
                                          .arg(result.failure.describe());
        }
    }
    pump();
    maybeFinish();
}

void PushJob::admit(const QStringList &keys)
{
    if (keys.isEmpty())
        return;
    const QHash<QString, BillRecord> read = BillRepository(m_database).findAll(keys);
    QList<BaseDataRefs> refs;
    for (const QString &key : keys) {
        refs.append(
            BaseDataRefs::of(QJsonDocument::fromJson(read.value(key).payloadJson).object()));
    }
    ++m_lookupsInFlight;
    ++m_baseDataLookups;
    notePhase();
    lookUpBaseData(m_client, refs, m_baseData.get(), [this, keys, refs](const kingdee::Failure &f) {
        --m_lookupsInFlight;
        --m_baseDataLookups;
        if (!f.ok() && f.kind != kingdee::Failure::Kind::Cancelled && !m_baseDataUnchecked) {
            m_baseDataUnchecked = true;
            SyncEvent event;
            event.level = SyncEvent::Level::Warning;
            event.kind = QStringLiteral("sync.basedata_unchecked");
            event.message = logText(QT_TRANSLATE_NOOP("rs::sync::PushJob",
                                                      "Customers and organisations could not be"
                                                      " checked in Kingdee before sending (%1);"
                                                      " Kingdee checks them itself as it saves."),
                                    {f.describe()});
            EventLog(m_database).append(event);
        }
        QList<BillChange> refused;
        QStringList passed;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            BillOutcome outcome;
            outcome.error = m_baseData->problem(refs.at(i), &outcome.errorField);
            if (outcome.error.isEmpty()) {
                passed.append(keys.at(i));
                continue;
            }
            // Permanent until someone changes Kingdee's base data: retrying alone won't help.
            refused.append(
                {keys.at(i), BillState::Queued, BillState::Failed, outcome,
                 logText(QT_TRANSLATE_NOOP("rs::sync::PushJob", "Not sent: %1"), {outcome.error})});
        }
        if (!apply(refused))
            return;
        m_queue += passed;
        pump();
        maybeFinish();
        notePhase();
    });
}

void PushJob::pump()
{
    // A ledger run claims its next bills while the ones it holds are still on their way.
    if (!m_stopped && !m_toClaim.isEmpty() && m_lookupsInFlight == 0
        && m_queue.size() < m_options.batchSize * m_options.concurrency)
        claimMore(claimAhead(), {});
    while (!m_stopped && m_batchesInFlight - int(m_slowBatches.size()) < m_options.concurrency
           && !m_queue.isEmpty()) {
        const QStringList batch = m_queue.mid(0, m_options.batchSize);
        m_queue.remove(0, batch.size());
        sendBatch(batch);
    }
}

void PushJob::sendBatch(const QStringList &keys)
{
    QList<BillChange> changes;
    if (const StoreError e = BillRepository(m_database).startSending(keys, m_claim, &changes);
        !e.ok()) {
        stop(e.message, false);
        return;
    }
    announce(changes);
    QStringList sending;
    for (const BillChange &change : std::as_const(changes)) {
        if (change.to == BillState::Sending)
            sending.append(change.key); // else its application was revoked meanwhile: held back
    }
    const QHash<QString, BillRecord> read = BillRepository(m_database).findAll(sending);
    QList<BillDraft> drafts;
    QStringList sent;
    for (const QString &key : std::as_const(sending)) {
        BillDraft draft;
        draft.key = key;
        draft.model = QJsonDocument::fromJson(read.value(key).payloadJson).object();
        drafts.append(draft);
        sent.append(key);
    }
    if (sent.isEmpty()) {
        maybeFinish();
        return;
    }
    ++m_batchesInFlight;
    const int batch = ++m_batchSerial;
    m_batchesOnWire.insert(batch);
    m_client.batchSave(batchSaveBody(drafts, *m_scheme),
                       [this, sent, batch](const kingdee::SaveResult &result) {
                           m_batchesOnWire.remove(batch);
                           m_slowBatches.remove(batch);
                           onSaved(sent, result);
                           notePhase();
                       });
    notePhase();
    // A save Kingdee is slow to answer keeps its bills `sending` until it does, but stops
    // holding a lane (at most `concurrency` such saves): the run goes on at its pace meanwhile.
    QTimer::singleShot(m_client.config().slowCallMs, this, [this, batch] {
        if (!m_batchesOnWire.contains(batch) || m_slowBatches.size() >= m_options.concurrency)
            return;
        m_slowBatches.insert(batch);
        pump();
    });
}

void PushJob::onSaved(const QStringList &keys, const kingdee::SaveResult &result)
{
    --m_batchesInFlight;
    QList<BillChange> changes;
    QStringList again;
    QStringList lookUp;
    const bool stopping = result.failure.stopsTheRun();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QString &key = keys.at(i);
        // No answer for this position: it may be in Kingdee, so it is looked up, not resent.
        Entry entry;
        entry.state = Entry::State::Unknown;
        if (i < result.entries.size())
            entry = result.entries.at(i);
        BillOutcome outcome;
        switch (entry.state) {
        case Entry::State::Saved:
            outcome.kingdeeId = entry.id;
            outcome.kingdeeNumber = entry.number;
            changes.append({key, BillState::Sending, BillState::Synced, outcome, {}});
            break;
        case Entry::State::Failed:
            outcome.error = errorsText(entry);
            outcome.errorField =
                entry.errors.isEmpty() ? QString() : entry.errors.constFirst().field;
            outcome.retryable = entry.retryMayHelp;
            // Kingdee was busy or locked for this bill: worth another try after a pause.
            if (entry.retryMayHelp && ++m_attempts[key] < m_options.maxAttempts && !stopping) {
                changes.append({key, BillState::Sending, BillState::Queued, outcome,
                                logText(QT_TRANSLATE_NOOP(
                                            "rs::sync::PushJob",
                                            "Kingdee could not save it now (%1); sending again."),
                                        {outcome.error})});
                again.append(key);
            } else {
                changes.append(
                    {key, BillState::Sending, BillState::Failed, outcome, outcome.error});
            }
            break;
        case Entry::State::NotSaved:
            outcome.error = result.failure.describe();
            outcome.retryable = true;
            // Nothing was saved: queued again; sent again in this run while attempts remain,
            // otherwise left queued for the next run (never failed on a guess).
            changes.append(
                {key, BillState::Sending, BillState::Queued, outcome,
                 logText(QT_TRANSLATE_NOOP("rs::sync::PushJob", "Kingdee saved nothing (%1)."),
                         {outcome.error})});
            if (!stopping && ++m_attempts[key] < m_options.maxAttempts)
                again.append(key);
            break;
        case Entry::State::Unknown:
            outcome.error = result.failure.describe();
            changes.append({key, BillState::Sending, BillState::InDoubt, outcome,
                            logText(QT_TRANSLATE_NOOP("rs::sync::PushJob",
                                                      "The answer was lost (%1); the bill will be"
                                                      " looked up in Kingdee before it is sent"
                                                      " again."),
                                    {outcome.error})});
            if (++m_attempts[key] < m_options.maxAttempts)
                lookUp.append(key);
            break;
        }
    }
    if (!apply(changes))
        return;
    if (stopping) {
        stop(result.failure.describe(), true);
        return;
    }
    if (!again.isEmpty()) {
        later(again, backoffMs(m_attempts.value(again.constFirst())), false,
              [this](const QStringList &k) {
                  m_queue += k;
                  pump();
              });
    }
    // Kingdee may still be committing a save whose answer was lost: give it time to settle
    // before a "not found" is believed.
    if (!lookUp.isEmpty()) {
        later(lookUp,
              std::max(m_options.settleMs, backoffMs(m_attempts.value(lookUp.constFirst()))), true,
              [this](const QStringList &k) { reconcile(k); });
    }
    pump();
    maybeFinish();
}

bool PushJob::apply(const QList<BillChange> &changes)
{
    if (changes.isEmpty())
        return true;
    const StoreError e = BillRepository(m_database).transitionAll(changes);
    if (!e.ok()) {
        stop(e.message, false);
        return false;
    }
    announce(changes);
    return true;
}

void PushJob::announce(const QList<BillChange> &changes)
{
    if (changes.isEmpty())
        return;
    for (const BillChange &c : changes) {
        if (c.to == BillState::Synced || c.to == BillState::Failed || c.to == BillState::Pending) {
            m_settled.insert(c.key);
            tell({c.key, {}, c.to, c.outcome.kingdeeNumber, c.outcome.error});
        }
        Q_EMIT billChanged(c.key, c.to);
    }
    Q_EMIT progress(int(m_settled.size()), int(m_selection.size() + m_toClaim.size()));
}

void PushJob::stop(const QString &reason, bool configuration)
{
    if (m_report.stopReason.isEmpty())
        m_report.stopReason = reason;
    if (configuration)
        m_report.result = PushReport::Result::ConfigError;
    m_stopped = true;
    m_client.cancel();
    maybeFinish();
}

void PushJob::tell(const BillLine &line)
{
    if (m_told.contains(line.key))
        return; // each bill is told once, when it is done with
    m_told.insert(line.key);
    Q_EMIT billDone(line);
}

void PushJob::maybeFinish()
{
    if (m_finished || m_batchesInFlight > 0 || m_lookupsInFlight > 0 || m_waiting > 0)
        return;
    if (!m_stopped && !m_queue.isEmpty())
        return;
    if (!m_stopped && !m_toClaim.isEmpty()) {
        claimMore(claimAhead(), {});
        return;
    }
    if (!m_duplicatesChecked && !m_options.dryRun) {
        checkForDuplicates();
        return;
    }
    finish();
}

void PushJob::checkForDuplicates()
{
    // Two separate installs (two SQLite stores) pointed at one Kingdee cannot see each other's
    // claims: what this run holds as synced is asked for once more at its end, and a key Kingdee
    // holds twice is said, loudly — never silently.
    m_duplicatesChecked = true;
    QStringList synced;
    const QHash<QString, BillRecord> read =
        BillRepository(m_database).findAll(QStringList(m_selection.cbegin(), m_selection.cend()));
    for (const BillRecord &bill : read) {
        if (bill.state == BillState::Synced)
            synced.append(bill.key);
    }
    synced.sort(); // the lookup's pages in a stable order
    if (synced.isEmpty() || m_report.result == PushReport::Result::ConfigError) {
        maybeFinish();
        return;
    }
    ++m_lookupsInFlight;
    notePhase();
    m_client.findBills(m_scheme->formId, m_scheme->idempotencyField, synced,
                       [this](const kingdee::FindResult &result) {
                           --m_lookupsInFlight;
                           QHash<QString, QStringList> numbers;
                           for (const kingdee::FoundBill &b : result.bills)
                               numbers[b.key].append(b.number);
                           for (auto it = numbers.cbegin(); it != numbers.cend(); ++it) {
                               if (it.value().size() > 1)
                                   reportDuplicate(it.key(), it.value());
                           }
                           maybeFinish();
                       });
}

void PushJob::reportDuplicate(const QString &key, const QStringList &numbers)
{
    m_report.duplicatesInKingdee.append(key);
    const QString message =
        tr("Kingdee holds this bill %1 times (%2): another installation of RebateSync, or a "
           "person, sent it too. Delete the extra bills in Kingdee; RebateSync keeps %3.")
            .arg(numbers.size())
            .arg(numbers.join(QStringLiteral(", ")),
                 BillRepository(m_database).find(key).value_or(BillRecord {}).kingdeeNumber);
    BillRepository(m_database).markDuplicateInKingdee(key, numbers.join(QLatin1Char(',')), message);
}

void PushJob::startHeartbeat()
{
    // A run that stops beating for the claim timeout is taken for dead by the
    // others on the ledger; the event loop stays free while calls are on the wire, so a live run
    // always beats.
    m_heartbeat = new QTimer(this);
    m_heartbeat->setInterval(int(JobRunRepository::kHeartbeatMs));
    connect(m_heartbeat, &QTimer::timeout, this,
            [this] { JobRunRepository(m_database).beat(m_runId); });
    m_heartbeat->start();
}

void PushJob::releaseUnsent()
{
    // `queued` is a run's own state: what it did not send goes back to what it was, pending or
    // failed, with its last error, so the table, `status` and 重试失败 agree once it has ended.
    BillRepository bills(m_database);
    QList<BillChange> changes;
    QStringList keys(m_selection.cbegin(), m_selection.cend());
    keys.sort(); // the log lists them in order
    const QHash<QString, BillRecord> read = bills.findAll(keys);
    for (const QString &key : std::as_const(keys)) {
        const auto bill = read.constFind(key);
        if (bill == read.constEnd() || bill->state != BillState::Queued)
            continue;
        const BillState back = m_before.value(key, BillState::Pending);
        changes.append({key, BillState::Queued, back, lastErrorOf(*bill),
                        back == BillState::Failed
                            ? logText(QT_TRANSLATE_NOOP("rs::sync::PushJob",
                                                        "Not sent in this run; still failed: %1"),
                                      {bill->lastError})
                            : logText(QT_TRANSLATE_NOOP("rs::sync::PushJob",
                                                        "Not sent in this run; pending again."))});
    }
    if (!changes.isEmpty() && !bills.transitionAll(changes).ok())
        return; // the store refused (a full disk): the bills stay queued for the next run
    for (const BillChange &c : std::as_const(changes)) {
        m_givenBack.insert(c.key);
        Q_EMIT billChanged(c.key, c.to);
    }
}

void PushJob::logStart(int applications)
{
    SyncEvent event;
    event.kind = QStringLiteral("sync.started");
    event.message = eventtext::encode(
        "rs::sync::PushJob",
        QT_TRANSLATE_N_NOOP("rs::sync::PushJob",
                            "Sync started: %n application(s), %1 bill(s) to send."),
        {QString::number(m_selection.size())}, applications);
    EventLog(m_database).append(event);
}

void PushJob::logEnd()
{
    SyncEvent event;
    event.kind = QStringLiteral("sync.finished");
    event.level = m_report.result == PushReport::Result::ConfigError ? SyncEvent::Level::Error
        : m_report.result == PushReport::Result::Ok                  ? SyncEvent::Level::Info
                                                                     : SyncEvent::Level::Warning;
    event.message = logText(QT_TRANSLATE_NOOP("rs::sync::PushJob", "Sync ended: %1"),
                            {m_report.summaryForLog()});
    EventLog(m_database).append(event);
}

void PushJob::finish()
{
    m_finished = true;
    if (m_heartbeat)
        m_heartbeat->stop();
    if (m_runId)
        releaseUnsent();
    QStringList keys(m_selection.cbegin(), m_selection.cend());
    keys.sort();
    const QHash<QString, BillRecord> read = BillRepository(m_database).findAll(keys);
    for (const QString &key : std::as_const(keys)) {
        const auto bill = read.constFind(key);
        if (bill == read.constEnd())
            continue;
        BillLine line {key, bill->applicationId, bill->state, bill->kingdeeNumber, bill->lastError};
        // A bill the run could not finish says why: the reason the run stopped.
        if (line.state != BillState::Synced && line.error.isEmpty())
            line.error = m_report.stopReason;
        m_report.lines.append(line);
        tell(line);
        switch (bill->state) {
        case BillState::Synced:
            ++m_report.synced;
            break;
        case BillState::Failed:
            // One that failed before and was not sent this time did not fail in this run.
            ++(m_givenBack.contains(key) ? m_report.notSent : m_report.failed);
            break;
        case BillState::InDoubt:
            ++m_report.inDoubt;
            break;
        case BillState::Pending:
        case BillState::Queued:
            ++m_report.notSent;
            break;
        default:
            break;
        }
    }
    m_lock.reset(); // the next run may start
    bool allSynced = m_report.notSendable == 0 && m_report.stopReason.isEmpty();
    for (const BillLine &line : std::as_const(m_report.lines))
        allSynced = allSynced && line.state == BillState::Synced;
    if (m_report.result == PushReport::Result::Ok && !allSynced)
        m_report.result = PushReport::Result::SomeFailed;
    if (m_runId) {
        const char *result = m_report.result == PushReport::Result::Ok ? "ok"
            : m_report.result == PushReport::Result::SomeFailed        ? "partial"
                                                                       : "failed";
        JobRunRepository(m_database)
            .finish(m_runId, QLatin1String(result), m_report.summaryForLog());
        logEnd();
    }
    Q_EMIT finished(m_report);
}

} // namespace rs::sync
