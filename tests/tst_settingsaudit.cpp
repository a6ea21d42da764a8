// Who changed which setting (issue 14): a save through the console's Settings becomes one event
// in the sync log, with the keys, their new values and the clerk's user and machine.
#include "app/settings/settings.h"
#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "app/store/eventtext.h"
#include "app/store/jobrunrepository.h"
#include "ui/settingsaudit.h"

#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;

class TestSettingsAudit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSavedDialog_isOneEventNamingItsKeysValuesAndWho()
    {
        QTemporaryDir dir;
        Database database(dir.filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(database.open().ok());
        Settings settings(dir.filePath(QStringLiteral("settings.ini")), dir.path());
        SettingsAudit audit(settings, database);

        QVERIFY(!settings.setValue(QStringLiteral("kingdee/url"),
                                   QStringLiteral("https://erp.example.cn/k3cloud/")));
        QVERIFY(!settings.setValue(QStringLiteral("kingdee/batch_size"), QStringLiteral("20")));
        QTRY_COMPARE(EventLog(database).recent(10).size(), 1);

        const SyncEvent event = EventLog(database).recent(10).constFirst();
        QCOMPARE(event.kind, QStringLiteral("settings.changed"));
        const QString text = eventtext::render(event.message);
        QVERIFY2(text.contains(QStringLiteral("[kingdee] url = https://erp.example.cn/k3cloud/")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("[kingdee] batch_size = 20")), qPrintable(text));
        QCOMPARE(event.actor, JobRunRepository::currentActor());
        QVERIFY(event.actor.endsWith(QSysInfo::machineHostName()));
    }

    void savingTheSameValueAgain_recordsNothing()
    {
        QTemporaryDir dir;
        Database database(dir.filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(database.open().ok());
        Settings settings(dir.filePath(QStringLiteral("settings.ini")), dir.path());
        QVERIFY(!settings.setValue(QStringLiteral("kingdee/batch_size"), QStringLiteral("20")));
        SettingsAudit audit(settings, database);
        QVERIFY(!settings.setValue(QStringLiteral("kingdee/batch_size"), QStringLiteral("20")));
        QTest::qWait(50);
        QCOMPARE(EventLog(database).recent(10).size(), 0);
    }
};

QTEST_MAIN(TestSettingsAudit)
#include "tst_settingsaudit.moc"
