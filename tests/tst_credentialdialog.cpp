#include "app/secrets/secretstore.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/database.h"
#include "app/store/migrations.h"
#include "consoletesting.h"
#include "pgtesting.h"
#include "sandboxtesting.h"
#include "ui/credentials/credentialdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace rs;

namespace {

constexpr int kNetworkTimeoutMs = 20'000;

const QString &storedPlaceholder()
{
    static const QString text =
        QStringLiteral("Stored in the system keychain — leave empty to keep");
    return text;
}

template<typename T> T *child(const QWidget &dialog, const char *name)
{
    T *widget = dialog.findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no widget named %s", name);
    return widget;
}

void setText(const QWidget &dialog, const char *name, const QString &text)
{
    child<QLineEdit>(dialog, name)->setText(text);
}

void chooseAuth(const QWidget &dialog, const char *auth)
{
    auto *combo = child<QComboBox>(dialog, "kingdeeAuthCombo");
    combo->setCurrentIndex(combo->findData(QLatin1String(auth)));
}

void clickSave(const QWidget &dialog)
{
    QTest::mouseClick(
        child<QDialogButtonBox>(dialog, "dialogButtons")->button(QDialogButtonBox::Save),
        Qt::LeftButton);
}

// Fills the form with what the in-process sandbox accepts, secrets included.
void fillForSandbox(const QWidget &dialog, const sandbox::Sandbox &sandbox)
{
    const sandbox::DingTalkOptions d;
    const sandbox::KingdeeOptions k;
    setText(dialog, "dingTalkAppKeyEdit", d.appKey);
    setText(dialog, "dingTalkSecretEdit", d.appSecret);
    setText(dialog, "dingTalkProcessCodeEdit", QStringLiteral("PROC-REBATE-SANDBOX"));
    setText(dialog, "kingdeeUrlEdit", sandbox.baseUrl() + QStringLiteral("/k3cloud/"));
    setText(dialog, "kingdeeAcctIdEdit", k.acctId);
    setText(dialog, "kingdeeUsernameEdit", k.username);
    chooseAuth(dialog, "appsecret");
    setText(dialog, "kingdeeAppIdEdit", k.appId);
    setText(dialog, "kingdeeAppSecretEdit", k.appSecret);
    setText(dialog, "kingdeePasswordEdit", k.password);
    setText(dialog, "kingdeeOrgNumberEdit", k.orgNumber);
}

// Clicks a side's test button and waits for its verdict.
QString runTest(const QWidget &dialog, const char *button, const char *result)
{
    auto *label = child<QLabel>(dialog, result);
    label->clear();
    QTest::mouseClick(child<QPushButton>(dialog, button), Qt::LeftButton);
    const auto finished = [label] {
        return label->text().startsWith(QStringLiteral("✓"))
            || label->text().startsWith(QStringLiteral("✗"));
    };
    if (!QTest::qWaitFor(finished, kNetworkTimeoutMs))
        return QStringLiteral("(no verdict within the timeout: %1)").arg(label->text());
    return label->text();
}

} // namespace

// Drives the real dialog against the real keychain (scripts/with-keyring.sh) and the sandbox.
class TestCredentialDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        for (SecretName name : allSecretNames())
            qunsetenv(environmentVariable(name).constData());
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings =
            std::make_unique<Settings>(iniPath(), m_dir->filePath(QStringLiteral("schemes")));
        // The temporary folder is this test's profile scope: no entry collides with another run.
        m_secrets = std::make_unique<SecretStore>(m_dir->path());
    }

    void cleanup()
    {
        for (SecretName name : allSecretNames())
            QVERIFY(m_secrets->removeNow(name).ok());
        m_secrets.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void save_writesSettingsAndPutsSecretsOnlyInTheKeychain()
    {
        const QString dingTalkSecret = QStringLiteral("dt-密钥-") + QUuid::createUuid().toString();
        const QString kingdeeSecret = QStringLiteral("kd-secret-") + QUuid::createUuid().toString();
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        setText(dialog, "dingTalkAppKeyEdit", QStringLiteral("ding-app-key"));
        setText(dialog, "dingTalkSecretEdit", dingTalkSecret);
        setText(dialog, "dingTalkProcessCodeEdit", QStringLiteral("PROC-REBATE-1"));
        setText(dialog, "kingdeeUrlEdit", QStringLiteral("https://erp.corp.test/k3cloud/"));
        setText(dialog, "kingdeeAcctIdEdit", QStringLiteral("dc-001"));
        setText(dialog, "kingdeeUsernameEdit", QStringLiteral("财务"));
        chooseAuth(dialog, "sign");
        setText(dialog, "kingdeeAppIdEdit", QStringLiteral("302745_abc"));
        setText(dialog, "kingdeeAppSecretEdit", kingdeeSecret);
        clickSave(dialog);

        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        Settings reread(iniPath(), m_dir->filePath(QStringLiteral("schemes")));
        const auto text = [&reread](const char *key) {
            return reread.text(QLatin1String(key));
        };
        QCOMPARE(text(keys::DingTalkAppKey), QStringLiteral("ding-app-key"));
        QCOMPARE(text(keys::DingTalkProcessCode), QStringLiteral("PROC-REBATE-1"));
        QCOMPARE(text(keys::KingdeeUrl), QStringLiteral("https://erp.corp.test/k3cloud/"));
        QCOMPARE(text(keys::KingdeeAcctId), QStringLiteral("dc-001"));
        QCOMPARE(text(keys::KingdeeUsername), QStringLiteral("财务"));
        QCOMPARE(text(keys::KingdeeAuth), QStringLiteral("sign"));
        QCOMPARE(text(keys::KingdeeAppId), QStringLiteral("302745_abc"));
        QVERIFY(!CredentialDialog::needsSetup(reread));

        QCOMPARE(m_secrets->readNow(SecretName::DingTalkAppSecret).value, dingTalkSecret);
        QCOMPARE(m_secrets->readNow(SecretName::KingdeeAppSecret).value, kingdeeSecret);
        QCOMPARE(m_secrets->readNow(SecretName::KingdeePassword).status,
                 SecretResult::Status::NotFound);
        const QString ini = iniText();
        QVERIFY(ini.contains(QStringLiteral("ding-app-key")));
        QVERIFY(!ini.contains(dingTalkSecret));
        QVERIFY(!ini.contains(kingdeeSecret));
    }

    void storedSecret_isNeverShownAndAnEmptyFieldKeepsIt()
    {
        QVERIFY(m_secrets->writeNow(SecretName::KingdeePassword, QStringLiteral("old-pw")).ok());
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        auto *password = child<QLineEdit>(dialog, "kingdeePasswordEdit");
        QTRY_COMPARE(password->placeholderText(), storedPlaceholder());
        QVERIFY(password->text().isEmpty());
        QTRY_COMPARE(child<QLineEdit>(dialog, "dingTalkSecretEdit")->placeholderText(),
                     QStringLiteral("Not stored yet"));

        chooseAuth(dialog, "password");
        setText(dialog, "kingdeeUrlEdit", QStringLiteral("http://127.0.0.1/k3cloud/"));
        testing::answerNextQuestion(true); // DingTalk's fields are still empty: save anyway
        clickSave(dialog);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(m_secrets->readNow(SecretName::KingdeePassword).value, QStringLiteral("old-pw"));
        QCOMPARE(m_secrets->readNow(SecretName::DingTalkAppSecret).status,
                 SecretResult::Status::NotFound);
        QCOMPARE(Settings(iniPath(), {}).text(QLatin1String(keys::KingdeeAuth)),
                 QStringLiteral("password"));
    }

    void testConnections_useTheUnsavedFormAndSucceedAgainstTheSandbox()
    {
        const auto sandbox = testing::startSandbox(testing::sandboxOptions(5, 3));
        QVERIFY(sandbox);
        pointDingTalkAt(*sandbox);
        // The Kingdee secret only in the keychain: an empty field tests with the stored one.
        QVERIFY(
            m_secrets->writeNow(SecretName::KingdeeAppSecret, sandbox::KingdeeOptions().appSecret)
                .ok());
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        fillForSandbox(dialog, *sandbox);
        setText(dialog, "kingdeeAppSecretEdit", {});
        QVERIFY(child<QLabel>(dialog, "httpWarning")->isHidden()); // loopback

        const QString dingTalk = runTest(dialog, "testDingTalkButton", "dingTalkTestResult");
        QVERIFY2(dingTalk.startsWith(QStringLiteral("✓")), qPrintable(dingTalk));
        QVERIFY(dingTalk.contains(QStringLiteral("token obtained")));
        QVERIFY(child<QPushButton>(dialog, "testDingTalkButton")->isEnabled());

        const QString kingdee = runTest(dialog, "testKingdeeButton", "kingdeeTestResult");
        QCOMPARE(kingdee,
                 QStringLiteral("✓ Kingdee accepted user demo in data centre sandbox-dc."));

        for (const char *auth : {"sign", "signature", "password"}) {
            chooseAuth(dialog, auth);
            const QString result = runTest(dialog, "testKingdeeButton", "kingdeeTestResult");
            QVERIFY2(result.startsWith(QStringLiteral("✓")),
                     qPrintable(QLatin1String(auth) + QStringLiteral(": ") + result));
        }

        // Testing saved nothing.
        QVERIFY(Settings(iniPath(), {}).text(QLatin1String(keys::DingTalkAppKey)).isEmpty());
        QCOMPARE(m_secrets->readNow(SecretName::DingTalkAppSecret).status,
                 SecretResult::Status::NotFound);
    }

    void testConnections_withWrongSecrets_showTheServersOwnWords()
    {
        const auto sandbox = testing::startSandbox(testing::sandboxOptions(5, 3));
        QVERIFY(sandbox);
        pointDingTalkAt(*sandbox);
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        fillForSandbox(dialog, *sandbox);
        // Right first, then wrong: a token the right secret got must not vouch for a wrong one.
        QVERIFY(runTest(dialog, "testDingTalkButton", "dingTalkTestResult")
                    .startsWith(QStringLiteral("✓")));
        setText(dialog, "dingTalkSecretEdit", QStringLiteral("wrong-secret"));
        const QString dingTalk = runTest(dialog, "testDingTalkButton", "dingTalkTestResult");
        QVERIFY2(dingTalk.startsWith(QStringLiteral("✗")), qPrintable(dingTalk));
        QVERIFY2(dingTalk.contains(QStringLiteral("不合法的corpid或corpsecret")),
                 qPrintable(dingTalk));

        setText(dialog, "kingdeeAppSecretEdit", QStringLiteral("wrong-secret"));
        const QString appSecret = runTest(dialog, "testKingdeeButton", "kingdeeTestResult");
        QVERIFY2(appSecret.contains(QStringLiteral("第三方系统登录授权验证失败：应用ID或密钥错误")),
                 qPrintable(appSecret));

        chooseAuth(dialog, "password");
        setText(dialog, "kingdeePasswordEdit", QStringLiteral("wrong-password"));
        const QString password = runTest(dialog, "testKingdeeButton", "kingdeeTestResult");
        QVERIFY2(password.startsWith(QStringLiteral("✗")), qPrintable(password));
        QVERIFY2(password.contains(QStringLiteral("用户名或密码错误！")), qPrintable(password));
    }

    void testConnection_withoutAnySecret_namesTheSecretField()
    {
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        waitForKeychainAnswers(dialog);
        setText(dialog, "dingTalkAppKeyEdit", QStringLiteral("key"));
        setText(dialog, "dingTalkProcessCodeEdit", QStringLiteral("PROC-1"));
        const QString result = runTest(dialog, "testDingTalkButton", "dingTalkTestResult");
        QCOMPARE(result,
                 QStringLiteral("✗ Fill in first: Client Secret (AppSecret). Nothing was sent."));
    }

    // The verdict comes at once, inside the click: no call went out, none could have answered.
    void testConnection_onAnEmptyForm_namesTheEmptyFieldsWithoutACall()
    {
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        waitForKeychainAnswers(dialog);
        QTest::mouseClick(child<QPushButton>(dialog, "testDingTalkButton"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(dialog, "dingTalkTestResult")->text(),
                 QStringLiteral("✗ Fill in first: Client ID (AppKey), Client Secret (AppSecret), "
                                "Process code. Nothing was sent."));
        QTest::mouseClick(child<QPushButton>(dialog, "testKingdeeButton"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(dialog, "kingdeeTestResult")->text(),
                 QStringLiteral("✗ Fill in first: Server address, Data centre ID, User, App ID, "
                                "App secret. Nothing was sent."));
        QVERIFY(child<QPushButton>(dialog, "testKingdeeButton")->isEnabled());
    }

    void save_withRequiredFieldsEmpty_asksFirst()
    {
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        waitForKeychainAnswers(dialog);
        setText(dialog, "dingTalkAppKeyEdit", QStringLiteral("typed-key"));
        QString question;
        testing::answerNextQuestion(false, &question);
        clickSave(dialog);
        QVERIFY2(question.contains(QStringLiteral("These fields are empty: Client Secret "
                                                  "(AppSecret), Process code, Server address")),
                 qPrintable(question + child<QLabel>(dialog, "saveMessage")->text()));
        QVERIFY(dialog.isVisible());
        QVERIFY(Settings(iniPath(), {}).text(QLatin1String(keys::DingTalkAppKey)).isEmpty());

        testing::answerNextQuestion(true);
        clickSave(dialog);
        QTRY_VERIFY(!dialog.isVisible());
        Settings reread(iniPath(), {});
        QCOMPARE(reread.text(QLatin1String(keys::DingTalkAppKey)), QStringLiteral("typed-key"));
        QVERIFY(CredentialDialog::needsSetup(reread)); // the empty address kept the example
    }

    void newProfile_showsPlaceholdersNotTheExampleAddress()
    {
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        auto *url = child<QLineEdit>(dialog, "kingdeeUrlEdit");
        QVERIFY2(url->text().isEmpty(), qPrintable(url->text()));
        QVERIFY(url->placeholderText().startsWith(QStringLiteral("for example https://")));
        for (const char *name : {"dingTalkAppKeyEdit", "dingTalkProcessCodeEdit",
                                 "kingdeeAcctIdEdit", "kingdeeUsernameEdit", "kingdeeAppIdEdit"})
            QVERIFY2(!child<QLineEdit>(dialog, name)->placeholderText().isEmpty(), name);
        QCOMPARE(labelOf(dialog, "dingTalkAppKeyEdit"), QStringLiteral("Client ID (AppKey):"));
        QCOMPARE(labelOf(dialog, "dingTalkSecretEdit"),
                 QStringLiteral("Client Secret (AppSecret):"));
        QVERIFY(child<QLabel>(dialog, "credentialIntro")
                    ->text()
                    .contains(QStringLiteral("kept in the system keychain")));
    }

    void dingTalkAddress_isEditableForTheChosenApi_andSaved()
    {
        QVERIFY(!m_settings->setValue(QLatin1String(keys::DingTalkAppKey), QStringLiteral("k")));
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        child<QTabWidget>(dialog, "credentialTabs")
            ->setCurrentWidget(child<QWidget>(dialog, "advancedBox"));
        auto *oapi = child<QLineEdit>(dialog, "dingTalkOapiUrlEdit");
        auto *api = child<QLineEdit>(dialog, "dingTalkApiUrlEdit");
        QCOMPARE(oapi->text(), QStringLiteral("https://oapi.dingtalk.com"));
        QVERIFY(oapi->isVisible());
        QVERIFY(!api->isVisible()); // topapi, polling: only the classic address is used
        auto *combo = child<QComboBox>(dialog, "dingTalkApiCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("v1")));
        QVERIFY(api->isVisible());
        QVERIFY(!oapi->isVisible());
        api->setText(QStringLiteral("https://dingtalk-proxy.corp.test"));
        testing::answerNextQuestion(true);
        clickSave(dialog);
        QTRY_VERIFY2(!dialog.isVisible(), qPrintable(child<QLabel>(dialog, "saveMessage")->text()));
        QCOMPARE(Settings(iniPath(), {}).text(QLatin1String(keys::DingTalkApiUrl)),
                 QStringLiteral("https://dingtalk-proxy.corp.test"));
    }

    // The offscreen screen is 800×600, smaller than 1600×1000 at 1.5× (1066×666).
    void dialog_fitsTheScreenItOpensOn()
    {
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        chooseAuth(dialog, "signature"); // the login with the most rows
        QTest::qWait(50);
        const QRect available = dialog.screen()->availableGeometry();
        QVERIFY2(available.contains(dialog.frameGeometry()),
                 qPrintable(QStringLiteral("%1×%2 on a %3×%4 screen")
                                .arg(dialog.frameGeometry().width())
                                .arg(dialog.frameGeometry().height())
                                .arg(available.width())
                                .arg(available.height())));
    }

    void modeSwitch_dialogShrinksBackToTheRowsItShows()
    {
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        chooseAuth(dialog, "password");
        QTest::qWait(50);
        const int passwordHeight = dialog.height();
        chooseAuth(dialog, "signature"); // app ID, app secret and organisation number
        QTRY_VERIFY(dialog.height() > passwordHeight);
        chooseAuth(dialog, "password");
        QTRY_COMPARE(dialog.height(), passwordHeight);
    }

    void focus_staysInTheFieldTypedInAfterATest()
    {
        const auto sandbox = testing::startSandbox(testing::sandboxOptions(5, 3));
        QVERIFY(sandbox);
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        fillForSandbox(dialog, *sandbox);
        auto *user = child<QLineEdit>(dialog, "kingdeeUsernameEdit");
        user->setFocus();
        QCOMPARE(dialog.focusWidget(), user);
        QVERIFY(runTest(dialog, "testKingdeeButton", "kingdeeTestResult")
                    .startsWith(QStringLiteral("✓")));
        QCOMPARE(dialog.focusWidget(), user);
        // Started from the keyboard, the focus comes back to the button it was on.
        auto *button = child<QPushButton>(dialog, "testKingdeeButton");
        button->setFocus();
        QTest::keyClick(button, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), kNetworkTimeoutMs);
        QTRY_COMPARE(dialog.focusWidget(), button);
    }

    // Our own code for a failure before DingTalk answered ("network") is no word for a clerk.
    void testDingTalk_unreachable_saysSoInWordsWithoutACode()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
        closed.close(); // nothing listens there any more: the connection is refused
        QVERIFY(!m_settings->setValue(QLatin1String(keys::DingTalkOapiUrl), url));
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        setText(dialog, "dingTalkAppKeyEdit", QStringLiteral("key"));
        setText(dialog, "dingTalkSecretEdit", QStringLiteral("secret"));
        setText(dialog, "dingTalkProcessCodeEdit", QStringLiteral("PROC-1"));
        const QString result = runTest(dialog, "testDingTalkButton", "dingTalkTestResult");
        QVERIFY2(result.startsWith(QStringLiteral("✗ DingTalk is busy or the connection failed (")),
                 qPrintable(result));
        QVERIFY2(!result.contains(QStringLiteral("network")), qPrintable(result));
        QVERIFY2(!result.contains(QStringLiteral("code")), qPrintable(result));
    }

    void closingTheDialog_cancelsARunningTest()
    {
        const auto sandbox = testing::startSandbox(testing::sandboxOptions(5, 3));
        QVERIFY(sandbox);
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        fillForSandbox(dialog, *sandbox);
        auto *button = child<QPushButton>(dialog, "testKingdeeButton");
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!button->isEnabled()); // busy
        dialog.reject();
        QVERIFY(button->isEnabled());
        QTest::qWait(300);
        QVERIFY(child<QLabel>(dialog, "kingdeeTestResult")->text().isEmpty());
    }

    void httpWarning_onlyForPlainHttpToAnotherComputer_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("warned");
        QTest::newRow("http remote") << "http://erp.example.com/k3cloud/" << true;
        QTest::newRow("http remote upper case") << "HTTP://ERP.CORP.TEST/k3cloud" << true;
        QTest::newRow("http lan ip") << "http://192.168.1.20:8080/k3cloud/" << true;
        QTest::newRow("https") << "https://erp.example.com/k3cloud/" << false;
        QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8080/k3cloud/" << false;
        QTest::newRow("http localhost") << "http://localhost/k3cloud/" << false;
        QTest::newRow("http ::1") << "http://[::1]:8080/k3cloud/" << false;
    }

    void httpWarning_onlyForPlainHttpToAnotherComputer()
    {
        QFETCH(QString, url);
        QFETCH(bool, warned);
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        setText(dialog, "kingdeeUrlEdit", url);
        auto *warning = child<QLabel>(dialog, "httpWarning");
        QCOMPARE(warning->isVisible(), warned);
        if (warned)
            QVERIFY(warning->text().contains(QStringLiteral("unencrypted")));
    }

    void authMode_showsOnlyTheFieldsItNeeds_data()
    {
        QTest::addColumn<QString>("auth");
        QTest::addColumn<QStringList>("shown");
        QTest::addColumn<QStringList>("hidden");
        const QString appId = QStringLiteral("kingdeeAppIdEdit");
        const QString appSecret = QStringLiteral("kingdeeAppSecretEdit");
        const QString password = QStringLiteral("kingdeePasswordEdit");
        const QString org = QStringLiteral("kingdeeOrgNumberEdit");
        QTest::newRow("password") << "password" << QStringList {password}
                                  << QStringList {appId, appSecret, org};
        QTest::newRow("appsecret")
            << "appsecret" << QStringList {appId, appSecret} << QStringList {password, org};
        QTest::newRow("sign") << "sign" << QStringList {appId, appSecret}
                              << QStringList {password, org};
        QTest::newRow("signature")
            << "signature" << QStringList {appId, appSecret, org} << QStringList {password};
    }

    void authMode_showsOnlyTheFieldsItNeeds()
    {
        QFETCH(QString, auth);
        QFETCH(QStringList, shown);
        QFETCH(QStringList, hidden);
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        chooseAuth(dialog, qPrintable(auth));
        for (const QString &name : std::as_const(shown)) {
            auto *field = dialog.findChild<QLineEdit *>(name);
            QVERIFY2(field->isVisible() && field->isEnabled(), qPrintable(name));
        }
        for (const QString &name : std::as_const(hidden)) {
            auto *field = dialog.findChild<QLineEdit *>(name);
            QVERIFY2(!field->isVisible() && !field->isEnabled(), qPrintable(name));
        }
        for (const char *always : {"kingdeeUrlEdit", "kingdeeAcctIdEdit", "kingdeeUsernameEdit"})
            QVERIFY(child<QLineEdit>(dialog, always)->isVisible());
    }

    void invalidSetting_keepsTheDialogOpenWithTheMessageAndSavesNothing()
    {
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        setText(dialog, "dingTalkAppKeyEdit", QStringLiteral("typed-key"));
        setText(dialog, "dingTalkSecretEdit", QStringLiteral("typed-secret"));
        setText(dialog, "kingdeeUrlEdit", QStringLiteral("erp.corp.test/k3cloud"));
        clickSave(dialog);

        auto *message = child<QLabel>(dialog, "saveMessage");
        QTRY_VERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("[kingdee] url")),
                 qPrintable(message->text()));
        QVERIFY(message->text().contains(QStringLiteral("is not a web address")));
        QTest::qWait(200);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.focusWidget(), child<QLineEdit>(dialog, "kingdeeUrlEdit"));
        QVERIFY(Settings(iniPath(), {}).text(QLatin1String(keys::DingTalkAppKey)).isEmpty());
        QCOMPARE(m_secrets->readNow(SecretName::DingTalkAppSecret).status,
                 SecretResult::Status::NotFound);

        // Corrected, the same dialog saves (after asking about the fields still empty).
        setText(dialog, "kingdeeUrlEdit", QStringLiteral("https://erp.corp.test/k3cloud"));
        testing::answerNextQuestion(true);
        clickSave(dialog);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(Settings(iniPath(), {}).text(QLatin1String(keys::DingTalkAppKey)),
                 QStringLiteral("typed-key"));
    }

    // The ledger page against the private PostgreSQL server of scripts/with-postgres.sh.
    void storePage_testConnection_opensTheLedgerAndNamesItsSchemaVersion()
    {
        const auto server = testing::PgServer::fromEnvironment();
        QVERIFY2(server, qPrintable(testing::PgServer::missingExplanation()));
        QString error;
        const auto ledger = server->createDatabase(&error);
        QVERIFY2(ledger, qPrintable(error));
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        openStorePage(dialog);
        auto *test = child<QPushButton>(dialog, "testStoreButton");
        QVERIFY(!test->isVisible()); // this computer's SQLite file: nothing to test
        fillLedger(dialog, *ledger, ledger->password);
        QVERIFY(test->isVisible());
        const QString result = runTest(dialog, "testStoreButton", "storeTestResult");
        QCOMPARE(result,
                 QStringLiteral("✓ Connected to %1 (schema version %2).")
                     .arg(ledger->display())
                     .arg(latestSchemaVersion()));
        // Testing saved nothing.
        QCOMPARE(Settings(iniPath(), {}).text(QLatin1String(keys::StoreDriver)),
                 QStringLiteral("sqlite"));
        QCOMPARE(m_secrets->readNow(SecretName::StorePassword).status,
                 SecretResult::Status::NotFound);
    }

    void storePage_wrongPassword_isNamedWithoutThePassword()
    {
        const auto server = testing::PgServer::fromEnvironment();
        QVERIFY2(server, qPrintable(testing::PgServer::missingExplanation()));
        QString error;
        const auto ledger = server->createDatabase(&error);
        QVERIFY2(ledger, qPrintable(error));
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        openStorePage(dialog);
        const QString wrong = QStringLiteral("wrong-pw-") + QUuid::createUuid().toString();
        fillLedger(dialog, *ledger, wrong);
        const QString result = runTest(dialog, "testStoreButton", "storeTestResult");
        QVERIFY2(result.startsWith(QStringLiteral("✗ ")), qPrintable(result));
        QVERIFY2(result.contains(QStringLiteral("refused the user or the password")),
                 qPrintable(result));
        QVERIFY2(result.contains(ledger->display()), qPrintable(result));
        QVERIFY(!result.contains(wrong));
        QVERIFY(!result.contains(ledger->password));
    }

    void storePage_aDatabaseOfAnotherProgram_isRefusedUntouched()
    {
        const auto server = testing::PgServer::fromEnvironment();
        QVERIFY2(server, qPrintable(testing::PgServer::missingExplanation()));
        QString error;
        const auto ledger = server->createDatabase(&error);
        QVERIFY2(ledger, qPrintable(error));
        QCOMPARE(
            server->admin({QStringLiteral("CREATE TABLE invoices (id INTEGER)")}, ledger->database),
            QString());
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        openStorePage(dialog);
        fillLedger(dialog, *ledger, ledger->password);
        const QString result = runTest(dialog, "testStoreButton", "storeTestResult");
        QVERIFY2(result.startsWith(QStringLiteral("✗ ")), qPrintable(result));
        QVERIFY2(result.contains(ledger->display()), qPrintable(result));
        // Nothing of ours was created in it.
        QCOMPARE(server->admin({QStringLiteral("SELECT 1 FROM invoices")}, ledger->database),
                 QString());
        QVERIFY(!server->admin({QStringLiteral("SELECT 1 FROM applications")}, ledger->database)
                     .isEmpty());
    }

    void storePage_aLedgerOfANewerVersion_isRefusedNamingIt()
    {
        const auto server = testing::PgServer::fromEnvironment();
        QVERIFY2(server, qPrintable(testing::PgServer::missingExplanation()));
        QString error;
        const auto ledger = server->createDatabase(&error);
        QVERIFY2(ledger, qPrintable(error));
        {
            Database db(*ledger);
            QVERIFY(db.open().ok());
        }
        QCOMPARE(server->admin({QStringLiteral("INSERT INTO schema_version VALUES (99, 'future', "
                                               "'x')")},
                               ledger->database),
                 QString());
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        openStorePage(dialog);
        fillLedger(dialog, *ledger, ledger->password);
        const QString result = runTest(dialog, "testStoreButton", "storeTestResult");
        QVERIFY2(result.startsWith(QStringLiteral("✗ ")), qPrintable(result));
        QVERIFY2(result.contains(QStringLiteral("newer version"))
                     && result.contains(QStringLiteral("99")),
                 qPrintable(result));
    }

    void storePage_save_writesStoreSettingsAndThePasswordOnlyToTheKeychain()
    {
        const auto server = testing::PgServer::fromEnvironment();
        QVERIFY2(server, qPrintable(testing::PgServer::missingExplanation()));
        QString error;
        const auto ledger = server->createDatabase(&error);
        QVERIFY2(ledger, qPrintable(error));
        CredentialDialog dialog(*m_settings, *m_secrets);
        dialog.show();
        openStorePage(dialog);
        fillLedger(dialog, *ledger, ledger->password);
        QVERIFY(child<QLabel>(dialog, "storeRestartNote")
                    ->text()
                    .contains(QStringLiteral("when RebateSync is started again")));
        testing::answerNextQuestion(true); // DingTalk and Kingdee are still empty
        clickSave(dialog);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.storeChanged());

        Settings reread(iniPath(), {});
        const auto text = [&reread](const char *key) {
            return reread.text(QLatin1String(key));
        };
        QCOMPARE(text(keys::StoreDriver), QStringLiteral("postgresql"));
        QCOMPARE(text(keys::StoreHost), ledger->host);
        QCOMPARE(reread.integer(QLatin1String(keys::StorePort)), ledger->port);
        QCOMPARE(text(keys::StoreDatabase), ledger->database);
        QCOMPARE(text(keys::StoreUser), ledger->user);
        QCOMPARE(m_secrets->readNow(SecretName::StorePassword).value, ledger->password);
        QVERIFY(!iniText().contains(ledger->password));

        // Reopened, the stored password is kept by an empty field and not shown.
        CredentialDialog again(*m_settings, *m_secrets);
        again.show();
        QTRY_COMPARE(child<QLineEdit>(again, "storePasswordEdit")->placeholderText(),
                     storedPlaceholder());
        QCOMPARE(child<QLineEdit>(again, "storeDatabaseEdit")->text(), ledger->database);
        openStorePage(again);
        const QString result = runTest(again, "testStoreButton", "storeTestResult");
        QVERIFY2(result.startsWith(QStringLiteral("✓ ")), qPrintable(result));
    }

    void needsSetup_untilTheProfileNamesARealServer()
    {
        QVERIFY(CredentialDialog::needsSetup(*m_settings));
        const auto set = [this](const char *key, const char *value) {
            QVERIFY(!m_settings->setValue(QLatin1String(key), QLatin1String(value)));
        };
        set(keys::DingTalkAppKey, "key");
        set(keys::DingTalkProcessCode, "PROC-1");
        set(keys::KingdeeAcctId, "dc");
        set(keys::KingdeeUsername, "user");
        QVERIFY(CredentialDialog::needsSetup(*m_settings)); // still the example server
        set(keys::KingdeeUrl, "http://192.168.1.20/k3cloud/");
        QVERIFY(!CredentialDialog::needsSetup(*m_settings));
        set(keys::DingTalkProcessCode, "");
        QVERIFY(CredentialDialog::needsSetup(*m_settings));
    }

private:
    // Until the keychain answered for every secret field, each counts as empty.
    static void waitForKeychainAnswers(const QWidget &dialog)
    {
        for (const char *name : {"dingTalkSecretEdit", "kingdeeAppSecretEdit",
                                 "kingdeePasswordEdit", "storePasswordEdit"}) {
            auto *field = child<QLineEdit>(dialog, name);
            QTRY_VERIFY(!field->placeholderText().startsWith(QStringLiteral("Reading")));
        }
    }

    static QString labelOf(const QWidget &dialog, const char *field)
    {
        auto *widget = child<QWidget>(dialog, field);
        for (auto *label : dialog.findChildren<QLabel *>()) {
            if (label->buddy() == widget)
                return label->text();
        }
        return {};
    }

    static void openStorePage(const QWidget &dialog)
    {
        auto *tabs = child<QTabWidget>(dialog, "credentialTabs");
        tabs->setCurrentWidget(child<QWidget>(dialog, "storeForm"));
    }

    static void fillLedger(const QWidget &dialog, const StoreLocation &ledger,
                           const QString &password)
    {
        auto *driver = child<QComboBox>(dialog, "storeDriverCombo");
        driver->setCurrentIndex(driver->findData(QStringLiteral("postgresql")));
        setText(dialog, "storeHostEdit", ledger.host);
        child<QSpinBox>(dialog, "storePortSpin")->setValue(ledger.port);
        setText(dialog, "storeDatabaseEdit", ledger.database);
        setText(dialog, "storeUserEdit", ledger.user);
        setText(dialog, "storePasswordEdit", password);
    }

    QString iniPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }

    QString iniText() const
    {
        QFile file(iniPath());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    // DingTalk's addresses are not in the dialog; the profile points them at the sandbox.
    void pointDingTalkAt(const sandbox::Sandbox &sandbox)
    {
        QVERIFY(!m_settings->setValue(QLatin1String(keys::DingTalkOapiUrl), sandbox.baseUrl()));
        QVERIFY(!m_settings->setValue(QLatin1String(keys::DingTalkApiUrl), sandbox.baseUrl()));
        QVERIFY(!m_settings->setValue(QLatin1String(keys::DingTalkQps), QStringLiteral("19")));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
};

QTEST_MAIN(TestCredentialDialog)
#include "tst_credentialdialog.moc"
