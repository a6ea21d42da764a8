#pragma once

#include "app/mapping/value.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace rs {

// One source record (the application's header, or one flattened table row) read once into
// values by name. QJsonObject looks keys up by comparing UTF-8 text on every call; mapping reads
// the same few names for every field of every bill, so they are converted once here.
class SourceFields final
{
public:
    SourceFields() = default;
    // With `wanted`, only those names are read (the ones the scheme's templates use).
    explicit SourceFields(const QJsonObject &object, const QSet<QString> *wanted = nullptr);

    // Null when the field is absent (not filled in).
    const Value *find(const QString &name) const
    {
        for (const auto &[key, value] : m_values) {
            if (key == name)
                return &value;
        }
        return nullptr;
    }

private:
    // A record has a handful of the names a scheme reads: a flat list beats hashing them.
    QList<std::pair<QString, Value>> m_values;
};

} // namespace rs
