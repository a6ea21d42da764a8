#include "app/store/sqldialect.h"

namespace rs::sqldialect {

QString driverName()
{
    return QStringLiteral("QSQLITE");
}

QString readOnlyConnectOptions()
{
    return QStringLiteral("QSQLITE_OPEN_READONLY");
}

QStringList connectionPragmas()
{
    return {
        QStringLiteral("PRAGMA busy_timeout = 5000"), QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = FULL"), QStringLiteral("PRAGMA foreign_keys = ON")};
}

QString integrityCheckQuery()
{
    return QStringLiteral("PRAGMA quick_check");
}

QString listTablesQuery()
{
    return QStringLiteral(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
}

QString identityPrimaryKey()
{
    return QStringLiteral("INTEGER PRIMARY KEY");
}

QByteArray fileHeaderMagic()
{
    return QByteArrayLiteral("SQLite format 3\0");
}

} // namespace rs::sqldialect
