#include "app/mapping/schemeresolver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace rs {
namespace {

const QLatin1String kBuiltinPrefix("builtin:");

QByteArray readAll(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    return file.readAll();
}

} // namespace

QStringList builtinSchemes()
{
    QStringList names;
    const QStringList files =
        QDir(QStringLiteral(":/schemes")).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &file : files)
        names.append(QFileInfo(file).completeBaseName());
    return names;
}

SchemeLoadResult resolveScheme(const QString &setting, const QString &schemesDir)
{
    const QString name = setting.trimmed();
    if (name.startsWith(kBuiltinPrefix)) {
        const QString builtin = name.mid(kBuiltinPrefix.size());
        if (!builtinSchemes().contains(builtin)) {
            QStringList accepted;
            for (const QString &known : builtinSchemes())
                accepted.append(kBuiltinPrefix + known);
            return {
                nullptr,
                QCoreApplication::translate("rs::Mapping",
                                            "[sync] scheme: \"%1\" is not a built-in scheme. "
                                            "Use one of: %2, or the name of a .json file in %3.")
                    .arg(name, accepted.join(QStringLiteral(", ")),
                         QDir::toNativeSeparators(schemesDir))};
        }
        QString error;
        const QByteArray json = readAll(QStringLiteral(":/schemes/%1.json").arg(builtin), &error);
        return loadScheme(json, name);
    }
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))
        || name == QLatin1String("..") || !name.endsWith(QLatin1String(".json"))) {
        return {nullptr,
                QCoreApplication::translate("rs::Mapping",
                                            "[sync] scheme: \"%1\" is neither a built-in scheme "
                                            "(builtin:rebate-to-other-receivable) nor the name of "
                                            "a .json file in %2.")
                    .arg(name, QDir::toNativeSeparators(schemesDir))};
    }
    const QString path = QDir(schemesDir).filePath(name);
    if (!QFileInfo::exists(path)) {
        return {nullptr,
                QCoreApplication::translate("rs::Mapping",
                                            "[sync] scheme: the file %1 does not exist. Put the "
                                            "scheme there or choose another one.")
                    .arg(QDir::toNativeSeparators(path))};
    }
    QString error;
    const QByteArray json = readAll(path, &error);
    if (!error.isEmpty()) {
        return {nullptr,
                QCoreApplication::translate("rs::Mapping", "[sync] scheme: cannot read %1: %2")
                    .arg(QDir::toNativeSeparators(path), error)};
    }
    return loadScheme(json, QDir::toNativeSeparators(path));
}

} // namespace rs
