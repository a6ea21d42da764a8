#pragma once

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace rs {

// The running job in the status bar: what it does, done / total, the rate and the time left,
// and a button to stop it after the calls already on the wire.
class SyncProgress final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncProgress)

public:
    explicit SyncProgress(QWidget *parent = nullptr);

    void start(const QString &what);
    void setProgress(int done, int total);
    void stop();

    // "12.5/s · about 1 min 20 s left"; empty until the rate means something.
    static QString rateText(int done, int total, qint64 elapsedMs);

Q_SIGNALS:
    void cancelRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_what = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_rate = nullptr;
    QToolButton *m_cancel = nullptr;
    QElapsedTimer m_clock;
};

} // namespace rs
