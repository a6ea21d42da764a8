#include "app/sync/connectorconfig.h"

#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/settings/settingspec.h"

#include <QCoreApplication>

namespace rs::sync {
namespace {

QString missing(const char *key)
{
    return QCoreApplication::translate("rs::Fetch",
                                       "The setting %1 is empty: fill it in the settings (or in"
                                       " settings.ini).")
        .arg(QLatin1String(key));
}

QString missingSecret(const char *name)
{
    return QCoreApplication::translate("rs::Push",
                                       "The secret %1 is not stored: store it with"
                                       " \"rebatesync-cli secret set %1\".")
        .arg(QLatin1String(name));
}

// As Settings::integer: the value when it is a whole number in range, else the default.
int integer(const ConnectorConfig::Lookup &setting, const char *key)
{
    const SettingSpec *spec = findSettingSpec(QLatin1String(key));
    if (!spec)
        return 0;
    bool ok = false;
    const int value = setting(QLatin1String(key)).trimmed().toInt(&ok);
    return ok && value >= spec->minimum && value <= spec->maximum ? value
                                                                  : spec->defaultValue.toInt();
}

} // namespace

ConnectorConfig::Lookup ConnectorConfig::lookup(const Settings &settings)
{
    return [&settings](const QString &key) {
        return settings.text(key);
    };
}

std::optional<dingtalk::DingTalkConfig>
ConnectorConfig::dingTalk(const Settings &settings, const QString &appSecret, QString *error)
{
    return dingTalk(lookup(settings), appSecret, error);
}

std::optional<dingtalk::DingTalkConfig>
ConnectorConfig::dingTalk(const Lookup &setting, const QString &appSecret, QString *error)
{
    dingtalk::DingTalkConfig c;
    const auto text = [&setting](const char *key) {
        return setting(QLatin1String(key)).trimmed();
    };
    c.api = text(keys::DingTalkApi) == QLatin1String("v1") ? dingtalk::DingTalkConfig::Api::V1
                                                           : dingtalk::DingTalkConfig::Api::TopApi;
    c.oapiUrl = QUrl(text(keys::DingTalkOapiUrl));
    c.apiUrl = QUrl(text(keys::DingTalkApiUrl));
    c.appKey = text(keys::DingTalkAppKey);
    c.processCode = text(keys::DingTalkProcessCode);
    c.callsPerSecond = integer(setting, keys::DingTalkQps);
    c.appSecret = appSecret;
    for (const char *key : {keys::DingTalkAppKey, keys::DingTalkProcessCode}) {
        if (text(key).isEmpty()) {
            *error = missing(key);
            return std::nullopt;
        }
    }
    return c;
}

std::optional<kingdee::KingdeeConfig> ConnectorConfig::kingdee(const Settings &settings,
                                                               const QString &password,
                                                               const QString &appSecret,
                                                               QString *error)
{
    return kingdee(lookup(settings), password, appSecret, error);
}

std::optional<kingdee::KingdeeConfig> ConnectorConfig::kingdee(const Lookup &setting,
                                                               const QString &password,
                                                               const QString &appSecret,
                                                               QString *error)
{
    using Auth = kingdee::KingdeeConfig::Auth;
    kingdee::KingdeeConfig c;
    const auto text = [&setting](const char *key) {
        return setting(QLatin1String(key)).trimmed();
    };
    const QString auth = text(keys::KingdeeAuth);
    c.auth = auth == QLatin1String("password") ? Auth::Password
        : auth == QLatin1String("sign")        ? Auth::Sign
        : auth == QLatin1String("signature")   ? Auth::Signature
                                               : Auth::AppSecret;
    c.url = QUrl(text(keys::KingdeeUrl));
    c.acctId = text(keys::KingdeeAcctId);
    c.username = text(keys::KingdeeUsername);
    c.appId = text(keys::KingdeeAppId);
    c.orgNumber = text(keys::KingdeeOrgNumber);
    c.lcid = integer(setting, keys::KingdeeLcid);
    if (c.lcid <= 0)
        c.lcid = 2052;
    c.concurrency = integer(setting, keys::KingdeeConcurrency);
    c.password = password;
    c.appSecret = appSecret;

    QList<const char *> required = {keys::KingdeeUrl, keys::KingdeeAcctId, keys::KingdeeUsername};
    if (c.auth != Auth::Password)
        required.append(keys::KingdeeAppId);
    if (c.auth == Auth::Signature)
        required.append(keys::KingdeeOrgNumber);
    for (const char *key : required) {
        if (text(key).isEmpty()) {
            *error = missing(key);
            return std::nullopt;
        }
    }
    if (c.auth == Auth::Password && password.isEmpty()) {
        *error = missingSecret("kingdee.password");
        return std::nullopt;
    }
    if (c.auth != Auth::Password && appSecret.isEmpty()) {
        *error = missingSecret("kingdee.app_secret");
        return std::nullopt;
    }
    return c;
}

} // namespace rs::sync
