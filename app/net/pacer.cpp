#include "app/net/pacer.h"

#include <QRandomGenerator>

#include <algorithm>

namespace rs::net {
namespace {

constexpr double kMinimumRate = 1;
constexpr double kDecrease = 0.7; // the rate kept after repeated throttles
constexpr double kIncreasePerSecond = 0.3; // calls/s regained per second without a throttle
constexpr qint64 kRepeatWindowUs = 5'000'000; // a second throttle within this is "repeated"
constexpr double kHoldJitter = 0.25;

} // namespace

Pacer::Pacer(double callsPerSecond)
    : m_callsPerSecond(std::max(callsPerSecond, 0.1))
{
    m_clock.start();
}

qint64 Pacer::nowUs() const
{
    return m_clock.nsecsElapsed() / 1000;
}

Pacer::Lane &Pacer::lane(const QString &key)
{
    auto it = m_lanes.find(key);
    if (it == m_lanes.end()) {
        Lane fresh;
        fresh.rate = m_callsPerSecond;
        fresh.rateAtUs = nowUs();
        it = m_lanes.insert(key, fresh);
    }
    return it.value();
}

void Pacer::creep(Lane &lane, qint64 nowUs) const
{
    lane.rate = std::min(m_callsPerSecond,
                         lane.rate + kIncreasePerSecond * double(nowUs - lane.rateAtUs) / 1e6);
    lane.rateAtUs = nowUs;
}

double Pacer::currentRate(const QString &key)
{
    Lane &l = lane(key);
    creep(l, nowUs());
    return l.rate;
}

qint64 Pacer::reserveDelayMs(const QString &key)
{
    const qint64 now = nowUs();
    Lane &l = lane(key);
    creep(l, now);
    const qint64 slot = std::max(now, l.nextSlotUs);
    l.nextSlotUs = slot + static_cast<qint64>(1e6 / l.rate);
    // Round up: leaving early by a fraction of a millisecond could land two calls in one slot.
    return (slot - now + 999) / 1000;
}

qint64 Pacer::throttled(const QString &key, qint64 ms)
{
    const qint64 now = nowUs();
    Lane &l = lane(key);
    creep(l, now);
    // One throttle can be bad luck (another app's burst); a second soon after means the share
    // left for this app is smaller than its rate. Calls of one burst answer together: the rate is
    // cut once per hold, not once per answer.
    const bool repeated = l.lastThrottleUs >= 0 && now - l.lastThrottleUs < kRepeatWindowUs;
    const bool sameBurst = l.lastDecreaseUs >= 0 && now - l.lastDecreaseUs < ms * 1000;
    if (repeated && !sameBurst) {
        l.rate = std::max(kMinimumRate, l.rate * kDecrease);
        l.lastDecreaseUs = now;
    }
    l.lastThrottleUs = now;
    const qint64 hold =
        ms + static_cast<qint64>(ms * kHoldJitter * QRandomGenerator::global()->generateDouble());
    l.nextSlotUs = std::max(l.nextSlotUs, now + hold * 1000);
    return hold;
}

void Pacer::holdOff(const QString &key, qint64 ms)
{
    Lane &l = lane(key);
    l.nextSlotUs = std::max(l.nextSlotUs, nowUs() + ms * 1000);
}

} // namespace rs::net
