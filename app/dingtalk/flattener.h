#pragma once

#include "app/dingtalk/instance.h"

#include <QJsonObject>

namespace rs::dingtalk {

// An instance as the mapping reads it (MAPPING.md, `beatFlat`): the header — form fields by
// component name plus the instance attributes — and one record per detail-table row with
// columns named `<table>_<label>`.
struct FlatApplication
{
    QJsonObject header;
    QList<QJsonObject> rows;
    QString error; // a table that cannot be read; the instance is then kept as malformed
};

class Flattener final
{
public:
    // `tables`: the TableField names to flatten (the scheme's beatFlat); others stay text.
    static FlatApplication flatten(const Instance &instance, const QStringList &tables);
};

} // namespace rs::dingtalk
