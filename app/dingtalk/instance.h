#pragma once

#include "app/store/states.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rs::dingtalk {

// One entry of form_component_values (formComponentValues on v1.0).
struct FormValue
{
    QString name;
    QString id;
    QString componentType;
    std::optional<QString> value; // absent when an optional field was left empty
    QJsonValue extValue; // decoded when DingTalk sent it as a JSON string
};

// An approval instance, the same whichever API generation delivered it.
struct Instance
{
    QString id;
    QString businessId;
    QString title;
    QString status; // NEW | RUNNING | TERMINATED | COMPLETED | CANCELED
    QString result; // agree | refuse | "" while running
    QString bizAction; // NONE | MODIFY | REVOKE
    QString createTime; // "yyyy-MM-dd HH:mm:ss", Beijing time
    QString finishTime;
    QString originatorUserId;
    QString originatorDeptId;
    QString originatorDeptName;
    QString mainProcessInstanceId;
    QStringList attachedInstanceIds;
    QList<FormValue> form;

    // Approved = COMPLETED + agree; an approval later revoked is `revoked`, never pushed.
    ApprovalState approvalState() const;
    // A revoke request for another, approved instance: it revokes `mainProcessInstanceId`.
    bool revokesAnother() const;
};

} // namespace rs::dingtalk
