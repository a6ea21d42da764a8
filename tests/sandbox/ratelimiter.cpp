#include "ratelimiter.h"

namespace rs::sandbox {

RateLimiter::RateLimiter(int limit, qint64 windowMs)
    : m_limit(limit)
    , m_windowMs(windowMs)
{ }

bool RateLimiter::allow(const QString &key, qint64 nowMs)
{
    if (m_limit <= 0)
        return true;
    std::deque<qint64> &calls = m_calls[key];
    while (!calls.empty() && calls.front() <= nowMs - m_windowMs)
        calls.pop_front();
    if (int(calls.size()) >= m_limit)
        return false;
    calls.push_back(nowMs);
    return true;
}

} // namespace rs::sandbox
