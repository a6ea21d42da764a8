#pragma once

#include "app/sync/reversejob.h"
#include "pushtesting.h"

namespace rs::testing {

// Runs one `reverse` to its end, in process, as the CLI does.
inline sync::ReverseReport runReverse(const Database &database,
                                      const kingdee::KingdeeConfig &config,
                                      const QStringList &applicationIds, bool dryRun = false)
{
    kingdee::KingdeeClient client(config);
    sync::ReverseJob job(database, client, builtinScheme(), applicationIds, dryRun);
    sync::ReverseReport timedOut;
    timedOut.stopReason = QStringLiteral("test timeout");
    timedOut.configError = true;
    return sync::runToEnd(job, &sync::ReverseJob::finished, timedOut, 120'000);
}

} // namespace rs::testing
