#include "ui/screenshottargets.h"

#include "models/schemeeditsession.h"
#include "ui/mainwindow.h"
#include "ui/reconcile/reconcilepane.h"
#include "ui/schemeeditor/schemeeditorwindow.h"

namespace rs {

QWidget *openForScreenshot(MainWindow &window, const QString &name)
{
    // The editor opens on the active scheme and the first stored application.
    if (name == QLatin1String("scheme-editor")) {
        SchemeEditorWindow *editor = window.openSchemeEditor();
        // On the rule a reader most wants to see: the amount's expression.
        editor->selectField(
            editor->session().document().fieldOfIssue(QStringLiteral("FEntity.FNOTAXAMOUNTFOR")));
        return editor;
    }
    if (name == QLatin1String("reconcile")) {
        // The tab with last month's reconciliation, run as the clerk's click would.
        window.showReconcile();
        window.reconcilePane()->run();
        return &window;
    }
    return nullptr;
}

QStringList screenshotTargetNames()
{
    return {QStringLiteral("scheme-editor"), QStringLiteral("reconcile")};
}

} // namespace rs
