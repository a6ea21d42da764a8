#include "app/cli/statuscommand.h"

#include "app/cli/clicontext.h"
#include "app/store/apiusagerepository.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

namespace rs::cli {
namespace {

struct Snapshot
{
    QHash<ApprovalState, int> applications;
    QHash<BillState, int> bills;
    QList<ApiUsage> api;
    qint64 dingTalkMonthCalls = 0;
    qint64 dingTalkMonthEvents = 0; // Stream pushes received
};

QJsonObject toJson(const Snapshot &s)
{
    QJsonObject applications;
    for (ApprovalState state : allApprovalStates())
        applications.insert(toWireName(state), s.applications.value(state));
    QJsonObject bills;
    for (BillState state : allBillStates())
        bills.insert(toWireName(state), s.bills.value(state));
    QJsonObject api;
    for (const ApiUsage &usage : s.api) {
        api.insert(usage.api,
                   QJsonObject {{QStringLiteral("calls"), usage.calls},
                                {QStringLiteral("errors"), usage.errors},
                                {QStringLiteral("throttled"), usage.throttled}});
    }
    return {{QStringLiteral("applications"), applications},
            {QStringLiteral("bills"), bills},
            {QStringLiteral("api"), api},
            {QStringLiteral("dingtalk_month_calls"), s.dingTalkMonthCalls},
            {QStringLiteral("dingtalk_month_events"), s.dingTalkMonthEvents}};
}

} // namespace

int StatusCommand::run(const Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    parser.addOption(json);
    if (!parser.parse(arguments)) {
        context.fail(parser.errorText());
        return ConfigError;
    }

    const std::optional<StoreLocation> location = context.storeLocation();
    if (!location)
        return ConfigError;
    Database database(*location);
    if (!context.openDatabase(database, Context::Use::ReadOnly))
        return ConfigError;

    Snapshot s;
    StoreError error;
    s.applications = ApplicationRepository(database).countByApproval(&error);
    if (error.ok())
        s.bills = BillRepository(database).countByState(&error);
    if (error.ok())
        s.api = ApiUsageRepository(database).month(QDateTime::currentDateTimeUtc(), &error);
    if (!error.ok()) {
        context.fail(error.message);
        return ConfigError;
    }
    s.dingTalkMonthCalls = ApiUsageRepository::dingTalkQuotaCalls(s.api);
    for (const ApiUsage &usage : std::as_const(s.api)) {
        if (usage.api == QLatin1String(api::DingTalkStreamEvent))
            s.dingTalkMonthEvents += usage.calls;
    }

    if (parser.isSet(json)) {
        context.out << QJsonDocument(toJson(s)).toJson(QJsonDocument::Indented);
        return Ok;
    }

    QTextStream &out = context.out;
    out << tr("Profile: %1").arg(QDir::toNativeSeparators(context.profile.dir())) << '\n';
    out << tr("Applications:") << '\n';
    for (ApprovalState state : allApprovalStates())
        out << "  " << displayName(state) << ": " << s.applications.value(state) << '\n';
    out << tr("Bills:") << '\n';
    for (BillState state : allBillStates())
        out << "  " << displayName(state) << ": " << s.bills.value(state) << '\n';
    out << tr("API calls this month (calls / errors / throttled):") << '\n';
    if (s.api.isEmpty())
        out << "  " << tr("none yet") << '\n';
    for (const ApiUsage &usage : std::as_const(s.api)) {
        out << "  " << usage.api << ": " << usage.calls << " / " << usage.errors << " / "
            << usage.throttled << '\n';
    }
    out << tr("DingTalk calls this month: %1").arg(s.dingTalkMonthCalls) << '\n';
    out << tr("DingTalk Stream pushes this month: %1").arg(s.dingTalkMonthEvents) << Qt::endl;
    return Ok;
}

} // namespace rs::cli
