#include "ui/screenshottargets.h"

#include "ui/mainwindow.h"
#include "ui/schemeeditor/schemeeditorwindow.h"

#include <QStringList>

namespace rs {

QWidget *openForScreenshot(MainWindow &window, const QString &name)
{
    // The editor opens on the active scheme and the first stored application.
    if (name == QLatin1String("scheme-editor"))
        return window.openSchemeEditor();
    return nullptr;
}

QStringList screenshotTargetNames()
{
    return {QStringLiteral("scheme-editor")};
}

} // namespace rs
