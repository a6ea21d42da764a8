#include "app/cli/listcommand.h"

#include "app/cli/clicontext.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rs::cli {
namespace {

// STATE names an approval state or a sync state; the two vocabularies share no name, so one
// option serves both.
struct StateFilter
{
    std::optional<ApprovalState> approval;
    std::optional<BillState> sync;
};

QJsonObject toJson(const ApplicationRecord &a, const QList<BillRecord> &bills, BillState sync)
{
    QJsonArray billArray;
    for (const BillRecord &b : bills) {
        billArray.append(QJsonObject {{QStringLiteral("key"), b.key},
                                      {QStringLiteral("state"), toWireName(b.state)},
                                      {QStringLiteral("number"), b.kingdeeNumber},
                                      {QStringLiteral("error"), b.lastError}});
    }
    // Money stays an exact decimal string; a JSON number would become a binary double.
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("business_id"), a.businessId},
            {QStringLiteral("title"), a.title},
            {QStringLiteral("approval"), toWireName(a.approval)},
            {QStringLiteral("sync"), toWireName(sync)},
            {QStringLiteral("amount"), a.amount},
            {QStringLiteral("bills"), billArray}};
}

} // namespace

int ListCommand::run(const Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption state(QStringLiteral("state"),
                                   tr("Only applications in STATE (an approval or sync state)."),
                                   QStringLiteral("STATE"));
    parser.addOptions({json, state});
    if (!parser.parse(arguments)) {
        context.fail(parser.errorText());
        return ConfigError;
    }

    StateFilter filter;
    if (parser.isSet(state)) {
        const QString name = parser.value(state);
        filter.approval = approvalStateFromWireName(name);
        filter.sync = billStateFromWireName(name);
        if (!filter.approval && !filter.sync) {
            QStringList accepted;
            for (ApprovalState s : allApprovalStates())
                accepted.append(toWireName(s));
            for (BillState s : allBillStates())
                accepted.append(toWireName(s));
            context.fail(tr("--state: \"%1\" is not a state. Use one of: %2.")
                             .arg(name, accepted.join(QStringLiteral(", "))));
            return ConfigError;
        }
    }

    const std::optional<StoreLocation> location = context.storeLocation();
    if (!location)
        return ConfigError;
    Database database(*location);
    if (!context.openDatabase(database, Context::Use::ReadOnly))
        return ConfigError;
    StoreError listError;
    StoreError billsError;
    const QList<ApplicationRecord> applications =
        ApplicationRepository(database).list(filter.approval, &listError);
    const QHash<QString, QList<BillRecord>> bills =
        BillRepository(database).byApplication(&billsError);
    if (!listError.ok() || !billsError.ok()) {
        context.fail(!listError.ok() ? listError.message : billsError.message);
        return ConfigError;
    }

    QJsonArray array;
    for (const ApplicationRecord &a : applications) {
        const QList<BillRecord> own = bills.value(a.id);
        QList<BillState> states;
        for (const BillRecord &b : own)
            states.append(b.state);
        const BillState sync = aggregateSyncState(states);
        if (filter.sync && sync != *filter.sync)
            continue;
        if (parser.isSet(json)) {
            array.append(toJson(a, own, sync));
            continue;
        }
        context.out << a.id << '\t' << a.businessId << '\t' << displayName(a.approval) << '\t'
                    << displayName(sync) << '\t' << a.amount << '\t' << a.title << '\n';
    }
    if (parser.isSet(json))
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    context.out.flush();
    return Ok;
}

} // namespace rs::cli
