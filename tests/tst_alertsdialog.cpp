#include "alertstesting.h"
#include "app/secrets/secretstore.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "sandboxtesting.h"
#include "ui/alerts/alertsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace rs;

namespace {

constexpr int kNetworkTimeoutMs = 20'000;

template<typename T> T *child(const QWidget &dialog, const char *name)
{
    T *widget = dialog.findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no widget named %s", name);
    return widget;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class AlertsDialogTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                                m_dir->filePath(QStringLiteral("schemes")));
        m_secrets = std::make_unique<SecretStore>(QStringLiteral("tst_alertsdialog-")
                                                  + QUuid::createUuid().toString());
    }

    void cleanup()
    {
        m_secrets->removeNow(SecretName::RobotAccessToken);
        m_secrets->removeNow(SecretName::RobotSecret);
    }

    void save_putsTokenAndSecretInTheKeychainOnly_andThresholdsInSettings()
    {
        AlertsDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        const QString token = QStringLiteral("tok-") + QUuid::createUuid().toString();
        const QString secret = QStringLiteral("SEC-") + QUuid::createUuid().toString();
        child<QCheckBox>(dialog, "robotEnabled")->setChecked(true);
        child<QLineEdit>(dialog, "robotToken")->setText(token);
        child<QLineEdit>(dialog, "robotSecret")->setText(secret);
        child<QSpinBox>(dialog, "failuresThreshold")->setValue(5);
        child<QSpinBox>(dialog, "inDoubtMinutes")->setValue(45);
        child<QSpinBox>(dialog, "fetchMinutes")->setValue(15);
        child<QSpinBox>(dialog, "syncMinutes")->setValue(30);
        QTest::mouseClick(
            child<QDialogButtonBox>(dialog, "dialogButtons")->button(QDialogButtonBox::Save),
            Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kNetworkTimeoutMs);

        const QByteArray ini = fileBytes(m_settings->path());
        QVERIFY(ini.contains("failures_threshold=5"));
        QVERIFY(ini.contains("in_doubt_minutes=45"));
        QVERIFY(ini.contains("fetch_minutes=15"));
        QVERIFY(ini.contains("sync_minutes=30"));
        QVERIFY(ini.contains("robot=on"));
        QVERIFY(!ini.contains(token.toUtf8()));
        QVERIFY(!ini.contains(secret.toUtf8()));
        QVERIFY(!Settings::hasErrors(m_settings->validate()));
        QCOMPARE(m_secrets->readNow(SecretName::RobotAccessToken).value, token);
        QCOMPARE(m_secrets->readNow(SecretName::RobotSecret).value, secret);
    }

    void sendTestAlert_delivers_andOnWrongSecretShowsTheRobotsAnswerNotTheSecret()
    {
        auto sandbox = testing::startSandbox(testing::sandboxOptions(1, 1));
        QVERIFY(sandbox);
        const alerts::RobotConfig robot = testing::sandboxRobot(*sandbox);
        AlertsDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        child<QLineEdit>(dialog, "robotUrl")->setText(robot.url.toString());
        child<QLineEdit>(dialog, "robotToken")->setText(robot.accessToken);
        child<QLineEdit>(dialog, "robotSecret")->setText(robot.secret);
        auto *send = child<QPushButton>(dialog, "sendTestAlert");
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(sandbox->robot().messages().size(), 1, kNetworkTimeoutMs);
        QTRY_VERIFY(send->isEnabled());
        QCOMPARE(dialog.testResult()->text(), QStringLiteral("Delivered to the group."));

        const QString wrong = QStringLiteral("wrong-secret-") + QUuid::createUuid().toString();
        child<QLineEdit>(dialog, "robotSecret")->setText(wrong);
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.testResult()->text().contains(QLatin1String("sign not match")),
            kNetworkTimeoutMs);
        QVERIFY(!dialog.testResult()->text().contains(wrong));
        QVERIFY(!dialog.testResult()->text().contains(robot.accessToken));
        QCOMPARE(sandbox->robot().messages().size(), 1);
    }

    void save_saysSavingWhileTheKeychainWrites()
    {
        AlertsDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        child<QLineEdit>(dialog, "robotToken")
            ->setText(QStringLiteral("tok-") + QUuid::createUuid().toString());
        auto *save =
            child<QDialogButtonBox>(dialog, "dialogButtons")->button(QDialogButtonBox::Save);
        QTest::mouseClick(save, Qt::LeftButton);
        // The keychain answers later, on the event loop: until then the clerk sees why.
        auto *message = child<QLabel>(dialog, "alertsMessage");
        QCOMPARE(message->text(), QStringLiteral("Saving…"));
        QVERIFY(message->isVisible());
        QVERIFY(!save->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kNetworkTimeoutMs);
    }

    // A long refusal and a long robot answer are wrapped and given their height: no row is
    // drawn over another, no text is cut.
    void longAnswers_areLaidOutWithoutOverlappingRows()
    {
        auto sandbox = testing::startSandbox(testing::sandboxOptions(1, 1));
        QVERIFY(sandbox);
        const alerts::RobotConfig robot = testing::sandboxRobot(*sandbox);
        AlertsDialog dialog(*m_settings, *m_secrets);
        const QString longText = QStringLiteral("这是一条很长的回答，").repeated(30);
        dialog.setScheduleCheck([longText](int) { return longText; });
        dialog.show();
        child<QLineEdit>(dialog, "robotUrl")->setText(robot.url.toString());
        child<QLineEdit>(dialog, "robotToken")->setText(robot.accessToken);
        child<QLineEdit>(dialog, "robotSecret")->setText(QStringLiteral("wrong"));
        QTest::mouseClick(child<QPushButton>(dialog, "sendTestAlert"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.testResult()->text().contains(QLatin1String("sign not match")),
            kNetworkTimeoutMs);
        child<QSpinBox>(dialog, "fetchMinutes")->setValue(5);
        QTest::mouseClick(
            child<QDialogButtonBox>(dialog, "dialogButtons")->button(QDialogButtonBox::Save),
            Qt::LeftButton);
        auto *message = child<QLabel>(dialog, "alertsMessage");
        QTRY_VERIFY(message->isVisible());
        QCOMPARE(message->text(), longText);
        QTest::qWait(50); // the layout settles on the event loop
        for (QLabel *label : {message, dialog.testResult()}) {
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(QStringLiteral("%1: %2 px high, needs %3")
                                    .arg(label->objectName())
                                    .arg(label->height())
                                    .arg(label->heightForWidth(label->width()))));
        }
        for (QWidget *parent :
             {static_cast<QWidget *>(&dialog), dialog.testResult()->parentWidget()}) {
            QList<QWidget *> shown;
            for (QWidget *w : parent->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
                if (w->isVisible() && !w->isWindow())
                    shown.append(w);
            }
            for (int i = 0; i < shown.size(); ++i) {
                for (int j = i + 1; j < shown.size(); ++j) {
                    QVERIFY2(!shown[i]->geometry().intersects(shown[j]->geometry()),
                             qPrintable(shown[i]->objectName() + QStringLiteral(" overlaps ")
                                        + shown[j]->objectName()));
                }
            }
        }
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
};

QTEST_MAIN(AlertsDialogTest)
#include "tst_alertsdialog.moc"
