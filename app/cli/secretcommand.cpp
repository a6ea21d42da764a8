#include "app/cli/secretcommand.h"

#include "app/cli/clicontext.h"
#include "app/cli/consoleinput.h"
#include "app/secrets/secretstore.h"

namespace rs::cli {

QString SecretCommand::acceptedNames()
{
    QStringList names;
    for (SecretName name : allSecretNames())
        names.append(canonicalName(name));
    return names.join(QStringLiteral(", "));
}

int SecretCommand::run(const Context &context, const QStringList &arguments)
{
    // arguments: "secret", "set", NAME
    if (arguments.size() != 3 || arguments.at(1) != QLatin1String("set")) {
        context.fail(tr("usage: rebatesync-cli secret set NAME (NAME is one of: %1); the secret "
                        "is read from standard input.")
                         .arg(acceptedNames()));
        return ConfigError;
    }
    const std::optional<SecretName> name = parseSecretName(arguments.at(2));
    if (!name) {
        context.fail(tr("\"%1\" is not a secret RebateSync keeps. Use one of: %2.")
                         .arg(arguments.at(2), acceptedNames()));
        return ConfigError;
    }

    if (stdinIsInteractive()) {
        context.err
            << tr("Enter %1 (input is hidden), then press Enter: ").arg(canonicalName(*name));
        context.err.flush();
    }
    const QString value = readSecretLine();
    if (stdinIsInteractive())
        context.err << Qt::endl;
    if (value.isEmpty()) {
        context.fail(tr("Nothing was read from standard input; %1 was not changed.")
                         .arg(SecretStore::keychainName()));
        return ConfigError;
    }

    SecretStore store(context.profile.keychainScope());
    const SecretResult result = store.writeNow(*name, value);
    if (!result.ok()) {
        context.fail(result.message);
        return ConfigError;
    }
    context.out << tr("Stored %1 in %2.").arg(canonicalName(*name), SecretStore::keychainName())
                << Qt::endl;
    return Ok;
}

} // namespace rs::cli
