#include "ui/screenshottargets.h"

#include "ui/alerts/alertcenter.h"
#include "ui/alerts/alertsdialog.h"
#include "ui/credentials/credentialdialog.h"
#include "ui/mainwindow.h"

namespace rs {

QWidget *openForScreenshot(MainWindow &window, const QString &name)
{
    // Shown, not exec()'d: the picture is taken from the running event loop, then the program
    // quits, so nothing the dialog would save on OK is ever saved.
    QWidget *opened = nullptr;
    if (name == QLatin1String("credentials"))
        opened = new CredentialDialog(window.settings(), window.secrets(), &window);
    if (name == QLatin1String("alerts"))
        opened = window.alertCenter()->createDialog(&window);
    if (opened)
        opened->show();
    return opened;
}

QStringList screenshotTargets()
{
    return {
        QStringLiteral("credentials"),
        QStringLiteral("alerts"),
    };
}

} // namespace rs
