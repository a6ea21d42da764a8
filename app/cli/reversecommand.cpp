#include "app/cli/reversecommand.h"

#include "app/cli/clicontext.h"
#include "app/kingdee/kingdeeclient.h"
#include "app/settings/settings.h"
#include "app/store/database.h"
#include "app/sync/jobsetup.h"
#include "app/sync/reversejob.h"
#include "app/sync/runtoend.h"

#include <QCommandLineParser>

namespace rs::cli {

int ReverseCommand::run(const Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"),
        tr("Look the bills up in Kingdee and print what would be done; change nothing."));
    parser.addOption(dryRun);
    if (!parser.parse(arguments)) {
        context.fail(parser.errorText());
        return ConfigError;
    }
    const QStringList ids = parser.positionalArguments(); // the command name is argv[0] here
    if (ids.isEmpty()) {
        context.fail(tr("Give the ids of the applications whose bills to reverse."));
        return ConfigError;
    }

    const std::optional<StoreLocation> location = context.storeLocation();
    if (!location)
        return ConfigError;
    Database database(*location);
    const Settings settings(context.profile.settingsPath(), context.profile.schemesDir());
    const std::shared_ptr<const Scheme> scheme = context.openForBills(database, settings);
    if (!scheme)
        return ConfigError;
    kingdee::KingdeeConfig config;
    if (!context.kingdeeConfig(settings, &config))
        return ConfigError;

    kingdee::KingdeeClient client(config);
    sync::ReverseJob job(database, client, scheme, ids, parser.isSet(dryRun));
    QObject::connect(&job, &sync::ReverseJob::lineDone, &job, [&](const sync::ReverseLine &line) {
        // Skipped bills were never in Kingdee: a note, not one of the contract's lines.
        (line.outcome == sync::ReverseLine::Outcome::Skipped ? context.err : context.out)
            << line.text() << '\n';
        context.out.flush();
        context.err.flush();
    });
    const sync::ReverseReport report = sync::runToEnd(job, &sync::ReverseJob::finished);
    if (report.configError) {
        context.fail(report.stopReason);
        return ConfigError;
    }
    return report.allReversed() ? Ok : SomeFailed;
}

} // namespace rs::cli
