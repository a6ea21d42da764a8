#include "app/cli/previewcommand.h"

#include "app/cli/clicontext.h"
#include "app/mapping/mapper.h"
#include "app/mapping/previewjson.h"
#include "app/mapping/scheme.h"
#include "app/mapping/schemeresolver.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/applicationrepository.h"
#include "app/store/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rs::cli {
int PreviewCommand::run(const Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    parser.addOption(json);
    if (!parser.parse(arguments)) {
        context.fail(parser.errorText());
        return ConfigError;
    }
    const QStringList ids = parser.positionalArguments();
    if (ids.size() != 1) {
        context.fail(tr("preview needs exactly one ID, the DingTalk process instance id "
                        "(rebatesync-cli list shows them)."));
        return ConfigError;
    }
    const QString id = ids.constFirst();

    const std::optional<StoreLocation> location = context.storeLocation();
    if (!location)
        return ConfigError;
    Database database(*location);
    if (!context.openDatabase(database, Context::Use::ReadOnly)) // preview only reads
        return ConfigError;
    const Settings settings(context.profile.settingsPath(), context.profile.schemesDir());
    const QString schemeName = settings.text(QLatin1String(keys::SyncScheme));
    const std::shared_ptr<const Scheme> scheme = context.loadScheme(settings);
    if (!scheme)
        return ConfigError;

    StoreError error;
    const std::optional<ApplicationRecord> application =
        ApplicationRepository(database).find(id, &error);
    if (!error.ok()) {
        context.fail(error.message);
        return ConfigError;
    }
    if (!application) {
        context.fail(tr("there is no application %1 in this profile; rebatesync-cli list shows "
                        "the stored ones, fetch brings new ones.")
                         .arg(id));
        return SomeFailed;
    }

    const MappingResult result = mapApplication(*application, *scheme);
    const int exitCode = result.bills.isEmpty() || result.hasErrors() ? SomeFailed : Ok;
    if (parser.isSet(json)) {
        context.out << QString::fromUtf8(previewJsonText(result, *scheme));
        context.out.flush();
        return exitCode;
    }
    const QJsonObject body = batchSaveBody(result.bills, *scheme);

    QTextStream &out = context.out;
    out << tr("Application %1 (business id %2): %3")
               .arg(id, application->businessId, application->title)
        << '\n'
        << tr("Scheme: %1").arg(schemeName) << '\n'
        << tr("Bills: %1").arg(result.bills.size()) << '\n';
    for (const BillDraft &bill : result.bills) {
        out << "  " << bill.key << '\t' << bill.group << '\t' << bill.amount << '\t'
            << (bill.hasErrors ? tr("has errors, will not be sent")
                               : (result.approved ? tr("ready") : tr("not approved")))
            << '\n';
    }
    out << '\n'
        << tr("BatchSave body:") << '\n'
        << QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented)) << '\n';
    if (result.issues.isEmpty()) {
        out << tr("No issues.") << '\n';
    } else {
        out << tr("Issues:") << '\n';
        for (const MappingIssue &issue : result.issues) {
            out << "  " << (issue.bill.isEmpty() ? tr("application") : issue.bill);
            if (!issue.field.isEmpty())
                out << ' ' << issue.field;
            out << ": " << issue.message << '\n';
        }
    }
    out.flush();
    return exitCode;
}

} // namespace rs::cli
