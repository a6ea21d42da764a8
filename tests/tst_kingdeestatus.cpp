#include "app/kingdee/billreader.h"
#include "app/kingdee/kingdeeclient.h"
#include "kingdeetesting.h"
#include "sandboxtesting.h"

#include <QTest>

using namespace rs;
using namespace rs::kingdee;
using namespace rs::testing;
using Kind = Failure::Kind;
using State = EntryResult::State;
using Op = KingdeeClient::Operation;

namespace {

const QString kForm = QStringLiteral("AR_OtherRecAble");
const QString kKeyField = QStringLiteral("FAR_OtherRemarks");

SaveResult operate(KingdeeClient &client, Op operation, const QStringList &numbers)
{
    return await<SaveResult>(
        [&](auto done) { client.operate(kForm, operation, numbers, std::move(done)); });
}

BillsRead byKeys(KingdeeClient &client, const QStringList &keys)
{
    return await<BillsRead>(
        [&](auto done) { BillReader::byKeys(client, kForm, kKeyField, keys, std::move(done)); });
}

} // namespace

// Submit, Audit, UnAudit, Delete and the status read, against the sandbox's Kingdee.
class TestKingdeeStatus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { m_sandbox.reset(); }

    void operations_walkTheStatusMachine_andRefusalsCarryKingdeesWords()
    {
        start(sandboxOptions(5));
        KingdeeClient client(sandboxKingdee(*m_sandbox));
        const SaveResult saved =
            saveBatch(client,
                      {otherReceivable(QStringLiteral("C0001"), QStringLiteral("op-1")),
                       otherReceivable(QStringLiteral("C0002"), QStringLiteral("op-2"))});
        QVERIFY(saved.failure.ok());
        const QStringList numbers = {saved.entries.at(0).number, saved.entries.at(1).number};

        QCOMPARE(operate(client, Op::Submit, numbers).count(State::Saved), 2);
        const SaveResult audited = operate(client, Op::Audit, numbers);
        QVERIFY(audited.failure.ok());
        QCOMPARE(audited.entries.at(1).number, numbers.at(1));
        const SaveResult refused = operate(client, Op::Delete, {numbers.at(0)});
        QCOMPARE(refused.failure.kind, Kind::Rejected);
        QCOMPARE(refused.failure.msgCode, 12);
        QCOMPARE(refused.entries.at(0).state, State::Failed);
        QVERIFY(refused.entries.at(0).errors.at(0).message.contains(QStringLiteral("不允许删除")));
        QCOMPARE(operate(client, Op::UnAudit, {numbers.at(0)}).count(State::Saved), 1);
        QCOMPARE(operate(client, Op::Delete, {numbers.at(0)}).count(State::Saved), 1);

        const BillsRead now = byKeys(client, {QStringLiteral("op-1"), QStringLiteral("op-2")});
        QVERIFY(now.failure.ok());
        QCOMPARE(now.bills.size(), 1); // op-1 is no longer in Kingdee
        QCOMPARE(now.bills.at(0).key, QStringLiteral("op-2"));
        QCOMPARE(now.bills.at(0).documentStatus, QStringLiteral("C"));
        QCOMPARE(now.bills.at(0).amount, QStringLiteral("-600.00"));
        QCOMPARE(now.bills.at(0).organisation, QStringLiteral("100"));
        QCOMPARE(now.bills.at(0).customer, QStringLiteral("C0002"));
        QCOMPARE(now.bills.at(0).date, QStringLiteral("2025-03-03"));
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.audit"), 1);
    }

    void lostAnswer_toAnOperation_isOutcomeUnknown_andNotResent()
    {
        start(sandboxOptions(5));
        KingdeeClient client(sandboxKingdee(*m_sandbox));
        const SaveResult saved =
            saveBatch(client, {otherReceivable(QStringLiteral("C0001"), QStringLiteral("lost-1"))});
        QVERIFY(saved.failure.ok());
        sandbox::FaultOptions f = m_sandbox->faults().options();
        f.dropAfterCommitRate = 1.0;
        m_sandbox->faults().setOptions(f);
        const SaveResult lost = operate(client, Op::Submit, {saved.entries.at(0).number});
        QCOMPARE(lost.failure.kind, Kind::OutcomeUnknown);
        QCOMPARE(lost.entries.at(0).state, State::Unknown);
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.submit"), 1);
        f.dropAfterCommitRate = 0;
        m_sandbox->faults().setOptions(f);
        // The status read settles it: the submit went through.
        QCOMPARE(byKeys(client, {QStringLiteral("lost-1")}).bills.at(0).documentStatus,
                 QStringLiteral("B"));
    }

    void statusRead_asksInListsOf1999Keys_andAPeriodPageByPage()
    {
        start(sandboxOptions(5));
        KingdeeClient client(sandboxKingdee(*m_sandbox, KingdeeConfig::Auth::Signature));
        QJsonArray models;
        for (int i = 0; i < 2100; ++i)
            models.append(otherReceivable(QStringLiteral("C0001"), QStringLiteral("k-%1").arg(i)));
        QVERIFY(saveBatch(client, models).failure.ok());
        QStringList keys;
        for (int i = 0; i < 4100; ++i)
            keys.append(QStringLiteral("k-%1").arg(i));
        const qint64 before = sandboxCalls(*m_sandbox, "kingdee.executeBillQuery");
        const BillsRead read = byKeys(client, keys);
        QVERIFY(read.failure.ok());
        QCOMPARE(read.bills.size(), 2100);
        // 3 IN lists of ≤ 1,999 keys, each answered in one page that is not full (1,999, 101 and
        // 0 rows), so no empty page is asked after any of them.
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.executeBillQuery") - before, 3);

        const BillsRead period = await<BillsRead>([&](auto done) {
            BillReader::inPeriod(client, kForm, kKeyField, QDate(2025, 3, 1), QDate(2025, 3, 3),
                                 std::move(done));
        });
        QCOMPARE(period.bills.size(), 2100);
        QCOMPARE(sandboxCalls(*m_sandbox, "kingdee.executeBillQuery") - before, 5); // 2 pages
        const BillsRead none = await<BillsRead>([&](auto done) {
            BillReader::inPeriod(client, kForm, kKeyField, QDate(2025, 3, 4), QDate(2025, 3, 31),
                                 std::move(done));
        });
        QVERIFY(none.failure.ok());
        QVERIFY(none.bills.isEmpty());
    }

private:
    void start(const sandbox::SandboxOptions &options)
    {
        m_sandbox = startSandbox(options);
        QVERIFY(m_sandbox);
    }

    std::unique_ptr<sandbox::Sandbox> m_sandbox;
};

QTEST_GUILESS_MAIN(TestKingdeeStatus)
#include "tst_kingdeestatus.moc"
