#pragma once

#include "app/kingdee/failure.h"

#include <QDate>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <functional>

namespace rs::kingdee {

class KingdeeClient;

// One bill as Kingdee holds it now, read by ExecuteBillQuery.
struct KingdeeBill
{
    QString key; // the idempotency field's value
    QString id; // FID
    QString number; // FBillNo
    QString documentStatus; // FDocumentStatus: Z, A, B, C, D
    QString date; // FDATE, yyyy-MM-dd
    QString amount; // FAMOUNTFOR, exact decimal text
    QString organisation; // FSETTLEORGID.FNumber
    QString customer; // FCONTACTUNIT.FNumber
};

struct BillsRead
{
    // When set, some bills could not be read: a bill missing from `bills` may still be in
    // Kingdee, so nothing may be concluded (or resent) from its absence.
    Failure failure;
    QList<KingdeeBill> bills;
};

// Reads the synced bills' status and existence in few queries: by key in IN lists of up to
// 1,999 keys (one page each), or every bill of a period (FDATE), 2,000 rows a page.
class BillReader final
{
public:
    using Handler = std::function<void(const BillsRead &)>;
    // One short of the 2,000-row page: a list whose bills are each in Kingdee once answers in
    // one page that is not full, so no empty page is asked after it (10,000 keys: 6 queries,
    // not 10). A duplicate in Kingdee may still fill it; the next page is then asked for.
    static constexpr int KeysPerQuery = 1999;

    static void byKeys(KingdeeClient &client, const QString &formId, const QString &keyField,
                       const QStringList &keys, Handler handler);
    // Bills dated from `from` to `to`, both included, whose key field is not empty.
    static void inPeriod(KingdeeClient &client, const QString &formId, const QString &keyField,
                         const QDate &from, const QDate &to, Handler handler);

    static QStringList fieldKeys(const QString &keyField);
    static KingdeeBill fromRow(const QJsonArray &row);
    // 暂存, 创建, 审核中, 已审核, 重新审核 (tr()), 金蝶中已不存在 for the store's "gone"; the
    // code itself when unknown.
    static QString statusName(const QString &documentStatus);
};

} // namespace rs::kingdee
