#include "app/mapping/sourcefields.h"

#include <QJsonArray>

namespace rs {

SourceFields::SourceFields(const QJsonObject &object, const QSet<QString> *wanted)
{
    m_values.reserve(wanted ? qMin(object.size(), wanted->size()) : object.size());
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (wanted && !wanted->contains(it.key()))
            continue;
        const QJsonValue v = it.value();
        switch (v.type()) {
        case QJsonValue::String:
            m_values.emplaceBack(it.key(), Value::text(v.toString()));
            break;
        case QJsonValue::Array: {
            QStringList items;
            const QJsonArray array = v.toArray();
            for (const QJsonValue &item : array)
                items.append(item.toString());
            m_values.emplaceBack(it.key(), Value::list(items));
            break;
        }
        case QJsonValue::Bool:
            m_values.emplaceBack(it.key(), Value::boolean(v.toBool()));
            break;
        case QJsonValue::Double:
            // Not produced by the fetch (values are strings); kept readable, never used as money.
            m_values.emplaceBack(it.key(), Value::text(v.toVariant().toString()));
            break;
        default:
            break; // null: as if absent
        }
    }
}

} // namespace rs
