#include "faultplan.h"

namespace rs::sandbox {

FaultPlan::FaultPlan(FaultOptions options, quint32 seed)
    : m_options(options)
    , m_random(seed ^ 0x5eedfa17u)
{ }

int FaultPlan::nextLatencyMs()
{
    const int jitter = m_options.jitterMs > 0 ? int(m_random.bounded(m_options.jitterMs + 1)) : 0;
    return m_options.latencyMs + jitter;
}

bool FaultPlan::roll(double rate)
{
    if (rate <= 0)
        return false;
    return m_random.generateDouble() < rate;
}

} // namespace rs::sandbox
