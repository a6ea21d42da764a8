#include "ui/screenshottargets.h"

#include "ui/mainwindow.h"
#include "ui/reconcile/reconcilepane.h"

namespace rs {

QWidget *openForScreenshot(MainWindow &window, const QString &name)
{
    if (name == QLatin1String("reconcile")) {
        // The tab with last month's reconciliation, run as the clerk's click would.
        window.showReconcile();
        window.reconcilePane()->run();
        return &window;
    }
    return nullptr;
}

} // namespace rs
