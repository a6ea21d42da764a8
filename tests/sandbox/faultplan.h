#pragma once

#include <QRandomGenerator>

namespace rs::sandbox {

// The faults the sandbox injects, each off by default and set by a command-line flag.
struct FaultOptions
{
    int latencyMs = 0; // added to every answer
    int jitterMs = 0; // plus 0…jitter, uniformly
    double http500Rate = 0; // HTTP 500 with an HTML body, before any work is done
    double dropAfterCommitRate = 0; // Kingdee saves: commit, then cut the connection
    double stallRate = 0; // never answer
    double malformedRate = 0; // a truncated JSON body with status 200
    int sessionExpiryEvery = 0; // Kingdee: every K-th call with a session finds it expired
};

// Decides, per call, which fault happens; seeded, so a run with the same flags repeats itself.
class FaultPlan final
{
public:
    FaultPlan(FaultOptions options, quint32 seed);

    int nextLatencyMs();
    bool nextHttp500() { return roll(m_options.http500Rate); }
    bool nextDropAfterCommit() { return roll(m_options.dropAfterCommitRate); }
    bool nextStall() { return roll(m_options.stallRate); }
    bool nextMalformed() { return roll(m_options.malformedRate); }

    const FaultOptions &options() const { return m_options; }
    void setOptions(const FaultOptions &options) { m_options = options; }

private:
    bool roll(double rate);

    FaultOptions m_options;
    QRandomGenerator m_random;
};

} // namespace rs::sandbox
