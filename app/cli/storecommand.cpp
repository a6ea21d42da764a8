#include "app/cli/storecommand.h"

#include "app/cli/clicontext.h"
#include "app/settings/settings.h"
#include "app/store/database.h"
#include "app/store/storecopy.h"
#include "app/sync/jobsetup.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

namespace rs::cli {

int StoreCommand::run(const Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption to(QStringLiteral("to"), tr("The driver to move to: postgresql."),
                                QStringLiteral("DRIVER"));
    parser.addOption(to);
    if (!parser.parse(arguments)) {
        context.fail(parser.errorText());
        return ConfigError;
    }
    const QStringList rest = parser.positionalArguments(); // "store" is argv[0] here
    if (rest.size() != 1 || rest.constFirst() != QLatin1String("migrate")
        || parser.value(to) != QLatin1String("postgresql")) {
        context.fail(tr("Usage: rebatesync-cli store migrate --to postgresql"));
        return ConfigError;
    }
    const QString file = context.profile.databasePath();
    if (!QFileInfo::exists(file)) {
        context.fail(
            tr("There is no SQLite store to move at %1.").arg(QDir::toNativeSeparators(file)));
        return ConfigError;
    }
    const Settings settings(context.profile.settingsPath(), context.profile.schemesDir());
    QString error;
    const auto ledger = sync::JobSetup::ledgerLocation(context.profile, settings, &error);
    if (!ledger) {
        context.fail(error);
        return ConfigError;
    }
    Database source(file);
    if (!context.openDatabase(source))
        return ConfigError;
    Database target(*ledger);
    if (const StoreError e = target.open(); !e.ok()) {
        context.fail(e.message);
        return ConfigError;
    }
    StoreCopy::Report report;
    if (const StoreError e = StoreCopy::copy(source, target, &report); !e.ok()) {
        context.fail(e.message);
        return e.kind == StoreError::Kind::Sql ? SomeFailed : ConfigError;
    }
    for (const StoreCopy::Table &table : std::as_const(report.tables))
        context.out << table.name << '\t' << table.rows << Qt::endl;
    context.out << "applications.amount\t" << report.applicationTotal << Qt::endl;
    context.out << "bills.amount\t" << report.billTotal << Qt::endl;
    context.out << tr("Copied into %1 and checked: every table has the same rows, and the amounts "
                      "add up to the same totals. %2 is unchanged. Set [store] driver=postgresql "
                      "in every clerk's settings.ini to use the ledger.")
                       .arg(ledger->display(), QDir::toNativeSeparators(file))
                << Qt::endl;
    return Ok;
}

} // namespace rs::cli
