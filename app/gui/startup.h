#pragma once

#include <QCoreApplication>
#include <QString>

namespace rs {

// Reads the console's own command line: `rebatesync [--profile DIR]`.
class GuiStartup final
{
    Q_DECLARE_TR_FUNCTIONS(rs::GuiStartup)

public:
    // Empty means the default profile; `error` is set for an unknown option.
    static QString profileDir(const QStringList &arguments, QString *error);
};

} // namespace rs
