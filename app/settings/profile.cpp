#include "app/settings/profile.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace rs {

Profile::Profile(QString dir)
    : m_dir(std::move(dir))
{ }

Profile Profile::resolve(const QString &dir)
{
    const QString chosen =
        dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : dir;
    return Profile(QDir::cleanPath(QFileInfo(chosen).absoluteFilePath()));
}

bool Profile::ensureExists(QString *error) const
{
    if (QDir().mkpath(schemesDir()))
        return true;
    if (error) {
        *error = tr("Cannot create the profile folder %1. Check that the disk is writable, or "
                    "choose another folder with --profile.")
                     .arg(QDir::toNativeSeparators(m_dir));
    }
    return false;
}

bool Profile::exists() const
{
    return QFileInfo(m_dir).isDir();
}

QString Profile::keychainScope() const
{
    const QString canonical = QFileInfo(m_dir).canonicalFilePath();
    const QString path = canonical.isEmpty() ? m_dir : canonical;
#ifdef Q_OS_WIN
    return QDir::toNativeSeparators(path).toLower();
#else
    return path;
#endif
}

QString Profile::settingsPath() const
{
    return QDir(m_dir).filePath(QStringLiteral("settings.ini"));
}

QString Profile::databasePath() const
{
    return QDir(m_dir).filePath(QStringLiteral("rebatesync.db"));
}

QString Profile::schemesDir() const
{
    return QDir(m_dir).filePath(QStringLiteral("schemes"));
}

QString Profile::uiStatePath() const
{
    return QDir(m_dir).filePath(QStringLiteral("ui-state.ini"));
}

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setApplicationName(QStringLiteral("RebateSync"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REBATESYNC_VERSION));
}

} // namespace rs
