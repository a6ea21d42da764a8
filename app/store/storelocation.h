#pragma once

#include <QString>

namespace rs {

enum class StoreDriver { Sqlite, Postgresql };

// Where the store lives: the profile's SQLite file for one clerk, or a PostgreSQL ledger a team
// shares. The password is held only in memory, for the connection; display() never shows it.
struct StoreLocation
{
    StoreDriver driver = StoreDriver::Sqlite;
    QString path; // SQLite: the database file
    QString host; // PostgreSQL
    int port = 5432;
    QString database;
    QString user;
    QString password;

    static StoreLocation sqlite(const QString &path);
    bool isServer() const { return driver == StoreDriver::Postgresql; }
    // The file, or "PostgreSQL database D on host:port (user U)" — what a clerk is told.
    QString display() const;
};

} // namespace rs
