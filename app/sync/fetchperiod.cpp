#include "app/sync/fetchperiod.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace rs::sync {
namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000;
// DingTalk checks the 365-day rule against its own clock: keep an hour clear of the edge.
constexpr qint64 kAgeMarginMs = 3600 * 1000;

const QTimeZone &beijing()
{
    static const QTimeZone zone(8 * 3600);
    return zone;
}

qint64 oldestAllowedMs(qint64 nowMs)
{
    return nowMs - FetchPeriod::kMaxAgeDays * kDayMs + kAgeMarginMs;
}

} // namespace

qint64 FetchPeriod::beijingDayStartMs(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), beijing()).toMSecsSinceEpoch();
}

qint64 FetchPeriod::beijingDayEndMs(const QDate &day)
{
    return beijingDayStartMs(day.addDays(1)) - 1;
}

std::optional<qint64> FetchPeriod::beijingTimeToMs(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!t.isValid())
        return std::nullopt;
    t.setTimeZone(beijing());
    return t.toMSecsSinceEpoch();
}

QString FetchPeriod::beijingDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, beijing()).date().toString(Qt::ISODate);
}

qint64 FetchPeriod::automaticFrom(std::optional<qint64> earliestNotFinalMs,
                                  std::optional<qint64> lastCompleteToMs, qint64 nowMs,
                                  int overlapDays, int firstFetchDays)
{
    qint64 from = lastCompleteToMs ? *lastCompleteToMs - overlapDays * kDayMs
                                   : nowMs - firstFetchDays * kDayMs;
    if (earliestNotFinalMs)
        from = std::min(from, *earliestNotFinalMs);
    // Older instances still in approval are re-fetched by id; only listing has the limit.
    return std::max(from, oldestAllowedMs(nowMs));
}

std::optional<FetchPeriod> FetchPeriod::requested(const QDate &from, const QDate &to, qint64 nowMs,
                                                  qint64 automaticFromMs, QString *error)
{
    FetchPeriod p;
    p.fromMs = from.isValid() ? beijingDayStartMs(from) : automaticFromMs;
    p.toMs = to.isValid() ? std::min(beijingDayEndMs(to), nowMs) : nowMs;
    if (from.isValid() && p.fromMs < oldestAllowedMs(nowMs)) {
        *error = QCoreApplication::translate(
                     "rs::Fetch",
                     "DingTalk lists only instances submitted in the last %1 days: --from must"
                     " be %2 or later.")
                     .arg(kMaxAgeDays)
                     .arg(beijingDate(oldestAllowedMs(nowMs) + kDayMs - 1));
        return std::nullopt;
    }
    if (p.toMs < p.fromMs) {
        *error =
            QCoreApplication::translate("rs::Fetch", "The period ends (%1) before it starts (%2).")
                .arg(beijingDate(p.toMs), beijingDate(p.fromMs));
        return std::nullopt;
    }
    return p;
}

QList<ListWindow> FetchPeriod::windows() const
{
    QList<ListWindow> result;
    for (qint64 start = fromMs; start <= toMs;) {
        const qint64 end = std::min(toMs, start + kMaxWindowDays * kDayMs - 1);
        result.append({start, end});
        start = end + 1;
    }
    return result;
}

} // namespace rs::sync
