#pragma once

#include "app/mapping/expression.h"
#include "app/mapping/mappingresult.h"

namespace rs {

struct ApplicationRecord;
struct Scheme;

// Maps one stored application through a scheme: one bill per group of rows (per customer in the
// built-in scheme), with the issues that stop a bill from being sent. Works for any approval
// state, so a clerk can preview; only an approved application's bills are sendable.
MappingResult mapApplication(const ApplicationRecord &application, const Scheme &scheme,
                             const Clock &clock = systemClock());

// The full BatchSave request body for these drafts, as KINGDEE.md gives it:
// {"formid": …, "data": {…the scheme's options…, "Model": [each draft's model]}}.
QJsonObject batchSaveBody(const QList<BillDraft> &drafts, const Scheme &scheme);

} // namespace rs
