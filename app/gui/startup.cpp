#include "app/gui/startup.h"

#include <QCommandLineParser>

namespace rs {

QString GuiStartup::profileDir(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     tr("Folder with settings.ini, the database and schemes."),
                                     QStringLiteral("DIR"));
    parser.addOption(profile);
    if (!parser.parse(arguments))
        *error = parser.errorText();
    return parser.value(profile);
}

} // namespace rs
