#include "app/store/sqldialect.h"

#include <QUrl>

namespace rs::sqldialect {

QString driverName()
{
    return QStringLiteral("QSQLITE");
}

QString connectOptions(bool readOnly)
{
    return readOnly ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY")
                    : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
}

QString immutableDatabaseName(const QString &path)
{
    QUrl url = QUrl::fromLocalFile(path);
    url.setQuery(QStringLiteral("immutable=1"));
    return url.toString(QUrl::FullyEncoded);
}

QString immutableConnectOptions()
{
    return QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI");
}

QString beginWriteTransaction()
{
    return QStringLiteral("BEGIN IMMEDIATE");
}

QString beginReadTransaction()
{
    return QStringLiteral("BEGIN");
}

bool isCorruptionError(const QString &nativeErrorCode)
{
    return nativeErrorCode == QLatin1String("11") || nativeErrorCode == QLatin1String("26");
}

bool isBusyError(const QString &nativeErrorCode)
{
    return nativeErrorCode == QLatin1String("5") || nativeErrorCode == QLatin1String("6");
}

namespace {

// An extended result code (SQLITE_READONLY_DIRECTORY is 8 | 6 << 8) keeps its primary code in the
// low byte.
int primaryCode(const QString &nativeErrorCode)
{
    return nativeErrorCode.toInt() & 0xff;
}

} // namespace

bool isDiskFullError(const QString &nativeErrorCode)
{
    return primaryCode(nativeErrorCode) == 13;
}

bool isReadOnlyError(const QString &nativeErrorCode)
{
    return primaryCode(nativeErrorCode) == 8;
}

QStringList connectionPragmas()
{
    return {QStringLiteral("PRAGMA journal_mode = WAL"),
            QStringLiteral("PRAGMA synchronous = FULL"),
            QStringLiteral("PRAGMA foreign_keys = ON")};
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
