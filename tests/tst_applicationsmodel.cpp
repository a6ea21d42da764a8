#include "app/store/applicationrepository.h"
#include "app/store/billerror.h"
#include "app/store/database.h"
#include "models/applicationsfiltermodel.h"
#include "models/applicationsmodel.h"
#include "models/modelroles.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;

namespace {

ApplicationRow row(const QString &id, ApprovalState approval, const QString &amount,
                   const QList<BillState> &bills = {}, const QString &customers = {})
{
    ApplicationRow r;
    r.id = id;
    r.businessId = QStringLiteral("2025") + id;
    r.title = QStringLiteral("张三提交的返利发放申请");
    r.originator = QStringLiteral("华东销售部");
    r.createdAt = QStringLiteral("2025-03-0%1 10:00:00").arg(id.right(1));
    r.approval = approval;
    r.amount = amount;
    r.customers = customers;
    int n = 0;
    for (BillState state : bills) {
        ApplicationRow::Bill b;
        b.key = id + QStringLiteral("-C%1").arg(n++);
        b.state = state;
        if (state == BillState::Synced)
            b.number = QStringLiteral("QTYS%1").arg(n);
        if (state == BillState::Failed)
            b.error = QStringLiteral("客户编码不存在");
        r.bills.append(b);
    }
    return r;
}

QList<ApplicationRow> sample()
{
    return {row(QStringLiteral("a1"), ApprovalState::Approved, QStringLiteral("-1000.10"),
                {BillState::Pending}, QStringLiteral("C0001")),
            row(QStringLiteral("a2"), ApprovalState::Approved, QStringLiteral("-999.99"),
                {BillState::Synced}, QStringLiteral("C0002")),
            row(QStringLiteral("a3"), ApprovalState::Approved, QStringLiteral("5.00"),
                {BillState::Synced, BillState::Failed}, QStringLiteral("C0003, C0004")),
            row(QStringLiteral("a4"), ApprovalState::InApproval, QStringLiteral("-20.00")),
            row(QStringLiteral("a5"), ApprovalState::Approved, QStringLiteral("-1.00"),
                {BillState::InDoubt}, QStringLiteral("C0005"))};
}

QStringList ids(const QAbstractItemModel &model)
{
    QStringList result;
    for (int r = 0; r < model.rowCount(); ++r)
        result.append(model.index(r, 0).data(ApplicationsModel::IdRole).toString());
    return result;
}

} // namespace

class TestApplicationsModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelAndProxy_passTheModelTesterThroughLoadsUpdatesAndFilters()
    {
        ApplicationsModel model;
        ApplicationsFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester modelTester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(sample());
        proxy.setStateFilter(ApplicationsFilterModel::StateFilter::All);
        proxy.sort(ApplicationsModel::AmountColumn);
        ApplicationRow changed = sample().at(0);
        changed.bills.first().state = BillState::Synced;
        model.updateRow(changed);
        model.updateRow(
            row(QStringLiteral("a6"), ApprovalState::Approved, QStringLiteral("-3.00")));
        proxy.setSearchText(QStringLiteral("C0003"));
        proxy.setStateFilter(ApplicationsFilterModel::StateFilter::Pending);
        QCOMPARE(model.rowCount(), 6);

        // A job's live update: changed and new rows together, in one signal each.
        proxy.setSearchText({});
        ApplicationRow again = sample().at(2);
        for (ApplicationRow::Bill &bill : again.bills)
            bill.state = BillState::Synced;
        const int pendingBefore = proxy.rowCount();
        const bool wasPending = model.facts(model.rowOf(again.id)).pending;
        model.updateRows(
            {again, row(QStringLiteral("a7"), ApprovalState::Approved, QStringLiteral("-4.00"))});
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.rowOf(QStringLiteral("a7")), 6);
        QCOMPARE(model.facts(model.rowOf(again.id)).sync, BillState::Synced);
        QCOMPARE(proxy.rowCount(), pendingBefore + 1 - (wasPending ? 1 : 0)); // a7 is pending
    }

    void pendingFilter_showsApprovedApplicationsNotYetSynced()
    {
        ApplicationsModel model;
        model.setRows(sample());
        ApplicationsFilterModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(ApplicationsModel::BusinessIdColumn);
        QCOMPARE(ids(proxy),
                 (QStringList {QStringLiteral("a1"), QStringLiteral("a3"), QStringLiteral("a5")}));
        proxy.setStateFilter(ApplicationsFilterModel::StateFilter::Synced);
        QCOMPARE(ids(proxy), QStringList {QStringLiteral("a2")});
        proxy.setStateFilter(ApplicationsFilterModel::StateFilter::Failed);
        QCOMPARE(ids(proxy), QStringList {QStringLiteral("a3")});
        proxy.setStateFilter(ApplicationsFilterModel::StateFilter::InDoubt);
        QCOMPARE(ids(proxy), QStringList {QStringLiteral("a5")});
        proxy.setStateFilter(ApplicationsFilterModel::StateFilter::All);
        QCOMPARE(proxy.rowCount(), 5);
    }

    void searchAndDateRange_narrowTheTable()
    {
        ApplicationsModel model;
        model.setRows(sample());
        ApplicationsFilterModel proxy;
        proxy.setSourceModel(&model);
        proxy.setStateFilter(ApplicationsFilterModel::StateFilter::All);
        proxy.setSearchText(QStringLiteral("c0004")); // customers, any case
        QCOMPARE(ids(proxy), QStringList {QStringLiteral("a3")});
        proxy.setSearchText(QStringLiteral("2025a2")); // business id
        QCOMPARE(ids(proxy), QStringList {QStringLiteral("a2")});
        proxy.setSearchText(QStringLiteral("华东")); // originator
        QCOMPARE(proxy.rowCount(), 5);
        proxy.setSearchText({});
        proxy.setDateRange(QDate(2025, 3, 2), QDate(2025, 3, 4));
        proxy.sort(ApplicationsModel::DateColumn);
        QCOMPARE(ids(proxy),
                 (QStringList {QStringLiteral("a2"), QStringLiteral("a3"), QStringLiteral("a4")}));
    }

    void amounts_sortAsExactDecimalsAndShowGrouped()
    {
        ApplicationsModel model;
        model.setRows(sample());
        ApplicationsFilterModel proxy;
        proxy.setSourceModel(&model);
        proxy.setStateFilter(ApplicationsFilterModel::StateFilter::All);
        proxy.sort(ApplicationsModel::AmountColumn, Qt::AscendingOrder);
        QCOMPARE(ids(proxy),
                 (QStringList {QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a4"),
                               QStringLiteral("a5"), QStringLiteral("a3")}));
        const QModelIndex amount = proxy.index(0, ApplicationsModel::AmountColumn);
        QCOMPARE(amount.data().toString(), QStringLiteral("-1,000.10"));
        QCOMPARE(amount.data(Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));
        QCOMPARE(ApplicationsModel::formatMoney(QStringLiteral("99999999999.99")),
                 QStringLiteral("99,999,999,999.99"));
        QCOMPARE(ApplicationsModel::formatMoney(QStringLiteral("-600.00")),
                 QStringLiteral("-600.00"));
    }

    void rows_showStatesNumbersAndKingdeesError()
    {
        ApplicationsModel model;
        model.setRows(sample());
        const int a3 = 2;
        // One bill in Kingdee, one refused: 部分同步, not 失败 beside a Kingdee number.
        QCOMPARE(model.index(a3, ApplicationsModel::SyncColumn).data().toString(),
                 QStringLiteral("Partly synced"));
        QCOMPARE(model.index(a3, ApplicationsModel::SyncColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("1 of 2 bill(s) in Kingdee; the others are not"));
        // Still listed among the failed ones to retry, and still pending.
        QVERIFY(model.idsInSyncState(BillState::Failed).contains(QStringLiteral("a3")));
        QVERIFY(model.facts(a3).pending);
        QCOMPARE(model.index(a3, ApplicationsModel::NumbersColumn).data().toString(),
                 QStringLiteral("QTYS1"));
        QCOMPARE(model.index(a3, ApplicationsModel::ErrorColumn).data().toString(),
                 QStringLiteral("Fix first: 客户编码不存在"));
        // Revoked after its bill was synced: the row says a reversal is due, until it is done.
        QList<ApplicationRow> rows = sample();
        rows[1].approval = ApprovalState::Revoked;
        model.setRows(rows);
        QCOMPARE(
            model.index(1, ApplicationsModel::SyncColumn).data().toString(),
            ApplicationsModel::tr("Needs reversal", "revoked after its bills reached Kingdee"));
        rows[1].bills[0].state = BillState::Reversed;
        model.setRows(rows);
        QCOMPARE(model.index(1, ApplicationsModel::SyncColumn).data().toString(),
                 displayName(BillState::Reversed));
        // Approved, and the last sync could make no bill of it: marked, not 待同步.
        rows = sample();
        rows[3].approval = ApprovalState::Approved;
        model.setRows(rows);
        model.setNote(QStringLiteral("a4"), QStringLiteral("no table rows"));
        QCOMPARE(model.index(3, ApplicationsModel::SyncColumn).data().toString(),
                 QStringLiteral("Not sendable"));
        QVERIFY(model.index(3, 0).data(ApplicationsModel::NotSendableRole).toBool());
        QVERIFY(!model.index(0, 0).data(ApplicationsModel::NotSendableRole).toBool());
        model.setRows(sample());
        // An application still in approval has no sync state to show.
        QVERIFY(model.index(3, ApplicationsModel::SyncColumn).data().toString().isEmpty());
    }

    void errors_sayWhatIsWrongFirstAndWhetherARetryHelps()
    {
        QList<ApplicationRow> rows = sample();
        // a3: Kingdee refused the customer (stored by an earlier version as "FIELD: words").
        rows[2].bills[1].error =
            QStringLiteral("FCONTACTUNIT: 往来单位 C9243 在金蝶中不存在或未审核");
        rows[2].bills[1].errorField = QStringLiteral("FCONTACTUNIT");
        rows[2].bills[1].retryable = false;
        // a1: its last send met a passing network problem.
        rows[0].bills[0].error = QStringLiteral("network timeout");
        rows[0].bills[0].retryable = true;
        ApplicationsModel model;
        model.setRows(rows);
        QCOMPARE(model.index(2, ApplicationsModel::ErrorColumn).data().toString(),
                 QStringLiteral(
                     "Fix first: 往来单位 C9243 在金蝶中不存在或未审核 (field FCONTACTUNIT)"));
        QVERIFY(model.index(2, ApplicationsModel::ErrorColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Retry Failed alone will not help")));
        QCOMPARE(model.index(0, ApplicationsModel::ErrorColumn).data().toString(),
                 QStringLiteral("Temporary: network timeout"));
        QCOMPARE(model.failedNeedingAFix(), QStringList {QStringLiteral("2025a3")});
        // A refusal that already names its field keeps it once.
        QCOMPARE(
            clerkErrorText(QStringLiteral("FCONTACTUNIT 不存在"), QStringLiteral("FCONTACTUNIT")),
            QStringLiteral("FCONTACTUNIT 不存在"));
    }

    void checkBoxes_collectTheClerksSelection()
    {
        ApplicationsModel model;
        model.setRows(sample());
        QVERIFY(model.flags(model.index(0, 0)) & Qt::ItemIsUserCheckable);
        QVERIFY(!(model.flags(model.index(0, 1)) & Qt::ItemIsUserCheckable));
        QVERIFY(model.setData(model.index(2, 0), Qt::Checked, Qt::CheckStateRole));
        model.setChecked({QStringLiteral("a5"), QStringLiteral("unknown")}, true);
        QCOMPARE(model.checkedIds(), (QStringList {QStringLiteral("a3"), QStringLiteral("a5")}));
        QCOMPARE(model.index(2, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        model.setChecked({QStringLiteral("a3")}, false);
        QCOMPARE(model.checkedIds(), QStringList {QStringLiteral("a5")});
    }

    void storeRows_carryBillsAndTheTableColumns()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(db.open().ok());
        ApplicationRecord a;
        a.id = QStringLiteral("pi-1");
        a.businessId = QStringLiteral("2025001");
        a.approval = ApprovalState::Approved;
        a.amount = QStringLiteral("-1834.60");
        a.organisation = QStringLiteral("100");
        a.customers = QStringLiteral("C0001, C0002");
        a.createdAt = QStringLiteral("2025-03-03 10:12:41");
        a.originatorDeptName = QStringLiteral("华东销售部");
        QVERIFY(ApplicationRepository(db).upsert(a).ok());
        const QList<ApplicationRow> rows = ApplicationRepository(db).tableRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().customers, a.customers);
        QCOMPARE(rows.first().organisation, a.organisation);
        QCOMPARE(rows.first().amount, a.amount);
        QCOMPARE(rows.first().originator, a.originatorDeptName);
    }
};

QTEST_MAIN(TestApplicationsModel)
#include "tst_applicationsmodel.moc"
