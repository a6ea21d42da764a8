#include "app/gui/startup.h"
#include "app/i18n/translations.h"
#include "app/settings/profile.h"
#include "app/settings/settings.h"
#include "app/store/database.h"
#include "app/sync/jobsetup.h"
#include "ui/mainwindow.h"
#include "ui/screenshottargets.h"
#include "ui/uistate.h"

#include <QApplication>
#include <QMessageBox>
#include <QPixmap>
#include <QScreen>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {

// Grabs the window from the display server (what a person would see: with a window manager, its
// frame and title bar too), then quits.
void scheduleScreenshot(QWidget *window, const QString &path)
{
    QTimer::singleShot(1500, window, [window, path] {
        // The screen's pixels under the frame when a window manager draws one; the window's own
        // otherwise (offscreen, a bare X server), where another window could cover the area.
        const QRect frame = window->frameGeometry();
        const QPixmap shot = frame == window->geometry()
            ? window->screen()->grabWindow(window->winId())
            : window->screen()->grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height());
        const bool saved = !shot.isNull() && shot.save(path);
        QCoreApplication::exit(saved ? 0 : 1);
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    rs::setApplicationIdentity();

    const rs::GuiStartup startup = rs::GuiStartup::parse(QCoreApplication::arguments());
    const rs::Profile profile = rs::Profile::resolve(startup.profileDir);
    rs::UiState uiState(profile.uiStatePath());
    rs::Translations translations;
    translations.apply(uiState.language());
    const QString appName = QCoreApplication::translate("rs::MainWindow", "RebateSync");
    QApplication::setApplicationDisplayName(appName);

    QString problem = startup.error;
    if (problem.isEmpty())
        profile.ensureExists(&problem);
    // The ledger's password is read here, on the main thread QtKeychain needs, and handed to the
    // workers with the rest of the location.
    const rs::Settings settings(profile.settingsPath(), profile.schemesDir());
    const auto store = problem.isEmpty()
        ? rs::sync::JobSetup::storeLocation(profile, settings, &problem)
        : std::nullopt;
    rs::Database database(store.value_or(rs::StoreLocation::sqlite(profile.databasePath())));
    if (problem.isEmpty()) {
        if (const rs::StoreError error = database.open(); !error.ok())
            problem = error.message;
    }
    if (!problem.isEmpty()) {
        QMessageBox::critical(nullptr, appName, problem);
        return 2;
    }

    rs::MainWindow window(profile, database, uiState);
    QObject::connect(&window, &rs::MainWindow::languageChangeRequested, &app,
                     [&translations](rs::LanguageChoice choice) { translations.apply(choice); });
    window.show();
    QWidget *shown = &window;
    if (!startup.openWindow.isEmpty()) {
        shown = rs::openForScreenshot(window, startup.openWindow);
        if (!shown) {
            QTextStream(stderr) << QCoreApplication::translate("rs::GuiStartup",
                                                               "Unknown window \"%1\"; known: %2")
                                       .arg(startup.openWindow,
                                            rs::screenshotTargetNames().join(QStringLiteral(", ")))
                                << '\n';
            return 2;
        }
    }
    if (!startup.screenshotPath.isEmpty())
        scheduleScreenshot(shown, startup.screenshotPath);
    else
        window.offerSetupIfNeeded();
    return QApplication::exec();
}
