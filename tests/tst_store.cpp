#include "app/store/apiusagerepository.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "app/store/migrations.h"
#include "app/store/sqlutil.h"
#include "pgtesting.h"
#include "storetestdata.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMetaMethod>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <atomic>

using namespace rs;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Raw access for setting up states the product never writes itself.
void execRaw(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &statement : statements)
            QVERIFY2(q.exec(statement), qPrintable(statement));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// An approved application "a1" with one pending bill for customer C0.
bool addPendingBill(const Database &db, BillRecord *draft)
{
    *draft = testdata::bill(QStringLiteral("a1"), QStringLiteral("C0"));
    return ApplicationRepository(db).upsert(testdata::application(QStringLiteral("a1"))).ok()
        && BillRepository(db).saveDraft(*draft).ok();
}

} // namespace

// Opens a Database and, when it fails, says why.
#define QVERIFY_OPENS(db, ...)                                                                     \
    do {                                                                                           \
        const StoreError opened_ = (db).open(__VA_ARGS__);                                         \
        QVERIFY2(opened_.ok(), qPrintable(opened_.message));                                       \
    } while (false)

// The store's behaviour on both drivers: run as tst_store on an SQLite file per test, and as
// tst_store_postgresql on a fresh database per test on the private server of
// scripts/with-postgres.sh. The tests of SQLite's file handling run on SQLite only; the ledger's
// own refusals are in tst_ledger.
class TestStore final : public QObject
{
    Q_OBJECT

public:
    explicit TestStore(std::optional<testing::PgServer> server)
        : m_server(std::move(server))
    { }

    static QStringList sqliteOnly()
    {
        return {QStringLiteral("newDatabase_isAtLatestVersionInWalMode"),
                QStringLiteral("corruptFile_isRefusedAndLeftUntouched"),
                QStringLiteral("damagedPages_areRefusedAndLeftUntouched"),
                QStringLiteral("newerVersionFile_isRefusedAndLeftUntouched"),
                QStringLiteral("someoneElsesDatabase_isRefused"),
                QStringLiteral("refusedDatabaseWithALeftoverWal_keepsAllThreeFilesAsTheyWere"),
                QStringLiteral("twoProcessesOpeningANewDatabaseAtOnce_bothSucceed")};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("t%1.db").arg(++m_counter));
        m_location = StoreLocation::sqlite(m_path);
        if (m_server) {
            QString error;
            const auto created = m_server->createDatabase(&error);
            QVERIFY2(created, qPrintable(error));
            m_location = *created;
        }
    }

    void newDatabase_isAtLatestVersionInWalMode()
    {
        Database db(m_location);
        const StoreError error = db.open();
        QVERIFY2(error.ok(), qPrintable(error.message));
        QCOMPARE(db.schemaVersion(), latestSchemaVersion());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }

    void olderSchema_isMigratedForwardKeepingItsData()
    {
        {
            Database v1(m_location);
            QVERIFY_OPENS(v1, 1);
            QCOMPARE(v1.schemaVersion(), 1);
            // Written as version 1's own columns; today's repository writes columns v1 lacks.
            QSqlQuery insert(v1.connection());
            QVERIFY2(insert.exec(QStringLiteral(
                         "INSERT INTO applications (id, approval, amount, raw_json, fetched_at,"
                         " updated_at) VALUES ('a1', 'approved', '1834.60', '{}', 'x', 'x')")),
                     qPrintable(insert.lastError().text()));
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO application_rows VALUES"
                                               " ('a1', 0, '{}'), ('a1', 1, '{}')")));
            // Version 1 has no usage counters yet.
            QVERIFY(!ApiUsageRepository(v1)
                         .record(QLatin1String(api::DingTalkGet), ApiOutcome::Ok, 5)
                         .ok());
        }
        Database current(m_location);
        const StoreError error = current.open();
        QVERIFY2(error.ok(), qPrintable(error.message));
        QCOMPARE(current.schemaVersion(), latestSchemaVersion());
        const auto found = ApplicationRepository(current).find(QStringLiteral("a1"));
        QVERIFY(found.has_value());
        QCOMPARE(found->rowsJson.size(), 2);
        QCOMPARE(found->amount, QStringLiteral("1834.60"));
        QVERIFY(found->fieldsJson.isEmpty());
        QVERIFY(ApiUsageRepository(current)
                    .record(QLatin1String(api::DingTalkGet), ApiOutcome::Ok, 5)
                    .ok());
    }

    void upsert_replacesTheApplicationAndAllItsRows()
    {
        Database db(m_location);
        QVERIFY_OPENS(db);
        ApplicationRepository repo(db);
        QVERIFY(
            repo.upsert(testdata::application(QStringLiteral("a1"), 5, QStringLiteral("A"))).ok());
        QVERIFY(
            repo.upsert(testdata::application(QStringLiteral("a1"), 2, QStringLiteral("B"))).ok());
        const auto found = repo.find(QStringLiteral("a1"));
        QVERIFY(found.has_value());
        QCOMPARE(found->title, QStringLiteral("B"));
        QCOMPARE(found->rowsJson.size(), 2);
        QCOMPARE(found->fieldsJson, testdata::application(QStringLiteral("a1")).fieldsJson);
        QCOMPARE(repo.list().size(), 1);
    }

    // The scheme editor's "what changes" reads a whole store at once: every approved application
    // with exactly its own rows, in order, and nothing of the others.
    void listWithRows_givesEachApprovedApplicationItsOwnRows()
    {
        Database db(m_path);
        QVERIFY(db.open().ok());
        ApplicationRepository repo(db);
        ApplicationRecord rejected = testdata::application(QStringLiteral("r1"), 4);
        rejected.approval = ApprovalState::Rejected;
        QVERIFY(repo.upsertAll({testdata::application(QStringLiteral("a1"), 3, QStringLiteral("A")),
                                rejected,
                                testdata::application(QStringLiteral("a2"), 1, QStringLiteral("B")),
                                testdata::application(QStringLiteral("a3"), 0)})
                    .ok());
        StoreError error;
        const QList<ApplicationRecord> approved =
            repo.listWithRows(ApprovalState::Approved, &error);
        QVERIFY(error.ok());
        QCOMPARE(approved.size(), 3);
        for (const ApplicationRecord &application : approved) {
            const ApplicationRecord one = *repo.find(application.id);
            QCOMPARE(application.rowsJson, one.rowsJson);
            QCOMPARE(application.fieldsJson, one.fieldsJson);
        }
        QCOMPARE(repo.listWithRows(ApprovalState::Rejected).constFirst().rowsJson.size(), 4);
    }

    void failedTransaction_leavesNoPartialState()
    {
        Database db(m_location);
        QVERIFY_OPENS(db);
        const StoreError error = db.transact([](QSqlDatabase &conn) {
            SyncEvent event;
            event.kind = QStringLiteral("test");
            event.message = QStringLiteral("written before the failure");
            if (StoreError e = EventLog::appendIn(conn, event); !e.ok())
                return e;
            QSqlQuery q(conn);
            q.exec(QStringLiteral("INSERT INTO no_such_table VALUES (1)"));
            return StoreError {StoreError::Kind::Sql, q.lastError().text()};
        });
        QVERIFY(!error.ok());
        QVERIFY(EventLog(db).recent(10).isEmpty());
    }

    void billForUnknownApplication_isRefusedAndNothingStored()
    {
        Database db(m_location);
        QVERIFY_OPENS(db);
        BillRepository bills(db);
        const StoreError error =
            bills.saveDraft(testdata::bill(QStringLiteral("ghost"), QStringLiteral("C1")));
        QCOMPARE(error.kind, StoreError::Kind::Sql);
        QVERIFY(!bills.find(QStringLiteral("ghost-C1")).has_value());
    }

    void billStateMachine_recordsEveryChangeWithItsEvent()
    {
        Database db(m_location);
        QVERIFY_OPENS(db);
        BillRecord draft;
        QVERIFY(addPendingBill(db, &draft));
        BillRepository bills(db);
        QCOMPARE(bills.find(draft.key)->state, BillState::Pending);

        QVERIFY(bills
                    .transition(draft.key, BillState::Pending, BillState::Queued, {},
                                QStringLiteral("queued"))
                    .ok());
        BillOutcome attempt;
        attempt.countsAsAttempt = true;
        QVERIFY(bills
                    .transition(draft.key, BillState::Queued, BillState::Sending, attempt,
                                QStringLiteral("sending"))
                    .ok());
        BillOutcome saved;
        saved.kingdeeId = QStringLiteral("100123");
        saved.kingdeeNumber = QStringLiteral("QTYS000123");
        QVERIFY(bills
                    .transition(draft.key, BillState::Sending, BillState::Synced, saved,
                                QStringLiteral("saved as QTYS000123"))
                    .ok());

        const BillRecord synced = *bills.find(draft.key);
        QCOMPARE(synced.state, BillState::Synced);
        QCOMPARE(synced.kingdeeNumber, QStringLiteral("QTYS000123"));
        QCOMPARE(synced.attempts, 1);
        QVERIFY(synced.lastError.isEmpty());

        // A synced bill's draft is never rewritten, and it never goes back to the queue.
        BillRecord changed = draft;
        changed.amount = QStringLiteral("-1.00");
        QCOMPARE(bills.saveDraft(changed).kind, StoreError::Kind::Conflict);
        QCOMPARE(bills.find(draft.key)->amount, QStringLiteral("-600.00"));
        QCOMPARE(bills.transition(draft.key, BillState::Synced, BillState::Queued, {}, {}).kind,
                 StoreError::Kind::Conflict);

        const QList<SyncEvent> events = EventLog(db).recent(10);
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.first().kind, QStringLiteral("bill.synced"));
        QCOMPARE(events.first().applicationId, QStringLiteral("a1"));
        QCOMPARE(events.first().message, QStringLiteral("saved as QTYS000123"));
    }

    void version7Bills_survivesTheRebuild_andASyncedBillBecomesReversed()
    {
        {
            Database v7(m_location);
            QVERIFY_OPENS(v7, 7);
            QSqlQuery insert(v7.connection());
            QVERIFY(insert.exec(QStringLiteral(
                "INSERT INTO applications (id, approval, amount, raw_json, fetched_at,"
                " updated_at) VALUES ('a1', 'revoked', '600.00', '{}', 'x', 'x')")));
            QVERIFY2(insert.exec(QStringLiteral(
                         "INSERT INTO bills (idempotency_key, application_id, state, amount,"
                         " kingdee_number, created_at, updated_at) VALUES"
                         " ('k1', 'a1', 'synced', '-600.00', 'QTYS1', 'x', 'x')")),
                     qPrintable(insert.lastError().text()));
            QVERIFY(!insert.exec(QStringLiteral("UPDATE bills SET state = 'reversed'")));
        }
        Database db(m_location);
        QVERIFY_OPENS(db);
        BillRepository bills(db);
        QCOMPARE(bills.find(QStringLiteral("k1"))->kingdeeNumber, QStringLiteral("QTYS1"));
        BillOutcome how;
        how.reversal = QStringLiteral("red QTYS2");
        QVERIFY(
            bills.transition(QStringLiteral("k1"), BillState::Synced, BillState::Reversed, how, {})
                .ok());
        const BillRecord reversed = *bills.find(QStringLiteral("k1"));
        QCOMPARE(reversed.state, BillState::Reversed);
        QCOMPARE(reversed.reversal, QStringLiteral("red QTYS2"));
        QCOMPARE(reversed.kingdeeNumber, QStringLiteral("QTYS1")); // the original's number stays
        QCOMPARE(toWireName(reversed.state), QStringLiteral("reversed"));
        // Nothing leaves reversed.
        QCOMPARE(
            bills.transition(QStringLiteral("k1"), BillState::Reversed, BillState::Queued, {}, {})
                .kind,
            StoreError::Kind::Conflict);
        QCOMPARE(aggregateSyncState({BillState::Reversed, BillState::Reversed}),
                 BillState::Reversed);
        QCOMPARE(aggregateSyncState({BillState::Reversed, BillState::Synced}), BillState::Synced);
    }

    void transitionWithoutMessage_logsTheChangeItself()
    {
        Database db(m_location);
        QVERIFY_OPENS(db);
        BillRecord draft;
        QVERIFY(addPendingBill(db, &draft));
        BillRepository bills(db);
        QVERIFY(bills.transition(draft.key, BillState::Pending, BillState::Queued, {}, {}).ok());
        const QList<SyncEvent> events = EventLog(db).recent(1);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().message, QStringLiteral("Pending → Queued"));
        QCOMPARE(events.first().billKey, draft.key);
    }

    void eventsAfter_readsNewEventsOldestFirstFromAnotherConnection()
    {
        Database reader(m_location);
        QVERIFY_OPENS(reader);
        Database writer(m_location); // the fetch or push worker's own connection
        QVERIFY_OPENS(writer);
        QVERIFY(
            ApplicationRepository(writer).upsert(testdata::application(QStringLiteral("a1"))).ok());
        const EventLog log(reader);
        QVERIFY(log.after(0, 10).isEmpty());

        for (int i = 1; i <= 5; ++i) {
            SyncEvent event;
            event.kind = QStringLiteral("test");
            event.level = i == 3 ? SyncEvent::Level::Error : SyncEvent::Level::Info;
            event.applicationId = i == 3 ? QStringLiteral("a1") : QStringLiteral("unknown");
            event.message = QStringLiteral("第%1条").arg(i);
            QVERIFY(EventLog(writer).append(event).ok());
        }
        StoreError error;
        const QList<SyncEvent> first = log.after(0, 3, &error);
        QVERIFY2(error.ok(), qPrintable(error.message));
        QCOMPARE(first.size(), 3);
        QCOMPARE(first.at(0).message, QStringLiteral("第1条"));
        QCOMPARE(first.at(2).level, SyncEvent::Level::Error);
        QCOMPARE(first.at(2).applicationBusinessId, QStringLiteral("2025a1"));
        QVERIFY(first.at(0).applicationBusinessId.isEmpty()); // names an application not stored
        QVERIFY(first.at(0).id < first.at(1).id && first.at(1).id < first.at(2).id);

        const QList<SyncEvent> rest = log.after(first.last().id, 10);
        QCOMPARE(rest.size(), 2);
        QCOMPARE(rest.last().message, QStringLiteral("第5条"));
        QVERIFY(log.after(rest.last().id, 10).isEmpty());
        QCOMPARE(log.recent(1).constFirst().id, rest.last().id);
    }

    void transitionFromAnotherState_changesNothing()
    {
        Database db(m_location);
        QVERIFY_OPENS(db);
        BillRecord draft;
        QVERIFY(addPendingBill(db, &draft));
        BillRepository bills(db);
        // The caller believes the bill is queued; it is still pending.
        const StoreError error =
            bills.transition(draft.key, BillState::Queued, BillState::Sending, {}, {});
        QCOMPARE(error.kind, StoreError::Kind::Conflict);
        QCOMPARE(bills.find(draft.key)->state, BillState::Pending);
        QVERIFY(EventLog(db).recent(10).isEmpty());
    }

    void revocation_survivesALaterAnswerAndIsFoundFromEitherSide()
    {
        Database db(m_location);
        QVERIFY_OPENS(db);
        ApplicationRepository applications(db);
        // The revoke request arrives first and names the original.
        ApplicationRecord request = testdata::application(QStringLiteral("r1"), 0);
        request.approval = ApprovalState::Revoked;
        request.revokesId = QStringLiteral("o1");
        QVERIFY(applications.upsert(request).ok());
        QVERIFY(applications.isRevokedByAnother(QStringLiteral("o1")));
        QVERIFY(!applications.isRevokedByAnother(QStringLiteral("r1")));

        QVERIFY(applications.upsert(testdata::application(QStringLiteral("o1"))).ok());
        SyncEvent event;
        event.kind = QStringLiteral("fetch.revoked");
        event.message = QStringLiteral("revoked");
        QVERIFY(applications.markRevoked(QStringLiteral("o1"), event).ok());
        // A later answer about the original still says approved: the revocation stays.
        QVERIFY(applications.upsert(testdata::application(QStringLiteral("o1"))).ok());
        QCOMPARE(applications.find(QStringLiteral("o1"))->approval, ApprovalState::Revoked);
        QCOMPARE(applications.find(QStringLiteral("r1"))->revokesId, QStringLiteral("o1"));
    }

    void transitionAll_appliesEveryChangeOrNone()
    {
        Database db(m_location);
        QVERIFY_OPENS(db);
        BillRecord first;
        QVERIFY(addPendingBill(db, &first));
        const BillRecord second = testdata::bill(QStringLiteral("a1"), QStringLiteral("C1"));
        BillRepository bills(db);
        QVERIFY(bills.saveDraft(second).ok());
        // The second change names the wrong current state: the first must not happen either.
        const StoreError refused =
            bills.transitionAll({{first.key, BillState::Pending, BillState::Queued, {}, {}},
                                 {second.key, BillState::Queued, BillState::Sending, {}, {}}});
        QCOMPARE(refused.kind, StoreError::Kind::Conflict);
        QCOMPARE(bills.find(first.key)->state, BillState::Pending);
        QVERIFY(EventLog(db).recent(10).isEmpty());

        QVERIFY(bills
                    .transitionAll({{first.key, BillState::Pending, BillState::Queued, {}, {}},
                                    {second.key, BillState::Pending, BillState::Queued, {}, {}}})
                    .ok());
        QCOMPARE(bills.inStates({BillState::Queued}).size(), 2);
        QCOMPARE(EventLog(db).recent(10).size(), 2);
    }

    void billsLeftSending_becomeInDoubtAtStartUp()
    {
        Database db(m_location);
        QVERIFY_OPENS(db);
        BillRecord draft;
        QVERIFY(addPendingBill(db, &draft));
        BillRepository bills(db);
        QVERIFY(bills.transition(draft.key, BillState::Pending, BillState::Queued, {}, {}).ok());
        QVERIFY(bills.transition(draft.key, BillState::Queued, BillState::Sending, {}, {}).ok());
        QCOMPARE(bills.recoverInterruptedSends(), 1);
        QCOMPARE(bills.find(draft.key)->state, BillState::InDoubt);
        QCOMPARE(EventLog(db).recent(1).constFirst().level, SyncEvent::Level::Warning);
        QCOMPARE(bills.recoverInterruptedSends(), 0);
    }

    void readerSeesConsistentDataWhileWriterCommits()
    {
        {
            Database setup(m_location);
            QVERIFY_OPENS(setup);
            QVERIFY(ApplicationRepository(setup)
                        .upsert(testdata::application(QStringLiteral("a1"), 3, QStringLiteral("A")))
                        .ok());
        }
        std::atomic<bool> writerFailed {false};
        QThread *writer = QThread::create([this, &writerFailed] {
            Database db(m_location);
            if (!db.open().ok()) {
                writerFailed = true;
                return;
            }
            ApplicationRepository repo(db);
            for (int i = 0; i < 300; ++i) {
                const bool odd = i % 2;
                const auto a =
                    testdata::application(QStringLiteral("a1"), odd ? 7 : 3,
                                          odd ? QStringLiteral("B") : QStringLiteral("A"));
                if (!repo.upsert(a).ok())
                    writerFailed = true;
            }
        });

        Database reader(m_location);
        QVERIFY_OPENS(reader);
        ApplicationRepository repo(reader);
        writer->start();
        // A failed check returns early: stop and free the writer all the same.
        auto joinWriter = qScopeGuard([writer] {
            writer->wait();
            delete writer;
        });
        int reads = 0;
        while (!writer->isFinished() || reads < 50) {
            const auto a = repo.find(QStringLiteral("a1"));
            QVERIFY(a.has_value());
            const int expectedRows = a->title == QLatin1String("B") ? 7 : 3;
            QCOMPARE(a->rowsJson.size(), expectedRows);
            for (const QByteArray &row : a->rowsJson)
                QVERIFY2(row.contains(a->title.toUtf8()), row.constData());
            ++reads;
        }
        joinWriter.dismiss();
        writer->wait();
        delete writer;
        QVERIFY(!writerFailed);
    }

    void corruptFile_isRefusedAndLeftUntouched()
    {
        {
            QFile file(m_path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(8192, 'x'));
        }
        const QByteArray before = fileHash(m_path);
        Database db(m_location);
        const StoreError error = db.open();
        QCOMPARE(error.kind, StoreError::Kind::Corrupt);
        QVERIFY2(error.message.contains(m_path), qPrintable(error.message));
        QCOMPARE(fileHash(m_path), before);
        QVERIFY(!QFile::exists(m_path + QStringLiteral("-wal")));
    }

    void damagedPages_areRefusedAndLeftUntouched()
    {
        {
            Database db(m_location);
            QVERIFY_OPENS(db);
            ApplicationRepository repo(db);
            for (int i = 0; i < 200; ++i)
                QVERIFY(repo.upsert(testdata::application(QStringLiteral("a%1").arg(i), 4)).ok());
        }
        {
            QFile file(m_path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.size() > 4096 * 6);
            file.seek(4096 * 3);
            file.write(QByteArray(4096 * 2, '\x5a'));
        }
        const QByteArray before = fileHash(m_path);
        Database db(m_location);
        const StoreError error = db.open();
        QCOMPARE(error.kind, StoreError::Kind::Corrupt);
        QCOMPARE(fileHash(m_path), before);
    }

    void newerVersionFile_isRefusedAndLeftUntouched()
    {
        {
            Database db(m_location);
            QVERIFY_OPENS(db);
        }
        execRaw(m_path, {QStringLiteral("INSERT INTO schema_version VALUES (99, 'future', 'x')")});
        const QByteArray before = fileHash(m_path);

        Database db(m_location);
        const StoreError error = db.open();
        QCOMPARE(error.kind, StoreError::Kind::NewerVersion);
        QVERIFY2(error.message.contains(QLatin1String("99")), qPrintable(error.message));
        QCOMPARE(fileHash(m_path), before);
        QVERIFY(!db.isOpen());
    }

    void someoneElsesDatabase_isRefused()
    {
        execRaw(m_path, {QStringLiteral("CREATE TABLE customers (id INTEGER)")});
        const QByteArray before = fileHash(m_path);
        Database db(m_location);
        QCOMPARE(db.open().kind, StoreError::Kind::NotOurs);
        QCOMPARE(fileHash(m_path), before);
    }

    void apiUsage_countsPerBeijingMonthAndQuotaSkipsTokenCalls()
    {
        Database db(m_location);
        QVERIFY_OPENS(db);
        ApiUsageRepository usage(db);
        // 2025-03-31 16:30 UTC is already 1 April in Beijing.
        const QDateTime lateMarch(QDate(2025, 3, 31), QTime(15, 59), QTimeZone::utc());
        const QDateTime earlyApril(QDate(2025, 3, 31), QTime(16, 30), QTimeZone::utc());
        QVERIFY(
            usage.record(QLatin1String(api::DingTalkGet), ApiOutcome::Ok, 40, {}, lateMarch).ok());
        QVERIFY(
            usage.record(QLatin1String(api::DingTalkGet), ApiOutcome::Ok, 40, {}, earlyApril).ok());
        QVERIFY(
            usage.record(QLatin1String(api::DingTalkGet), ApiOutcome::Throttled, 10, {}, earlyApril)
                .ok());
        QVERIFY(
            usage.record(QLatin1String(api::DingTalkListIds), ApiOutcome::Error, 10, {}, earlyApril)
                .ok());
        QVERIFY(
            usage.record(QLatin1String(api::DingTalkGetToken), ApiOutcome::Ok, 10, {}, earlyApril)
                .ok());

        const QList<ApiUsage> april = usage.month(earlyApril);
        QCOMPARE(april.size(), 3);
        const auto get = std::find_if(april.cbegin(), april.cend(), [](const ApiUsage &u) {
            return u.api == QLatin1String(api::DingTalkGet);
        });
        QVERIFY(get != april.cend());
        QCOMPARE(get->calls, 2);
        QCOMPARE(get->throttled, 1);
        QCOMPARE(get->totalMs, 50);
        QCOMPARE(usage.dingTalkQuotaCalls(earlyApril),
                 2); // gettoken and throttled answers are free
        QCOMPARE(usage.dingTalkQuotaCalls(lateMarch), 1);
    }

    void refusedDatabaseWithALeftoverWal_keepsAllThreeFilesAsTheyWere()
    {
        // A crash leaves committed pages in -wal; refusing the file must not checkpoint them.
        const QString live = m_dir.filePath(QStringLiteral("live%1.db").arg(m_counter));
        Database db(live);
        QVERIFY_OPENS(db);
        QVERIFY(ApplicationRepository(db).upsert(testdata::application(QStringLiteral("a1"))).ok());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version VALUES (99, 'future', 'x')")));
        for (const char *suffix : {"", "-wal", "-shm"})
            QVERIFY(QFile::copy(live + QLatin1String(suffix), m_path + QLatin1String(suffix)));
        QVERIFY(QFileInfo(m_path + QStringLiteral("-wal")).size() > 0);
        const QByteArray mainBefore = fileHash(m_path);
        const QByteArray walBefore = fileHash(m_path + QStringLiteral("-wal"));

        Database copy(m_location);
        const StoreError error = copy.open();
        QCOMPARE(error.kind, StoreError::Kind::NewerVersion);
        QCOMPARE(fileHash(m_path), mainBefore);
        QVERIFY(QFile::exists(m_path + QStringLiteral("-wal")));
        QCOMPARE(fileHash(m_path + QStringLiteral("-wal")), walBefore);
    }

    void emptyRawAnswer_isStoredWithItsParseError()
    {
        Database db(m_location);
        QVERIFY_OPENS(db);
        ApplicationRecord broken = testdata::application(QStringLiteral("bad"), 0);
        broken.rawJson.clear();
        broken.parseError = QStringLiteral("empty answer");
        const StoreError error = ApplicationRepository(db).upsert(broken);
        QVERIFY2(error.ok(), qPrintable(error.message));
        QCOMPARE(ApplicationRepository(db).find(QStringLiteral("bad"))->parseError,
                 QStringLiteral("empty answer"));
    }

    // On PostgreSQL values travel as the driver's escaped literals (sql::run): text that looks like
    // SQL, quotes, backslashes, placeholders and Chinese must come back exactly as written.
    void textThatLooksLikeSql_isStoredAndReadBackExactly()
    {
        Database db(m_location);
        QVERIFY_OPENS(db);
        const QString tricky = QStringLiteral("客户'甲'\\n \"乙\" ?; DROP TABLE bills; -- ? $1 %1");
        ApplicationRecord app = testdata::application(QStringLiteral("q?1"), 0);
        app.title = tricky;
        app.originatorDeptName = QStringLiteral("?");
        QVERIFY(ApplicationRepository(db).upsert(app).ok());
        const auto read = ApplicationRepository(db).find(QStringLiteral("q?1"));
        QVERIFY(read);
        QCOMPARE(read->title, tricky);
        QCOMPARE(read->originatorDeptName, QStringLiteral("?"));

        // A literal question mark inside quotes is text, not a placeholder.
        QSqlQuery q(db.connection());
        QVERIFY(sql::run(q,
                         QStringLiteral("SELECT COUNT(*) FROM applications"
                                        " WHERE title <> '?' AND id = ?"),
                         {QStringLiteral("q?1")}, "counting")
                    .ok());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QSqlQuery tables(db.connection());
        QVERIFY(tables.exec(QStringLiteral("SELECT COUNT(*) FROM bills")));
    }

    void twoProcessesOpeningANewDatabaseAtOnce_bothSucceed()
    {
        // The console and a scheduled CLI run starting together on upgrade day.
        for (int round = 0; round < 8; ++round) {
            const QString path =
                m_dir.filePath(QStringLiteral("race%1-%2.db").arg(m_counter).arg(round));
            std::atomic<int> failures {0};
            QList<QThread *> openers;
            for (int i = 0; i < 2; ++i) {
                openers.append(QThread::create([&path, &failures] {
                    Database db(path);
                    const StoreError e = db.open();
                    if (!e.ok() || db.schemaVersion() != latestSchemaVersion()) {
                        qWarning() << "open failed:" << e.message << db.schemaVersion();
                        ++failures;
                    }
                }));
            }
            for (QThread *t : openers)
                t->start();
            for (QThread *t : openers) {
                t->wait();
                delete t;
            }
            QCOMPARE(failures.load(), 0);
        }
    }

private:
    std::optional<testing::PgServer> m_server;
    QTemporaryDir m_dir;
    QString m_path;
    StoreLocation m_location;
    int m_counter = 0;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments();
    const bool onServer = arguments.removeAll(QStringLiteral("--postgresql")) > 0;
    std::optional<testing::PgServer> server;
    if (onServer) {
        server = testing::PgServer::fromEnvironment();
        if (!server) {
            qCritical("%s", qPrintable(testing::PgServer::missingExplanation()));
            return 1;
        }
    }
    TestStore test(server);
    if (onServer && arguments.size() == 1) {
        // Every test function but the file-handling ones.
        const QMetaObject *meta = test.metaObject();
        for (int i = meta->methodOffset(); i < meta->methodCount(); ++i) {
            const QMetaMethod method = meta->method(i);
            const QString name = QString::fromLatin1(method.name());
            if (method.access() == QMetaMethod::Private && method.parameterCount() == 0
                && name != QLatin1String("init") && !TestStore::sqliteOnly().contains(name)) {
                arguments.append(name);
            }
        }
    }
    return QTest::qExec(&test, arguments);
}
#include "tst_store.moc"
