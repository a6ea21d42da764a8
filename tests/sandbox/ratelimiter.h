#pragma once

#include <QHash>
#include <QString>

#include <deque>

namespace rs::sandbox {

// At most `limit` calls per key in any sliding window of `windowMs`, like DingTalk's per-API QPS
// and the robot's 20 messages a minute. A refused call does not use up the window.
class RateLimiter final
{
public:
    RateLimiter(int limit, qint64 windowMs);

    bool allow(const QString &key, qint64 nowMs);
    void setLimit(int limit) { m_limit = limit; }

private:
    int m_limit;
    qint64 m_windowMs;
    QHash<QString, std::deque<qint64>> m_calls;
};

} // namespace rs::sandbox
