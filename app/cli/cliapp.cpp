#include "app/cli/cliapp.h"

#include "app/cli/clicontext.h"
#include "app/cli/fetchcommand.h"
#include "app/cli/listcommand.h"
#include "app/cli/previewcommand.h"
#include "app/cli/reconcilecommand.h"
#include "app/cli/reversecommand.h"
#include "app/cli/secretcommand.h"
#include "app/cli/statuscommand.h"
#include "app/cli/storecommand.h"
#include "app/cli/synccommand.h"
#include "app/cli/watchcommand.h"

#include <QCommandLineParser>

#include <cstdio>

namespace rs::cli {

QString CliApp::helpText()
{
    return tr("Usage: rebatesync-cli [--profile DIR] COMMAND [options]\n"
              "\n"
              "Moves approved DingTalk rebate applications into Kingdee as other receivable "
              "bills.\n"
              "\n"
              "Options:\n"
              "  --profile DIR   folder with settings.ini, the database and schemes\n"
              "                  (default: %1)\n"
              "  -h, --help      show this help\n"
              "  -v, --version   show the version\n"
              "\n"
              "Commands:\n"
              "  fetch [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
              "                                  pull approval instances from DingTalk\n"
              "  list [--state STATE] [--json]   applications with approval and sync state\n"
              "  preview ID [--json]             the Kingdee bills (BatchSave body) application\n"
              "                                  ID makes under the configured scheme, with\n"
              "                                  its issues; exit 1 when it has issues or no "
              "bill\n"
              "  sync (--all-pending | ID...) [--dry-run]\n"
              "                                  push bills to Kingdee, one line per bill\n"
              "  reverse ID... [--dry-run]       reverse those applications' bills in Kingdee:\n"
              "                                  delete, or book a reversing bill KEY-R\n"
              "  reconcile [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json] [--xlsx FILE]\n"
              "                                  the store's bills of a period (default: last\n"
              "                                  month) against Kingdee's; exit 1 on differences\n"
              "  status [--json]                 counts per state, API calls, DingTalk usage\n"
              "  watch [--seconds N]             receive DingTalk approvals as they end (Stream\n"
              "                                  mode) and store them, one line each, until\n"
              "                                  Ctrl+C or N seconds\n"
              "  secret set NAME                 store a secret read from standard input in "
              "the\n"
              "                                  system keychain; NAME: %2\n"
              "  store migrate --to postgresql   copy this profile's SQLite store into the empty\n"
              "                                  PostgreSQL ledger [store] names, and check it\n"
              "\n"
              "Exit codes: 0 ok, 1 some items failed, 2 configuration or authentication "
              "error, 3 partial.\n")
        .arg(Profile::resolve(QString()).dir(), SecretCommand::acceptedNames());
}

int CliApp::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption profile(QStringLiteral("profile"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, QString());
    parser.addOptions({profile, help, version});

    if (!parser.parse(arguments)) {
        err << tr("error: %1").arg(parser.errorText()) << '\n' << helpText();
        return ConfigError;
    }
    if (parser.isSet(version)) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
            << Qt::endl;
        return Ok;
    }
    const QStringList rest = parser.positionalArguments();
    if (parser.isSet(help) || rest.isEmpty()) {
        (rest.isEmpty() && !parser.isSet(help) ? err : out) << helpText();
        return parser.isSet(help) ? Ok : ConfigError;
    }

    const Context context {Profile::resolve(parser.value(profile)), out, err};
    const QString command = rest.constFirst();
    // Subcommand parsers expect a program name first, as QCommandLineParser always does.
    if (command == QLatin1String("status"))
        return StatusCommand::run(context, rest);
    if (command == QLatin1String("fetch"))
        return FetchCommand::run(context, rest);
    if (command == QLatin1String("list"))
        return ListCommand::run(context, rest);
    if (command == QLatin1String("preview"))
        return PreviewCommand::run(context, rest);
    if (command == QLatin1String("sync"))
        return SyncCommand::run(context, rest);
    if (command == QLatin1String("watch"))
        return WatchCommand::run(context, rest);
    if (command == QLatin1String("reconcile"))
        return ReconcileCommand::run(context, rest);
    if (command == QLatin1String("reverse"))
        return ReverseCommand::run(context, rest);
    if (command == QLatin1String("secret"))
        return SecretCommand::run(context, rest);
    if (command == QLatin1String("store"))
        return StoreCommand::run(context, rest);

    context.fail(tr("unknown command \"%1\".").arg(command));
    err << helpText();
    return ConfigError;
}

} // namespace rs::cli
