#include "app/sync/sweeppolicy.h"

#include <QLocale>

namespace rs::sync {

SweepPolicy::Decision SweepPolicy::decide(const Situation &situation)
{
    const Outlook &outlook = situation.outlook;
    // The run's first sweep anchors what later ones (and events) may skip: it always runs.
    if (situation.reason == Reason::Start || situation.sinceLastSweepMs < 0)
        return Decision::Run;
    if (situation.reason == Reason::Reconnect && situation.gapMs >= 0
        && situation.gapMs < situation.shortGapMs)
        return Decision::SkipShortGap;
    if (outlook.allowed <= 0)
        return Decision::Run;
    if (outlook.used * 100 >= outlook.allowed * kReservePercent)
        return Decision::SkipBudget;
    if (outlook.projected > outlook.allowed && situation.sinceLastSweepMs < kSpacedMs)
        return Decision::SkipSpaced;
    return Decision::Run;
}

QString SweepPolicy::explain(Decision decision, const Outlook &outlook)
{
    const QLocale locale;
    switch (decision) {
    case Decision::Run:
        return {};
    case Decision::SkipShortGap:
        return tr("Reconnected after a short gap: DingTalk delivers again what it could not "
                  "deliver, no sweep.");
    case Decision::SkipSpaced:
        return tr("Sweep put off: at this pace the month's DingTalk calls will not last (about "
                  "%1 of %2), so sweeps are two days apart.")
            .arg(locale.toString(outlook.projected), locale.toString(outlook.allowed));
    case Decision::SkipBudget:
        return tr("Sweep skipped: %1 of the month's %2 DingTalk calls are used; what is left is "
                  "kept for the events.")
            .arg(locale.toString(outlook.used), locale.toString(outlook.allowed));
    }
    return {};
}

} // namespace rs::sync
