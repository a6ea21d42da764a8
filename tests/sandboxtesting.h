#pragma once

#include "sandbox.h"

#include <QDateTime>

#include <memory>

namespace rs::testing {

// Options for an in-process sandbox: `count` applications over the last `days` days.
inline sandbox::SandboxOptions sandboxOptions(int count = 60, int days = 200, quint32 seed = 7)
{
    sandbox::SandboxOptions o;
    o.data.seed = seed;
    o.data.count = count;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    o.data.periodEndMs = now - 3600 * 1000;
    o.data.periodStartMs = now - qint64(days) * 24 * 3600 * 1000;
    return o;
}

inline std::unique_ptr<sandbox::Sandbox> startSandbox(const sandbox::SandboxOptions &options)
{
    auto s = std::make_unique<sandbox::Sandbox>(options);
    if (s->listen(0) == 0)
        return nullptr;
    return s;
}

} // namespace rs::testing
