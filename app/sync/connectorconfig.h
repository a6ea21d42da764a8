#pragma once

#include "app/dingtalk/dingtalkconfig.h"

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
};

} // namespace rs::sync
