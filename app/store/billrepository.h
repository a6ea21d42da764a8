#pragma once

#include "app/store/records.h"
#include "app/store/storeerror.h"

#include <QHash>

class QDateTime;
class QSqlDatabase;

#include <optional>

namespace rs {

class Database;

// The run a bill belongs to while it is queued, sending or in doubt.
struct RunClaim
{
    qint64 runId = 0;
    // The SQLite store's lock file is held: no other run can be alive.
    bool othersAreDead = false;
    // A run whose heartbeat is older than this is taken for dead.
    qint64 staleAfterMs = 60'000;
};

// Bills and their state machine. Every state change is one transaction that also writes the
// event the clerk sees in the log; a change from a state other than the expected one is refused.
class BillRepository final
{
public:
    explicit BillRepository(const Database &database);

    // Inserts a new pending bill, or refreshes the draft of one not yet handed to Kingdee
    // (pending or failed). A bill queued, sending, in doubt or synced keeps what it had, and the
    // answer is a Conflict saying so.
    StoreError saveDraft(const BillRecord &bill) const;

    StoreError transition(const QString &key, BillState from, BillState to,
                          const BillOutcome &outcome, const QString &message) const;
    // Several changes in one transaction: all of them, or none when one is refused.
    StoreError transitionAll(const QList<BillChange> &changes) const;
    // Moves queued bills to `sending` in one write transaction that also reads each one's
    // approval: a revocation a fetch stores at the same moment either comes first and is seen
    // here, or comes after the bill left. A bill whose application is no longer approved goes
    // back to pending with the reason and is not sent. `changes` gets every change made, in
    // order; a key not queued any more is skipped.
    StoreError startSending(const QStringList &keys, QList<BillChange> *changes) const;
    // The same, only for bills `run` still holds: a run taken for dead (its heartbeat stopped)
    // whose claims another run took over sends none of them.
    StoreError startSending(const QStringList &keys, const RunClaim &run,
                            QList<BillChange> *changes) const;
    // What Kingdee holds of a synced bill now: its FDocumentStatus and, when the Submit or Audit
    // after the save was refused, Kingdee's words (cleared when empty). `message` non-empty also
    // logs it. The bill stays synced: it is in Kingdee.
    StoreError recordKingdeeStatus(const QString &key, const QString &status,
                                   const QString &afterSaveError, const QString &message) const;
    // Kingdee holds a synced bill's key more than once (`numbers`, comma-separated): kept on the
    // bill for the table's mark, with an error event (kind bill.duplicate_in_kingdee).
    StoreError markDuplicateInKingdee(const QString &key, const QString &numbers,
                                      const QString &message) const;
    // What one read of Kingdee found for synced bills, key → FDocumentStatus, or
    // BillRepository::GoneStatus for a bill Kingdee no longer holds: one transaction, only the
    // bills whose status changed are written, and a bill newly gone is logged as a warning.
    // `changedKeys` gets those keys.
    StoreError recordStatusesRead(const QHash<QString, QString> &statusByKey,
                                  QStringList *changedKeys = nullptr) const;
    // The clerk confirmed sending a bill again that Kingdee no longer holds: it becomes pending,
    // without its old id, number and status, so the next sync saves it as a new bill (after
    // asking Kingdee by its key, as every sync does). Refused (Conflict) unless it is synced and
    // recorded gone.
    StoreError sendAgain(const QString &key) const;
    // FDocumentStatus recorded for a synced bill Kingdee no longer holds (deleted by someone).
    static constexpr const char *GoneStatus = "gone";

    // At start-up: bills left `sending` by a run that died become `in_doubt`, to be looked up in
    // Kingdee before any resend. Returns how many. With a RunClaim, only the bills of runs whose
    // heartbeat has stopped (or every other run's, when run.othersAreDead).
    int recoverInterruptedSends(StoreError *error = nullptr) const;
    int recoverInterruptedSends(const RunClaim &run, StoreError *error = nullptr) const;
    // Claims bills for `run` (several runs share a ledger): each change whose bill is in its
    // `from` state and not held by another live run (queued, sending or in doubt under a run whose
    // heartbeat goes on) is applied and the bill marked as this run's; a change with to == from
    // only claims. A bill another run is claiming at this instant is passed over, not waited for.
    // `claimed` gets the changes made, in order.
    StoreError claim(const QList<BillChange> &changes, const RunClaim &run,
                     QList<BillChange> *claimed) const;

    // Read methods report a failure through `error` when given; they return what they could read.
    std::optional<BillRecord> find(const QString &key, StoreError *error = nullptr) const;
    // The bills among `keys` that exist, by key: a query per few hundred keys, not one per key (on
    // a ledger every query is a round trip to the server).
    QHash<QString, BillRecord> findAll(const QStringList &keys, StoreError *error = nullptr) const;
    QList<BillRecord> forApplication(const QString &applicationId,
                                     StoreError *error = nullptr) const;
    // Every bill, keyed by application id: one query for a whole list.
    QHash<QString, QList<BillRecord>> byApplication(StoreError *error = nullptr) const;
    QHash<BillState, int> countByState(StoreError *error = nullptr) const;
    // Oldest first.
    QList<BillRecord> inStates(const QList<BillState> &states, StoreError *error = nullptr) const;
    // Bills in `state` whose last change is older than `beforeUtc`, oldest change first: bills
    // left in doubt too long are an alert.
    QList<BillRecord> inStateSince(BillState state, const QDateTime &beforeUtc,
                                   StoreError *error = nullptr) const;

private:
    static StoreError applyIn(QSqlDatabase &db, const BillChange &change);

    const Database &m_database;
};

} // namespace rs
