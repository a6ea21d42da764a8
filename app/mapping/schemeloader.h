#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace rs {

struct Scheme;

struct SchemeLoadResult
{
    std::shared_ptr<const Scheme> scheme; // null when the scheme was refused
    QString error; // names the file, the key path and what is wrong
};

// Reads and validates a scheme (docs/SCHEMES.md). `origin` names it in messages (a file name or
// builtin:NAME). The first problem is reported: a JSON syntax error with its line and column,
// anything else with its key path, e.g. `target.fields[3].parser.name: unknown parser "Foo"`.
SchemeLoadResult loadScheme(const QByteArray &json, const QString &origin);

} // namespace rs
