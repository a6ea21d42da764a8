#include "app/alerts/scheduler.h"

#include <QTimer>

namespace rs::alerts {

Scheduler::Scheduler(std::function<bool()> isBusy, QObject *parent)
    : QObject(parent)
    , m_isBusy(std::move(isBusy))
    , m_fetch(new QTimer(this))
    , m_sync(new QTimer(this))
{
    connect(m_fetch, &QTimer::timeout, this, [this] { tick(true); });
    connect(m_sync, &QTimer::timeout, this, [this] { tick(false); });
}

void Scheduler::setIntervals(int fetchMinutes, int syncMinutes)
{
    setIntervalsMs(fetchMinutes * 60'000, syncMinutes * 60'000);
}

void Scheduler::setIntervalsMs(int fetchMs, int syncMs)
{
    const auto apply = [](QTimer *timer, int ms) {
        if (ms <= 0) {
            timer->stop();
        } else if (!timer->isActive() || timer->interval() != ms) {
            timer->start(ms);
        }
    };
    apply(m_fetch, fetchMs);
    apply(m_sync, syncMs);
}

int Scheduler::fetchIntervalMs() const
{
    return m_fetch->isActive() ? m_fetch->interval() : 0;
}

int Scheduler::syncIntervalMs() const
{
    return m_sync->isActive() ? m_sync->interval() : 0;
}

void Scheduler::tick(bool fetch)
{
    if (m_isBusy && m_isBusy()) {
        Q_EMIT tickSkipped();
        return;
    }
    if (fetch)
        Q_EMIT fetchDue();
    else
        Q_EMIT syncDue();
}

} // namespace rs::alerts
