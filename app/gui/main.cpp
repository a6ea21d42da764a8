#include "app/gui/startup.h"
#include "app/i18n/translations.h"
#include "app/settings/profile.h"
#include "app/store/database.h"
#include "ui/mainwindow.h"
#include "ui/uistate.h"

#include <QApplication>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    rs::setApplicationIdentity();

    QString problem;
    const rs::Profile profile =
        rs::Profile::resolve(rs::GuiStartup::profileDir(QCoreApplication::arguments(), &problem));
    rs::UiState uiState(profile.uiStatePath());
    rs::Translations translations;
    translations.apply(uiState.language());
    QApplication::setApplicationDisplayName(
        QCoreApplication::translate("rs::MainWindow", "RebateSync"));

    rs::Database database(profile.databasePath());
    if (problem.isEmpty())
        profile.ensureExists(&problem);
    if (problem.isEmpty()) {
        if (const rs::StoreError error = database.open(); !error.ok())
            problem = error.message;
    }
    if (!problem.isEmpty()) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("rs::MainWindow", "RebateSync"),
                              problem);
        return 2;
    }

    rs::MainWindow window(profile, database, uiState);
    QObject::connect(&window, &rs::MainWindow::languageChangeRequested, &app,
                     [&translations](rs::LanguageChoice choice) { translations.apply(choice); });
    window.show();
    return QApplication::exec();
}
