#pragma once

#include "app/mapping/decimal.h"
#include "app/mapping/mappingresult.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <optional>

namespace rs {

struct CheckSpec;
struct Scheme;
class SourceFields;

class FieldValue final
{
public:
    FieldValue(qsizetype entryIndex, QJsonValue fieldValue)
        : entry(entryIndex)
        , value(std::move(fieldValue))
    { }

    qsizetype entry; // index in the entry array; -1 for a header field or an empty entry list
    QJsonValue value; // Undefined when absent

    // The value read as an exact number, when it is one; read on first use.
    const std::optional<Decimal> &number() const;

private:
    mutable std::optional<std::optional<Decimal>> m_number;
};

// A finished bill's values by field path (FDATE, FEntity.FNOTAXAMOUNTFOR: one per entry), each
// path read once: the checks and the bill's amount share them.
class BillValues final
{
public:
    // `shared`: whether the header fields every bill of the application shares have a value,
    // worked out once per application.
    explicit BillValues(const QJsonObject &model, const QHash<QString, bool> *shared = nullptr)
        : m_model(model)
        , m_shared(shared)
    { }
    const QList<FieldValue> &at(const QString &path);
    // Whether the header field `name` has a value (see fieldHasValue).
    bool hasValue(const QString &name) const;

private:
    const QJsonObject &m_model;
    const QHash<QString, bool> *m_shared;
    // A bill has a handful of paths; a list beats hashing them.
    QList<QPair<QString, QList<FieldValue>>> m_cache;
};

// Runs the scheme's checks on a finished bill. `rows` are the bill's source rows (for sumEquals);
// each failed rule adds an issue naming the bill, the field and the values it saw.
void runChecks(const Scheme &scheme, BillValues &values, const QList<const SourceFields *> &rows,
               const QString &billId, QList<MappingIssue> &issues);

// The check's name in the scheme, or its kind's when it has none.
QString checkName(const CheckSpec &check);

// "check "name" failed: detail", with the scheme's own message instead of `standard` if it has one.
QString checkFailure(const CheckSpec &check, const QString &standard);

// Not absent, not blank text, not an empty list, not an object whose values are all empty.
bool fieldHasValue(const QJsonValue &value);

// FEntity.FNOTAXAMOUNTFOR and entry 1 → FEntity[1].FNOTAXAMOUNTFOR.
QString entryPath(const QString &path, qsizetype entry);

} // namespace rs
