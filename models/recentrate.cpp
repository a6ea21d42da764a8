#include "models/recentrate.h"

namespace rs {

void RecentRate::restart(qint64 nowMs)
{
    m_samples = {{nowMs, 0}};
}

void RecentRate::record(int done, qint64 nowMs)
{
    if (m_samples.isEmpty()) {
        m_samples.append({nowMs, done});
        return;
    }
    if (done == m_samples.constLast().done)
        return; // only completions move the rate; the clock is read when asked
    m_samples.append({nowMs, done});
    // Keep one sample at or before the window's start as its anchor.
    while (m_samples.size() > 2 && m_samples.at(1).atMs <= nowMs - WindowMs)
        m_samples.removeFirst();
}

std::optional<double> RecentRate::perSecond(qint64 nowMs) const
{
    if (m_samples.isEmpty())
        return std::nullopt;
    // The anchor: the newest sample at or before the window's start, else the oldest.
    qsizetype anchor = 0;
    while (anchor + 1 < m_samples.size() && m_samples.at(anchor + 1).atMs <= nowMs - WindowMs)
        ++anchor;
    const Sample &from = m_samples.at(anchor);
    const qint64 spanMs = nowMs - from.atMs;
    if (nowMs - m_samples.constFirst().atMs < SettleMs || spanMs <= 0)
        return std::nullopt;
    return (m_samples.constLast().done - from.done) * 1000.0 / double(spanMs);
}

std::optional<qint64> RecentRate::secondsLeft(int total, qint64 nowMs) const
{
    const std::optional<double> rate = perSecond(nowMs);
    if (!rate || *rate <= 0.0 || m_samples.isEmpty())
        return std::nullopt;
    const int left = std::max(total - m_samples.constLast().done, 0);
    return qint64(left / *rate + 0.5);
}

} // namespace rs
