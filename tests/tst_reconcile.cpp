#include "app/mapping/decimal.h"
#include "app/report/reconcilejob.h"
#include "app/report/xlsxexport.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "fetchtesting.h"
#include "httptestclient.h"
#include "pushtesting.h"
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
using report::ReconcileReport;
using report::Total;

namespace {

sandbox::SandboxOptions fast(int count)
{
    auto o = sandboxOptions(count, 20);
    o.dingTalk.qpsLimit = 1000;
    o.data.unknownCustomerRate = 0;
    return o;
}

const QDate kFrom = QDate::currentDate().addDays(-40);
const QDate kTo = QDate::currentDate().addDays(1);

QStringList kinds(const ReconcileReport &r)
{
    QStringList list;
    for (const report::Difference &d : r.differences)
        list.append(d.kind);
    return list;
}

// Customers add up to their organisation, organisations to the total, exactly.
bool totalsAddUp(const ReconcileReport &r)
{
    Decimal orgD, orgK, allD, allK;
    for (const Total &t : r.totals) {
        const Decimal d = *Decimal::parse(t.dingtalk);
        const Decimal k = *Decimal::parse(t.kingdee);
        switch (t.level) {
        case Total::Level::Customer:
            orgD += d;
            orgK += k;
            break;
        case Total::Level::Organisation:
            if (orgD != d || orgK != k)
                return false;
            allD += d;
            allK += k;
            orgD = orgK = Decimal();
            break;
        case Total::Level::All:
            return allD == d && allK == k;
        }
    }
    return false;
}

} // namespace

// The reconciliation against the sandbox's Kingdee: a clean period, each kind of difference
// planted and found, and the CLI's JSON and .xlsx (read back by openpyxl).
class TestReconcile final : public QObject
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

    void cleanPeriod_hasNoDifference_andTotalsMatchPerCustomer()
    {
        auto sb = startSandbox(fast(60));
        QVERIFY(sb);
        const int synced = pushEverything(*sb);
        const qint64 queries = sandboxCalls(*sb, "kingdee.executeBillQuery");
        const ReconcileReport r = runReconcile(*sb, kFrom, kTo);
        QVERIFY2(r.stopReason.isEmpty(), qPrintable(r.stopReason));
        QVERIFY2(r.differences.isEmpty(), qPrintable(kinds(r).join(u',')));
        QCOMPARE(r.matched, synced);
        QCOMPARE(sandboxCalls(*sb, "kingdee.executeBillQuery") - queries, 1);
        QVERIFY(totalsAddUp(r));
        for (const Total &t : r.totals)
            QCOMPARE(t.dingtalk, t.kingdee);
        QVERIFY(r.totals.constLast().dingtalk.startsWith(QLatin1Char('-')));
        // A period with nothing in it: no difference, zero totals.
        const ReconcileReport empty = runReconcile(*sb, QDate(2020, 1, 1), QDate(2020, 1, 31));
        QVERIFY(empty.differences.isEmpty());
        QCOMPARE(empty.matched, 0);
        QCOMPARE(empty.totals.constLast().kingdee, QStringLiteral("0.00"));
    }

    void eachKindOfDifference_isPlantedAndFound()
    {
        auto sb = startSandbox(fast(60));
        QVERIFY(sb);
        pushEverything(*sb);
        QMap<QString, QList<BillRecord>> byApplication;
        for (const BillRecord &b : BillRepository(*m_database).inStates({BillState::Synced}))
            byApplication[b.applicationId].append(b);
        QVERIFY(byApplication.size() >= 4);
        auto it = byApplication.cbegin();
        const BillRecord missing = (it++).value().constFirst();
        const BillRecord amended = (it++).value().constFirst();
        const BillRecord duplicated = (it++).value().constFirst();
        const QString revokedApp = (it++).key();
        KingdeeBooksEditor books {sb->kingdee().books()};
        QVERIFY(books.removeByOther(missing.kingdeeNumber));
        QVERIFY(books.amendByOther(amended.kingdeeNumber, QStringLiteral("-0.01")));
        const QString copy = books.duplicateByOther(duplicated.kingdeeNumber)->number;
        SyncEvent revoked;
        revoked.kind = QStringLiteral("fetch.revoked");
        revoked.message = QStringLiteral("revoked");
        QVERIFY(ApplicationRepository(*m_database).markRevoked(revokedApp, revoked).ok());
        // Someone books a bill with a key of ours the store never made.
        kingdee::KingdeeClient client(sandboxKingdee(*sb));
        QJsonObject extra =
            otherReceivable(QStringLiteral("C0001"), QStringLiteral("202599999999-C0001"),
                            QStringLiteral("-12.34"));
        extra.insert(QStringLiteral("FDATE"),
                     QDate::currentDate().addDays(-3).toString(Qt::ISODate));
        QVERIFY(saveBatch(client, {extra}).failure.ok());

        const ReconcileReport r = runReconcile(*sb, kFrom, kTo);
        QStringList found = kinds(r);
        found.removeDuplicates();
        QCOMPARE(found.size(), 5);
        const auto only = [&r](const QString &kind) {
            QList<report::Difference> list;
            for (const report::Difference &d : r.differences) {
                if (d.kind == kind)
                    list.append(d);
            }
            return list;
        };
        QCOMPARE(only(QStringLiteral("missing_in_kingdee")).size(), 1);
        QCOMPARE(only(QStringLiteral("missing_in_kingdee")).at(0).key, missing.key);
        QCOMPARE(only(QStringLiteral("missing_in_kingdee")).at(0).dingtalkAmount, missing.amount);
        const auto differs = only(QStringLiteral("amount_differs"));
        QCOMPARE(differs.size(), 1);
        QCOMPARE(differs.at(0).kingdeeAmount, QStringLiteral("-0.01"));
        QCOMPARE(differs.at(0).dingtalkAmount, amended.amount);
        const auto twice = only(QStringLiteral("duplicate_in_kingdee"));
        QCOMPARE(twice.size(), 1);
        QCOMPARE(twice.at(0).number, duplicated.kingdeeNumber + QLatin1Char(',') + copy);
        const auto revokedDiffs = only(QStringLiteral("revoked_not_reversed"));
        QCOMPARE(revokedDiffs.size(), byApplication.value(revokedApp).size());
        QCOMPARE(revokedDiffs.at(0).application, revokedApp);
        const auto extras = only(QStringLiteral("extra_in_kingdee"));
        QCOMPARE(extras.size(), 1);
        QCOMPARE(extras.at(0).key, QStringLiteral("202599999999-C0001"));
        QCOMPARE(extras.at(0).kingdeeAmount, QStringLiteral("-12.34"));
        QVERIFY(totalsAddUp(r));
        QVERIFY(r.totals.constLast().dingtalk != r.totals.constLast().kingdee);
    }

    void cli_jsonByContract_andXlsxKeepsEveryDigit()
    {
        auto sb = startSandbox(fast(30));
        QVERIFY(sb);
        const QString profile = m_dir->filePath(QStringLiteral("profile"));
        QVERIFY(QDir().mkpath(profile));
        {
            Database store(profile + QStringLiteral("/rebatesync.db"));
            QVERIFY(store.open().ok());
            m_database.reset();
            m_database.emplace(profile + QStringLiteral("/rebatesync.db"));
            QVERIFY(m_database->open().ok());
        }
        pushEverything(*sb);
        const BillRecord gone = BillRepository(*m_database).inStates({BillState::Synced}).at(0);
        KingdeeBooksEditor {sb->kingdee().books()}.removeByOther(gone.kingdeeNumber);
        const QString businessId =
            ApplicationRepository(*m_database).find(gone.applicationId)->businessId;
        QVERIFY(businessId.size() >= 15);
        QVERIFY(writeSandboxProfile(profile, sb->baseUrl()));
        const QString xlsx = m_dir->filePath(QStringLiteral("对账.xlsx"));
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REBATESYNC_KINGDEE_APP_SECRET"),
                   QStringLiteral("sandbox-app-secret"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(CLI_EXECUTABLE),
                  {QStringLiteral("--profile"), profile, QStringLiteral("reconcile"),
                   QStringLiteral("--from"), kFrom.toString(Qt::ISODate), QStringLiteral("--to"),
                   kTo.toString(Qt::ISODate), QStringLiteral("--json"), QStringLiteral("--xlsx"),
                   xlsx});
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 60000);
        QCOMPARE(cli.exitCode(), 1);
        const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        for (const char *key : {"from", "to", "matched", "differences"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(json.value(QLatin1String("from")).toString(), kFrom.toString(Qt::ISODate));
        const QJsonObject d = json.value(QLatin1String("differences")).toArray().at(0).toObject();
        QCOMPARE(d.value(QLatin1String("kind")).toString(), QStringLiteral("missing_in_kingdee"));
        QCOMPARE(d.value(QLatin1String("key")).toString(), gone.key);
        QCOMPARE(d.value(QLatin1String("application")).toString(), gone.applicationId);
        QCOMPARE(d.value(QLatin1String("dingtalk_amount")).toString(), gone.amount);
        for (const char *key : {"number", "kingdee_amount"})
            QVERIFY(d.contains(QLatin1String(key)));

        // A real reader: every digit of 审批编号 as text, money as a number with its format,
        // the header frozen and filtered.
        QProcess python;
        // Debian's python3-openpyxl belongs to the system interpreter, not to one earlier on PATH.
        python.start(
            QFile::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3")
                                                              : QStringLiteral("python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import sys, openpyxl\n"
                            "wb = openpyxl.load_workbook(sys.argv[1])\n"
                            "ws = wb.worksheets[0]\n"
                            "print(ws.freeze_panes, ws.auto_filter.ref)\n"
                            "b, e = ws.cell(2, 2), ws.cell(2, 5)\n"
                            "print(type(b.value).__name__, b.value)\n"
                            "print(type(e.value).__name__, repr(e.value), e.number_format)\n"
                            "t = wb.worksheets[1]\n"
                            "print(t.freeze_panes, t.max_row)\n"),
             xlsx});
        QVERIFY(python.waitForFinished(30000));
        const QStringList lines = QString::fromUtf8(python.readAllStandardOutput())
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 4, python.readAllStandardError().constData());
        QCOMPARE(lines.at(0), QStringLiteral("A2 A1:G2"));
        QCOMPARE(lines.at(1), QStringLiteral("str ") + businessId);
        // The number Excel holds reads back as exactly the bill's money (Python's repr is the
        // shortest text of the double).
        const QStringList money = lines.at(2).split(QLatin1Char(' '));
        // A number, not text: openpyxl gives a whole amount (-600.00) back as an int.
        QVERIFY2(money.value(0) == QLatin1String("float") || money.value(0) == QLatin1String("int"),
                 qPrintable(lines.at(2)));
        QCOMPARE(*Decimal::parse(money.value(1)), *Decimal::parse(gone.amount));
        QCOMPARE(money.value(2), QStringLiteral("#,##0.00"));
        QVERIFY(lines.at(3).startsWith(QLatin1String("A2 ")));
    }

private:
    // The sandbox's books, edited "by someone else".
    struct KingdeeBooksEditor
    {
        sandbox::KingdeeBooks &books;
        bool removeByOther(const QString &n) { return books.removeByOther(n); }
        bool amendByOther(const QString &n, const QString &t) { return books.amendByOther(n, t); }
        const sandbox::SavedBill *duplicateByOther(const QString &n)
        {
            return books.duplicateByOther(n);
        }
    };

    int pushEverything(const sandbox::Sandbox &sb)
    {
        sync::FetchOptions fetch;
        fetch.from = QDate::currentDate().addDays(-22);
        if (runFetch(*m_database, sandboxDingTalk(sb, 1000), fetch).result
            != sync::FetchReport::Result::Ok)
            return -1;
        sync::PushOptions push;
        push.backoffBaseMs = 50;
        push.settleMs = 100;
        return runPush(*m_database, sandboxKingdee(sb), push).synced;
    }
    ReconcileReport runReconcile(const sandbox::Sandbox &sb, const QDate &from, const QDate &to)
    {
        kingdee::KingdeeClient client(sandboxKingdee(sb));
        report::ReconcileJob job(*m_database, client, builtinScheme(), from, to);
        return sync::runToEnd(job, &report::ReconcileJob::finished);
    }

    std::optional<QTemporaryDir> m_dir;
    std::optional<Database> m_database;
};

QTEST_GUILESS_MAIN(TestReconcile)
#include "tst_reconcile.moc"
