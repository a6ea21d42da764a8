#pragma once

#include "app/mapping/schemedocument.h"
#include "app/mapping/schemelibrary.h"
#include "mappingtestdata.h"

#include <QFile>

namespace rs::testdata {

inline const QString kBuiltin = QStringLiteral("builtin:rebate-to-other-receivable");

inline SchemeDocument builtinDocument()
{
    QString error;
    return *SchemeLibrary(QString()).read(kBuiltin, &error);
}

// Where the built-in scheme keeps FEntity.FNOTAXAMOUNTFOR and FSETTLEORGID.
inline FieldPosition amountField(const SchemeDocument &document)
{
    return document.fieldOfIssue(QStringLiteral("FEntity.FNOTAXAMOUNTFOR"));
}

inline FieldPosition settleOrgField(const SchemeDocument &document)
{
    return document.fieldOfIssue(QStringLiteral("FSETTLEORGID"));
}

// Application `index` of a generated store: one to three customers, amounts with cents, some
// customers repeated, in DingTalk's own shapes ("1,234.50").
inline ApplicationRecord generatedApplication(int index)
{
    QList<QJsonObject> rows;
    const int customers = 1 + index % 3;
    for (int c = 0; c < customers; ++c) {
        const QString amount = QStringLiteral("%1.%2")
                                   .arg(100 + (index * 37 + c * 11) % 9000)
                                   .arg((index + c) % 100, 2, 10, QLatin1Char('0'));
        rows.append(rebateRow(QStringLiteral("C%1").arg((index + c) % 50), amount,
                              QStringLiteral("返利 %1").arg(index)));
    }
    const QString id = QStringLiteral("pi-%1").arg(index, 5, 10, QLatin1Char('0'));
    ApplicationRecord application = rebateApplication(
        rows,
        {{QStringLiteral("process_instance_id"), id},
         {QStringLiteral("business_id"),
          QStringLiteral("2025%1").arg(index, 8, 10, QLatin1Char('0'))},
         {QStringLiteral("组织"), index % 2 == 0 ? QStringLiteral("100") : QStringLiteral("200")}});
    application.createdAt = QStringLiteral("2025-03-03 09:30:00");
    return application;
}

} // namespace rs::testdata
