#pragma once

#include "app/kingdee/failure.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <functional>

namespace rs::kingdee {
class KingdeeClient;
}

namespace rs::sync {

// The base data one bill names: its customer (when the contact unit is a customer) and its
// organisations, as numbers.
struct BaseDataRefs
{
    QString customer;
    QString settleOrg; // the customer must be assigned to (usable in) this organisation
    QHash<QString, QString> organisations; // field key → number
    static BaseDataRefs of(const QJsonObject &model);
};

// What Kingdee holds of the customers and organisations a sync's bills name, read once per run
// (one batched query per kind), so a bill Kingdee would refuse for them is refused before it
// is sent, with the number named — not found out bill by bill afterwards.
class BaseDataCheck final
{
    Q_DECLARE_TR_FUNCTIONS(BaseDataCheck)

public:
    static const QStringList &customerFields(); // FNumber, FUseOrgId.FNumber, FForbidStatus, …
    static const QStringList &organisationFields();

    // Rows in the order of customerFields() / organisationFields(); `asked` are the numbers
    // the rows answer for (a number asked and not in the rows is missing in Kingdee).
    void addCustomers(const QStringList &asked, const QList<QJsonArray> &rows);
    void addOrganisations(const QStringList &asked, const QList<QJsonArray> &rows);

    // The numbers among `refs` not looked up yet.
    QStringList unknownCustomers(const QList<BaseDataRefs> &refs) const;
    QStringList unknownOrganisations(const QList<BaseDataRefs> &refs) const;

    // Why Kingdee would refuse the bill for its base data, in the clerk's words; empty when it
    // would not, or when the numbers were never looked up. `field` gets the field key.
    QString problem(const BaseDataRefs &refs, QString *field) const;

private:
    struct Record
    {
        bool forbidden = false;
        bool audited = true;
    };
    QSet<QString> m_askedCustomers;
    QHash<QString, QHash<QString, Record>> m_customers; // number → using org → record
    QSet<QString> m_askedOrganisations;
    QHash<QString, Record> m_organisations;
};

// Looks up in Kingdee what `check` does not know yet of `refs` (at most two queries, by IN
// lists) and adds it. `done` gets the first failure, if any: the check then knows less and
// the bills it cannot judge go to Kingdee, which checks them itself.
void lookUpBaseData(kingdee::KingdeeClient &client, const QList<BaseDataRefs> &refs,
                    BaseDataCheck *check,
                    const std::function<void(const kingdee::Failure &)> &done);

} // namespace rs::sync
