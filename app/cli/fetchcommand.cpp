#include "app/cli/fetchcommand.h"

#include "app/cli/clialerts.h"
#include "app/cli/clicontext.h"
#include "app/dingtalk/dingtalkclient.h"
#include "app/settings/settings.h"
#include "app/store/database.h"
#include "app/sync/fetchjob.h"
#include "app/sync/jobsetup.h"
#include "app/sync/runtoend.h"
#include "app/sync/streamintake.h"

#include <QCommandLineParser>

namespace rs::cli {
namespace {

bool readDate(const QCommandLineParser &parser, const QCommandLineOption &option, QDate *date,
              QString *error)
{
    if (!parser.isSet(option))
        return true;
    const QString text = parser.value(option);
    *date = QDate::fromString(text, Qt::ISODate);
    if (!date->isValid()) {
        *error = FetchCommand::tr("--%1 takes a date as YYYY-MM-DD, not \"%2\".")
                     .arg(option.names().constFirst(), text);
        return false;
    }
    return true;
}

} // namespace

int FetchCommand::run(const Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption from(QStringLiteral("from"), tr("First submission day."),
                                  QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption to(QStringLiteral("to"), tr("Last submission day."),
                                QStringLiteral("YYYY-MM-DD"));
    parser.addOptions({from, to});
    if (!parser.parse(arguments)) {
        context.fail(parser.errorText());
        return ConfigError;
    }
    sync::FetchOptions options;
    QString error;
    if (!readDate(parser, from, &options.from, &error)
        || !readDate(parser, to, &options.to, &error)) {
        context.fail(error);
        return ConfigError;
    }

    const std::optional<StoreLocation> location = context.storeLocation();
    if (!location)
        return ConfigError;
    Database database(*location);
    if (!context.openDatabase(database))
        return ConfigError;
    const Settings settings(context.profile.settingsPath(), context.profile.schemesDir());
    if (!context.checkSettings(settings))
        return ConfigError;
    options.scheme = context.loadScheme(settings);
    if (!options.scheme)
        return ConfigError;
    const auto config = sync::JobSetup::dingTalk(context.profile, settings, &error);
    if (!config) {
        context.fail(error);
        return ConfigError;
    }

    // v1.0 can list by status: a run then costs two short listings, not the period's every page
    // plus every open instance again (docs/BENCHMARKS.md). topapi cannot; it lists as before.
    if (config->api == dingtalk::DingTalkConfig::Api::V1)
        options.statuses = sync::StreamIntake::endedStatuses();
    dingtalk::DingTalkClient client(*config);
    sync::FetchJob job(database, client, options);
    const sync::FetchReport report = sync::runToEnd(job, &sync::FetchJob::finished);
    {
        CliAlerts alerts(context, settings, database);
        alerts.afterFetch(report);
        alerts.finish();
    }

    if (report.fromMs) // the run started: say what it did, whatever the outcome
        context.out << report.summary() << Qt::endl;
    switch (report.result) {
    case sync::FetchReport::Result::Ok:
        return Ok;
    case sync::FetchReport::Result::Partial:
        // A run that stopped early (a full disk, the month's quota) says why where a scheduled
        // task's log looks for errors, not only in the summary line.
        if (!report.stopReason.isEmpty())
            context.fail(report.stopReason);
        return Partial;
    case sync::FetchReport::Result::ConfigError:
        break;
    }
    context.fail(report.stopReason);
    return ConfigError;
}

} // namespace rs::cli
