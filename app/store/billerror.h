#pragma once

#include "app/store/states.h"

#include <QString>

namespace rs {

// What a clerk can do about a bill's last error.
enum class ErrorRemedy {
    None, // no error
    FixFirst, // Kingdee refuses the bill as it stands (a customer it lacks, a closed period)
    Temporary, // a passing problem (network, session, Kingdee busy): sending again may pass
};

ErrorRemedy errorRemedy(BillState state, bool retryable, const QString &error);

// A bill's last error as a clerk reads it: the words first, the field key after, once
// ("往来单位 C9243 在金蝶中不存在（字段 FCONTACTUNIT）"). Errors stored as "FIELD: words" by
// earlier versions are turned round; an error that already names its field gets it only once.
QString clerkErrorText(const QString &error, const QString &field);

// "Fix first: …" / "Temporary: …": the table's error cell.
QString remedyPrefixed(ErrorRemedy remedy, const QString &text);
// One sentence on what to do, for tooltips and the preview.
QString remedyAdvice(ErrorRemedy remedy);

} // namespace rs
