#pragma once

#include "app/store/states.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace rs::sync {

// One bill as a sync run leaves it: what the CLI prints, one line each.
struct BillLine
{
    QString key;
    QString applicationId;
    BillState state = BillState::Pending;
    QString number; // Kingdee's bill number once synced
    QString error; // Kingdee's own words, or the mapping's issues

    QString text() const; // "KEY<TAB>state<TAB>number or error"
};

struct PushReport
{
    enum class Result { Ok, SomeFailed, ConfigError };
    Result result = Result::Ok;
    QList<BillLine> lines;
    QList<QJsonObject> dryRunBodies; // --dry-run: the BatchSave bodies that would be sent
    QString stopReason;
    // Another sync held the store, so this one sent nothing: try again once it is done.
    bool storeBusy = false;
    int synced = 0;
    int failed = 0;
    int inDoubt = 0;
    int notSendable = 0; // mapping errors, checks, not approved
    // Keys Kingdee holds more than once after this run: another install sent them too.
    QStringList duplicatesInKingdee;
    // The console's after_save: Kingdee's words for each refused Submit or Audit, and how many
    // synced bills Kingdee no longer holds.
    QStringList afterSaveErrors;
    int goneFromKingdee = 0;
    int notSent = 0; // taken on by the run and given back unsent: pending, or failed as before
    bool cancelled = false; // the clerk stopped it (停止, Ctrl+C)

    // "Synced 27, failed 5, not sent 12 (stopped)": what the status bar and the log's end line say.
    QString summary() const;
    // The same, encoded for the sync log: rendered in the reader's language (eventtext.h).
    QString summaryForLog() const;
    // A run that could not start (settings, scheme, secret): ConfigError with the reason.
    static PushReport refused(const QString &reason);
};

} // namespace rs::sync

Q_DECLARE_METATYPE(rs::sync::PushReport)
