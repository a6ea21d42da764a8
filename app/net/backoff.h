#pragma once

#include <QtGlobal>

namespace rs::net {

// Exponential backoff with full jitter and a cap, shared by both connectors: attempt 1 waits
// about `baseMs`, each further attempt doubles it, never beyond `capMs`. Jitter keeps several
// clients (or several in-flight calls) from retrying in lockstep.
struct Backoff
{
    qint64 baseMs = 1000;
    qint64 capMs = 30'000;
    double jitter = 0.2; // ± this fraction of the delay

    qint64 delayMs(int attempt) const;
};

} // namespace rs::net
