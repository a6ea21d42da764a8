#pragma once

#include "app/dingtalk/dingtalkconfig.h"
#include "app/kingdee/kingdeeconfig.h"
#include "app/sync/pushjob.h"

#include <memory>
#include <optional>

namespace rs {
class Profile;
class Settings;
struct Scheme;
} // namespace rs

namespace rs::sync {

// What the CLI and the console both need before a run: the scheme, and each connector's
// configuration with the secret read from the keychain (or its headless override). Reading the
// keychain waits for its answer, so call these on a worker thread or from the CLI, never on the
// UI thread. Each returns null after putting the reason, for the clerk, in `error`.
class JobSetup final
{
public:
    // Every error in settings.ini, one per line; empty when the file can be used.
    static QString settingsErrors(const Settings &settings);
    static std::shared_ptr<const Scheme> scheme(const Profile &profile, const Settings &settings,
                                                QString *error);
    static std::optional<dingtalk::DingTalkConfig>
    dingTalk(const Profile &profile, const Settings &settings, QString *error);
    // Reads only the secret the configured auth mode needs.
    static std::optional<kingdee::KingdeeConfig> kingdee(const Profile &profile,
                                                         const Settings &settings, QString *error);
    // Batch size and concurrency from the settings; the rest at their defaults.
    static PushOptions pushOptions(const Settings &settings);
};

} // namespace rs::sync
