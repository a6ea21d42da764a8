#pragma once

#include "app/dingtalk/dingtalkclient.h"
#include "app/sync/fetchjob.h"
#include "sandbox.h"

#include <QEventLoop>
#include <QTimer>

namespace rs::testing {

inline dingtalk::DingTalkConfig
sandboxDingTalk(const sandbox::Sandbox &sandbox, double callsPerSecond,
                dingtalk::DingTalkConfig::Api api = dingtalk::DingTalkConfig::Api::TopApi)
{
    dingtalk::DingTalkConfig c;
    c.api = api;
    c.oapiUrl = QUrl(sandbox.baseUrl());
    c.apiUrl = QUrl(sandbox.baseUrl());
    c.appKey = QStringLiteral("sandbox-app-key");
    c.appSecret = QStringLiteral("sandbox-app-secret");
    c.processCode = QStringLiteral("PROC-REBATE-SANDBOX");
    c.callsPerSecond = callsPerSecond;
    return c;
}

// Runs one fetch to its end (or `timeoutMs`), as the CLI does. `during` runs once
// `afterStored` applications have been stored, for faults in the middle of a run; `progress`
// sees every answered detail call.
inline sync::FetchReport runFetch(const Database &database, const dingtalk::DingTalkConfig &config,
                                  sync::FetchOptions options,
                                  const std::function<void()> &during = {}, int afterStored = 0,
                                  const std::function<void(int)> &progress = {},
                                  int timeoutMs = 180'000)
{
    dingtalk::DingTalkClient client(config);
    sync::FetchJob job(database, client, std::move(options));
    sync::FetchReport report;
    report.stopReason = QStringLiteral("test timeout");
    bool done = false;
    int stored = 0;
    QEventLoop loop;
    QObject::connect(&job, &sync::FetchJob::applicationStored, &loop, [&] {
        if (++stored == afterStored && during)
            during();
    });
    if (progress)
        QObject::connect(&job, &sync::FetchJob::progress, &loop,
                         [&](int answered) { progress(answered); });
    QObject::connect(&job, &sync::FetchJob::finished, &loop, [&](const sync::FetchReport &r) {
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
