#pragma once

#include "models/monitorsummary.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace rs {

class DailyBarChart;
class DailySyncModel;
class Database;
class StateCountsModel;

// The monitoring summary (the "Overview" tab): applications and bills by state, today's synced
// amount, the failure rate over 30 days, how the last fetch and sync ended, and a chart of
// bills synced per day over 30 days.
class MonitorPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorPane)

public:
    explicit MonitorPane(const Database &database, QWidget *parent = nullptr);

    const MonitorSummary &summary() const { return m_summary; }
    const DailySyncModel *dailyModel() const { return m_daily; }

    // "ok" → "completed" etc., for a run's line; empty when it never ran.
    static QString describeRun(const std::optional<JobRun> &run);

public Q_SLOTS:
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showSummary();

    const Database &m_database;
    MonitorSummary m_summary;
    StateCountsModel *m_counts = nullptr;
    DailySyncModel *m_daily = nullptr;
    QTableView *m_countsView = nullptr;
    DailyBarChart *m_chart = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_syncedToday = nullptr;
    QLabel *m_failureRate = nullptr;
    QLabel *m_lastFetch = nullptr;
    QLabel *m_lastSync = nullptr;
    QLabel *m_chartTitle = nullptr;
};

} // namespace rs
