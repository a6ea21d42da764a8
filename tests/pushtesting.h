#pragma once

#include "app/kingdee/kingdeeclient.h"
#include "app/mapping/schemeresolver.h"
#include "app/sync/pushjob.h"
#include "app/sync/runtoend.h"
#include "kingdeetesting.h"
#include "sandbox.h"

namespace rs::testing {

inline std::shared_ptr<const Scheme> builtinScheme()
{
    return resolveScheme(QStringLiteral("builtin:rebate-to-other-receivable"), QString()).scheme;
}

// Runs one sync to its end, as the CLI does; `during` runs after `afterChanges` bill changes.
inline sync::PushReport runPush(const Database &database, const kingdee::KingdeeConfig &config,
                                sync::PushOptions options, const std::function<void()> &during = {},
                                int afterChanges = 0, int timeoutMs = 240'000)
{
    kingdee::KingdeeClient client(config);
    sync::PushJob job(database, client, builtinScheme(), std::move(options));
    int changes = 0;
    QObject::connect(&job, &sync::PushJob::billChanged, &job, [&] {
        if (++changes == afterChanges && during)
            during();
    });
    sync::PushReport timedOut;
    timedOut.stopReason = QStringLiteral("test timeout");
    return sync::runToEnd(job, &sync::PushJob::finished, timedOut, timeoutMs);
}

} // namespace rs::testing
