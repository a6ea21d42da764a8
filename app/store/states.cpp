#include "app/store/states.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace rs {
namespace {

constexpr std::array<const char *, int(ApprovalState::Count)> kApprovalNames = {
    "in_approval", "approved", "rejected", "withdrawn", "revoked"};
constexpr std::array<const char *, int(BillState::Count)> kBillNames = {
    "pending", "queued", "sending", "synced", "failed", "in_doubt", "reversed"};

template<typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<const char *, N> &names, const QString &name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == QLatin1String(names[i]))
            return Enum(i);
    }
    return std::nullopt;
}

template<typename Enum> QList<Enum> allOf()
{
    QList<Enum> all;
    for (int i = 0; i < int(Enum::Count); ++i)
        all.append(Enum(i));
    return all;
}

} // namespace

QString toWireName(ApprovalState state)
{
    return QLatin1String(kApprovalNames.at(std::size_t(state)));
}

QString toWireName(BillState state)
{
    return QLatin1String(kBillNames.at(std::size_t(state)));
}

std::optional<ApprovalState> approvalStateFromWireName(const QString &name)
{
    return fromName<ApprovalState>(kApprovalNames, name);
}

std::optional<BillState> billStateFromWireName(const QString &name)
{
    return fromName<BillState>(kBillNames, name);
}

QList<ApprovalState> allApprovalStates()
{
    return allOf<ApprovalState>();
}

QList<BillState> allBillStates()
{
    return allOf<BillState>();
}

QString displayName(ApprovalState state)
{
    switch (state) {
    case ApprovalState::InApproval:
        return QCoreApplication::translate("rs::States", "In approval");
    case ApprovalState::Approved:
        return QCoreApplication::translate("rs::States", "Approved");
    case ApprovalState::Rejected:
        return QCoreApplication::translate("rs::States", "Rejected");
    case ApprovalState::Withdrawn:
        return QCoreApplication::translate("rs::States", "Withdrawn");
    case ApprovalState::Revoked:
        return QCoreApplication::translate("rs::States", "Revoked after approval");
    case ApprovalState::Count:
        break;
    }
    return {};
}

QString displayName(BillState state)
{
    switch (state) {
    case BillState::Pending:
        return QCoreApplication::translate("rs::States", "Pending", "bill not yet queued");
    case BillState::Queued:
        return QCoreApplication::translate("rs::States", "Queued");
    case BillState::Sending:
        return QCoreApplication::translate("rs::States", "Sending");
    case BillState::Synced:
        return QCoreApplication::translate("rs::States", "Synced");
    case BillState::Failed:
        return QCoreApplication::translate("rs::States", "Failed");
    case BillState::InDoubt:
        return QCoreApplication::translate("rs::States", "In doubt",
                                           "sent to Kingdee, answer lost");
    case BillState::Reversed:
        return QCoreApplication::translate("rs::States", "Reversed",
                                           "deleted in Kingdee or offset by a reversing bill");
    case BillState::Count:
        break;
    }
    return {};
}

bool isAllowedTransition(BillState from, BillState to)
{
    using S = BillState;
    switch (from) {
    case S::Pending:
        return to == S::Queued;
    case S::Queued:
        // Synced: Kingdee already held it when asked before sending. Failed: a check before
        // sending found what Kingdee would refuse (a customer it does not have).
        return to == S::Sending || to == S::Pending || to == S::Synced || to == S::Failed;
    case S::Sending:
        // Queued: Kingdee answered and saved nothing (busy, session, a rolled-back batch).
        return to == S::Synced || to == S::Failed || to == S::InDoubt || to == S::Queued;
    case S::Failed:
        return to == S::Queued || to == S::Pending;
    case S::InDoubt:
        // Only a lookup in Kingdee decides: found → synced, not found → queued again.
        return to == S::Synced || to == S::Queued;
    case S::Synced:
        // Only `reverse`, after Kingdee deleted the bill or saved its reversing bill.
        return to == S::Reversed;
    case S::Reversed:
    case S::Count:
        return false;
    }
    return false;
}

} // namespace rs

namespace rs {

BillState aggregateSyncState(const QList<BillState> &bills)
{
    using S = BillState;
    for (S attention : {S::InDoubt, S::Failed, S::Sending, S::Queued, S::Pending}) {
        if (bills.contains(attention))
            return attention;
    }
    if (bills.isEmpty())
        return S::Pending;
    return std::all_of(bills.cbegin(), bills.cend(), [](S s) { return s == S::Reversed; })
        ? S::Reversed
        : S::Synced;
}

} // namespace rs
