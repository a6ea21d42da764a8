#pragma once

#include "app/mapping/schemeloader.h"
#include "app/mapping/schemeparts.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace rs {

// One target field of a scheme as the editor edits it: the keys of its object in the file
// (docs/SCHEMES.md, "Fields"), so it writes back exactly what the loader reads.
struct FieldRule
{
    enum class Source {
        Fixed, // `value` is sent as written: {"FNumber": "PRE001"}, 0, true, or text
        Template, // text with {{placeholders}}
        Expression, // `_function EXPR`
        Entries // an entry such as FEntity: one object per row, built from `fields`
    };

    QString name;
    QString label;
    Source source = Source::Template;
    QJsonValue fixedValue; // Source::Fixed
    QString text; // the template, or the expression without "_function "
    QString type; // empty (as it comes), string, decimal, integer, date, boolean
    std::optional<int> scale; // decimal
    QString format; // date, DATE_FORMAT codes
    std::optional<QString> defaultValue;
    bool required = false;
    QString map; // a value map's name
    QString parser; // empty, ConvertObjectParser, ArrayToString, StringToArray
    QString parserParams;
    QList<FieldRule> fields; // Source::Entries

    QJsonObject toJson() const;
    // From a field object the loader accepted.
    static FieldRule fromJson(const QJsonObject &object);
    friend bool operator==(const FieldRule &a, const FieldRule &b);
};

// A value map as rows, in the order the editor shows them.
struct ValueMapTable
{
    QString name;
    QList<std::pair<QString, QString>> rows; // source value → Kingdee value

    friend bool operator==(const ValueMapTable &a, const ValueMapTable &b)
    {
        return a.name == b.name && a.rows == b.rows;
    }
};

// Where a field is: `top` in target.fields, `entry` in that entry's fields (-1: none).
struct FieldPosition
{
    int top = -1;
    int entry = -1;

    bool isValid() const { return top >= 0; }
    friend bool operator==(const FieldPosition &a, const FieldPosition &b)
    {
        return a.top == b.top && a.entry == b.entry;
    }
};

// The scheme being edited, as a plain value: undo keeps copies of it, the preview and every
// save validate it with loadScheme() on the very bytes toJson() writes, so the editor can never
// accept what the loader (and so the CLI) would refuse. Everything the editor does not edit
// (source, description, …) is kept as it was read.
class SchemeDocument final
{
public:
    // Only a scheme the loader accepts; otherwise nothing, with the loader's error.
    static std::optional<SchemeDocument> fromJson(const QByteArray &json, const QString &origin,
                                                  QString *error);
    // A small scheme that loads: one fixed field, keyed by the business id.
    static SchemeDocument blank(const QString &name);

    QByteArray toJson() const;
    SchemeLoadResult load(const QString &origin) const;

    QString name() const;
    void setName(const QString &name);
    QString title() const;

    const QList<FieldRule> &fields() const { return m_fields; }
    const FieldRule *field(FieldPosition position) const;
    void setField(FieldPosition position, const FieldRule &rule);
    // Inserts before `position` (appends when past the end); entries take entry fields.
    void insertField(FieldPosition position, const FieldRule &rule);
    void removeField(FieldPosition position);
    // FEntity.FNOTAXAMOUNTFOR, as check and issue paths name a field.
    QString fieldPath(FieldPosition position) const;
    // The field a loader error (target.fields[8].fields[1].value: …) or a mapping issue's field
    // (FEntity[0].FNOTAXAMOUNTFOR) is about; invalid when neither names one.
    FieldPosition fieldOfLoaderError(const QString &error) const;
    FieldPosition fieldOfIssue(const QString &issueField) const;

    const QList<ValueMapTable> &valueMaps() const { return m_valueMaps; }
    QStringList valueMapNames() const;
    void setValueMaps(const QList<ValueMapTable> &maps) { m_valueMaps = maps; }

    // The bill's other parts (schemeparts.cpp). Empty text removes the key: no grouping (one
    // bill per application), the default idempotency field, no amount field.
    QString groupBy() const { return targetText("groupBy"); }
    void setGroupBy(const QString &text) { setTargetText("groupBy", text); }
    QString idempotencyKey() const { return idempotencyText("key"); }
    void setIdempotencyKey(const QString &text) { setIdempotencyText("key", text); }
    QString idempotencyField() const { return idempotencyText("field"); }
    void setIdempotencyField(const QString &text) { setIdempotencyText("field", text); }
    QString amountField() const { return targetText("amount"); }
    void setAmountField(const QString &path) { setTargetText("amount", path); }
    QList<OptionRule> options() const;
    void setOptions(const QList<OptionRule> &options);
    QList<CheckRule> checks() const;
    void setChecks(const QList<CheckRule> &checks);

    friend bool operator==(const SchemeDocument &a, const SchemeDocument &b)
    {
        return a.m_root == b.m_root && a.m_fields == b.m_fields && a.m_valueMaps == b.m_valueMaps;
    }

private:
    QString targetText(const char *key) const;
    void setTargetText(const char *key, const QString &text);
    QString idempotencyText(const char *key) const;
    void setIdempotencyText(const char *key, const QString &text);

    QJsonObject m_root; // the file, less target.fields and valueMaps
    QList<FieldRule> m_fields;
    QList<ValueMapTable> m_valueMaps;
};

} // namespace rs
