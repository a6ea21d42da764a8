#pragma once

#include "app/mapping/mappingresult.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

namespace rs {

struct Scheme;

// `[{"bill", "field", "message"}]`, as `rebatesync-cli preview --json` prints the issues.
QJsonArray issuesJson(const QList<MappingIssue> &issues);

// What `rebatesync-cli preview ID --json` prints: the BatchSave body of the application's bills
// with its issues, indented. The scheme editor shows the same bytes, so both always agree.
QByteArray previewJsonText(const MappingResult &result, const Scheme &scheme);

} // namespace rs
