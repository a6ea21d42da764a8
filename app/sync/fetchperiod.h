#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace rs::sync {

struct ListWindow
{
    qint64 startMs = 0;
    qint64 endMs = 0;
};

// Which submission times a fetch lists, in DingTalk's limits: windows of at most 120 days, none
// starting more than 365 days ago. Dates are Beijing calendar days, DingTalk's own clock.
class FetchPeriod final
{
public:
    static constexpr int kMaxWindowDays = 120;
    static constexpr int kMaxAgeDays = 365;

    qint64 fromMs = 0;
    qint64 toMs = 0;

    // The period the clerk asked for, or why DingTalk cannot serve it (the message names the
    // limit). `to` defaults to now; without `from` the automatic start applies.
    static std::optional<FetchPeriod> requested(const QDate &from, const QDate &to, qint64 nowMs,
                                                qint64 automaticFromMs, QString *error);
    // Where a fetch without --from starts: the earliest instance still in approval, or the end of
    // the last complete fetch minus `overlapDays` (late approvals are caught), whichever is
    // earlier; `firstFetchDays` back on a first fetch. Never beyond the 365-day limit.
    static qint64 automaticFrom(std::optional<qint64> earliestNotFinalMs,
                                std::optional<qint64> lastCompleteToMs, qint64 nowMs,
                                int overlapDays = 7, int firstFetchDays = 90);

    QList<ListWindow> windows() const;

    static qint64 beijingDayStartMs(const QDate &day);
    static qint64 beijingDayEndMs(const QDate &day);
    static std::optional<qint64> beijingTimeToMs(const QString &text); // "yyyy-MM-dd HH:mm:ss"
    static QString beijingDate(qint64 ms);
};

} // namespace rs::sync
