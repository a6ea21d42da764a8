#include "app/gui/startup.h"

#include <QCommandLineParser>

namespace rs {

GuiStartup GuiStartup::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     tr("Folder with settings.ini, the database and schemes."),
                                     QStringLiteral("DIR"));
    // For documentation and visual checks: what the screen shows, taken from the display server.
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        tr("Save a screenshot to FILE once the window is shown, "
                                           "then quit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption open(QStringLiteral("open"),
                                  tr("With --screenshot: open the window NAME first "
                                     "(credentials, alerts, reconcile, scheme-editor)."),
                                  QStringLiteral("NAME"));
    parser.addOptions({profile, screenshot, open});
    GuiStartup startup;
    if (!parser.parse(arguments))
        startup.error = parser.errorText();
    startup.profileDir = parser.value(profile);
    startup.screenshotPath = parser.value(screenshot);
    startup.openWindow = parser.value(open);
    return startup;
}

} // namespace rs
