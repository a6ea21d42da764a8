#pragma once

#include <QCoreApplication>
#include <QString>

namespace rs::sync {

// When the Stream intake lists DingTalk to catch up (docs/DECISIONS.md, "Sweeps and the
// budget"): at the start of a run always; after a reconnect only when the gap was longer than
// DingTalk's redelivery covers; once a day for safety; and further apart, then not at all, as
// the month's calls run short. Events are fetched whatever this says: each is one needed call.
class SweepPolicy final
{
    Q_DECLARE_TR_FUNCTIONS(rs::sync::SweepPolicy)

public:
    enum class Reason { Start, Reconnect, Daily };
    enum class Decision { Run, SkipShortGap, SkipSpaced, SkipBudget };

    // The month's DingTalk calls: used so far, the allowance, and the month's end at this pace.
    struct Outlook
    {
        qint64 used = 0;
        qint64 allowed = 0; // 0: no allowance known, no budget rule
        qint64 projected = 0;
    };

    // A reconnect sooner than this after the loss is covered by DingTalk's redelivery of what it
    // could not deliver: DingTalk itself gives a client 10 s to move to a new connection after a
    // disconnect frame, and the first reconnect attempt comes after 1 s (±30 %).
    static constexpr qint64 kShortGapMs = 10'000;
    // While the month's calls will not last at this pace, sweeps are at least this far apart.
    static constexpr qint64 kSpacedMs = 48LL * 3600 * 1000;
    // From this share of the allowance used (the second alert's level), no sweep but the run's
    // first: what is left is for the events' own calls.
    static constexpr int kReservePercent = 95;

    struct Situation
    {
        Reason reason = Reason::Start;
        qint64 gapMs = -1; // how long no connection was open (Reconnect only)
        qint64 shortGapMs = kShortGapMs;
        qint64 sinceLastSweepMs = -1; // since the last sweep of this run began; -1: none yet
        Outlook outlook;
    };

    static Decision decide(const Situation &situation);
    // Why a sweep was skipped, for the event log; empty for Run.
    static QString explain(Decision decision, const Outlook &outlook);
};

} // namespace rs::sync
