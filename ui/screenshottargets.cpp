#include "ui/screenshottargets.h"

#include "models/schemeeditsession.h"
#include "ui/alerts/alertcenter.h"
#include "ui/alerts/alertsdialog.h"
#include "ui/credentials/credentialdialog.h"
#include "ui/mainwindow.h"
#include "ui/reconcile/reconcilepane.h"
#include "ui/schemeeditor/schemeeditorwindow.h"

namespace rs {

QWidget *openForScreenshot(MainWindow &window, const QString &name)
{
    // Dialogs are shown, not exec()'d: the picture is taken from the running event loop, then the
    // program quits, so nothing a dialog would save on OK is ever saved.
    if (name == QLatin1String("credentials")) {
        auto *dialog = new CredentialDialog(window.settings(), window.secrets(), &window);
        dialog->show();
        return dialog;
    }
    if (name == QLatin1String("alerts")) {
        QWidget *dialog = window.alertCenter()->createDialog(&window);
        dialog->show();
        return dialog;
    }
    // The editor opens on the active scheme and the newest stored application that is approved
    // and not yet synced.
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
    return {QStringLiteral("credentials"), QStringLiteral("alerts"), QStringLiteral("reconcile"),
            QStringLiteral("scheme-editor")};
}

} // namespace rs
