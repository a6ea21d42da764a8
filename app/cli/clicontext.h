#pragma once

#include "app/settings/profile.h"
#include "app/store/storelocation.h"

#include <QCoreApplication>
#include <QTextStream>

#include <memory>
#include <optional>

namespace rs {
class Database;
class Settings;
struct Scheme;
} // namespace rs

namespace rs::kingdee {
struct KingdeeConfig;
}

namespace rs::cli {

// Exit codes of the fixed contract.
enum ExitCode { Ok = 0, SomeFailed = 1, ConfigError = 2, Partial = 3 };

// What every command gets: the profile and the two output streams.
struct Context
{
    Q_DECLARE_TR_FUNCTIONS(rs::cli::Context)

public:
    Profile profile;
    QTextStream &out;
    QTextStream &err;

    enum class Use { Write, ReadOnly };
    // Opens the existing profile's database, or prints why not; false means exit with ConfigError.
    // A command that only reads still works in a profile folder that cannot be written.
    bool openDatabase(Database &database, Use use = Use::Write) const;
    // Where the store is ([store] in settings.ini, the ledger's password from the keychain or
    // REBATESYNC_STORE_PASSWORD); nothing, after saying why, when it cannot be told.
    std::optional<StoreLocation> storeLocation() const;
    // False, after printing every error in settings.ini, when the file cannot be used.
    bool checkSettings(const Settings &settings) const;
    // The scheme `[sync] scheme` names, or null after printing why it cannot be loaded.
    std::shared_ptr<const Scheme> loadScheme(const Settings &settings) const;
    // For a command that maps bills (sync, reverse, reconcile): opens the database to write,
    // checks settings.ini and loads the scheme; null after printing why.
    std::shared_ptr<const Scheme> openForBills(Database &database, const Settings &settings) const;
    // Kingdee's address, login and secret from the settings and the keychain; false after
    // printing why.
    bool kingdeeConfig(const Settings &settings, kingdee::KingdeeConfig *config) const;
    // Prints "error: …" to stderr.
    void fail(const QString &message) const;
};

} // namespace rs::cli
