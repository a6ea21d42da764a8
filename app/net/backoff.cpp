#include "app/net/backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace rs::net {

qint64 Backoff::delayMs(int attempt) const
{
    const int doublings = std::clamp(attempt - 1, 0, 30);
    const qint64 plain = std::min(capMs, baseMs << doublings);
    const double spread = plain * jitter;
    const double offset = (QRandomGenerator::global()->generateDouble() * 2 - 1) * spread;
    return std::clamp<qint64>(plain + static_cast<qint64>(offset), 0, capMs);
}

} // namespace rs::net
