#include "app/secrets/secretstore.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace rs;

// Talks to the real Secret Service that test.sh starts (gnome-keyring in a private D-Bus
// session). Without one these tests fail: a keychain that silently does nothing is the bug.
class TestSecrets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // A fresh scope per test, so runs never see each other's entries.
        m_store = std::make_unique<SecretStore>(QUuid::createUuid().toString(QUuid::WithoutBraces));
        for (SecretName name : allSecretNames())
            qunsetenv(environmentVariable(name).constData());
    }

    void cleanup()
    {
        for (SecretName name : allSecretNames())
            m_store->removeNow(name);
    }

    void writeReadDelete_throughTheSystemKeychain()
    {
        const QString secret = QStringLiteral("s3cr3t-密钥-%1").arg(QUuid::createUuid().toString());
        const SecretResult written = m_store->writeNow(SecretName::KingdeePassword, secret);
        QVERIFY2(written.ok(), qPrintable(written.message));

        const SecretResult read = m_store->readNow(SecretName::KingdeePassword);
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.value, secret);
        QVERIFY(!read.fromEnvironment);

        // Another profile's scope does not see it.
        SecretStore otherProfile(QStringLiteral("/another/profile"));
        QCOMPARE(otherProfile.readNow(SecretName::KingdeePassword).status,
                 SecretResult::Status::NotFound);

        QVERIFY(m_store->removeNow(SecretName::KingdeePassword).ok());
        const SecretResult gone = m_store->readNow(SecretName::KingdeePassword);
        QCOMPARE(gone.status, SecretResult::Status::NotFound);
        QVERIFY(gone.value.isEmpty());
        QVERIFY(!gone.message.isEmpty());
    }

    void asyncRead_answersThroughTheCallback()
    {
        QVERIFY(m_store->writeNow(SecretName::DingTalkAppSecret, QStringLiteral("abc")).ok());
        std::optional<SecretResult> answer;
        m_store->read(SecretName::DingTalkAppSecret, [&](const SecretResult &r) { answer = r; });
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(answer->value, QStringLiteral("abc"));
    }

    void environmentOverride_winsAndIsNeverPersisted()
    {
        QVERIFY(
            m_store->writeNow(SecretName::KingdeeAppSecret, QStringLiteral("from-keychain")).ok());
        QCOMPARE(environmentVariable(SecretName::KingdeeAppSecret),
                 QByteArrayLiteral("REBATESYNC_KINGDEE_APP_SECRET"));
        qputenv("REBATESYNC_KINGDEE_APP_SECRET", "from-environment");

        const SecretResult overridden = m_store->readNow(SecretName::KingdeeAppSecret);
        QVERIFY(overridden.ok());
        QCOMPARE(overridden.value, QStringLiteral("from-environment"));
        QVERIFY(overridden.fromEnvironment);

        qunsetenv("REBATESYNC_KINGDEE_APP_SECRET");
        const SecretResult stored = m_store->readNow(SecretName::KingdeeAppSecret);
        QCOMPARE(stored.value, QStringLiteral("from-keychain"));
        QVERIFY(!stored.fromEnvironment);
    }

    void environmentOverride_worksWithoutAnyKeychainEntry()
    {
        qputenv("REBATESYNC_DINGTALK_APP_SECRET", "only-in-env");
        const SecretResult read = m_store->readNow(SecretName::DingTalkAppSecret);
        qunsetenv("REBATESYNC_DINGTALK_APP_SECRET");
        QCOMPARE(read.value, QStringLiteral("only-in-env"));
        QCOMPARE(m_store->readNow(SecretName::DingTalkAppSecret).status,
                 SecretResult::Status::NotFound);
    }

    void secretNames_acceptTheSpellingsPeopleUse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");
        QTest::newRow("canonical") << "kingdee.password" << int(SecretName::KingdeePassword);
        QTest::newRow("upper") << "KINGDEE_PASSWORD" << int(SecretName::KingdeePassword);
        QTest::newRow("env var") << "REBATESYNC_DINGTALK_APP_SECRET"
                                 << int(SecretName::DingTalkAppSecret);
        QTest::newRow("dashes") << "kingdee-app-secret" << int(SecretName::KingdeeAppSecret);
        QTest::newRow("unknown") << "kingdee.token" << -1;
        QTest::newRow("empty") << "" << -1;
    }

    void secretNames_acceptTheSpellingsPeopleUse()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        const std::optional<SecretName> parsed = parseSecretName(text);
        QCOMPARE(parsed ? int(*parsed) : -1, expected);
    }

private:
    std::unique_ptr<SecretStore> m_store;
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
