#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace rs::net {

// Spaces calls to one API evenly at `callsPerSecond`: each call gets the next free slot, so no
// one-second window ever holds more than callsPerSecond + 1 calls, however many are in flight.
// A bucket with a burst would let a window hold burst + rate calls and cross a hard limit like
// DingTalk's 20/s. Shared by both connectors; one key per API.
class Pacer final
{
public:
    explicit Pacer(double callsPerSecond);

    // Reserves the next slot for `key` and returns how long to wait before using it.
    qint64 reserveDelayMs(const QString &key);
    // After a throttled answer: no slot for `key` before `ms` from now.
    void holdOff(const QString &key, qint64 ms);
    double callsPerSecond() const { return m_callsPerSecond; }

private:
    qint64 nowUs() const;

    double m_callsPerSecond;
    qint64 m_intervalUs;
    QElapsedTimer m_clock;
    QHash<QString, qint64> m_nextSlotUs;
};

} // namespace rs::net
