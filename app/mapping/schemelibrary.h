#pragma once

#include "app/mapping/schemedocument.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace rs {

// The schemes a profile can choose from, as `[sync] scheme` names them: the built-in ones
// (`builtin:NAME`, read-only) and the .json files of the profile's schemes/ folder. Every write
// validates first, exactly as loading does: no file here is ever replaced by a scheme the CLI
// would refuse. Errors are in the clerk's language and change nothing.
class SchemeLibrary final
{
    Q_DECLARE_TR_FUNCTIONS(rs::SchemeLibrary)

public:
    explicit SchemeLibrary(QString schemesDir);
    QString directory() const { return m_dir; }

    static bool isBuiltin(const QString &name);
    // Built-in schemes first, then the files by name.
    QStringList names() const;
    bool exists(const QString &name) const;

    std::optional<SchemeDocument> read(const QString &name, QString *error) const;
    // A file only (a built-in cannot be changed): the scheme must load.
    bool save(const QString &name, const SchemeDocument &document, QString *error) const;
    // A new file that must not exist yet.
    bool create(const QString &name, const SchemeDocument &document, QString *error) const;
    // `to` as typed: "theirs" is theirs.json.
    bool rename(const QString &from, const QString &to, QString *error) const;
    bool remove(const QString &name, QString *error) const;
    // Copies a scheme file into the folder under its own file name; the name it got, or empty.
    QString importFile(const QString &path, QString *error) const;
    bool exportTo(const QString &name, const QString &path, QString *error) const;

    // "ours" → "ours.json"; a name with a path, or empty, is refused (empty result).
    static QString fileNameFor(const QString &typed, QString *error);
    // A file name not taken yet: "copy.json", "copy-2.json", …
    QString unusedName(const QString &base) const;

private:
    QString pathOf(const QString &name) const;
    bool write(const QString &name, const QByteArray &json, QString *error) const;

    QString m_dir;
};

} // namespace rs
