#include "app/sync/jobsetup.h"

#include "app/mapping/schemeresolver.h"
#include "app/secrets/secretstore.h"
#include "app/settings/profile.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/sync/connectorconfig.h"

#include <QCoreApplication>

namespace rs::sync {

QString JobSetup::settingsErrors(const Settings &settings)
{
    QStringList errors;
    const QList<SettingIssue> issues = settings.validate();
    for (const SettingIssue &issue : issues) {
        if (issue.severity == SettingIssue::Severity::Error)
            errors.append(issue.message);
    }
    return errors.join(QLatin1Char('\n'));
}

std::shared_ptr<const Scheme> JobSetup::scheme(const Profile &profile, const Settings &settings,
                                               QString *error)
{
    SchemeLoadResult loaded =
        resolveScheme(settings.text(QLatin1String(keys::SyncScheme)), profile.schemesDir());
    if (!loaded.scheme)
        *error = loaded.error;
    return loaded.scheme;
}

std::optional<dingtalk::DingTalkConfig> JobSetup::dingTalk(const Profile &profile,
                                                           const Settings &settings, QString *error)
{
    const SecretResult secret =
        SecretStore(profile.keychainScope()).readNow(SecretName::DingTalkAppSecret);
    if (!secret.ok()) {
        *error = secret.message;
        return std::nullopt;
    }
    return ConnectorConfig::dingTalk(settings, secret.value, error);
}

bool JobSetup::usesLedger(const Settings &settings)
{
    return settings.text(QLatin1String(keys::StoreDriver)) == QLatin1String("postgresql");
}

namespace {

std::optional<StoreLocation> serverLocation(const Settings &settings, const QString &password,
                                            QString *error)
{
    StoreLocation location;
    location.driver = StoreDriver::Postgresql;
    location.host = settings.text(QLatin1String(keys::StoreHost)).trimmed();
    location.port = settings.integer(QLatin1String(keys::StorePort));
    location.database = settings.text(QLatin1String(keys::StoreDatabase)).trimmed();
    location.user = settings.text(QLatin1String(keys::StoreUser)).trimmed();
    location.password = password;
    QStringList missing;
    if (location.host.isEmpty())
        missing.append(QStringLiteral("[store] host"));
    if (location.database.isEmpty())
        missing.append(QStringLiteral("[store] database"));
    if (location.user.isEmpty())
        missing.append(QStringLiteral("[store] user"));
    if (!missing.isEmpty()) {
        *error = QCoreApplication::translate("rs::sync::JobSetup",
                                             "A PostgreSQL ledger needs %1 in settings.ini, "
                                             "and it is empty.")
                     .arg(missing.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return location;
}

} // namespace

std::optional<StoreLocation> JobSetup::storeLocation(const Profile &profile,
                                                     const Settings &settings,
                                                     const QString &password, QString *error)
{
    if (!usesLedger(settings))
        return StoreLocation::sqlite(profile.databasePath());
    return serverLocation(settings, password, error);
}

std::optional<StoreLocation> JobSetup::ledgerLocation(const Profile &profile,
                                                      const Settings &settings, QString *error)
{
    const SecretResult secret =
        SecretStore(profile.keychainScope()).readNow(SecretName::StorePassword);
    if (!secret.ok()) {
        *error = secret.message;
        return std::nullopt;
    }
    return serverLocation(settings, secret.value, error);
}

std::optional<StoreLocation> JobSetup::storeLocation(const Profile &profile,
                                                     const Settings &settings, QString *error)
{
    if (!usesLedger(settings))
        return StoreLocation::sqlite(profile.databasePath());
    return ledgerLocation(profile, settings, error);
}

SecretName JobSetup::kingdeeSecretName(const Settings &settings)
{
    // The signature mode signs with the app secret, like appsecret and sign.
    return settings.text(QLatin1String(keys::KingdeeAuth)) == QLatin1String("password")
        ? SecretName::KingdeePassword
        : SecretName::KingdeeAppSecret;
}

std::optional<kingdee::KingdeeConfig> JobSetup::kingdee(const Settings &settings,
                                                        const QString &secret, QString *error)
{
    const bool byPassword = kingdeeSecretName(settings) == SecretName::KingdeePassword;
    return ConnectorConfig::kingdee(settings, byPassword ? secret : QString(),
                                    byPassword ? QString() : secret, error);
}

std::optional<kingdee::KingdeeConfig> JobSetup::kingdee(const Profile &profile,
                                                        const Settings &settings, QString *error)
{
    const SecretResult secret =
        SecretStore(profile.keychainScope()).readNow(kingdeeSecretName(settings));
    if (!secret.ok()) {
        *error = secret.message;
        return std::nullopt;
    }
    return kingdee(settings, secret.value, error);
}

PushOptions JobSetup::pushOptions(const Settings &settings)
{
    PushOptions options;
    options.batchSize = settings.integer(QLatin1String(keys::KingdeeBatchSize));
    options.concurrency = settings.integer(QLatin1String(keys::KingdeeConcurrency));
    options.claimTimeoutMs =
        qint64(settings.integer(QLatin1String(keys::StoreClaimTimeoutSeconds))) * 1000;
    return options;
}

} // namespace rs::sync
