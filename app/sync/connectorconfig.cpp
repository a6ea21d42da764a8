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

} // namespace rs::sync
