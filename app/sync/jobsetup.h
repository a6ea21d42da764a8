#pragma once

#include "app/dingtalk/dingtalkconfig.h"
#include "app/kingdee/kingdeeconfig.h"
#include "app/secrets/secretname.h"
#include "app/store/storelocation.h"
#include "app/sync/pushjob.h"

#include <memory>
#include <optional>

namespace rs {
class Profile;
class Settings;
struct Scheme;
} // namespace rs

namespace rs::sync {

// What the CLI and the console both need before a run: the settings checked, the scheme, and
// each connector's configuration with its secret. Each returns null after putting the reason,
// for the clerk, in `error`.
class JobSetup final
{
public:
    // Every error in settings.ini, one per line; empty when the file can be used.
    static QString settingsErrors(const Settings &settings);
    static std::shared_ptr<const Scheme> scheme(const Profile &profile, const Settings &settings,
                                                QString *error);
    // The one secret the configured Kingdee auth mode needs.
    static SecretName kingdeeSecretName(const Settings &settings);
    static std::optional<kingdee::KingdeeConfig> kingdee(const Settings &settings,
                                                         const QString &secret, QString *error);

    // The same, reading the secret from the keychain and waiting for it. QtKeychain works on
    // the main thread only: for the CLI; the console reads secrets asynchronously instead.
    static std::optional<dingtalk::DingTalkConfig>
    dingTalk(const Profile &profile, const Settings &settings, QString *error);
    static std::optional<kingdee::KingdeeConfig> kingdee(const Profile &profile,
                                                         const Settings &settings, QString *error);
    // Where the store is: the profile's SQLite file, or the PostgreSQL ledger of [store] with
    // `password` (the secret store.password, which the console reads asynchronously).
    static std::optional<StoreLocation> storeLocation(const Profile &profile,
                                                      const Settings &settings,
                                                      const QString &password, QString *error);
    // The same, reading the password from the keychain (or REBATESYNC_STORE_PASSWORD) and
    // waiting for it; no secret is read for SQLite. Main thread only, like dingTalk().
    static std::optional<StoreLocation> storeLocation(const Profile &profile,
                                                      const Settings &settings, QString *error);
    static bool usesLedger(const Settings &settings);
    // The PostgreSQL ledger [store] names, whatever [store] driver says (a store move reads it
    // before the profile switches over), with the password from the keychain.
    static std::optional<StoreLocation> ledgerLocation(const Profile &profile,
                                                       const Settings &settings, QString *error);
    // Batch size and concurrency from the settings; the rest at their defaults.
    static PushOptions pushOptions(const Settings &settings);
};

} // namespace rs::sync
