#include "app/alerts/budget.h"

#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace rs::alerts {
namespace {

constexpr qint64 kBeijingOffsetS = 8 * 3600;
constexpr qint64 kHourMs = 3600 * 1000;

QString dayOfMonth(const QDate &day)
{
    return QLocale().toString(day, QLocale::ShortFormat);
}

} // namespace

QDateTime Budget::beijingMonthStartUtc(const QDateTime &nowUtc)
{
    const QDate beijing = nowUtc.toUTC().addSecs(kBeijingOffsetS).date();
    return QDateTime(QDate(beijing.year(), beijing.month(), 1), QTime(0, 0), QTimeZone::utc())
        .addSecs(-kBeijingOffsetS);
}

QDateTime Budget::beijingMonthEndUtc(const QDateTime &nowUtc)
{
    const QDate beijing = nowUtc.toUTC().addSecs(kBeijingOffsetS).date();
    const QDate next = QDate(beijing.year(), beijing.month(), 1).addMonths(1);
    return QDateTime(next, QTime(0, 0), QTimeZone::utc()).addSecs(-kBeijingOffsetS);
}

Forecast Budget::forecast(qint64 used, qint64 allowed, const QDateTime &nowUtc)
{
    Forecast f;
    f.used = used;
    f.allowed = allowed;
    const QDateTime start = beijingMonthStartUtc(nowUtc);
    const QDateTime end = beijingMonthEndUtc(nowUtc);
    const qint64 elapsedMs = std::max(kHourMs, start.msecsTo(nowUtc));
    const qint64 leftMs = std::max<qint64>(0, nowUtc.msecsTo(end));
    const double perMs = double(used) / double(elapsedMs);
    f.projected = used + qint64(std::llround(perMs * double(leftMs)));
    if (used >= allowed) {
        f.runsOutOn = nowUtc.addSecs(kBeijingOffsetS).date();
    } else if (f.projected > allowed && perMs > 0) {
        const qint64 atMs = qint64(double(allowed) / perMs);
        f.runsOutOn = start.addMSecs(atMs).addSecs(kBeijingOffsetS).date();
    }
    return f;
}

int Budget::rereadAllowance(int due, qint64 used, qint64 allowed, const QDateTime &nowUtc)
{
    const qint64 room = allowed * 80 / 100 - forecast(used, allowed, nowUtc).projected;
    return int(std::clamp<qint64>(room, 0, due));
}

QString Budget::callsText(const Forecast &f)
{
    if (f.runsOutOn.isValid())
        return tr("At this pace the month's %1 DingTalk calls last until %2.")
            .arg(QLocale().toString(f.allowed), dayOfMonth(f.runsOutOn));
    return tr("At this pace the DingTalk calls last the month (about %1 of %2 by its end).")
        .arg(QLocale().toString(f.projected), QLocale().toString(f.allowed));
}

QString Budget::pushesText(const Forecast &f)
{
    if (f.runsOutOn.isValid())
        return tr("At this pace the month's %1 Stream pushes last until %2.")
            .arg(QLocale().toString(f.allowed), dayOfMonth(f.runsOutOn));
    return tr("At this pace the Stream pushes last the month (about %1 of %2 by its end).")
        .arg(QLocale().toString(f.projected), QLocale().toString(f.allowed));
}

double Budget::callsPerFetch(bool v1, qint64 open, qint64 stored)
{
    const auto pages = [](qint64 n) {
        return std::max<qint64>(1, (n + 19) / 20);
    };
    return v1 ? double(pages(open) + 1) : double(open + pages(stored));
}

QString Budget::scheduleRefusal(int fetchMinutes, double callsPerRun, qint64 used, qint64 allowed,
                                const QDateTime &nowUtc)
{
    if (fetchMinutes <= 0)
        return {};
    const qint64 leftMs = std::max<qint64>(0, nowUtc.msecsTo(beijingMonthEndUtc(nowUtc)));
    const qint64 runs = leftMs / (qint64(fetchMinutes) * 60 * 1000);
    const qint64 total = used + qint64(std::ceil(double(runs) * callsPerRun));
    if (total <= allowed)
        return {};
    return tr("A fetch every %1 minutes does not fit this month's DingTalk calls: %2 more runs at"
              " about %3 calls each make %4 with the %5 used so far, over the %6 allowed. Choose"
              " a longer interval, or Stream intake.")
        .arg(fetchMinutes)
        .arg(QLocale().toString(runs), QLocale().toString(callsPerRun, 'f', 1),
             QLocale().toString(total), QLocale().toString(used), QLocale().toString(allowed));
}

} // namespace rs::alerts
