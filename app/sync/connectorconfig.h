#pragma once

#include "app/dingtalk/dingtalkconfig.h"
#include "app/kingdee/kingdeeconfig.h"

#include <optional>

namespace rs {
class Settings;
}

namespace rs::sync {

// Builds a connector's configuration from the profile's settings and the secret read from the
// keychain. Says which setting to fill in when one is missing.
class ConnectorConfig final
{
public:
    static std::optional<dingtalk::DingTalkConfig>
    dingTalk(const Settings &settings, const QString &appSecret, QString *error);
    // `password` is needed by auth = password, `appSecret` by appsecret, sign and signature;
    // the other may be empty. An empty required secret is named like a missing setting.
    static std::optional<kingdee::KingdeeConfig> kingdee(const Settings &settings,
                                                         const QString &password,
                                                         const QString &appSecret, QString *error);
};

} // namespace rs::sync
