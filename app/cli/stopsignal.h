#pragma once

#include <QObject>

class QTimer;

namespace rs::cli {

// Turns SIGINT and SIGTERM (on Windows: Ctrl+C, Ctrl+Break, closing the console window, log-off
// and shutdown) into a Qt signal on the main thread, so a long-running command ends cleanly.
// The handler only sets a flag; a timer on the event loop notices it.
class StopSignal final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StopSignal)

public:
    explicit StopSignal(QObject *parent = nullptr);
    ~StopSignal() override;

Q_SIGNALS:
    void requested();

private:
    QTimer *m_poll;
};

} // namespace rs::cli
