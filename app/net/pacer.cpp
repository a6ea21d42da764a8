#include "app/net/pacer.h"

#include <algorithm>

namespace rs::net {

Pacer::Pacer(double callsPerSecond)
    : m_callsPerSecond(std::max(callsPerSecond, 0.1))
    , m_intervalUs(static_cast<qint64>(1'000'000 / m_callsPerSecond))
{
    m_clock.start();
}

qint64 Pacer::nowUs() const
{
    return m_clock.nsecsElapsed() / 1000;
}

qint64 Pacer::reserveDelayMs(const QString &key)
{
    const qint64 now = nowUs();
    qint64 &next = m_nextSlotUs[key];
    const qint64 slot = std::max(now, next);
    next = slot + m_intervalUs;
    // Round up: leaving early by a fraction of a millisecond could land two calls in one slot.
    return (slot - now + 999) / 1000;
}

void Pacer::holdOff(const QString &key, qint64 ms)
{
    qint64 &next = m_nextSlotUs[key];
    next = std::max(next, nowUs() + ms * 1000);
}

} // namespace rs::net
