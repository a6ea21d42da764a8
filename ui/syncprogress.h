#pragma once

#include "app/sync/syncphase.h"
#include "models/recentrate.h"

#include <QElapsedTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;
class QTimer;
class QToolButton;

namespace rs {

// The running job in the status bar: what it does now, done / total of one thing (bills for a
// sync), the recent rate and the time left at that pace, and a button to stop it after the calls
// already on the wire. The bar keeps its width whatever the texts say.
class SyncProgress final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncProgress)

public:
    // What the bar counts.
    enum class Counting { Bills, Applications };

    explicit SyncProgress(QWidget *parent = nullptr);

    void start(const QString &what, Counting counting = Counting::Bills);
    void setProgress(int done, int total);
    // "正在发送…": the phase replaces what start() said.
    void setPhase(sync::SyncPhase phase);
    void stop();

    static QString phaseText(sync::SyncPhase phase);
    // "12.5/s · about 1 min 20 s left"; empty while the rate is unknown.
    static QString rateText(std::optional<double> perSecond, std::optional<qint64> secondsLeft);

Q_SIGNALS:
    void cancelRequested();
    // The text beside the bar changed (a phase, stopping): what the clerk reads there now.
    void whatChanged(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void setWhat(const QString &text);
    void showRate();

    QLabel *m_what = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_rate = nullptr;
    QToolButton *m_cancel = nullptr;
    QTimer *m_tick = nullptr; // the rate decays while nothing finishes
    QElapsedTimer m_clock;
    RecentRate m_recent;
    Counting m_counting = Counting::Bills;
    std::optional<sync::SyncPhase> m_phase;
    int m_done = 0;
    int m_total = 0;
};

} // namespace rs
