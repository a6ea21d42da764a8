#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace rs {

// Approval state of a DingTalk application, as ARCHITECTURE.md names it.
enum class ApprovalState { InApproval, Approved, Rejected, Withdrawn, Revoked, Count };

// Sync state of one Kingdee bill: pending → queued → sending → synced | failed | in_doubt, and
// synced → reversed once `reverse` has deleted it in Kingdee or booked its reversing bill.
enum class BillState { Pending, Queued, Sending, Synced, Failed, InDoubt, Reversed, Count };

// Wire names (CLI JSON, database); never translated.
QString toWireName(ApprovalState state);
QString toWireName(BillState state);
std::optional<ApprovalState> approvalStateFromWireName(const QString &name);
std::optional<BillState> billStateFromWireName(const QString &name);

QList<ApprovalState> allApprovalStates();
QList<BillState> allBillStates();

// Names a clerk reads, through tr() ("审批中", "已同步", …).
QString displayName(ApprovalState state);
QString displayName(BillState state);

// The transitions the push job may make; anything else is a bug and is refused by the store.
bool isAllowedTransition(BillState from, BillState to);

} // namespace rs

namespace rs {

// One word for an application's bills, for lists: the state that needs attention first
// (in doubt, failed, sending, queued, pending), "synced" only when every bill is synced, and
// "pending" for an application without bills yet.
BillState aggregateSyncState(const QList<BillState> &bills);

} // namespace rs
