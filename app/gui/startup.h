#pragma once

#include <QCoreApplication>
#include <QString>

namespace rs {

// The console's own command line: `rebatesync [--profile DIR] [--screenshot FILE [--open NAME]]`.
struct GuiStartup
{
    Q_DECLARE_TR_FUNCTIONS(rs::GuiStartup)

public:
    QString profileDir; // empty: the default profile
    QString screenshotPath; // set: save a picture of the screen once the window shows, then quit
    QString openName; // with the screenshot: the window or dialog to open and picture instead
    QString error; // an unknown option

    static GuiStartup parse(const QStringList &arguments);
};

} // namespace rs
