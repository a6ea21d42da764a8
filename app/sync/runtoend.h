#pragma once

#include <QEventLoop>
#include <QTimer>

namespace rs::sync {

// Starts `job` and turns a local event loop until it emits `finished` (or `timeoutMs` passes,
// when given): how the CLI and the tests wait for a fetch or a sync. Returns the report, or
// `timedOut` when none came. A job that finishes inside start() is handled too.
template<typename Job, typename Report>
Report runToEnd(Job &job, void (Job::*finished)(const Report &), Report timedOut = {},
                int timeoutMs = -1)
{
    Report report = std::move(timedOut);
    bool done = false;
    QEventLoop loop;
    QObject::connect(&job, finished, &loop, [&](const Report &r) {
        report = r;
        done = true;
        loop.quit();
    });
    if (timeoutMs >= 0)
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!done)
        loop.exec();
    return report;
}

} // namespace rs::sync
