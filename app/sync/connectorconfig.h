#pragma once

#include "app/dingtalk/dingtalkconfig.h"
#include "app/kingdee/kingdeeconfig.h"

#include <functional>
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
    // The text of a settings key ("group/key"); lets a form's unsaved values stand in for the
    // profile's settings (the credentials dialog's connection tests).
    using Lookup = std::function<QString(const QString &key)>;

    static std::optional<dingtalk::DingTalkConfig>
    dingTalk(const Settings &settings, const QString &appSecret, QString *error);
    static std::optional<dingtalk::DingTalkConfig>
    dingTalk(const Lookup &setting, const QString &appSecret, QString *error);
    // `password` is needed by auth = password, `appSecret` by appsecret, sign and signature;
    // the other may be empty. An empty required secret is named like a missing setting.
    static std::optional<kingdee::KingdeeConfig> kingdee(const Settings &settings,
                                                         const QString &password,
                                                         const QString &appSecret, QString *error);
    static std::optional<kingdee::KingdeeConfig> kingdee(const Lookup &setting,
                                                         const QString &password,
                                                         const QString &appSecret, QString *error);

    static Lookup lookup(const Settings &settings);
};

} // namespace rs::sync
