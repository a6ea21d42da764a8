#include "app/sync/connectorconfig.h"

#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"

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

} // namespace

std::optional<dingtalk::DingTalkConfig>
ConnectorConfig::dingTalk(const Settings &settings, const QString &appSecret, QString *error)
{
    dingtalk::DingTalkConfig c;
    const auto text = [&settings](const char *key) {
        return settings.text(QLatin1String(key)).trimmed();
    };
    c.api = text(keys::DingTalkApi) == QLatin1String("v1") ? dingtalk::DingTalkConfig::Api::V1
                                                           : dingtalk::DingTalkConfig::Api::TopApi;
    c.oapiUrl = QUrl(text(keys::DingTalkOapiUrl));
    c.apiUrl = QUrl(text(keys::DingTalkApiUrl));
    c.appKey = text(keys::DingTalkAppKey);
    c.processCode = text(keys::DingTalkProcessCode);
    c.callsPerSecond = settings.integer(QLatin1String(keys::DingTalkQps));
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
    using Auth = kingdee::KingdeeConfig::Auth;
    kingdee::KingdeeConfig c;
    const auto text = [&settings](const char *key) {
        return settings.text(QLatin1String(key)).trimmed();
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
    c.lcid = int(settings.integer(QLatin1String(keys::KingdeeLcid)));
    if (c.lcid <= 0)
        c.lcid = 2052;
    c.concurrency = int(settings.integer(QLatin1String(keys::KingdeeConcurrency)));
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
