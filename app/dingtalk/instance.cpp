#include "app/dingtalk/instance.h"

namespace rs::dingtalk {

ApprovalState Instance::approvalState() const
{
    const bool revoke = bizAction.compare(QLatin1String("REVOKE"), Qt::CaseInsensitive) == 0;
    if (status == QLatin1String("COMPLETED")) {
        if (result == QLatin1String("agree"))
            return revoke ? ApprovalState::Revoked : ApprovalState::Approved;
        return ApprovalState::Rejected;
    }
    if (status == QLatin1String("TERMINATED") || status == QLatin1String("CANCELED"))
        return ApprovalState::Withdrawn;
    return ApprovalState::InApproval;
}

bool Instance::revokesAnother() const
{
    return bizAction.compare(QLatin1String("REVOKE"), Qt::CaseInsensitive) == 0
        && !mainProcessInstanceId.isEmpty() && mainProcessInstanceId != id;
}

} // namespace rs::dingtalk
