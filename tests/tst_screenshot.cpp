#include "app/i18n/translations.h"
#include "app/settings/profile.h"
#include "app/store/database.h"
#include "ui/alerts/alertsdialog.h"
#include "ui/credentials/credentialdialog.h"
#include "ui/mainwindow.h"
#include "ui/screenshottargets.h"
#include "ui/uistate.h"

#include <QImage>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;

// The screenshot contract: `rebatesync --profile DIR --screenshot FILE [--open NAME]`.
class TestScreenshot final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QString error;
        QVERIFY(Profile::resolve(m_dir->path()).ensureExists(&error));
        QSettings ui(m_dir->filePath(QStringLiteral("ui-state.ini")), QSettings::IniFormat);
        ui.setValue(QStringLiteral("ui/language"), QStringLiteral("zh_CN"));
    }

    void openForScreenshot_showsTheNamedDialogOverTheWindow()
    {
        const Profile profile = Profile::resolve(m_dir->path());
        Database database(profile.databasePath());
        QVERIFY(database.open().ok());
        UiState uiState(profile.uiStatePath());
        Translations translations;
        translations.apply(LanguageChoice::Chinese);
        MainWindow window(profile, database, uiState);
        window.show();

        QWidget *credentials = openForScreenshot(window, QStringLiteral("credentials"));
        QVERIFY(qobject_cast<CredentialDialog *>(credentials));
        QVERIFY(QTest::qWaitForWindowExposed(credentials));
        QCOMPARE(credentials->parentWidget(), &window);

        QWidget *alerts = openForScreenshot(window, QStringLiteral("alerts"));
        QVERIFY(qobject_cast<AlertsDialog *>(alerts));
        QVERIFY(QTest::qWaitForWindowExposed(alerts));
        QVERIFY(!alerts->windowTitle().isEmpty());

        QCOMPARE(openForScreenshot(window, QStringLiteral("nonsense")), nullptr);
        QVERIFY(screenshotTargetNames().contains(QStringLiteral("credentials")));
        QVERIFY(screenshotTargetNames().contains(QStringLiteral("alerts")));
    }

    void screenshotOfADialog_isThatDialogNotTheMainWindow()
    {
        const QString mainShot = m_dir->filePath(QStringLiteral("main.png"));
        const QString dialogShot = m_dir->filePath(QStringLiteral("credentials.png"));
        QCOMPARE(run({QStringLiteral("--screenshot"), mainShot}), 0);
        QCOMPARE(run({QStringLiteral("--screenshot"), dialogShot, QStringLiteral("--open"),
                      QStringLiteral("credentials")}),
                 0);
        const QImage main(mainShot);
        const QImage dialog(dialogShot);
        QVERIFY(!main.isNull());
        QVERIFY(!dialog.isNull());
        // The dialog is smaller than the window it opens over, and not a copy of it.
        QVERIFY2(dialog.size() != main.size(),
                 qPrintable(QStringLiteral("%1×%2").arg(dialog.width()).arg(dialog.height())));
        QVERIFY(dialog.width() < main.width() || dialog.height() < main.height());
    }

    void unknownName_listsTheKnownOnesAndExits2()
    {
        QProcess process;
        QCOMPARE(run({QStringLiteral("--screenshot"), m_dir->filePath(QStringLiteral("x.png")),
                      QStringLiteral("--open"), QStringLiteral("credentails")},
                     &process),
                 2);
        const QString said = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(said.contains(QStringLiteral("credentails")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("credentials"))
                     && said.contains(QStringLiteral("alerts")),
                 qPrintable(said));
        QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("x.png"))));
    }

private:
    int run(const QStringList &arguments, QProcess *given = nullptr)
    {
        QProcess own;
        QProcess &process = given ? *given : own;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(GUI_EXECUTABLE),
                      QStringList {QStringLiteral("--profile"), m_dir->path()} + arguments);
        if (!process.waitForFinished(30'000))
            return -1;
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
