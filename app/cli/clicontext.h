#pragma once

#include "app/settings/profile.h"

#include <QCoreApplication>
#include <QTextStream>

namespace rs {
class Database;
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

    // Opens the existing profile's database, or prints why not; false means exit with ConfigError.
    bool openDatabase(Database &database) const;
    // Prints "error: …" to stderr.
    void fail(const QString &message) const;
};

} // namespace rs::cli
