#pragma once

#include <QObject>

class QSystemTrayIcon;

namespace rs {

namespace alerts {
struct Alert;
}

// Alerts as tray balloons. A desktop without a tray (or the offscreen platform) has no icon:
// notify() then does nothing, and the alert still reaches the robot and the status bar.
class TrayNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)

public:
    explicit TrayNotifier(QObject *parent = nullptr);

    bool isAvailable() const { return m_icon != nullptr; }
    void notify(const alerts::Alert &alert);

Q_SIGNALS:
    void activated(); // the clerk clicked the icon or a balloon

private:
    QSystemTrayIcon *m_icon = nullptr;
};

} // namespace rs
