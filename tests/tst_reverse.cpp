#include "app/kingdee/billreader.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "fetchtesting.h"
#include "httptestclient.h"
#include "reversetesting.h"
#include "sandboxprofile.h"
#include "sandboxtesting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;
using namespace rs::testing;
using Op = kingdee::KingdeeClient::Operation;
using Outcome = sync::ReverseLine::Outcome;

namespace {

sandbox::SandboxOptions fast(int count)
{
    auto o = sandboxOptions(count, 20);
    o.dingTalk.qpsLimit = 1000;
    o.data.unknownCustomerRate = 0;
    return o;
}

sync::FetchOptions covering(int days)
{
    sync::FetchOptions o;
    o.from = QDate::currentDate().addDays(-days - 2);
    return o;
}

sync::PushOptions allPending()
{
    sync::PushOptions o;
    o.backoffBaseMs = 50;
    o.backoffCapMs = 400;
    o.settleMs = 100;
    return o;
}

// Synced bills by application, applications in a stable order.
QMap<QString, QList<BillRecord>> syncedByApplication(const Database &database)
{
    QMap<QString, QList<BillRecord>> byApplication;
    for (const BillRecord &bill : BillRepository(database).inStates({BillState::Synced}))
        byApplication[bill.applicationId].append(bill);
    return byApplication;
}

const sandbox::SavedBill *inBooks(const sandbox::Sandbox &s, const QString &key)
{
    for (const sandbox::SavedBill &bill : s.kingdee().books().bills()) {
        if (bill.remarks() == key)
            return &bill;
    }
    return nullptr;
}

// The first application after the first `skip` whose bills are all dated before today.
QString datedBeforeToday(const QMap<QString, QList<BillRecord>> &synced, int skip)
{
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    for (auto it = std::next(synced.cbegin(), skip); it != synced.cend(); ++it) {
        const bool before =
            std::all_of(it.value().cbegin(), it.value().cend(), [&today](const BillRecord &b) {
                return QJsonDocument::fromJson(b.payloadJson)
                           .object()
                           .value(QLatin1String("FDATE"))
                           .toString()
                    < today;
            });
        if (before)
            return it.key();
    }
    return {};
}

int countInBooks(const sandbox::Sandbox &s, const QString &key)
{
    int n = 0;
    for (const sandbox::SavedBill &bill : s.kingdee().books().bills())
        n += bill.remarks() == key ? 1 : 0;
    return n;
}

} // namespace

// `reverse` against the sandbox's Kingdee: Delete where allowed, UnAudit first, a reversing bill
// in a closed period; idempotent, and settled by a look-up after a lost answer or a kill.
class TestReverse final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        m_database.emplace(m_dir->filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(m_database->open().ok());
    }
    void cleanup()
    {
        m_database.reset();
        m_dir.reset();
    }

    void createdAuditedAndClosed_eachEndReversed_andASecondRunChangesNothing()
    {
        auto sb = startSandbox(fast(40));
        QVERIFY(sb);
        pushEverything(*sb);
        const auto synced = syncedByApplication(*m_database);
        QVERIFY(synced.size() >= 3);
        const QString created = synced.firstKey();
        const QString audited = std::next(synced.cbegin(), 1).key();
        // The third: one whose bills are all dated before today, so closing today's period
        // closes theirs.
        const QString closed = datedBeforeToday(synced, 2);
        QVERIFY(!closed.isEmpty());
        const auto config = sandboxKingdee(*sb);
        // The second application's bills are submitted and audited; so is one of the third's.
        kingdee::KingdeeClient client(config);
        for (const BillRecord &bill : synced.value(audited)) {
            QVERIFY(operate(client, Op::Submit, bill.kingdeeNumber).failure.ok());
            QVERIFY(operate(client, Op::Audit, bill.kingdeeNumber).failure.ok());
        }
        const QString closedAudited = synced.value(closed).constFirst().kingdeeNumber;
        QVERIFY(operate(client, Op::Submit, closedAudited).failure.ok());
        QVERIFY(operate(client, Op::Audit, closedAudited).failure.ok());

        const sync::ReverseReport first = runReverse(*m_database, config, {created, audited});
        QVERIFY2(first.allReversed(), qPrintable(first.stopReason));
        QCOMPARE(first.lines.size(), synced.value(created).size() + synced.value(audited).size());
        for (const sync::ReverseLine &line : first.lines) {
            QCOMPARE(line.text(), line.key + QStringLiteral("\treversed\tdeleted"));
            QCOMPARE(countInBooks(*sb, line.key), 0);
            QCOMPARE(BillRepository(*m_database).find(line.key)->state, BillState::Reversed);
        }
        QCOMPARE(sandboxCalls(*sb, "kingdee.unAudit"), synced.value(audited).size());

        // The period of every bill closes: the third application gets reversing bills.
        sb->kingdee().books().setClosedBefore(QDate::currentDate()); // every generated day
        const qint64 savesBefore = sandboxCalls(*sb, "kingdee.batchSave");
        const sync::ReverseReport red = runReverse(*m_database, config, {closed});
        QVERIFY2(red.allReversed(), qPrintable(red.lines.value(0).text()));
        for (const sync::ReverseLine &line : red.lines) {
            const sandbox::SavedBill *original = inBooks(*sb, line.key);
            const sandbox::SavedBill *reversing = inBooks(*sb, line.key + QStringLiteral("-R"));
            QVERIFY(original && reversing);
            QCOMPARE(line.text(),
                     line.key + QStringLiteral("\treversed\tred ") + reversing->number);
            // Opposite amounts, exactly; dated in the open period.
            QCOMPARE(reversing->total(), original->total().mid(1));
            QVERIFY(original->total().startsWith(QLatin1Char('-')));
            QCOMPARE(reversing->date(),
                     QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date().toString(
                         Qt::ISODate)); // Beijing's today
            QCOMPARE(BillRepository(*m_database).find(line.key)->reversal,
                     QStringLiteral("red ") + reversing->number);
        }
        QCOMPARE(sandboxCalls(*sb, "kingdee.batchSave") - savesBefore, red.lines.size());

        // Again, all three: the same lines, nothing sent.
        const qint64 writes = sandboxCalls(*sb, "kingdee.batchSave")
            + sandboxCalls(*sb, "kingdee.delete") + sandboxCalls(*sb, "kingdee.unAudit");
        const sync::ReverseReport again =
            runReverse(*m_database, config, {created, audited, closed});
        QVERIFY(again.allReversed());
        QCOMPARE(again.lines.size(), first.lines.size() + red.lines.size());
        for (const sync::ReverseLine &line : again.lines)
            QCOMPARE(line.outcome, Outcome::Reversed);
        QCOMPARE(sandboxCalls(*sb, "kingdee.batchSave") + sandboxCalls(*sb, "kingdee.delete")
                     + sandboxCalls(*sb, "kingdee.unAudit"),
                 writes);
    }

    void dryRun_looksButChangesNothing()
    {
        auto sb = startSandbox(fast(20));
        QVERIFY(sb);
        pushEverything(*sb);
        const auto synced = syncedByApplication(*m_database);
        const int billsBefore = int(sb->kingdee().books().bills().size());
        const sync::ReverseReport dry =
            runReverse(*m_database, sandboxKingdee(*sb), {synced.firstKey()}, true);
        QVERIFY(!dry.lines.isEmpty());
        for (const sync::ReverseLine &line : dry.lines) {
            QCOMPARE(line.outcome, Outcome::WouldReverse);
            QCOMPARE(BillRepository(*m_database).find(line.key)->state, BillState::Synced);
        }
        QCOMPARE(int(sb->kingdee().books().bills().size()), billsBefore);
        QCOMPARE(sandboxCalls(*sb, "kingdee.delete"), 0);
    }

    void lostAnswers_areLookedUp_neverResent()
    {
        auto sb = startSandbox(fast(20));
        QVERIFY(sb);
        pushEverything(*sb);
        const auto synced = syncedByApplication(*m_database);
        const QString deleted = synced.firstKey();
        const QString red = datedBeforeToday(synced, 1);
        QVERIFY(!red.isEmpty());
        sandbox::FaultOptions f = sb->faults().options();
        f.dropAfterCommitRate = 1.0; // every Delete and save is done, its answer cut
        sb->faults().setOptions(f);
        const auto config = sandboxKingdee(*sb);
        const sync::ReverseReport gone = runReverse(*m_database, config, {deleted});
        QVERIFY(gone.allReversed());
        QCOMPARE(sandboxCalls(*sb, "kingdee.delete"), synced.value(deleted).size());

        sb->kingdee().books().setClosedBefore(QDate::currentDate());
        const qint64 saves = sandboxCalls(*sb, "kingdee.batchSave");
        const sync::ReverseReport offset = runReverse(*m_database, config, {red});
        QVERIFY(offset.allReversed());
        for (const sync::ReverseLine &line : offset.lines) {
            QVERIFY(line.how.startsWith(QLatin1String("red QTYS")));
            QCOMPARE(countInBooks(*sb, line.key + QStringLiteral("-R")), 1);
        }
        QCOMPARE(sandboxCalls(*sb, "kingdee.batchSave") - saves, offset.lines.size());
    }

    void killedMidReverse_nextRunFinishesWithNoSecondReversingBill()
    {
        QProcess sandboxProcess;
        const QString url = startSandboxProcess(
            sandboxProcess,
            {QStringLiteral("--applications"), QStringLiteral("60"),
             QStringLiteral("--period-days"), QStringLiteral("20"), QStringLiteral("--qps-limit"),
             QStringLiteral("0"), QStringLiteral("--unknown-customer-rate"), QStringLiteral("0"),
             QStringLiteral("--latency-ms"), QStringLiteral("40")});
        QVERIFY(!url.isEmpty());
        const QString profile = m_dir->filePath(QStringLiteral("profile"));
        QVERIFY(writeSandboxProfile(profile, url));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REBATESYNC_DINGTALK_APP_SECRET"),
                   QStringLiteral("sandbox-app-secret"));
        env.insert(QStringLiteral("REBATESYNC_KINGDEE_APP_SECRET"),
                   QStringLiteral("sandbox-app-secret"));
        const auto cli = [&](const QStringList &arguments) {
            auto p = std::make_unique<QProcess>();
            p->setProcessEnvironment(env);
            p->start(QStringLiteral(CLI_EXECUTABLE),
                     QStringList {QStringLiteral("--profile"), profile} + arguments);
            return p;
        };
        auto fetch = cli({QStringLiteral("fetch"), QStringLiteral("--from"),
                          QDate::currentDate().addDays(-22).toString(Qt::ISODate)});
        QVERIFY(fetch->waitForFinished(60000));
        auto push = cli({QStringLiteral("sync"), QStringLiteral("--all-pending")});
        QVERIFY(push->waitForFinished(120000));
        QStringList applications;
        int bills = 0;
        {
            Database store(profile + QStringLiteral("/rebatesync.db"));
            QVERIFY(store.open().ok());
            const auto synced = syncedByApplication(store);
            applications = synced.keys();
            for (const auto &list : synced)
                bills += int(list.size());
        }
        QVERIFY(bills >= 20);
        QNetworkAccessManager network;
        // Half the periods closed: some bills are deleted, the others get reversing bills.
        const QString middle = QDate::currentDate().addDays(-10).toString(Qt::ISODate);
        send(network, "POST", url + QStringLiteral("/sandbox/kingdee/close?before=") + middle);
        const auto booked = [&] {
            return send(network, "GET", url + QStringLiteral("/sandbox/bills"))
                .json()
                .object()
                .value(QLatin1String("bills"))
                .toArray();
        };
        const int before = int(booked().size());

        auto first = cli(QStringList {QStringLiteral("reverse")} + applications);
        QVERIFY(first->waitForStarted());
        QByteArray firstOut;
        QTRY_VERIFY_WITH_TIMEOUT((firstOut += first->readAllStandardOutput()).count('\n') >= 5,
                                 30000);
        QCOMPARE(first->state(), QProcess::Running);
        first->kill(); // SIGKILL: no clean-up
        QVERIFY(first->waitForFinished());

        auto second = cli(QStringList {QStringLiteral("reverse")} + applications);
        QVERIFY(second->waitForFinished(120000));
        const QByteArray out = second->readAllStandardOutput();
        QVERIFY2(second->exitCode() == 0, second->readAllStandardError().constData());
        QCOMPARE(out.count("\treversed\t"), bills);

        // Every original is gone or has exactly one reversing bill; nothing else was added.
        QHash<QString, int> keys;
        for (const QJsonValue &bill : booked())
            ++keys[bill.toObject().value(QLatin1String("remarks")).toString()];
        int reds = 0;
        for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
            if (it.key().endsWith(QLatin1String("-R"))) {
                ++reds;
                QVERIFY(keys.contains(it.key().chopped(2)));
            }
        }
        QVERIFY(reds > 0);
        QVERIFY(reds < bills);
        QCOMPARE(int(booked().size()), before - (bills - reds) + reds);
        Database store(profile + QStringLiteral("/rebatesync.db"));
        QVERIFY(store.open().ok());
        QCOMPARE(BillRepository(store).inStates({BillState::Reversed}).size(), bills);
        sandboxProcess.kill();
        sandboxProcess.waitForFinished();
    }

private:
    void pushEverything(const sandbox::Sandbox &sb)
    {
        QVERIFY(runFetch(*m_database, sandboxDingTalk(sb, 1000), covering(20)).result
                == sync::FetchReport::Result::Ok);
        const auto report = runPush(*m_database, sandboxKingdee(sb), allPending());
        QVERIFY(report.synced > 3);
    }
    static kingdee::SaveResult operate(kingdee::KingdeeClient &client, Op operation,
                                       const QString &number)
    {
        return await<kingdee::SaveResult>([&](auto done) {
            client.operate(QStringLiteral("AR_OtherRecAble"), operation, {number}, std::move(done));
        });
    }

    std::optional<QTemporaryDir> m_dir;
    std::optional<Database> m_database;
};

QTEST_GUILESS_MAIN(TestReverse)
#include "tst_reverse.moc"
