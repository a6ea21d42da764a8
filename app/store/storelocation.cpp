#include "app/store/storelocation.h"

#include <QCoreApplication>
#include <QDir>

namespace rs {

StoreLocation StoreLocation::sqlite(const QString &path)
{
    StoreLocation location;
    location.path = path;
    return location;
}

QString StoreLocation::display() const
{
    if (!isServer())
        return QDir::toNativeSeparators(path);
    return QCoreApplication::translate("rs::Store", "PostgreSQL database %1 on %2:%3 (user %4)")
        .arg(database, host)
        .arg(port)
        .arg(user);
}

} // namespace rs
