#pragma once

#include "app/kingdee/kingdeeclient.h"
#include "app/mapping/schemeresolver.h"
#include "app/sync/pushjob.h"
#include "kingdeetesting.h"
#include "sandbox.h"

#include <QEventLoop>
#include <QTimer>

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
    sync::PushReport report;
    report.stopReason = QStringLiteral("test timeout");
    bool done = false;
    int changes = 0;
    QEventLoop loop;
    QObject::connect(&job, &sync::PushJob::billChanged, &loop, [&] {
        if (++changes == afterChanges && during)
            during();
    });
    QObject::connect(&job, &sync::PushJob::finished, &loop, [&](const sync::PushReport &r) {
        report = r;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!done)
        loop.exec();
    return report;
}

} // namespace rs::testing
