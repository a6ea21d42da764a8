#include "ui/alerts/traynotifier.h"

#include "app/alerts/alert.h"

#include <QApplication>
#include <QStyle>
#include <QSystemTrayIcon>

namespace rs {

TrayNotifier::TrayNotifier(QObject *parent)
    : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_icon = new QSystemTrayIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning),
                                 this);
    m_icon->setToolTip(tr("RebateSync"));
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::activated);
    connect(m_icon, &QSystemTrayIcon::activated, this, &TrayNotifier::activated);
    m_icon->show();
}

void TrayNotifier::notify(const alerts::Alert &alert)
{
    if (!m_icon)
        return;
    m_icon->showMessage(alert.title, alert.text, QSystemTrayIcon::Warning, 15'000);
}

} // namespace rs
