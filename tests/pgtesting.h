#pragma once

// The private PostgreSQL server scripts/with-postgres.sh starts for a test run: each test gets a
// database of its own on it, created here and left for the server's removal at the end.

#include "app/store/storelocation.h"

#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <optional>

namespace rs::testing {

struct PgServer
{
    QString host;
    int port = 0;
    QString user; // the server's owner: may create databases and roles
    QString password;

    // From REBATESYNC_TEST_PG ("host=…;port=…;user=…;password=…"); nothing when it is not set.
    static std::optional<PgServer> fromEnvironment()
    {
        const QString spec = qEnvironmentVariable("REBATESYNC_TEST_PG");
        if (spec.isEmpty())
            return std::nullopt;
        PgServer server;
        for (const QString &part : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const QString key = part.section(QLatin1Char('='), 0, 0);
            const QString value = part.section(QLatin1Char('='), 1);
            if (key == QLatin1String("host"))
                server.host = value;
            else if (key == QLatin1String("port"))
                server.port = value.toInt();
            else if (key == QLatin1String("user"))
                server.user = value;
            else if (key == QLatin1String("password"))
                server.password = value;
        }
        return server;
    }

    // The REBATESYNC_TEST_PG line for a child process, or an explanation of what is missing.
    static QString missingExplanation()
    {
        return QStringLiteral("REBATESYNC_TEST_PG is not set: run the tests through "
                              "scripts/test.sh (or scripts/with-postgres.sh), which starts a "
                              "private PostgreSQL server for them.");
    }

    // Stops (`stop`) or starts the server as scripts/with-postgres.sh started it; false when the
    // command is not known or failed.
    static bool control(const QString &action)
    {
        QStringList command = qEnvironmentVariable("REBATESYNC_TEST_PG_CTL")
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (command.isEmpty())
            return false;
        if (action == QLatin1String("stop"))
            command << QStringLiteral("-m") << QStringLiteral("fast");
        command << action;
        QProcess process;
        process.start(command.takeFirst(), command);
        return process.waitForFinished(60'000) && process.exitCode() == 0;
    }

    StoreLocation location(const QString &database) const
    {
        StoreLocation l;
        l.driver = StoreDriver::Postgresql;
        l.host = host;
        l.port = port;
        l.database = database;
        l.user = user;
        l.password = password;
        return l;
    }

    // Runs statements on the server's maintenance database as its owner; "" when all succeeded.
    QString admin(const QStringList &statements, const QString &database = {}) const
    {
        const QString name = QStringLiteral("pg-admin-") + QUuid::createUuid().toString();
        QString failure;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(host);
            db.setPort(port);
            db.setUserName(user);
            db.setPassword(password);
            db.setDatabaseName(database.isEmpty() ? QStringLiteral("postgres") : database);
            if (!db.open()) {
                failure = db.lastError().text();
            } else {
                QSqlQuery q(db);
                for (const QString &statement : statements) {
                    if (!q.exec(statement)) {
                        failure = statement + QStringLiteral(": ") + q.lastError().text();
                        break;
                    }
                }
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return failure;
    }

    // A new, empty database with a unique name; its location, or nothing with `error` set.
    std::optional<StoreLocation> createDatabase(QString *error = nullptr) const
    {
        const QString name =
            QStringLiteral("rs_") + QUuid::createUuid().toString(QUuid::Id128).left(20).toLower();
        const QString failure = admin({QStringLiteral("CREATE DATABASE %1").arg(name)});
        if (!failure.isEmpty()) {
            if (error)
                *error = failure;
            return std::nullopt;
        }
        return location(name);
    }
};

} // namespace rs::testing
