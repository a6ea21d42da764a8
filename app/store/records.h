#pragma once

#include "app/store/states.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace rs {

// An application as stored: its DingTalk identity and state, the raw answer kept verbatim, and
// its flattened table rows (each a JSON object of `表格_列名` → value).
struct ApplicationRecord
{
    QString id; // process instance id
    QString businessId;
    QString title;
    QString processCode;
    QString originatorUserId;
    QString originatorDeptName;
    QString createdAt;
    QString finishedAt;
    ApprovalState approval = ApprovalState::InApproval;
    QString dingTalkStatus;
    QString dingTalkResult;
    QString amount; // exact decimal text, e.g. "1834.60"
    QByteArray rawJson;
    // JSON object: form fields by component name (`申请日期`, `组织`, …) and the instance
    // attributes
    // (`business_id`, `title`, `process_instance_id`, `originator_userid`, `originator_dept_name`,
    // `create_time`, `finish_time`). Values are strings; a multi-select is an array of strings.
    QByteArray fieldsJson;
    QString parseError; // set when the answer could not be parsed; the raw text is still kept
    QString revokesId; // for a revoke request: the approved instance it revokes
    QString organisation; // the organisation number the bills book into
    QString customers; // the bills' customers, comma-separated, as the table shows them
    QList<QByteArray> rowsJson; // table columns only; the mapping adds the header to each row
};

// One line of the applications table: the application without its raw answer and rows, and
// the state of each of its bills. Cheap enough to load 100,000 at once.
struct ApplicationRow
{
    struct Bill
    {
        QString key;
        BillState state = BillState::Pending;
        QString number;
        QString error;
        QString kingdeeStatus; // FDocumentStatus last read (Z, A, B, C, D), "gone", or empty
        QString afterSaveError; // the refused Submit or Audit after the save, Kingdee's words
        QString errorField;
        bool retryable = false;
    };
    QString id;
    QString businessId;
    QString title;
    QString originator; // department, the user id when there is none
    QString createdAt; // "yyyy-MM-dd HH:mm:ss", Beijing
    ApprovalState approval = ApprovalState::InApproval;
    QString amount;
    QString organisation;
    QString customers;
    QString parseError;
    QList<Bill> bills;
};

// One Kingdee bill made from an application.
struct BillRecord
{
    QString key; // idempotency key, also written into the bill in Kingdee
    QString applicationId;
    BillState state = BillState::Pending;
    QString amount;
    QByteArray payloadJson;
    QString kingdeeId;
    QString kingdeeNumber;
    QString lastError;
    QString errorField;
    bool retryable = false;
    int attempts = 0;
    QString reversal; // how a reversed bill was reversed: "deleted" or "red QTYS…"
    QString kingdeeStatus; // FDocumentStatus last read or reached (Z, A, B, C, D); empty: unknown
    QString afterSaveError; // Kingdee's words when the Submit or Audit after the save was refused
    QString kingdeeDuplicates; // Kingdee's numbers when it holds this key more than once
};

// What a state change writes besides the state itself; empty fields keep their stored value,
// except the error, which is replaced (cleared when empty) so a synced bill carries no old error.
struct BillOutcome
{
    QString kingdeeId;
    QString kingdeeNumber;
    QString error;
    QString errorField;
    bool retryable = false;
    bool countsAsAttempt = false;
    QString reversal; // set when the bill becomes reversed
};

// One state change of one bill, as BillRepository::transitionAll applies it.
struct BillChange
{
    QString key;
    BillState from = BillState::Pending;
    BillState to = BillState::Queued;
    BillOutcome outcome;
    QString message; // for the log; empty: "from → to"
};

struct SyncEvent
{
    enum class Level { Info, Warning, Error };
    qint64 id = 0;
    QString occurredAt;
    Level level = Level::Info;
    QString kind; // machine-readable, e.g. "bill.state"
    QString applicationId;
    QString billKey;
    QString message; // written: plain or eventtext-encoded; read: rendered in the reader's language
    // Read only, filled by EventLog's reads: the message as stored, to render again after the
    // reader switches language, and the application's 审批编号 when it is stored.
    QString storedMessage;
    QString applicationBusinessId;
    QString actor; // "user@machine" of the program that wrote it; empty before issue 14
};

} // namespace rs
