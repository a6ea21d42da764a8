#pragma once

#include "siminstance.h"

#include <QList>

namespace rs::sandbox {

struct Customer
{
    QString code;
    QString name;
};

// The customers Kingdee's base data holds (C0001…C0060). Generated rows also name a few codes
// Kingdee does not know (C9xxx), so some bills fail there with Kingdee's own message.
const QList<Customer> &knownCustomers();
// Organisation numbers DingTalk's 组织 field offers and Kingdee knows.
QStringList organisationNumbers();

struct GeneratorOptions
{
    quint32 seed = 1;
    int count = 200;
    QString processCode = QStringLiteral("PROC-REBATE-SANDBOX");
    qint64 periodStartMs = 0; // submissions spread uniformly over [start, end]
    qint64 periodEndMs = 0;
    double unknownCustomerRate = 0.03; // share of table rows whose customer Kingdee lacks
    double runningRate = 0.10; // share still in approval (1.0: all, for instances to end later)
};

// Deterministic for the same options: the same seed gives the same instances, ids and amounts.
// Statuses: ~10% running, ~65% approved, ~10% refused, ~8% terminated, ~7% approved then revoked.
// Quirks: textarea "null", unfilled optional fields, cells keyed by their label, and ~2% tables
// whose value holds column definitions instead of rows.
QList<SimInstance> generateInstances(const GeneratorOptions &options);

// "壹仟捌佰叁拾肆元陆角" for 1834.60, as DingTalk's MoneyField writes ext_value.upper.
QString chineseAmount(qint64 cents);

} // namespace rs::sandbox
