#include "app/cli/reconcilecommand.h"

#include "app/cli/clicontext.h"
#include "app/kingdee/kingdeeclient.h"
#include "app/report/reconcilejob.h"
#include "app/report/xlsxexport.h"
#include "app/settings/settings.h"
#include "app/store/database.h"
#include "app/sync/jobsetup.h"
#include "app/sync/runtoend.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonDocument>

namespace rs::cli {

int ReconcileCommand::run(const Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption from(QStringLiteral("from"), tr("First day (default: last month's)."),
                                  QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption to(QStringLiteral("to"), tr("Last day (default: last month's)."),
                                QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the report as JSON."));
    const QCommandLineOption xlsx(QStringLiteral("xlsx"), tr("Also write the report to FILE."),
                                  QStringLiteral("FILE"));
    parser.addOptions({from, to, json, xlsx});
    if (!parser.parse(arguments) || !parser.positionalArguments().isEmpty()) {
        context.fail(parser.positionalArguments().isEmpty()
                         ? parser.errorText()
                         : tr("reconcile takes no arguments besides its options."));
        return ConfigError;
    }
    const QDate beijingToday = QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date();
    auto [first, last] = report::lastMonth(beijingToday);
    for (const auto &[option, target] : {std::pair(&from, &first), std::pair(&to, &last)}) {
        if (!parser.isSet(*option))
            continue;
        *target = QDate::fromString(parser.value(*option), Qt::ISODate);
        if (!target->isValid()) {
            context.fail(tr("\"%1\" is not a date (YYYY-MM-DD).").arg(parser.value(*option)));
            return ConfigError;
        }
    }
    if (first > last) {
        context.fail(tr("--from is after --to."));
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
    report::ReconcileJob job(database, client, scheme, first, last);
    const report::ReconcileReport result = sync::runToEnd(job, &report::ReconcileJob::finished);
    if (!result.stopReason.isEmpty()) {
        context.fail(result.stopReason);
        return ConfigError;
    }
    QString error;
    if (parser.isSet(xlsx) && !report::XlsxExport::write(result, parser.value(xlsx), &error)) {
        context.fail(error);
        return ConfigError;
    }
    if (parser.isSet(json)) {
        context.out << QJsonDocument(result.toJson()).toJson(QJsonDocument::Indented);
    } else {
        for (const report::Difference &d : result.differences)
            context.out << d.kind << '\t' << d.key << '\t' << d.application << '\t' << d.number
                        << '\t' << d.dingtalkAmount << '\t' << d.kingdeeAmount << '\n';
        const report::Total &all = result.totals.constLast();
        context.out << tr("%1 to %2: %3 matched, %4 differences; DingTalk %5, Kingdee %6.")
                           .arg(first.toString(Qt::ISODate), last.toString(Qt::ISODate))
                           .arg(result.matched)
                           .arg(result.differences.size())
                           .arg(all.dingtalk, all.kingdee)
                    << '\n';
    }
    context.out.flush();
    return result.differences.isEmpty() ? Ok : SomeFailed;
}

} // namespace rs::cli
