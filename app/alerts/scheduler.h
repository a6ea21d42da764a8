#pragma once

#include <QObject>

#include <functional>

class QTimer;

namespace rs::alerts {

// Scheduled runs while the console is open: asks for a fetch every N minutes and a sync of the
// pending bills every M minutes. A tick that finds a job running is skipped, not queued: the
// next tick comes soon enough and two runs never overlap.
class Scheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Scheduler)

public:
    explicit Scheduler(std::function<bool()> isBusy, QObject *parent = nullptr);

    // 0 turns the run off.
    void setIntervals(int fetchMinutes, int syncMinutes);
    // The same in milliseconds (tests).
    void setIntervalsMs(int fetchMs, int syncMs);
    int fetchIntervalMs() const;
    int syncIntervalMs() const;

Q_SIGNALS:
    void fetchDue();
    void syncDue();
    void tickSkipped(); // a job was running

private:
    void tick(bool fetch);

    std::function<bool()> m_isBusy;
    QTimer *m_fetch = nullptr;
    QTimer *m_sync = nullptr;
};

} // namespace rs::alerts
