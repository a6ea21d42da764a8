#include "app/secrets/secretstore.h"
#include "app/settings/profile.h"
#include "app/store/apiusagerepository.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "mappingtestdata.h"
#include "storetestdata.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <unistd.h>

using namespace rs;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

// Drives the real rebatesync-cli binary the way a scheduled task or a script does.
class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void version_printsTheVersion()
    {
        const Run run = cli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(REBATESYNC_VERSION), run.out.constData());
    }

    void help_listsTheCommands()
    {
        const Run run = cli({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *word :
             {"--profile", "status", "list", "preview ID", "secret set", "kingdee.password"})
            QVERIFY2(run.out.contains(word), word);
    }

    void unknownCommand_exitsWithConfigError()
    {
        const Run run =
            cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("frobnicate"));
    }

    void statusJson_countsWhatTheStoreHolds()
    {
        {
            Database db(Profile::resolve(m_dir->path()).databasePath());
            QVERIFY(db.open().ok());
            ApplicationRepository apps(db);
            QVERIFY(apps.upsert(testdata::application(QStringLiteral("a1"))).ok());
            QVERIFY(apps.upsert(testdata::application(QStringLiteral("a2"))).ok());
            ApplicationRecord running = testdata::application(QStringLiteral("a3"));
            running.approval = ApprovalState::InApproval;
            QVERIFY(apps.upsert(running).ok());
            BillRepository bills(db);
            QVERIFY(
                bills.saveDraft(testdata::bill(QStringLiteral("a1"), QStringLiteral("C0"))).ok());
            ApiUsageRepository usage(db);
            QVERIFY(usage.record(QLatin1String(api::DingTalkGet), ApiOutcome::Ok, 30).ok());
            QVERIFY(usage.record(QLatin1String(api::DingTalkGet), ApiOutcome::Throttled, 30).ok());
            QVERIFY(usage.record(QLatin1String(api::DingTalkGetToken), ApiOutcome::Ok, 30).ok());
        }
        const Run run = cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("status"),
                             QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error {};
        const QJsonObject status = QJsonDocument::fromJson(run.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, run.out.constData());

        QStringList keys = status.keys();
        QCOMPARE(keys,
                 (QStringList {QStringLiteral("api"), QStringLiteral("applications"),
                               QStringLiteral("bills"), QStringLiteral("dingtalk_month_calls"),
                               QStringLiteral("dingtalk_month_events")}));
        const QJsonObject applications = status.value(QLatin1String("applications")).toObject();
        QCOMPARE(applications.value(QLatin1String("approved")).toInt(), 2);
        QCOMPARE(applications.value(QLatin1String("in_approval")).toInt(), 1);
        QCOMPARE(applications.value(QLatin1String("revoked")).toInt(), 0);
        QCOMPARE(
            status.value(QLatin1String("bills")).toObject().value(QLatin1String("pending")).toInt(),
            1);
        const QJsonObject get = status.value(QLatin1String("api"))
                                    .toObject()
                                    .value(QLatin1String("dingtalk.get"))
                                    .toObject();
        QCOMPARE(get.value(QLatin1String("calls")).toInt(), 2);
        QCOMPARE(get.value(QLatin1String("throttled")).toInt(), 1);
        QCOMPARE(get.value(QLatin1String("errors")).toInt(), 0);
        // What DingTalk charges: the throttled answer and the token call are free.
        QCOMPARE(status.value(QLatin1String("dingtalk_month_calls")).toInt(), 1);
    }

    void listJson_givesApplicationsWithTheirBills()
    {
        {
            Database db(Profile::resolve(m_dir->path()).databasePath());
            QVERIFY(db.open().ok());
            QVERIFY(
                ApplicationRepository(db).upsert(testdata::application(QStringLiteral("a1"))).ok());
            ApplicationRecord refused = testdata::application(QStringLiteral("a2"));
            refused.approval = ApprovalState::Rejected;
            QVERIFY(ApplicationRepository(db).upsert(refused).ok());
            BillRepository bills(db);
            const BillRecord bill = testdata::bill(QStringLiteral("a1"), QStringLiteral("C0"));
            QVERIFY(bills.saveDraft(bill).ok());
            QVERIFY(bills.transition(bill.key, BillState::Pending, BillState::Queued, {}, {}).ok());
        }
        const Run run =
            cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("list"),
                 QStringLiteral("--state"), QStringLiteral("approved"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(list.size(), 1);
        const QJsonObject a1 = list.first().toObject();
        QCOMPARE(a1.value(QLatin1String("id")).toString(), QStringLiteral("a1"));
        QCOMPARE(a1.value(QLatin1String("business_id")).toString(), QStringLiteral("2025a1"));
        QCOMPARE(a1.value(QLatin1String("approval")).toString(), QStringLiteral("approved"));
        QCOMPARE(a1.value(QLatin1String("sync")).toString(), QStringLiteral("queued"));
        QCOMPARE(a1.value(QLatin1String("amount")).toString(), QStringLiteral("1834.60"));
        const QJsonObject bill = a1.value(QLatin1String("bills")).toArray().first().toObject();
        QCOMPARE(bill.value(QLatin1String("key")).toString(), QStringLiteral("a1-C0"));
        QCOMPARE(bill.value(QLatin1String("state")).toString(), QStringLiteral("queued"));
        QVERIFY(bill.contains(QLatin1String("number")) && bill.contains(QLatin1String("error")));

        const Run bySync =
            cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("list"),
                 QStringLiteral("--state"), QStringLiteral("pending"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(bySync.out).array().size(), 1); // a2: no bills yet

        const Run bad = cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("list"),
                             QStringLiteral("--state"), QStringLiteral("done")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("in_doubt"));
    }

    void secretSet_storesStdinInTheKeychainAndNeverPrintsIt()
    {
        const QByteArray secret = "pw-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const Run run = cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("secret"),
                             QStringLiteral("set"), QStringLiteral("kingdee.password")},
                            secret + "\r\n");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!run.out.contains(secret) && !run.err.contains(secret));

        SecretStore store(Profile::resolve(m_dir->path()).keychainScope());
        const SecretResult read = store.readNow(SecretName::KingdeePassword);
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.value.toUtf8(), secret); // line break stripped
        QVERIFY(store.removeNow(SecretName::KingdeePassword).ok());

        // Nothing in the profile folder holds it.
        QDirIterator files(m_dir->path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(secret), qPrintable(file.fileName()));
        }
    }

    void secretSet_refusesUnknownNamesAndEmptyInput()
    {
        const Run unknown =
            cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("secret"),
                 QStringLiteral("set"), QStringLiteral("kingdee.token")},
                "x\n");
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("kingdee.app_secret"));

        const Run empty = cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("secret"),
                               QStringLiteral("set"), QStringLiteral("kingdee.password")},
                              "\n");
        QCOMPARE(empty.exitCode, 2);
    }

    void secretSet_withoutKeychain_saysWhatToInstallAndKeepsNothing()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=/nonexistent/rebatesync-bus"));
        environment.remove(QStringLiteral("DISPLAY"));
        environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        const QByteArray secret = "never-written-anywhere";
        const Run run = cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("secret"),
                             QStringLiteral("set"), QStringLiteral("dingtalk.app_secret")},
                            secret + "\n", environment);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("gnome-keyring"), run.err.constData());
        QVERIFY(run.err.contains("REBATESYNC_DINGTALK_APP_SECRET"));
        QVERIFY(!run.out.contains(secret) && !run.err.contains(secret));
    }

    void readCommands_onAMissingProfile_sayWhereTheyLookedAndCreateNothing()
    {
        const QString missing = m_dir->filePath(QStringLiteral("typo"));
        const Run run = cli({QStringLiteral("--profile"), missing, QStringLiteral("status"),
                             QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("typo"));
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFileInfo::exists(missing));
    }

    void secretSet_findsTheSameEntryHoweverTheProfileIsSpelled()
    {
        const QString withSlash = m_dir->path() + QStringLiteral("/./");
        const Run run = cli({QStringLiteral("--profile"), withSlash, QStringLiteral("secret"),
                             QStringLiteral("set"), QStringLiteral("KINGDEE_APP_SECRET")},
                            "spelled-once\n");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        SecretStore store(Profile::resolve(m_dir->path()).keychainScope());
        QCOMPARE(store.readNow(SecretName::KingdeeAppSecret).value, QStringLiteral("spelled-once"));
        QVERIFY(store.removeNow(SecretName::KingdeeAppSecret).ok());
    }

    void status_onCorruptDatabase_explainsAndLeavesItAlone()
    {
        const QString path = Profile::resolve(m_dir->path()).databasePath();
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("this is not a database");
        }
        const Run run = cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("status")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("rebatesync.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("this is not a database"));
    }

    void readOnlyProfile_statusAndListWork_writingCommandsSaySo()
    {
        storeApplication(testdata::application(QStringLiteral("a1")));
        const QString dir = m_dir->path();
        // Root writes through any mode bits (as in CI): there the CLI runs as nobody instead, for
        // whom a root-owned 0755 folder is as read-only as a 0555 one is for its owner.
        const bool root = ::geteuid() == 0;
        const QFileDevice::Permissions readOnlyDir = QFileDevice::ReadOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
            | QFileDevice::ExeOther;
        const QFileDevice::Permissions readOnlyFile =
            QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        const QStringList before = QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        for (const QString &name : before)
            QVERIFY(QFile::setPermissions(QDir(dir).filePath(name), readOnlyFile));
        QVERIFY(QFile::setPermissions(dir, readOnlyDir));
        const auto restore =
            qScopeGuard([&] { QFile::setPermissions(dir, readOnlyDir | QFileDevice::WriteOwner); });
        const auto run = [&](const QStringList &arguments) {
            return root ? cliAsNobody(arguments) : cli(arguments);
        };

        const Run status = run(
            {QStringLiteral("--profile"), dir, QStringLiteral("status"), QStringLiteral("--json")});
        QVERIFY2(status.exitCode == 0, status.err.constData());
        QCOMPARE(QJsonDocument::fromJson(status.out)
                     .object()
                     .value(QLatin1String("applications"))
                     .toObject()
                     .value(QLatin1String("approved"))
                     .toInt(),
                 1);
        const Run list = run(
            {QStringLiteral("--profile"), dir, QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 1);

        for (const QStringList &writing :
             {QStringList {QStringLiteral("fetch")},
              QStringList {QStringLiteral("sync"), QStringLiteral("--all-pending")}}) {
            const Run refused = run(QStringList {QStringLiteral("--profile"), dir} + writing);
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains("read-only"), refused.err.constData());
            QVERIFY2(!refused.err.contains("close other programs"), refused.err.constData());
        }
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
    }

    void chineseLocale_speaksChinese()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8"));
        environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("zh_CN"));
        const Run run = cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("status")},
                            {}, environment);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(QString::fromUtf8(run.out).contains(QStringLiteral("已同步")),
                 run.out.constData());
    }

    void previewJson_givesTheBatchSaveBodyAndNoIssues()
    {
        storeApplication(testdata::rebateApplication(
            {testdata::rebateRow(QStringLiteral("C0001"), QStringLiteral("600")),
             testdata::rebateRow(QStringLiteral("C0002"), QStringLiteral("1,234.50")),
             testdata::rebateRow(QStringLiteral("C0001"), QStringLiteral("0.10"))}));
        const Run run = cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("preview"),
                             QStringLiteral("pi-1"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QJsonParseError error {};
        const QJsonObject preview = QJsonDocument::fromJson(run.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, run.out.constData());
        QCOMPARE(preview.keys(),
                 (QStringList {QStringLiteral("data"), QStringLiteral("formid"),
                               QStringLiteral("issues")}));
        QCOMPARE(preview.value(QLatin1String("formid")).toString(),
                 QStringLiteral("AR_OtherRecAble"));
        QCOMPARE(preview.value(QLatin1String("issues")).toArray().size(), 0);
        const QJsonObject data = preview.value(QLatin1String("data")).toObject();
        QCOMPARE(data.value(QLatin1String("IsAutoSubmitAndAudit")), QJsonValue(false));
        const QJsonArray models = data.value(QLatin1String("Model")).toArray();
        QCOMPARE(models.size(), 2);
        const QJsonObject first = models.at(0).toObject();
        QCOMPARE(first.value(QLatin1String("FAR_OtherRemarks")).toString(),
                 QStringLiteral("202503031012000123456-C0001"));
        const QJsonArray entries = first.value(QLatin1String("FEntity")).toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).toObject().value(QLatin1String("FNOTAXAMOUNTFOR")).toString(),
                 QStringLiteral("-600.00"));
        QCOMPARE(entries.at(1).toObject().value(QLatin1String("FNOTAXAMOUNTFOR")).toString(),
                 QStringLiteral("-0.10"));
        QCOMPARE(models.at(1)
                     .toObject()
                     .value(QLatin1String("FEntity"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("FNOTAXAMOUNTFOR"))
                     .toString(),
                 QStringLiteral("-1234.50"));
    }

    void previewJson_listsIssuesAndExitsOne()
    {
        storeApplication(testdata::rebateApplication(
            {testdata::rebateRow(QStringLiteral("C0001"), QStringLiteral("1' OR '1'='1"))}));
        const Run run = cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("preview"),
                             QStringLiteral("pi-1"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject preview = QJsonDocument::fromJson(run.out).object();
        const QJsonArray issues = preview.value(QLatin1String("issues")).toArray();
        QVERIFY(!issues.isEmpty());
        const QJsonObject issue = issues.at(0).toObject();
        QCOMPARE(issue.keys(),
                 (QStringList {QStringLiteral("bill"), QStringLiteral("field"),
                               QStringLiteral("message")}));
        QCOMPARE(issue.value(QLatin1String("bill")).toString(),
                 QStringLiteral("202503031012000123456-C0001"));
        QCOMPARE(issue.value(QLatin1String("field")).toString(),
                 QStringLiteral("FEntity[0].FNOTAXAMOUNTFOR"));
        QVERIFY(issue.value(QLatin1String("message"))
                    .toString()
                    .contains(QLatin1String("\"1' OR '1'='1\" is not a number")));
    }

    void preview_text_showsBodyAndIssues()
    {
        ApplicationRecord running = testdata::rebateApplication(
            {testdata::rebateRow(QStringLiteral("C0001"), QStringLiteral("600"))});
        running.approval = ApprovalState::InApproval;
        storeApplication(running);
        const Run run = cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("preview"),
                             QStringLiteral("pi-1")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("\"FNOTAXAMOUNTFOR\": \"-600.00\""), run.out.constData());
        QVERIFY2(run.out.contains("not approved"), run.out.constData());
    }

    void preview_unknownId_exitsOneAndSaysSo()
    {
        storeApplication(testdata::rebateApplication({}));
        const Run run = cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("preview"),
                             QStringLiteral("no-such-id"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("no-such-id"), run.err.constData());
    }

    void preview_badSchemeFile_isAConfigError()
    {
        storeApplication(testdata::rebateApplication(
            {testdata::rebateRow(QStringLiteral("C0001"), QStringLiteral("600"))}));
        const Profile profile = Profile::resolve(m_dir->path());
        QVERIFY(QDir().mkpath(profile.schemesDir()));
        QFile scheme(QDir(profile.schemesDir()).filePath(QStringLiteral("broken.json")));
        QVERIFY(scheme.open(QIODevice::WriteOnly));
        scheme.write("{\n  \"name\": \"broken\",\n}\n");
        scheme.close();
        QFile ini(profile.settingsPath());
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[sync]\nscheme=broken.json\n");
        ini.close();
        Run run = cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("preview"),
                       QStringLiteral("pi-1"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("broken.json: JSON syntax error at line 3"), run.err.constData());

        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[sync]\nscheme=builtin:nope\n");
        ini.close();
        run = cli({QStringLiteral("--profile"), m_dir->path(), QStringLiteral("preview"),
                   QStringLiteral("pi-1")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("builtin:nope"), run.err.constData());
    }

private:
    void storeApplication(const ApplicationRecord &application)
    {
        Database db(Profile::resolve(m_dir->path()).databasePath());
        QVERIFY(db.open().ok());
        QVERIFY(ApplicationRepository(db).upsert(application).ok());
    }

    // The CLI as the unprivileged user nobody (setpriv, util-linux), for tests run as root.
    Run cliAsNobody(const QStringList &arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
        env.insert(QStringLiteral("HOME"), QDir::tempPath());
        return cli(QStringList {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                QStringLiteral("--clear-groups"), QStringLiteral(CLI_EXECUTABLE)}
                       + arguments,
                   {}, env, QStringLiteral("setpriv"));
    }

    Run cli(const QStringList &arguments, const QByteArray &input = {},
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
            const QString &program = QStringLiteral(CLI_EXECUTABLE))
    {
        QProcess process;
        QProcessEnvironment env = environment;
        if (!env.contains(QStringLiteral("LANG")))
            env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        process.setProcessEnvironment(env);
        process.start(program, arguments);
        if (!process.waitForStarted())
            return {};
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
