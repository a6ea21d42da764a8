#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>

namespace rs::alerts {

// One of the month's DingTalk allowances (API calls, Stream pushes) at the pace it is being
// used: what it will reach by the month's end and the day it runs out, if it does. The month
// is DingTalk's, a Beijing calendar month.
struct Forecast
{
    qint64 used = 0;
    qint64 allowed = 0;
    qint64 projected = 0; // used + the same pace until the month's end
    QDate runsOutOn; // Beijing day; invalid when the allowance lasts the month

    bool fits() const { return projected <= allowed; }
    int percentUsed() const { return allowed > 0 ? int(used * 100 / allowed) : 0; }
};

class Budget final
{
    Q_DECLARE_TR_FUNCTIONS(rs::alerts::Budget)

public:
    // Linear pace since the month began (at least one hour of it, so a first call at 00:05 does
    // not project a flood).
    static Forecast forecast(qint64 used, qint64 allowed, const QDateTime &nowUtc);
    // "At this pace the calls last until the 14th." or "… last the month (about N of M)."
    static QString callsText(const Forecast &forecast);
    static QString pushesText(const Forecast &forecast);

    // A scheduled fetch every `fetchMinutes` costing `callsPerRun` each, on top of what is used:
    // empty when the month's calls suffice, else why not, with the numbers.
    static QString scheduleRefusal(int fetchMinutes, double callsPerRun, qint64 used,
                                   qint64 allowed, const QDateTime &nowUtc);

    // What one fetch with nothing new costs (docs/BENCHMARKS.md): on v1.0 a page per 20 open
    // instances plus one of recent ended ones; on topapi every page since the oldest open one
    // (at most `stored` / 20) plus every open one again.
    static double callsPerFetch(bool v1, qint64 open, qint64 stored);

    // How many of `due` detail re-reads (RevokeReread) fit now: the month's forecast with them
    // stays at or below 80 % of `allowed` (the first alert), so the re-read never brings one.
    static int rereadAllowance(int due, qint64 used, qint64 allowed, const QDateTime &nowUtc);

    static QDateTime beijingMonthStartUtc(const QDateTime &nowUtc);
    static QDateTime beijingMonthEndUtc(const QDateTime &nowUtc); // the next month's start
};

} // namespace rs::alerts
