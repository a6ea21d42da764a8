#include "app/alerts/budget.h"
#include "app/store/applicationrepository.h"
#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "app/sync/revokereread.h"
#include "app/sync/streamintake.h"
#include "fetchtesting.h"
#include "pushtesting.h"
#include "sandboxtesting.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace rs;
using namespace rs::testing;

namespace {

qint64 calls(const sandbox::Sandbox &s, const char *api)
{
    return s.counters().value(QLatin1String(api)).calls;
}

QDate beijingToday()
{
    return QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date();
}

} // namespace

// The revocation only a re-read shows (biz_action REVOKE on the approved instance itself): the
// daily sweep of the Stream intake re-reads synced approvals on their 2nd, 7th and 21st day,
// within the month's DingTalk calls.
class TestRevokeReread final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dailySweep_rereadsTheDueSyncedApprovals_andSeesABizActionRevoke()
    {
        QTemporaryDir dir;
        Database database(dir.filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(database.open().ok());
        auto options = sandboxOptions(150, 25);
        options.dingTalk.qpsLimit = 1000;
        options.data.unknownCustomerRate = 0;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        const auto dingTalk = sandboxDingTalk(*sb, 1000, dingtalk::DingTalkConfig::Api::V1);
        sync::FetchOptions fetch;
        fetch.from = QDate::currentDate().addDays(-27);
        QVERIFY(runFetch(database, dingTalk, fetch).result == sync::FetchReport::Result::Ok);
        sync::PushOptions push;
        push.settleMs = 100;
        runPush(database, sandboxKingdee(*sb), push);

        // Due: exactly the approved, synced applications submitted 2, 7 or 21 days ago.
        const QStringList due = sync::RevokeReread::due(database, beijingToday());
        QString notDue;
        for (const ApplicationRow &row : ApplicationRepository(database).tableRows()) {
            const bool synced = std::any_of(
                row.bills.cbegin(), row.bills.cend(),
                [](const ApplicationRow::Bill &b) { return b.state == BillState::Synced; });
            const qint64 age =
                QDate::fromString(row.createdAt.left(10), Qt::ISODate).daysTo(beijingToday());
            const bool expected = row.approval == ApprovalState::Approved && synced
                && (age == 2 || age == 7 || age == 21);
            QCOMPARE(due.contains(row.id), expected);
            if (!expected && synced && row.approval == ApprovalState::Approved && age < 21)
                notDue = row.id;
        }
        QVERIFY2(due.size() >= 2, qPrintable(QString::number(due.size())));
        QVERIFY(!notDue.isEmpty());

        // Revoked in place in DingTalk: one due today, one not (it waits for its day).
        const QString revoked = due.constFirst();
        QVERIFY(sb->dingTalk().revokeInPlace(revoked));
        QVERIFY(sb->dingTalk().revokeInPlace(notDue));

        dingtalk::DingTalkClient client(dingTalk);
        sync::StreamIntake intake(database, client, fetch);
        int asked = -1;
        intake.setRevokeReread([&asked](int n) {
            asked = n;
            return n;
        });
        QSignalSpy reread(&intake, &sync::StreamIntake::rereadFinished);
        const qint64 details = calls(*sb, "dingtalk.v1.instance");
        intake.start();
        QVERIFY(reread.wait(20'000));
        QCOMPARE(asked, due.size());
        QCOMPARE(reread.constFirst().at(1).toInt(), due.size());
        // One detail call per due approval (the sweep itself re-fetches nothing final).
        QCOMPARE(calls(*sb, "dingtalk.v1.instance") - details, due.size());

        ApplicationRepository applications(database);
        QCOMPARE(applications.find(revoked)->approval, ApprovalState::Revoked);
        QCOMPARE(applications.find(notDue)->approval, ApprovalState::Approved);
        bool warned = false;
        for (const SyncEvent &e : EventLog(database).recent(50))
            warned = warned
                || (e.kind == QLatin1String("fetch.revoked") && e.applicationId == revoked
                    && e.level == SyncEvent::Level::Warning);
        QVERIFY(warned);
        intake.stop();
    }

    void budget_allowsReReadsOnlyBelowTheFirstAlert()
    {
        // Mid-month (Beijing): 1,000 calls used project to about 2,000, leaving 2,000 under 80 %.
        const QDateTime mid(QDate(2026, 11, 16), QTime(0, 0), QTimeZone::utc());
        QCOMPARE(alerts::Budget::rereadAllowance(300, 1000, 5000, mid), 300);
        const int room = alerts::Budget::rereadAllowance(100'000, 1000, 5000, mid);
        QVERIFY(room > 1500 && room < 2100);
        // Calls at a pace that already passes 80 %: none.
        QCOMPARE(alerts::Budget::rereadAllowance(300, 2500, 5000, mid), 0);
    }
};

QTEST_GUILESS_MAIN(TestRevokeReread)
#include "tst_revokereread.moc"
