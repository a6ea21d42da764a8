#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace rs::sandbox {

// One approval instance as the sandbox's DingTalk holds it.
struct SimInstance
{
    QString id;
    QString businessId;
    QString processCode;
    qint64 createMs = 0; // epoch ms; listids filters on it
    qint64 finishMs = 0; // 0 while running
    QString status; // RUNNING | COMPLETED | TERMINATED
    QString result; // agree | refuse | "" while running
    QString bizAction = QStringLiteral("NONE"); // REVOKE for approved-then-revoked
    QStringList attachedIds;
    QString mainProcessInstanceId; // a revoke request: the approved instance it revokes
    QString title;
    QString originatorUserId;
    QString originatorDeptId;
    QString originatorDeptName;
    QString approverUserId;
    QJsonArray formValues; // topapi shape: {name, value?, ext_value?, id, component_type}

    bool isFinal() const { return status != QLatin1String("RUNNING"); }
    void complete(const QString &outcome, qint64 atMs);

    // The `process_instance` object of topapi/processinstance/get.
    QJsonObject toTopApi() const;
    // The `result` object of v1.0 workflow/processInstances.
    QJsonObject toV1() const;
};

// "yyyy-MM-dd HH:mm:ss" in Beijing time, as topapi writes times.
QString beijingTime(qint64 epochMs);

} // namespace rs::sandbox
