#pragma once

#include "app/sync/pushreport.h"

#include <QStringList>

namespace rs {
class Database;
struct Scheme;
} // namespace rs

namespace rs::sync {

// What a sync run will do, decided before anything is sent: every selected approved application
// is mapped through the scheme and its drafts stored (a bill already handed to Kingdee keeps the
// draft it was sent with); bills with issues are reported, not sent.
struct PushPlan
{
    QStringList keysToSend; // pending or failed bills whose drafts pass every check
    QList<BillLine> notSendable;
    QStringList unknownIds;
};

class PushPlanner final
{
public:
    // `applicationIds` empty: every approved application not yet synced. `store`: false for a
    // dry run, which writes nothing.
    static PushPlan plan(const Database &database, const Scheme &scheme,
                         const QStringList &applicationIds, bool store,
                         QList<QJsonObject> *dryRunModels = nullptr);
    // Why an application's bills are not sent: it is no longer (or not yet) approved.
    static QString notApproved(const QString &applicationId, ApprovalState state);
};

} // namespace rs::sync
