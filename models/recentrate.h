#pragma once

#include <QList>
#include <QtGlobal>

#include <optional>

namespace rs {

// Items per second over the last WindowMs of a run, and the time left at that pace. A run that
// slows down (Kingdee busy, a retry's backoff) shows the longer time it now needs, not the
// average since the start. Pure arithmetic: the caller passes the clock's milliseconds.
class RecentRate final
{
public:
    static constexpr qint64 WindowMs = 20'000;
    // Less than this since the first sample: too early to say.
    static constexpr qint64 SettleMs = 2'000;

    void restart(qint64 nowMs);
    // `done` items are finished at `nowMs` (never fewer than before).
    void record(int done, qint64 nowMs);
    // Nothing until SettleMs have passed; 0 when nothing finished for a whole window.
    std::optional<double> perSecond(qint64 nowMs) const;
    // Whole seconds, rounded; nothing while the rate is unknown or 0.
    std::optional<qint64> secondsLeft(int total, qint64 nowMs) const;

private:
    struct Sample
    {
        qint64 atMs = 0;
        int done = 0;
    };
    // Oldest first; the first one is at or before the window's start, so the window is covered.
    QList<Sample> m_samples;
};

} // namespace rs
