#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace rs::cli {

struct Context;

// `watch [--seconds N]`: the Stream intake, headless. Sweeps at start and after every reconnect,
// stores each ended instance of the configured process, prints `ID<TAB>approval` per stored
// instance as it is stored, until SIGINT/SIGTERM or N seconds.
class WatchCommand final
{
    Q_DECLARE_TR_FUNCTIONS(rs::cli::WatchCommand)

public:
    static int run(const Context &context, const QStringList &arguments);
};

} // namespace rs::cli
