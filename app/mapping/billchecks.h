#pragma once

#include "app/mapping/mappingresult.h"

#include <QJsonObject>
#include <QList>

namespace rs {

struct Scheme;

// Runs the scheme's checks on a finished bill. `rows` are the bill's source rows (for sumEquals);
// each failed rule adds an issue naming the bill, the field and the values it saw.
void runChecks(const Scheme &scheme, const BillDraft &bill, const QList<QJsonObject> &rows,
               const QString &billId, QList<MappingIssue> &issues);

// The values at a field path (FDATE, FEntity.FNOTAXAMOUNTFOR) with the path of each
// (FEntity[0].FNOTAXAMOUNTFOR); an absent field gives an Undefined value.
QList<QPair<QString, QJsonValue>> valuesAt(const QJsonObject &model, const QString &path);

} // namespace rs
