#pragma once

#include <QMetaType>

namespace rs::sync {

// What a sync is doing now, for the progress in the status bar. The bills counted are the
// same throughout; the phase says what they are waiting on.
enum class SyncPhase {
    CheckingKingdee, // asking Kingdee which of the bills it already holds
    CheckingBaseData, // the customers and organisations the bills name
    Sending, // BatchSave calls on the wire
    WaitingForKingdee, // an answer was lost: Kingdee is given time to settle before a lookup
    WaitingToRetry, // Kingdee was busy: a pause before sending again
    CheckingDuplicates, // at the end: does Kingdee hold any of them twice?
    SubmittingAndAuditing, // [kingdee] after_save
    ReadingStatus, // FDocumentStatus of the synced bills
    WritingComments, // DingTalk comments on fully synced applications
};

} // namespace rs::sync

Q_DECLARE_METATYPE(rs::sync::SyncPhase)
