#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace rs::cli {

// Parses the global options of `rebatesync-cli [--profile DIR] COMMAND …` and runs the command.
class CliApp final
{
    Q_DECLARE_TR_FUNCTIONS(rs::cli::CliApp)

public:
    static int run(const QStringList &arguments);

private:
    static QString helpText();
};

} // namespace rs::cli
