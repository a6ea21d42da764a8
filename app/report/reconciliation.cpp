#include "app/report/reconciliation.h"

#include "app/mapping/decimal.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

namespace rs::report {
namespace {

QString numberOf(const QJsonValue &value)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key().compare(QLatin1String("FNumber"), Qt::CaseInsensitive) == 0)
                return it.value().isDouble() ? QString::number(it.value().toInteger())
                                             : it.value().toString();
        }
        return {};
    }
    return value.toString();
}

Decimal decimalOf(const QString &text)
{
    return Decimal::parse(text).value_or(Decimal());
}

QString money(const Decimal &d)
{
    return d.scale() < 2 ? d.toString(2) : d.toString();
}

struct Sums
{
    Decimal dingtalk;
    Decimal kingdee;
};

} // namespace

bool looksLikeOurKey(const QString &key)
{
    static const QRegularExpression ours(QStringLiteral("^[0-9]{6,}-\\S+$"));
    return ours.match(key).hasMatch();
}

std::pair<QDate, QDate> lastMonth(const QDate &today)
{
    const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
    return {first, first.addMonths(1).addDays(-1)};
}

QList<StoreBill> storeBills(const Database &database, const QDate &from, const QDate &to,
                            StoreError *error)
{
    Q_UNUSED(from)
    Q_UNUSED(to)
    // Every bill: one outside the period still tells whether a key in Kingdee is ours.
    StoreError e;
    const QList<ApplicationRow> rows = ApplicationRepository(database).tableRows(&e);
    QHash<QString, QList<BillRecord>> bills;
    if (e.ok())
        bills = BillRepository(database).byApplication(&e);
    if (error)
        *error = e;
    QList<StoreBill> all;
    for (const ApplicationRow &row : rows) {
        for (const BillRecord &bill : bills.value(row.id)) {
            const QJsonObject model = QJsonDocument::fromJson(bill.payloadJson).object();
            all.append({bill.key, row.id, row.businessId, row.approval, bill.state, bill.amount,
                        model.value(QLatin1String("FDATE")).toString().left(10),
                        numberOf(model.value(QLatin1String("FSETTLEORGID"))),
                        numberOf(model.value(QLatin1String("FCONTACTUNIT"))), bill.kingdeeNumber});
        }
    }
    return all;
}

ReconcileReport reconcile(const QList<StoreBill> &store, const QList<kingdee::KingdeeBill> &kingdee,
                          const QDate &from, const QDate &to)
{
    ReconcileReport report;
    report.from = from;
    report.to = to;
    const QString first = from.toString(Qt::ISODate);
    const QString last = to.toString(Qt::ISODate);

    QHash<QString, QList<kingdee::KingdeeBill>> inKingdee;
    for (const kingdee::KingdeeBill &bill : kingdee) {
        if (looksLikeOurKey(bill.key))
            inKingdee[bill.key].append(bill);
    }
    QSet<QString> reversedKeys; // their originals and KEY-R bills are settled
    QSet<QString> heldAsSynced;
    for (const StoreBill &bill : store) {
        if (bill.state == BillState::Reversed) {
            reversedKeys.insert(bill.key);
            reversedKeys.insert(bill.key + QStringLiteral("-R"));
        } else if (bill.state == BillState::Synced || bill.approval == ApprovalState::Approved) {
            heldAsSynced.insert(bill.key);
        }
    }
    QMap<std::pair<QString, QString>, Sums> sums;
    const auto numbers = [](const QList<kingdee::KingdeeBill> &bills) {
        QStringList n;
        for (const kingdee::KingdeeBill &b : bills)
            n.append(b.number);
        return n.join(QLatin1Char(','));
    };
    const auto total = [](const QList<kingdee::KingdeeBill> &bills) {
        Decimal sum;
        for (const kingdee::KingdeeBill &b : bills)
            sum += decimalOf(b.amount);
        return sum;
    };

    // The store's side: bills of applications dated in the period.
    for (const StoreBill &bill : store) {
        if (bill.date < first || bill.date > last || bill.state == BillState::Reversed)
            continue;
        const QList<kingdee::KingdeeBill> found = inKingdee.value(bill.key);
        const Difference base {{},
                               bill.key,
                               bill.applicationId,
                               bill.businessId,
                               numbers(found),
                               bill.amount,
                               found.isEmpty() ? QString() : money(total(found))};
        if (bill.approval != ApprovalState::Approved) {
            if (bill.state == BillState::Synced && !found.isEmpty()) {
                Difference d = base;
                d.kind = QStringLiteral("revoked_not_reversed");
                d.dingtalkAmount.clear(); // DingTalk no longer backs it
                report.differences.append(d);
            }
            continue;
        }
        sums[{bill.organisation, bill.customer}].dingtalk += decimalOf(bill.amount);
        Difference d = base;
        if (found.isEmpty())
            d.kind = QStringLiteral("missing_in_kingdee");
        else if (found.size() > 1)
            d.kind = QStringLiteral("duplicate_in_kingdee");
        else if (decimalOf(found.constFirst().amount) != decimalOf(bill.amount))
            d.kind = QStringLiteral("amount_differs");
        if (d.kind.isEmpty())
            ++report.matched;
        else
            report.differences.append(d);
    }
    // Kingdee's side: every bill of ours in the period counts; a key the store does not hold is
    // extra.
    for (auto it = inKingdee.cbegin(); it != inKingdee.cend(); ++it) {
        if (reversedKeys.contains(it.key()))
            continue;
        for (const kingdee::KingdeeBill &bill : it.value())
            sums[{bill.organisation, bill.customer}].kingdee += decimalOf(bill.amount);
        if (!heldAsSynced.contains(it.key()))
            report.differences.append({QStringLiteral("extra_in_kingdee"),
                                       it.key(),
                                       {},
                                       {},
                                       numbers(it.value()),
                                       {},
                                       money(total(it.value()))});
    }
    std::sort(report.differences.begin(), report.differences.end(),
              [](const Difference &a, const Difference &b) {
                  return std::tie(a.kind, a.key) < std::tie(b.kind, b.key);
              });

    // Customers within organisations, each organisation after its customers, then the total.
    using Level = Total::Level;
    Sums grand;
    Sums ofOrganisation;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        const QString org = it.key().first;
        report.totals.append({Level::Customer, org, it.key().second, money(it.value().dingtalk),
                              money(it.value().kingdee)});
        ofOrganisation.dingtalk += it.value().dingtalk;
        ofOrganisation.kingdee += it.value().kingdee;
        grand.dingtalk += it.value().dingtalk;
        grand.kingdee += it.value().kingdee;
        const auto next = std::next(it);
        if (next == sums.cend() || next.key().first != org) {
            report.totals.append({Level::Organisation,
                                  org,
                                  {},
                                  money(ofOrganisation.dingtalk),
                                  money(ofOrganisation.kingdee)});
            ofOrganisation = {};
        }
    }
    report.totals.append({Level::All, {}, {}, money(grand.dingtalk), money(grand.kingdee)});
    return report;
}

QJsonObject ReconcileReport::toJson() const
{
    QJsonArray list;
    for (const Difference &d : differences) {
        const auto orNull = [](const QString &s) {
            return s.isEmpty() ? QJsonValue() : QJsonValue(s);
        };
        list.append(QJsonObject {{QStringLiteral("kind"), d.kind},
                                 {QStringLiteral("key"), d.key},
                                 {QStringLiteral("application"), orNull(d.application)},
                                 {QStringLiteral("business_id"), orNull(d.businessId)},
                                 {QStringLiteral("number"), orNull(d.number)},
                                 {QStringLiteral("dingtalk_amount"), orNull(d.dingtalkAmount)},
                                 {QStringLiteral("kingdee_amount"), orNull(d.kingdeeAmount)}});
    }
    QJsonArray sums;
    for (const Total &t : totals) {
        QJsonObject row {{QStringLiteral("dingtalk"), t.dingtalk},
                         {QStringLiteral("kingdee"), t.kingdee}};
        if (t.level != Total::Level::All)
            row.insert(QStringLiteral("organisation"), t.organisation);
        if (t.level == Total::Level::Customer)
            row.insert(QStringLiteral("customer"), t.customer);
        sums.append(row);
    }
    return {{QStringLiteral("from"), from.toString(Qt::ISODate)},
            {QStringLiteral("to"), to.toString(Qt::ISODate)},
            {QStringLiteral("matched"), matched},
            {QStringLiteral("differences"), list},
            {QStringLiteral("totals"), sums}};
}

} // namespace rs::report
