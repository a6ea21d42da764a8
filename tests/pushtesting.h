#pragma once

#include "app/kingdee/kingdeeclient.h"
#include "app/mapping/schemeresolver.h"
#include "app/sync/pushjob.h"
#include "sandbox.h"

#include <QEventLoop>
#include <QTimer>

namespace rs::testing {

inline kingdee::KingdeeConfig sandboxKingdee(const sandbox::Sandbox &sandbox,
                                             kingdee::KingdeeConfig::Auth auth =
                                                 kingdee::KingdeeConfig::Auth::AppSecret)
{
    kingdee::KingdeeConfig c;
    c.url = QUrl(sandbox.baseUrl() + QStringLiteral("/k3cloud"));
    c.acctId = QStringLiteral("sandbox-dc");
    c.username = QStringLiteral("demo");
    c.auth = auth;
    c.appId = QStringLiteral("302745_MDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1u");
    c.appSecret = QStringLiteral("sandbox-app-secret");
    c.password = QStringLiteral("sandbox-password");
    c.orgNumber = QStringLiteral("100");
    return c;
}

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
