#pragma once

#include "app/mapping/mappingresult.h"

#include <QList>

namespace rs {

struct Scheme;
class SourceFields;

// Runs the scheme's checks on the application as a whole (headerTotal): its header against all
// of its rows, whichever bill each row went to. Each failure adds an issue without a bill; the
// mapper puts it on every bill of the application, so none of them is sent.
void runApplicationChecks(const Scheme &scheme, const SourceFields &header,
                          const QList<SourceFields> &rows, QList<MappingIssue> &issues);

} // namespace rs
