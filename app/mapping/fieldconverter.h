#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace rs {

struct FieldSpec;
struct Scheme;
class Value;

// The second half of a field's pipeline, after its value was produced: default (when empty) →
// required → value map → type → parser. Undefined means "leave the field out" (empty and not
// required); nothing, with `error` naming the value and what was expected, means an issue.
std::optional<QJsonValue> convertField(const FieldSpec &field, const Value &raw,
                                       const Scheme &scheme, QString *error);

} // namespace rs
