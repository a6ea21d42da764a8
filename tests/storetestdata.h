#pragma once

#include "app/store/records.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace rs::testdata {

// An approved application with `rows` flattened rows whose remark is `marker`.
inline ApplicationRecord application(const QString &id, int rows = 2,
                                     const QString &marker = QStringLiteral("A"))
{
    ApplicationRecord a;
    a.id = id;
    a.businessId = QStringLiteral("2025") + id;
    a.title = marker;
    a.processCode = QStringLiteral("PROC-REBATE");
    a.createdAt = QStringLiteral("2025-03-03 09:30:00");
    a.approval = ApprovalState::Approved;
    a.dingTalkStatus = QStringLiteral("COMPLETED");
    a.dingTalkResult = QStringLiteral("agree");
    a.amount = QStringLiteral("1834.60");
    a.rawJson = QByteArrayLiteral(R"({"errcode":0,"process_instance":{"title":"返利"}})");
    a.fieldsJson = QByteArrayLiteral(R"({"组织":"100","申请日期":"2025-03-03"})");
    for (int i = 0; i < rows; ++i) {
        a.rowsJson.append(QJsonDocument(QJsonObject {{QStringLiteral("表格_客户编码"),
                                                      QStringLiteral("C%1").arg(i)},
                                                     {QStringLiteral("表格_明细备注"), marker}})
                              .toJson(QJsonDocument::Compact));
    }
    return a;
}

inline BillRecord bill(const QString &applicationId, const QString &customer)
{
    BillRecord b;
    b.key = applicationId + QLatin1Char('-') + customer;
    b.applicationId = applicationId;
    b.amount = QStringLiteral("-600.00");
    b.payloadJson = QByteArrayLiteral(R"({"FBillTypeID":{"FNumber":"QTYSD01_SYS"}})");
    return b;
}

} // namespace rs::testdata
