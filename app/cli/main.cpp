#include "app/cli/cliapp.h"
#include "app/i18n/translations.h"
#include "app/settings/profile.h"

#include <QCoreApplication>

#ifdef Q_OS_WIN
#include <windows.h>

namespace {
// Chinese text reads correctly in cmd.exe and PowerShell only with a UTF-8 console; the console
// gets its own code page back when the program ends.
class Utf8Console final
{
public:
    Utf8Console()
        : m_previous(GetConsoleOutputCP())
    {
        SetConsoleOutputCP(CP_UTF8);
    }
    ~Utf8Console() { SetConsoleOutputCP(m_previous); }
    Utf8Console(const Utf8Console &) = delete;
    Utf8Console &operator=(const Utf8Console &) = delete;

private:
    UINT m_previous;
};
} // namespace
#endif

int main(int argc, char *argv[])
{
#ifdef Q_OS_WIN
    const Utf8Console utf8Console;
#endif
    QCoreApplication app(argc, argv);
    rs::setApplicationIdentity();
    rs::Translations translations;
    translations.apply(rs::LanguageChoice::System);
    return rs::cli::CliApp::run(QCoreApplication::arguments());
}
