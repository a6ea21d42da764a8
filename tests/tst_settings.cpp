#include "app/settings/profile.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/settings/settingspec.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;

class TestSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(QDir().mkpath(schemesDir()));
    }

    void defaults_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        // Written out here, not read from the table: a changed default must be a deliberate act.
        const QList<std::pair<const char *, const char *>> defaults = {
            {keys::DingTalkApi, "topapi"},
            {keys::DingTalkOapiUrl, "https://oapi.dingtalk.com"},
            {keys::DingTalkApiUrl, "https://api.dingtalk.com"},
            {keys::DingTalkAppKey, ""},
            {keys::DingTalkProcessCode, ""},
            {keys::DingTalkQps, "18"},
            {keys::DingTalkMonthlyQuota, "5000"},
            {keys::DingTalkIntake, "poll"},
            {keys::DingTalkMonthlyPushes, "3000"},
            {keys::KingdeeUrl, "http://erp.example.com/k3cloud"},
            {keys::KingdeeAcctId, ""},
            {keys::KingdeeUsername, ""},
            {keys::KingdeeAuth, "appsecret"},
            {keys::KingdeeAppId, ""},
            {keys::KingdeeOrgNumber, ""},
            {keys::KingdeeLcid, "2052"},
            {keys::KingdeeBatchSize, "50"},
            {keys::KingdeeConcurrency, "2"},
            {keys::KingdeeAfterSave, "none"},
            {keys::SyncScheme, "builtin:rebate-to-other-receivable"},
            {keys::StoreDriver, "sqlite"},
            {keys::StoreHost, ""},
            {keys::StorePort, "5432"},
            {keys::StoreDatabase, ""},
            {keys::StoreUser, ""},
            {keys::ScheduleAutoSync, "off"},
        };
        for (const auto &[key, value] : defaults)
            QTest::newRow(key) << QString::fromLatin1(key) << QString::fromLatin1(value);
    }

    void defaults()
    {
        QFETCH(QString, key);
        QFETCH(QString, expected);
        Settings settings(iniPath(), schemesDir());
        QCOMPARE(settings.text(key), expected);
        QVERIFY(settings.validate().isEmpty());
    }

    void contractHasExactlyTheDocumentedKeys()
    {
        QCOMPARE(settingSpecs().size(), 34);
        Settings settings(iniPath(), schemesDir());
        settings.writeMissingDefaults();
        QVERIFY(settings.flush());
        QSettings written(iniPath(), QSettings::IniFormat);
        QStringList keys = written.allKeys();
        keys.sort();
        QStringList expected;
        for (const SettingSpec &spec : settingSpecs())
            expected.append(spec.key);
        expected.sort();
        QCOMPARE(keys, expected);
        QCOMPARE(written.value(QLatin1String(keys::KingdeeBatchSize)).toString(),
                 QStringLiteral("50"));
    }

    void invalidValue_isRejectedNamingKeyAndAcceptedValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("messageMentions");
        const auto row = [](const char *name, const char *key, const char *value,
                            QStringList mentions) {
            QTest::newRow(name) << QString::fromLatin1(key) << QString::fromUtf8(value) << mentions;
        };
        const QString qps = QStringLiteral("[dingtalk] qps");
        row("qps zero", keys::DingTalkQps, "0", {qps, QStringLiteral("1"), QStringLiteral("19")});
        // DingTalk's own limit is 20, but at 20 every other second is a throttle and a hold.
        row("qps at DingTalk's limit", keys::DingTalkQps, "20", {qps, QStringLiteral("19")});
        row("qps not a number", keys::DingTalkQps, "fast", {qps, QStringLiteral("fast")});
        const QString quota = QStringLiteral("[dingtalk] monthly_quota");
        row("quota zero", keys::DingTalkMonthlyQuota, "0", {quota, QStringLiteral("1")});
        row("quota negative", keys::DingTalkMonthlyQuota, "-5", {quota});
        row("quota not a number", keys::DingTalkMonthlyQuota, "lots",
            {quota, QStringLiteral("lots")});
        row("batch size zero", keys::KingdeeBatchSize, "0",
            {QStringLiteral("[kingdee] batch_size"), QStringLiteral("500")});
        row("concurrency too high", keys::KingdeeConcurrency, "99",
            {QStringLiteral("[kingdee] concurrency"), QStringLiteral("8")});
        row("unknown api", keys::DingTalkApi, "rest",
            {QStringLiteral("[dingtalk] api"), QStringLiteral("topapi, v1")});
        row("unknown auth", keys::KingdeeAuth, "oauth",
            {QStringLiteral("[kingdee] auth"),
             QStringLiteral("appsecret, password, sign, signature")});
        row("auto_sync neither off nor on", keys::ScheduleAutoSync, "yes",
            {QStringLiteral("[schedule] auto_sync"), QStringLiteral("off, on")});
        row("unknown lcid", keys::KingdeeLcid, "9999",
            {QStringLiteral("[kingdee] lcid"), QStringLiteral("2052")});
        row("url not web", keys::DingTalkOapiUrl, "ftp://oapi.dingtalk.com",
            {QStringLiteral("[dingtalk] oapi_url"), QStringLiteral("https://")});
        row("url without host", keys::KingdeeUrl, "k3cloud",
            {QStringLiteral("[kingdee] url"), QStringLiteral("https://")});
        row("url with password", keys::KingdeeUrl, "http://admin:secret@erp.local/k3cloud",
            {QStringLiteral("[kingdee] url"), QStringLiteral("password")});
        row("url with query", keys::DingTalkApiUrl, "https://api.dingtalk.com/?x=1",
            {QStringLiteral("[dingtalk] api_url")});
        row("unknown builtin scheme", keys::SyncScheme, "builtin:nope",
            {QStringLiteral("[sync] scheme"),
             QStringLiteral("builtin:rebate-to-other-receivable")});
        row("missing scheme file", keys::SyncScheme, "mine.json",
            {QStringLiteral("[sync] scheme"), QStringLiteral("mine.json")});
    }

    void invalidValue_isRejectedNamingKeyAndAcceptedValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QStringList, messageMentions);

        // Through the setter: refused, nothing stored, no change signal.
        {
            Settings settings(iniPath(), schemesDir());
            QSignalSpy changed(&settings, &Settings::changed);
            const std::optional<SettingIssue> issue = settings.setValue(key, value);
            QVERIFY(issue.has_value());
            QCOMPARE(issue->key, key);
            for (const QString &mention : messageMentions)
                QVERIFY2(issue->message.contains(mention), qPrintable(issue->message));
            QCOMPARE(changed.count(), 0);
            QCOMPARE(settings.text(key), findSettingSpec(key)->defaultValue);
        }
        // Typed into the file by hand: validate() reports it.
        {
            QSettings raw(iniPath(), QSettings::IniFormat);
            raw.setValue(key, value);
        }
        Settings settings(iniPath(), schemesDir());
        const QList<SettingIssue> issues = settings.validate();
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().key, key);
        QVERIFY(Settings::hasErrors(issues));
        QVERIFY2(issues.first().message.contains(messageMentions.first()),
                 qPrintable(issues.first().message));
    }

    void invalidInteger_readsAsDefault()
    {
        {
            QSettings raw(iniPath(), QSettings::IniFormat);
            raw.setValue(QLatin1String(keys::DingTalkQps), QStringLiteral("999"));
        }
        Settings settings(iniPath(), schemesDir());
        QCOMPARE(settings.integer(QLatin1String(keys::DingTalkQps)), 18);
    }

    void validValues_areStoredAndSignalled()
    {
        Settings settings(iniPath(), schemesDir());
        QSignalSpy changed(&settings, &Settings::changed);
        QVERIFY(!settings.setValue(QLatin1String(keys::DingTalkQps), QStringLiteral("10")));
        QVERIFY(!settings.setValue(QLatin1String(keys::DingTalkQps), QStringLiteral("10")));
        QVERIFY(!settings.setValue(QLatin1String(keys::KingdeeUrl),
                                   QStringLiteral("http://192.168.1.20/k3cloud")));
        QFile scheme(QDir(schemesDir()).filePath(QStringLiteral("mine.json")));
        QVERIFY(scheme.open(QIODevice::WriteOnly));
        scheme.close();
        QVERIFY(!settings.setValue(QLatin1String(keys::SyncScheme), QStringLiteral("mine.json")));
        QCOMPARE(changed.count(), 3); // the repeated value does not signal again
        QCOMPARE(changed.first().first().toString(), QLatin1String(keys::DingTalkQps));
        QVERIFY(settings.flush());

        Settings reread(iniPath(), schemesDir());
        QCOMPARE(reread.integer(QLatin1String(keys::DingTalkQps)), 10);
        QCOMPARE(reread.text(QLatin1String(keys::SyncScheme)), QStringLiteral("mine.json"));
        QVERIFY(reread.validate().isEmpty());
    }

    void secretInSettingsFile_isAnError()
    {
        {
            QSettings raw(iniPath(), QSettings::IniFormat);
            raw.setValue(QStringLiteral("kingdee/password"), QStringLiteral("hunter2"));
            raw.setValue(QStringLiteral("kingdee/pwd"), QStringLiteral("hunter3"));
            raw.setValue(QStringLiteral("dingtalk/app_secret"), QStringLiteral("s3cr3t"));
        }
        Settings settings(iniPath(), schemesDir());
        const QList<SettingIssue> issues = settings.validate();
        QCOMPARE(issues.size(), 3);
        for (const SettingIssue &issue : issues) {
            QCOMPARE(issue.severity, SettingIssue::Severity::Error);
            QVERIFY2(issue.message.contains(QLatin1String("keychain")), qPrintable(issue.message));
            for (const char *secret : {"hunter2", "hunter3", "s3cr3t"})
                QVERIFY(!issue.message.contains(QLatin1String(secret)));
        }
    }

    void unknownKey_isRefusedNamingTheKnownKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QStringList>("messageMentions");
        QTest::newRow("typo") << QStringLiteral("kingdee/batchsize")
                              << QStringList {QStringLiteral("[kingdee] batchsize"),
                                              QStringLiteral("batch_size, concurrency"),
                                              QStringLiteral("Did you mean [kingdee] batch_size")};
        QTest::newRow("unknown key") << QStringLiteral("dingtalk/colour")
                                     << QStringList {QStringLiteral("[dingtalk] colour"),
                                                     QStringLiteral("qps, monthly_quota, intake")};
        QTest::newRow("wrong section")
            << QStringLiteral("dingtalk/batch_size")
            << QStringList {QStringLiteral("Did you mean [kingdee] batch_size")};
        QTest::newRow("unknown section")
            << QStringLiteral("database/path")
            << QStringList {QStringLiteral("[dingtalk], [kingdee], [sync], [store], [alerts]")};
        QTest::newRow("outside any section")
            << QStringLiteral("qps") << QStringList {QStringLiteral("Did you mean [dingtalk] qps")};
    }

    void unknownKey_isRefusedNamingTheKnownKeys()
    {
        QFETCH(QString, key);
        QFETCH(QStringList, messageMentions);
        {
            QSettings raw(iniPath(), QSettings::IniFormat);
            raw.setValue(key, QStringLiteral("100"));
        }
        Settings settings(iniPath(), schemesDir());
        const QList<SettingIssue> issues = settings.validate();
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.constFirst().severity, SettingIssue::Severity::Error);
        for (const QString &mention : messageMentions)
            QVERIFY2(issues.constFirst().message.contains(mention),
                     qPrintable(issues.constFirst().message));
        QVERIFY(settings.setValue(key, QStringLiteral("1")).has_value());
    }

    void everyKeyTheContractNames_isKnown()
    {
        // ARCHITECTURE.md, both waves: known before a feature reads them.
        for (const char *key : {"dingtalk/intake", "store/driver", "store/host", "store/port",
                                "store/database", "store/user", "kingdee/after_save",
                                "dingtalk/monthly_quota", "alerts/robot", "schedule/fetch_minutes"})
            QVERIFY2(findSettingSpec(QLatin1String(key)), key);
    }

    void profile_defaultsToAppDataAndResolvesRelativeFolders()
    {
        setApplicationIdentity();
        const Profile fallback = Profile::resolve(QString());
        QCOMPARE(fallback.dir(), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
        QVERIFY(fallback.dir().endsWith(QLatin1String("RebateSync")));

        const Profile relative = Profile::resolve(QStringLiteral("some/profile"));
        QVERIFY(QDir::isAbsolutePath(relative.dir()));
        QVERIFY(relative.settingsPath().endsWith(QLatin1String("some/profile/settings.ini")));

        const Profile temp = Profile::resolve(m_dir->filePath(QStringLiteral("p")));
        QString error;
        QVERIFY(temp.ensureExists(&error));
        QVERIFY(QDir(temp.schemesDir()).exists());
    }

private:
    QString iniPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    QString schemesDir() const { return m_dir->filePath(QStringLiteral("schemes")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
