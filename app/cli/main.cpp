#include "app/cli/cliapp.h"
#include "app/i18n/translations.h"
#include "app/settings/profile.h"

#include <QCoreApplication>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

int main(int argc, char *argv[])
{
#ifdef Q_OS_WIN
    // Chinese text reads correctly in cmd.exe and PowerShell only with a UTF-8 console.
    SetConsoleOutputCP(CP_UTF8);
#endif
    QCoreApplication app(argc, argv);
    rs::setApplicationIdentity();
    rs::Translations translations;
    translations.apply(rs::LanguageChoice::System);
    return rs::cli::CliApp::run(QCoreApplication::arguments());
}
