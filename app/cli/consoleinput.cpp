#include "app/cli/consoleinput.h"

#include <cstdio>
#include <optional>
#include <string>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace rs::cli {
namespace {

// Turns terminal echo off for its lifetime, on both platforms.
class EchoOff final
{
public:
    EchoOff()
    {
#ifdef Q_OS_WIN
        m_handle = GetStdHandle(STD_INPUT_HANDLE);
        m_active = GetConsoleMode(m_handle, &m_mode)
            && SetConsoleMode(m_handle, m_mode & ~DWORD(ENABLE_ECHO_INPUT));
#else
        m_active = tcgetattr(STDIN_FILENO, &m_mode) == 0;
        if (m_active) {
            termios quiet = m_mode;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
#endif
    }
    ~EchoOff()
    {
        if (!m_active)
            return;
#ifdef Q_OS_WIN
        SetConsoleMode(m_handle, m_mode);
#else
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_mode);
#endif
    }
    Q_DISABLE_COPY_MOVE(EchoOff)

private:
#ifdef Q_OS_WIN
    HANDLE m_handle = nullptr;
    DWORD m_mode = 0;
#else
    termios m_mode {};
#endif
    bool m_active = false;
};

} // namespace

bool stdinIsInteractive()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdin)) != 0;
#else
    return isatty(STDIN_FILENO) != 0;
#endif
}

QString readSecretLine()
{
#ifdef Q_OS_WIN
    // Typed into a console, characters come as UTF-16 through ReadConsoleW; getchar() would give
    // bytes in the console's input code page (GBK on a Chinese system), not UTF-8.
    if (stdinIsInteractive()) {
        EchoOff echoOff;
        const HANDLE input = GetStdHandle(STD_INPUT_HANDLE);
        std::wstring typed;
        wchar_t ch = 0;
        DWORD count = 0;
        while (ReadConsoleW(input, &ch, 1, &count, nullptr) && count == 1 && ch != L'\n') {
            if (ch != L'\r')
                typed.push_back(ch);
        }
        return QString::fromStdWString(typed);
    }
#endif
    // A pipe or file: UTF-8, as the README asks of scripts.
    std::optional<EchoOff> echoOff;
    if (stdinIsInteractive())
        echoOff.emplace();

    std::string line;
    bool gotAny = false;
    for (int c = std::getchar(); c != EOF; c = std::getchar()) {
        gotAny = true;
        if (c == '\n')
            break;
        line.push_back(char(c));
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    if (!gotAny)
        return {};
    return QString::fromStdString(line);
}

} // namespace rs::cli
