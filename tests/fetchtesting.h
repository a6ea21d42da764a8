#pragma once

#include "app/dingtalk/dingtalkclient.h"
#include "app/sync/fetchjob.h"
#include "app/sync/runtoend.h"
#include "sandbox.h"

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
    int stored = 0;
    QObject::connect(&job, &sync::FetchJob::applicationStored, &job, [&] {
        if (++stored == afterStored && during)
            during();
    });
    if (progress)
        QObject::connect(&job, &sync::FetchJob::progress, &job,
                         [&](int answered) { progress(answered); });
    sync::FetchReport timedOut;
    timedOut.stopReason = QStringLiteral("test timeout");
    return sync::runToEnd(job, &sync::FetchJob::finished, timedOut, timeoutMs);
}

} // namespace rs::testing
