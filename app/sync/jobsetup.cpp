#include "app/sync/jobsetup.h"

#include "app/mapping/schemeresolver.h"
#include "app/secrets/secretstore.h"
#include "app/settings/profile.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/sync/connectorconfig.h"

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
    return options;
}

} // namespace rs::sync
