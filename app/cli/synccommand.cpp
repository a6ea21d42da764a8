#include "app/cli/synccommand.h"

#include "app/cli/clicontext.h"
#include "app/kingdee/kingdeeclient.h"
#include "app/secrets/secretstore.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/database.h"
#include "app/sync/connectorconfig.h"
#include "app/sync/pushjob.h"
#include "app/sync/runtoend.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace rs::cli {
namespace {

// The secret the configured auth mode needs; the other one is not read at all, and the
// signature mode signs with the app secret.
bool readKingdeeSecret(const Context &context, const Settings &settings, QString *password,
                       QString *appSecret)
{
    const bool byPassword =
        settings.text(QLatin1String(keys::KingdeeAuth)) == QLatin1String("password");
    const SecretResult secret =
        SecretStore(context.profile.keychainScope())
            .readNow(byPassword ? SecretName::KingdeePassword : SecretName::KingdeeAppSecret);
    if (!secret.ok()) {
        context.fail(secret.message);
        return false;
    }
    *(byPassword ? password : appSecret) = secret.value;
    return true;
}

} // namespace

int SyncCommand::run(const Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption allPending(QStringLiteral("all-pending"),
                                        tr("Every approved application not yet synced."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    tr("Print what would be sent; send and change nothing."));
    parser.addOptions({allPending, dryRun});
    if (!parser.parse(arguments)) {
        context.fail(parser.errorText());
        return ConfigError;
    }
    const QStringList ids = parser.positionalArguments(); // the command name is argv[0] here
    if (parser.isSet(allPending) == !ids.isEmpty()) {
        context.fail(tr("Give either --all-pending or the ids of the applications to sync."));
        return ConfigError;
    }

    Database database(context.profile.databasePath());
    if (!context.openDatabase(database))
        return ConfigError;
    const Settings settings(context.profile.settingsPath(), context.profile.schemesDir());
    if (!context.checkSettings(settings))
        return ConfigError;
    const std::shared_ptr<const Scheme> scheme = context.loadScheme(settings);
    if (!scheme)
        return ConfigError;

    sync::PushOptions options;
    options.applicationIds = ids;
    options.dryRun = parser.isSet(dryRun);
    options.batchSize = settings.integer(QLatin1String(keys::KingdeeBatchSize));
    options.concurrency = settings.integer(QLatin1String(keys::KingdeeConcurrency));

    QString password;
    QString appSecret;
    if (!options.dryRun && !readKingdeeSecret(context, settings, &password, &appSecret))
        return ConfigError;
    QString error;
    // A dry run talks to nobody: it needs neither a secret nor a complete Kingdee setup.
    auto config = options.dryRun
        ? std::optional<kingdee::KingdeeConfig>(kingdee::KingdeeConfig {})
        : sync::ConnectorConfig::kingdee(settings, password, appSecret, &error);
    if (!config) {
        context.fail(error);
        return ConfigError;
    }

    kingdee::KingdeeClient client(*config);
    sync::PushJob job(database, client, scheme, options);
    const sync::PushReport report = sync::runToEnd(job, &sync::PushJob::finished);

    for (const QJsonObject &body : std::as_const(report.dryRunBodies))
        context.out << QJsonDocument(body).toJson(QJsonDocument::Indented);
    for (const sync::BillLine &line : std::as_const(report.lines))
        context.out << line.text() << '\n';
    context.out.flush();
    switch (report.result) {
    case sync::PushReport::Result::Ok:
        return Ok;
    case sync::PushReport::Result::SomeFailed:
        if (!report.stopReason.isEmpty())
            context.fail(report.stopReason);
        return SomeFailed;
    case sync::PushReport::Result::ConfigError:
        break;
    }
    context.fail(report.stopReason);
    return ConfigError;
}

} // namespace rs::cli
