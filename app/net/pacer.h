#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace rs::net {

// Spaces calls to one API evenly: each call gets the next free slot, so no one-second window ever
// holds more than rate + 1 calls, however many are in flight. A bucket with a burst would let a
// window hold burst + rate calls and cross a hard limit like DingTalk's 20/s. Shared by both
// connectors; one key per API.
//
// The rate adapts: DingTalk's limit is shared by every app of the company, so the configured rate
// may be more than is left. Repeated throttles cut the key's rate (multiplicative decrease), and
// it creeps back towards the configured one while none come (additive increase), as TCP does.
class Pacer final
{
public:
    explicit Pacer(double callsPerSecond);

    // Reserves the next slot for `key` and returns how long to wait before using it.
    qint64 reserveDelayMs(const QString &key);
    // After a throttled answer: no slot for `key` before about `ms` from now (plus up to 25 %
    // jitter, so calls held together do not all return in the same instant); a throttle that
    // repeats within a few seconds also slows `key` down. Returns the hold it chose.
    qint64 throttled(const QString &key, qint64 ms);
    // No slot for `key` before `ms` from now; the rate stays as it is.
    void holdOff(const QString &key, qint64 ms);

    double callsPerSecond() const { return m_callsPerSecond; }
    // The rate `key` is paced at now: the configured one unless throttles slowed it down.
    double currentRate(const QString &key);

private:
    struct Lane
    {
        qint64 nextSlotUs = 0;
        double rate = 0;
        qint64 rateAtUs = 0; // when `rate` was last brought up to date
        qint64 lastThrottleUs = -1;
        qint64 lastDecreaseUs = -1;
    };

    Lane &lane(const QString &key);
    void creep(Lane &lane, qint64 nowUs) const;
    qint64 nowUs() const;

    double m_callsPerSecond;
    QElapsedTimer m_clock;
    QHash<QString, Lane> m_lanes;
};

} // namespace rs::net
