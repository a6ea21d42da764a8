#pragma once

#include "app/kingdee/billreader.h"
#include "app/store/states.h"
#include "app/store/storeerror.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace rs {
class Database;
}

namespace rs::report {

// One bill as the store holds it, with what reconciliation compares.
struct StoreBill
{
    QString key;
    QString applicationId;
    QString businessId; // 审批编号
    ApprovalState approval = ApprovalState::Approved;
    BillState state = BillState::Pending;
    QString amount; // exact decimal text, Kingdee's sign
    QString date; // the bill's FDATE (the application's 申请日期 under the built-in scheme)
    QString organisation; // FSETTLEORGID
    QString customer; // FCONTACTUNIT
    QString number; // Kingdee's number once synced
};

struct Difference
{
    // missing_in_kingdee, amount_differs, extra_in_kingdee, duplicate_in_kingdee,
    // revoked_not_reversed
    QString kind;
    QString key;
    QString application; // process instance id; empty for a bill the store does not know
    QString businessId;
    QString number; // Kingdee's bill number(s), comma-separated for duplicates
    QString dingtalkAmount; // empty when the store expects none
    QString kingdeeAmount; // empty when Kingdee holds none
};

// Sums for one organisation and customer; organisation rows have an empty customer, the grand
// total both empty. Every sum is exact, so customers add up to their organisation and
// organisations to the total.
struct Total
{
    enum class Level { Customer, Organisation, All };
    Level level = Level::Customer;
    QString organisation;
    QString customer;
    QString dingtalk;
    QString kingdee;
};

struct ReconcileReport
{
    QDate from;
    QDate to;
    int matched = 0;
    QList<Difference> differences;
    QList<Total>
        totals; // per customer within each organisation, then per organisation, last the total
    QString stopReason; // set when it could not be done (store, settings, Kingdee): exit 2

    QJsonObject toJson() const;
};

// The keys RebateSync writes: the built-in scheme's "审批编号-客户编码" (and "…-R" for a reversing
// bill). Other texts in the key field are someone else's remarks and are not compared.
bool looksLikeOurKey(const QString &key);

// The store's bills of applications whose date falls in [from, to].
QList<StoreBill> storeBills(const Database &database, const QDate &from, const QDate &to,
                            StoreError *error);

// Compares, pure: what the store says DingTalk approved against what Kingdee holds.
ReconcileReport reconcile(const QList<StoreBill> &store, const QList<kingdee::KingdeeBill> &kingdee,
                          const QDate &from, const QDate &to);

// The period a reconciliation covers by default: last calendar month, Beijing time.
std::pair<QDate, QDate> lastMonth(const QDate &today);

} // namespace rs::report

Q_DECLARE_METATYPE(rs::report::ReconcileReport)
