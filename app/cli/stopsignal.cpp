#include "app/cli/stopsignal.h"

#include <QTimer>

#include <atomic>
#include <csignal>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace rs::cli {
namespace {

std::atomic<bool> g_stopRequested {false};

extern "C" void onStopSignal(int)
{
    g_stopRequested.store(true);
}

#ifdef Q_OS_WIN
BOOL WINAPI onConsoleControl(DWORD)
{
    // Every console event (Ctrl+C, Ctrl+Break, close, log-off, shutdown) asks for a clean end.
    g_stopRequested.store(true);
    return TRUE;
}
#endif

} // namespace

StopSignal::StopSignal(QObject *parent)
    : QObject(parent)
    , m_poll(new QTimer(this))
{
    g_stopRequested.store(false);
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(onConsoleControl, TRUE);
#endif
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (g_stopRequested.exchange(false))
            Q_EMIT requested();
    });
    m_poll->start(100);
}

StopSignal::~StopSignal()
{
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(onConsoleControl, FALSE);
#endif
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

} // namespace rs::cli
