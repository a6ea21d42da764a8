#include "app/mapping/schemelibrary.h"

#include "app/mapping/schemeresolver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace rs {
namespace {

const QLatin1String kBuiltinPrefix("builtin:");

} // namespace

SchemeLibrary::SchemeLibrary(QString schemesDir)
    : m_dir(std::move(schemesDir))
{ }

bool SchemeLibrary::isBuiltin(const QString &name)
{
    return name.startsWith(kBuiltinPrefix);
}

QStringList SchemeLibrary::names() const
{
    QStringList names;
    for (const QString &builtin : builtinSchemes())
        names.append(kBuiltinPrefix + builtin);
    names.append(QDir(m_dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name));
    return names;
}

bool SchemeLibrary::exists(const QString &name) const
{
    return names().contains(name);
}

QString SchemeLibrary::pathOf(const QString &name) const
{
    return QDir(m_dir).filePath(name);
}

std::optional<SchemeDocument> SchemeLibrary::read(const QString &name, QString *error) const
{
    if (isBuiltin(name)) {
        QFile file(QStringLiteral(":/schemes/%1.json").arg(name.mid(kBuiltinPrefix.size())));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("There is no built-in scheme %1.").arg(name);
            return std::nullopt;
        }
        return SchemeDocument::fromJson(file.readAll(), name, error);
    }
    QFile file(pathOf(name));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2")
                     .arg(QDir::toNativeSeparators(pathOf(name)), file.errorString());
        return std::nullopt;
    }
    return SchemeDocument::fromJson(file.readAll(), name, error);
}

bool SchemeLibrary::write(const QString &name, const QByteArray &json, QString *error) const
{
    if (!QDir().mkpath(m_dir)) {
        *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(m_dir));
        return false;
    }
    // Whole or not at all: a crash mid-write leaves the old file.
    QSaveFile file(pathOf(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(pathOf(name)), file.errorString());
        return false;
    }
    return true;
}

bool SchemeLibrary::save(const QString &name, const SchemeDocument &document, QString *error) const
{
    if (isBuiltin(name)) {
        *error = tr("The built-in scheme cannot be changed; duplicate it and edit the copy.");
        return false;
    }
    QString refused;
    if (fileNameFor(name, &refused) != name) {
        *error = refused;
        return false;
    }
    const QByteArray json = document.toJson();
    const SchemeLoadResult loaded = loadScheme(json, name);
    if (!loaded.scheme) {
        *error = tr("Not saved, the scheme has a mistake: %1").arg(loaded.error);
        return false;
    }
    return write(name, json, error);
}

bool SchemeLibrary::create(const QString &name, const SchemeDocument &document,
                           QString *error) const
{
    if (!isBuiltin(name) && QFileInfo::exists(pathOf(name))) {
        *error = tr("There is already a scheme %1.").arg(name);
        return false;
    }
    return save(name, document, error);
}

bool SchemeLibrary::rename(const QString &from, const QString &to, QString *error) const
{
    if (isBuiltin(from)) {
        *error = tr("The built-in scheme cannot be renamed.");
        return false;
    }
    const QString target = fileNameFor(to, error);
    if (target.isEmpty())
        return false;
    if (QFileInfo::exists(pathOf(target))) {
        *error = tr("There is already a scheme %1.").arg(target);
        return false;
    }
    if (!QFile::rename(pathOf(from), pathOf(target))) {
        *error = tr("Cannot rename %1 to %2.").arg(from, target);
        return false;
    }
    return true;
}

bool SchemeLibrary::remove(const QString &name, QString *error) const
{
    if (isBuiltin(name)) {
        *error = tr("The built-in scheme cannot be deleted.");
        return false;
    }
    QFile file(pathOf(name));
    if (!file.exists() || !file.remove()) {
        *error = tr("Cannot delete %1: %2").arg(name, file.errorString());
        return false;
    }
    return true;
}

QString SchemeLibrary::importFile(const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return {};
    }
    const QByteArray json = file.readAll();
    const QString fileName = QFileInfo(path).fileName();
    const SchemeLoadResult loaded = loadScheme(json, fileName);
    if (!loaded.scheme) {
        *error = tr("Not imported, the scheme has a mistake: %1").arg(loaded.error);
        return {};
    }
    QString base = QFileInfo(path).completeBaseName();
    if (base.isEmpty())
        base = QStringLiteral("imported");
    const QString name = unusedName(base);
    // The file as it was written: its layout and key order are kept.
    return write(name, json, error) ? name : QString();
}

bool SchemeLibrary::exportTo(const QString &name, const QString &path, QString *error) const
{
    const std::optional<SchemeDocument> document = read(name, error);
    if (!document)
        return false;
    QSaveFile file(path);
    const QByteArray json = document->toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

QString SchemeLibrary::fileNameFor(const QString &typed, QString *error)
{
    QString name = typed.trimmed();
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))
        || name.startsWith(QLatin1Char('.')) || isBuiltin(name)
        || name.contains(QLatin1Char(':'))) {
        *error = tr("\"%1\" is not a scheme file name: use a plain name such as ours.json, "
                    "without a folder.")
                     .arg(typed);
        return {};
    }
    if (!name.endsWith(QLatin1String(".json")))
        name += QLatin1String(".json");
    return name;
}

QString SchemeLibrary::unusedName(const QString &base) const
{
    QString name = base + QLatin1String(".json");
    for (int n = 2; QFileInfo::exists(pathOf(name)); ++n)
        name = QStringLiteral("%1-%2.json").arg(base).arg(n);
    return name;
}

} // namespace rs
