#pragma once

#include "app/kingdee/failure.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace rs::kingdee {

struct EntryError
{
    QString field; // Kingdee's FieldName, e.g. "FCONTACTUNIT"; empty when it names none
    QString message; // Kingdee's own words
};

// The fate of one bill of a BatchSave, at the same position as its Model in the batch.
struct EntryResult
{
    enum class State {
        Saved, // in SuccessEntitys: `id` and `number` are Kingdee's
        Failed, // Kingdee refused this bill: `errors` say why
        NotSaved, // Kingdee answered and neither saved nor blamed it (an atomic batch rolled
                  // back for another bill, or the call failed before Kingdee processed it):
                  // safe to send again
        Unknown, // may or may not be in Kingdee: look it up by key before sending again
    };
    State state = State::NotSaved;
    QString id;
    QString number;
    QList<EntryError> errors;
    // Whether sending the same bill again, unchanged, could succeed: false for a validation
    // or base-data error (the mapping or Kingdee's data must change first).
    bool retryMayHelp = true;
};

// The answer to one BatchSave. `failure` is None when Kingdee saved every bill; Rejected when
// it answered with errors (then some entries may still be Saved); any other kind means no
// per-bill answer was read and every entry is NotSaved (Busy, SessionLost, Authentication,
// Cancelled) or Unknown (OutcomeUnknown).
struct SaveResult
{
    Failure failure;
    QList<EntryResult> entries;

    int count(EntryResult::State state) const;

    // Maps Kingdee's answer back to the `modelCount` bills by DIndex (the position in Model).
    static SaveResult fromAnswer(const QJsonObject &answer, int modelCount);
    // No per-bill answer: every entry NotSaved, or Unknown when the outcome is unknown.
    static SaveResult withoutAnswer(const Failure &failure, int modelCount);
};

} // namespace rs::kingdee
