#pragma once

#include "app/store/records.h"
#include "app/store/storeerror.h"

#include <QHash>

class QDateTime;
class QSqlDatabase;

#include <optional>

namespace rs {

class Database;

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
    // What Kingdee holds of a synced bill now: its FDocumentStatus and, when the Submit or Audit
    // after the save was refused, Kingdee's words (cleared when empty). `message` non-empty also
    // logs it. The bill stays synced: it is in Kingdee.
    StoreError recordKingdeeStatus(const QString &key, const QString &status,
                                   const QString &afterSaveError, const QString &message) const;
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
    // Kingdee before any resend. Returns how many.
    int recoverInterruptedSends(StoreError *error = nullptr) const;

    // Read methods report a failure through `error` when given; they return what they could read.
    std::optional<BillRecord> find(const QString &key, StoreError *error = nullptr) const;
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
