#include "app/mapping/schemeloader.h"

#include "app/mapping/scheme.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace rs {
namespace {

// Validates one scheme document; the first problem stops it, with the key path it was found at.
class Loader
{
public:
    std::shared_ptr<Scheme> load(const QJsonObject &root)
    {
        auto scheme = std::make_shared<Scheme>();
        m_scheme = scheme.get();
        if (!onlyKeys(root, QString(),
                      {"name", "title", "description", "version", "source", "target", "valueMaps",
                       "checks"}))
            return nullptr;
        m_scheme->name = root.value(QLatin1String("name")).toString();
        m_scheme->title = root.value(QLatin1String("title")).toString();
        if (!loadSource(root.value(QLatin1String("source")))
            || !loadValueMaps(root.value(QLatin1String("valueMaps")))
            || !loadTarget(root.value(QLatin1String("target")))
            || !loadChecks(root.value(QLatin1String("checks")))) {
            return nullptr;
        }
        collectSourceNames();
        markPerBillFields();
        return scheme;
    }

    QString error() const { return m_error; }

private:
    bool fail(const QString &path, const QString &message)
    {
        m_error = path.isEmpty() ? message : path + QStringLiteral(": ") + message;
        return false;
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }

    bool onlyKeys(const QJsonObject &object, const QString &path,
                  std::initializer_list<const char *> allowed)
    {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            bool known = false;
            QStringList names;
            for (const char *name : allowed) {
                known = known || it.key() == QLatin1String(name);
                names.append(QLatin1String(name));
            }
            if (!known) {
                return fail(
                    join(path, it.key()),
                    QCoreApplication::translate("rs::Mapping", "unknown key (allowed here: %1)")
                        .arg(names.join(QStringLiteral(", "))));
            }
        }
        return true;
    }

    bool expectObject(const QJsonValue &value, const QString &path, bool required)
    {
        if (value.isObject() || (!required && value.isUndefined()))
            return true;
        return fail(path,
                    value.isUndefined()
                        ? QCoreApplication::translate("rs::Mapping", "missing; expected an object")
                        : QCoreApplication::translate("rs::Mapping", "expected an object"));
    }

    bool readString(const QJsonObject &object, const QString &path, const char *key, QString &out,
                    bool required)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() && !required)
            return true;
        if (!value.isString() || (required && value.toString().trimmed().isEmpty()))
            return fail(join(path, QLatin1String(key)),
                        value.isUndefined()
                            ? QCoreApplication::translate("rs::Mapping", "missing; expected text")
                            : QCoreApplication::translate("rs::Mapping", "expected text"));
        out = value.toString();
        return true;
    }

    bool parseTemplate(const QString &text, const QString &path, Template &out)
    {
        QString error;
        std::optional<Template> parsed = Template::parse(text, &error);
        if (!parsed)
            return fail(path, error);
        out = *parsed;
        return true;
    }

    bool loadSource(const QJsonValue &value)
    {
        const QString path = QStringLiteral("source");
        if (!expectObject(value, path, true))
            return false;
        const QJsonObject source = value.toObject();
        m_scheme->source = source;
        const QJsonValue beatFlat = source.value(QLatin1String("beatFlat"));
        if (!beatFlat.isUndefined() && !beatFlat.isArray())
            return fail(join(path, QStringLiteral("beatFlat")),
                        QCoreApplication::translate(
                            "rs::Mapping", "expected a list of table names, e.g. [\"表格\"]"));
        const QJsonArray tables = beatFlat.toArray();
        for (qsizetype i = 0; i < tables.size(); ++i) {
            if (!tables.at(i).isString())
                return fail(QStringLiteral("source.beatFlat[%1]").arg(i),
                            QCoreApplication::translate("rs::Mapping", "expected text"));
            m_scheme->flattenedTables.append(tables.at(i).toString());
        }
        for (const char *flag : {"idCheck", "autoFillResponse"}) {
            const QJsonValue v = source.value(QLatin1String(flag));
            if (!v.isUndefined() && !v.isBool())
                return fail(join(path, QLatin1String(flag)),
                            QCoreApplication::translate("rs::Mapping", "expected true or false"));
        }
        return true;
    }

    bool loadValueMaps(const QJsonValue &value)
    {
        const QString path = QStringLiteral("valueMaps");
        if (!expectObject(value, path, false))
            return false;
        const QJsonObject maps = value.toObject();
        for (auto it = maps.constBegin(); it != maps.constEnd(); ++it) {
            const QString mapPath = join(path, it.key());
            if (!it.value().isObject())
                return fail(mapPath,
                            QCoreApplication::translate(
                                "rs::Mapping",
                                "expected an object of \"source value\": \"Kingdee value\""));
            QHash<QString, QString> entries;
            const QJsonObject object = it.value().toObject();
            for (auto entry = object.constBegin(); entry != object.constEnd(); ++entry) {
                if (!entry.value().isString())
                    return fail(join(mapPath, entry.key()),
                                QCoreApplication::translate("rs::Mapping", "expected text"));
                entries.insert(entry.key(), entry.value().toString());
            }
            m_scheme->valueMaps.insert(it.key(), entries);
        }
        return true;
    }

    bool loadTarget(const QJsonValue &value)
    {
        const QString path = QStringLiteral("target");
        if (!expectObject(value, path, true))
            return false;
        const QJsonObject target = value.toObject();
        if (!onlyKeys(target, path,
                      {"api", "formid", "options", "groupBy", "idempotency", "amount", "fields"}))
            return false;
        QString api;
        if (!readString(target, path, "api", api, false)
            || !readString(target, path, "formid", m_scheme->formId, true))
            return false;
        if (!api.isEmpty() && api.compare(QLatin1String("batchSave"), Qt::CaseInsensitive) != 0)
            return fail(
                join(path, QStringLiteral("api")),
                QCoreApplication::translate("rs::Mapping", "\"%1\" is not supported; use batchSave")
                    .arg(api));
        if (!loadOptions(target.value(QLatin1String("options"))))
            return false;

        QString groupBy;
        if (!readString(target, path, "groupBy", groupBy, false))
            return false;
        if (!groupBy.isEmpty()) {
            Template group;
            if (!parseTemplate(groupBy, join(path, QStringLiteral("groupBy")), group))
                return false;
            m_scheme->groupBy = group;
        }

        const QString idPath = join(path, QStringLiteral("idempotency"));
        if (!expectObject(target.value(QLatin1String("idempotency")), idPath, true))
            return false;
        const QJsonObject idempotency = target.value(QLatin1String("idempotency")).toObject();
        QString key;
        if (!onlyKeys(idempotency, idPath, {"key", "field"})
            || !readString(idempotency, idPath, "key", key, true)
            || !parseTemplate(key, join(idPath, QStringLiteral("key")), m_scheme->idempotencyKey)
            || !readString(idempotency, idPath, "field", m_scheme->idempotencyField, false))
            return false;
        if (m_scheme->idempotencyKey.usesRows()
            || (m_scheme->groupBy && m_scheme->groupBy->usesRows()))
            return fail(idPath,
                        QCoreApplication::translate(
                            "rs::Mapping", "{{list.…}} is only allowed inside an entry field"));

        const QJsonValue fields = target.value(QLatin1String("fields"));
        if (!fields.isArray() || fields.toArray().isEmpty())
            return fail(
                join(path, QStringLiteral("fields")),
                QCoreApplication::translate("rs::Mapping", "expected a non-empty list of fields"));
        if (!loadFields(fields.toArray(), join(path, QStringLiteral("fields")), QString(),
                        m_scheme->fields))
            return false;

        if (!readString(target, path, "amount", m_scheme->amountField, false))
            return false;
        if (!m_scheme->amountField.isEmpty()) {
            const FieldSpec *amount = findField(m_scheme->amountField);
            if (!amount || amount->type != FieldSpec::Type::Decimal)
                return fail(join(path, QStringLiteral("amount")),
                            QCoreApplication::translate(
                                "rs::Mapping", "\"%1\" is not a decimal field of this scheme")
                                .arg(m_scheme->amountField));
        }
        return true;
    }

    bool loadOptions(const QJsonValue &value)
    {
        const QString path = QStringLiteral("target.options");
        if (value.isUndefined())
            return true;
        if (!value.isArray())
            return fail(path,
                        QCoreApplication::translate(
                            "rs::Mapping", "expected a list of {\"field\": …, \"value\": …}"));
        const QJsonArray options = value.toArray();
        for (qsizetype i = 0; i < options.size(); ++i) {
            const QString optionPath = path + QStringLiteral("[%1]").arg(i);
            if (!expectObject(options.at(i), optionPath, true))
                return false;
            const QJsonObject option = options.at(i).toObject();
            QString field;
            if (!onlyKeys(option, optionPath, {"field", "value"})
                || !readString(option, optionPath, "field", field, true))
                return false;
            QJsonValue optionValue = option.value(QLatin1String("value"));
            if (optionValue.isUndefined())
                return fail(join(optionPath, QStringLiteral("value")),
                            QCoreApplication::translate("rs::Mapping", "missing"));
            if (field == QLatin1String("Operation")) {
                if (optionValue.toString() != QLatin1String("BatchSave"))
                    return fail(join(optionPath, QStringLiteral("value")),
                                QCoreApplication::translate(
                                    "rs::Mapping", "\"%1\" is not supported; use BatchSave")
                                    .arg(optionValue.toString()));
                m_scheme->operation = optionValue.toString();
                continue;
            }
            if (field == QLatin1String("Model"))
                return fail(
                    join(optionPath, QStringLiteral("field")),
                    QCoreApplication::translate(
                        "rs::Mapping", "Model is made from the fields and cannot be an option"));
            // The seed writes booleans as text ("false"); Kingdee wants JSON booleans.
            if (optionValue.toString() == QLatin1String("true")
                || optionValue.toString() == QLatin1String("false"))
                optionValue = QJsonValue(optionValue.toString() == QLatin1String("true"));
            m_scheme->dataOptions.insert(field, optionValue);
        }
        if (m_scheme->operation.isEmpty())
            m_scheme->operation = QStringLiteral("BatchSave");
        return true;
    }

    bool loadFields(const QJsonArray &array, const QString &path, const QString &parentName,
                    QList<FieldSpec> &out)
    {
        QSet<QString> names;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString fieldPath = path + QStringLiteral("[%1]").arg(i);
            if (!expectObject(array.at(i), fieldPath, true))
                return false;
            FieldSpec field;
            if (!loadField(array.at(i).toObject(), fieldPath, parentName, field))
                return false;
            if (names.contains(field.name))
                return fail(join(fieldPath, QStringLiteral("name")),
                            QCoreApplication::translate("rs::Mapping", "\"%1\" is defined twice")
                                .arg(field.name));
            if (parentName.isEmpty() && field.name == m_scheme->idempotencyField)
                return fail(join(fieldPath, QStringLiteral("name")),
                            QCoreApplication::translate(
                                "rs::Mapping",
                                "\"%1\" holds the idempotency key (target.idempotency.field) and "
                                "cannot also be a field")
                                .arg(field.name));
            names.insert(field.name);
            out.append(field);
        }
        return true;
    }

    bool loadField(const QJsonObject &object, const QString &path, const QString &parentName,
                   FieldSpec &field)
    {
        if (!onlyKeys(object, path,
                      {"name", "label", "value", "type", "scale", "format", "default", "required",
                       "map", "parser", "fields"})
            || !readString(object, path, "name", field.name, true))
            return false;
        field.path = parentName.isEmpty() ? field.name : parentName + QLatin1Char('.') + field.name;

        const QJsonValue entries = object.value(QLatin1String("fields"));
        if (!entries.isUndefined()) {
            if (!parentName.isEmpty())
                return fail(join(path, QStringLiteral("fields")),
                            QCoreApplication::translate("rs::Mapping", "entries cannot be nested"));
            for (const char *key : {"value", "type", "map", "parser", "default"}) {
                if (object.contains(QLatin1String(key)))
                    return fail(
                        join(path, QLatin1String(key)),
                        QCoreApplication::translate(
                            "rs::Mapping", "not allowed on an entry field (one with \"fields\")"));
            }
            if (!entries.isArray() || entries.toArray().isEmpty())
                return fail(join(path, QStringLiteral("fields")),
                            QCoreApplication::translate("rs::Mapping",
                                                        "expected a non-empty list of fields"));
            field.source = FieldSpec::Source::Entries;
            if (!loadFields(entries.toArray(), join(path, QStringLiteral("fields")), field.name,
                            field.entryFields))
                return false;
            for (const FieldSpec &child : std::as_const(field.entryFields))
                field.blankEntry.insert(child.name, QJsonValue());
            return true;
        }

        const QJsonValue value = object.value(QLatin1String("value"));
        const QString valuePath = join(path, QStringLiteral("value"));
        if (value.isUndefined() || value.isNull())
            return fail(
                valuePath,
                QCoreApplication::translate(
                    "rs::Mapping", "missing; give a fixed value, a {{template}} or _function …"));
        bool usesRows = false;
        const QLatin1String functionPrefix("_function");
        const QString text = value.toString().trimmed();
        // "_function EXPR": the keyword, then space; "_functional" is just text.
        const bool isExpression = value.isString() && text.startsWith(functionPrefix)
            && (text.size() == functionPrefix.size() || text.at(functionPrefix.size()).isSpace());
        if (isExpression) {
            QString error;
            field.expression =
                Expression::parse(value.toString().trimmed().mid(functionPrefix.size()), &error);
            if (!field.expression)
                return fail(valuePath, error);
            field.source = FieldSpec::Source::Expression;
            usesRows = field.expression->usesRows();
        } else if (value.isString()) {
            if (!parseTemplate(value.toString(), valuePath, field.valueTemplate))
                return false;
            field.source = FieldSpec::Source::Template;
            usesRows = field.valueTemplate.usesRows();
        } else {
            field.source = FieldSpec::Source::Constant;
            field.constant = value;
        }
        if (usesRows && parentName.isEmpty())
            return fail(valuePath,
                        QCoreApplication::translate(
                            "rs::Mapping", "{{list.…}} is only allowed inside an entry field"));

        return loadType(object, path, field) && loadParser(object, path, field)
            && loadOptionsOfField(object, path, field);
    }

    bool loadType(const QJsonObject &object, const QString &path, FieldSpec &field)
    {
        QString type;
        if (!readString(object, path, "type", type, false))
            return false;
        static const QHash<QString, FieldSpec::Type> types = {
            {QStringLiteral("string"), FieldSpec::Type::String},
            {QStringLiteral("decimal"), FieldSpec::Type::Decimal},
            {QStringLiteral("integer"), FieldSpec::Type::Integer},
            {QStringLiteral("date"), FieldSpec::Type::Date},
            {QStringLiteral("boolean"), FieldSpec::Type::Boolean}};
        if (!type.isEmpty() && !types.contains(type))
            return fail(join(path, QStringLiteral("type")),
                        QCoreApplication::translate(
                            "rs::Mapping",
                            "unknown type \"%1\" (use string, decimal, integer, date or boolean)")
                            .arg(type));
        field.type = types.value(type, FieldSpec::Type::Any);

        const QJsonValue scale = object.value(QLatin1String("scale"));
        if (!scale.isUndefined()) {
            if (field.type != FieldSpec::Type::Decimal)
                return fail(
                    join(path, QStringLiteral("scale")),
                    QCoreApplication::translate("rs::Mapping", "only a decimal field has a scale"));
            const int digits = scale.toInt(-1); // -1 also for a fraction such as 2.5
            if (!scale.isDouble() || digits < 0 || digits > Decimal::MaxScale)
                return fail(join(path, QStringLiteral("scale")),
                            QCoreApplication::translate("rs::Mapping",
                                                        "expected a whole number from 0 to %1")
                                .arg(Decimal::MaxScale));
            field.scale = digits;
        }
        if (!readString(object, path, "format", field.dateFormat, false))
            return false;
        if (!field.dateFormat.isEmpty() && field.type != FieldSpec::Type::Date)
            return fail(
                join(path, QStringLiteral("format")),
                QCoreApplication::translate("rs::Mapping", "only a date field has a format"));
        if (field.type == FieldSpec::Type::Date && field.dateFormat.isEmpty())
            field.dateFormat = QStringLiteral("%Y-%m-%d");
        if (field.source == FieldSpec::Source::Constant && field.type != FieldSpec::Type::Any)
            return fail(join(path, QStringLiteral("type")),
                        QCoreApplication::translate(
                            "rs::Mapping", "a fixed value is sent as written and takes no type"));
        return true;
    }

    bool loadParser(const QJsonObject &object, const QString &path, FieldSpec &field)
    {
        const QJsonValue parser = object.value(QLatin1String("parser"));
        if (parser.isUndefined())
            return true;
        const QString parserPath = join(path, QStringLiteral("parser"));
        if (!expectObject(parser, parserPath, true))
            return false;
        const QJsonObject spec = parser.toObject();
        QString name;
        if (!onlyKeys(spec, parserPath, {"name", "params"})
            || !readString(spec, parserPath, "name", name, true)
            || !readString(spec, parserPath, "params", field.parserParam, false))
            return false;
        if (name == QLatin1String("ConvertObjectParser")) {
            field.parser = FieldSpec::Parser::ConvertObject;
            if (field.parserParam.isEmpty())
                return fail(join(parserPath, QStringLiteral("params")),
                            QCoreApplication::translate("rs::Mapping",
                                                        "missing; ConvertObjectParser needs the "
                                                        "key to wrap the value in, e.g. FNumber"));
        } else if (name == QLatin1String("ArrayToString")
                   || name == QLatin1String("StringToArray")) {
            field.parser = name == QLatin1String("ArrayToString")
                ? FieldSpec::Parser::ArrayToString
                : FieldSpec::Parser::StringToArray;
            if (field.parserParam.isEmpty())
                field.parserParam = QStringLiteral(",");
        } else {
            return fail(
                join(parserPath, QStringLiteral("name")),
                QCoreApplication::translate("rs::Mapping",
                                            "unknown parser \"%1\" (use ConvertObjectParser, "
                                            "ArrayToString or StringToArray)")
                    .arg(name));
        }
        if (field.source == FieldSpec::Source::Constant)
            return fail(parserPath,
                        QCoreApplication::translate(
                            "rs::Mapping", "a fixed value is sent as written and takes no parser"));
        return true;
    }

    bool loadOptionsOfField(const QJsonObject &object, const QString &path, FieldSpec &field)
    {
        const QJsonValue required = object.value(QLatin1String("required"));
        if (!required.isUndefined() && !required.isBool())
            return fail(join(path, QStringLiteral("required")),
                        QCoreApplication::translate("rs::Mapping", "expected true or false"));
        field.required = required.toBool();
        const QJsonValue defaultValue = object.value(QLatin1String("default"));
        if (!defaultValue.isUndefined()) {
            if (!defaultValue.isString())
                return fail(join(path, QStringLiteral("default")),
                            QCoreApplication::translate("rs::Mapping", "expected text"));
            field.defaultValue = defaultValue.toString();
        }
        if (!readString(object, path, "map", field.valueMap, false))
            return false;
        if (!field.valueMap.isEmpty() && !m_scheme->valueMaps.contains(field.valueMap))
            return fail(join(path, QStringLiteral("map")),
                        QCoreApplication::translate("rs::Mapping",
                                                    "there is no value map \"%1\" in valueMaps")
                            .arg(field.valueMap));
        return true;
    }

    const FieldSpec *findField(const QString &fieldPath) const
    {
        const QStringList parts = fieldPath.split(QLatin1Char('.'));
        const QList<FieldSpec> *level = &m_scheme->fields;
        const FieldSpec *found = nullptr;
        for (const QString &part : parts) {
            if (!level)
                return nullptr;
            found = nullptr;
            for (const FieldSpec &candidate : *level) {
                if (candidate.name == part)
                    found = &candidate;
            }
            if (!found)
                return nullptr;
            level = found->source == FieldSpec::Source::Entries ? &found->entryFields : nullptr;
        }
        return found;
    }

    bool loadChecks(const QJsonValue &value)
    {
        const QString path = QStringLiteral("checks");
        if (value.isUndefined())
            return true;
        if (!value.isArray())
            return fail(path,
                        QCoreApplication::translate("rs::Mapping", "expected a list of checks"));
        const QJsonArray checks = value.toArray();
        for (qsizetype i = 0; i < checks.size(); ++i) {
            const QString checkPath = path + QStringLiteral("[%1]").arg(i);
            if (!expectObject(checks.at(i), checkPath, true))
                return false;
            const QJsonObject object = checks.at(i).toObject();
            CheckSpec check;
            QString kind;
            if (!onlyKeys(object, checkPath,
                          {"name", "kind", "message", "field", "op", "value", "column", "factor",
                           "fields", "header"})
                || !readString(object, checkPath, "name", check.name, false)
                || !readString(object, checkPath, "message", check.message, false)
                || !readString(object, checkPath, "kind", kind, true))
                return false;
            if (kind == QLatin1String("compare")) {
                check.kind = CheckSpec::Kind::Compare;
                QString operand;
                if (!readField(object, checkPath, check.field)
                    || !readString(object, checkPath, "op", check.op, true)
                    || !readString(object, checkPath, "value", operand, true))
                    return false;
                static const QStringList ops = {QStringLiteral("="), QStringLiteral("<>"),
                                                QStringLiteral("<"), QStringLiteral("<="),
                                                QStringLiteral(">"), QStringLiteral(">=")};
                if (!ops.contains(check.op))
                    return fail(
                        join(checkPath, QStringLiteral("op")),
                        QCoreApplication::translate(
                            "rs::Mapping", "unknown operator \"%1\" (use =, <>, <, <=, > or >=)")
                            .arg(check.op));
                if (!readDecimal(operand, join(checkPath, QStringLiteral("value")), check.operand))
                    return false;
            } else if (kind == QLatin1String("sumEquals")) {
                check.kind = CheckSpec::Kind::SumEquals;
                QString factor = QStringLiteral("1");
                if (!readField(object, checkPath, check.field)
                    || !readString(object, checkPath, "column", check.column, true)
                    || !readString(object, checkPath, "factor", factor, false)
                    || !readDecimal(factor, join(checkPath, QStringLiteral("factor")),
                                    check.factor))
                    return false;
            } else if (kind == QLatin1String("headerTotal")) {
                check.kind = CheckSpec::Kind::HeaderTotal;
                if (!readString(object, checkPath, "header", check.header, true)
                    || !readString(object, checkPath, "column", check.column, true))
                    return false;
            } else if (kind == QLatin1String("required")) {
                check.kind = CheckSpec::Kind::Required;
                const QJsonArray fields = object.value(QLatin1String("fields")).toArray();
                if (fields.isEmpty())
                    return fail(join(checkPath, QStringLiteral("fields")),
                                QCoreApplication::translate(
                                    "rs::Mapping", "expected a non-empty list of field paths"));
                for (qsizetype f = 0; f < fields.size(); ++f) {
                    const QString fieldPath = fields.at(f).toString();
                    if (fieldPath != m_scheme->idempotencyField && !findField(fieldPath))
                        return fail(join(checkPath, QStringLiteral("fields[%1]").arg(f)),
                                    QCoreApplication::translate(
                                        "rs::Mapping", "\"%1\" is not a field of this scheme")
                                        .arg(fields.at(f).toString()));
                    check.fields.append(fieldPath);
                }
            } else {
                return fail(
                    join(checkPath, QStringLiteral("kind")),
                    QCoreApplication::translate(
                        "rs::Mapping",
                        "unknown check \"%1\" (use compare, sumEquals, headerTotal or required)")
                        .arg(kind));
            }
            m_scheme->checks.append(check);
        }
        return true;
    }

    bool readField(const QJsonObject &object, const QString &path, QString &out)
    {
        if (!readString(object, path, "field", out, true))
            return false;
        if (!findField(out))
            return fail(
                join(path, QStringLiteral("field")),
                QCoreApplication::translate("rs::Mapping", "\"%1\" is not a field of this scheme")
                    .arg(out));
        return true;
    }

    bool readDecimal(const QString &text, const QString &path, Decimal &out)
    {
        const std::optional<Decimal> number = Decimal::parse(text);
        if (!number)
            return fail(
                path,
                QCoreApplication::translate("rs::Mapping", "\"%1\" is not a number").arg(text));
        out = *number;
        return true;
    }

    void addNames(const Template &tmpl)
    {
        for (const Template::Piece &piece : tmpl.pieces()) {
            if (piece.placeholder)
                m_scheme->sourceNames.insert(piece.placeholder->name);
        }
    }

    void addNames(const QList<FieldSpec> &fields)
    {
        for (const FieldSpec &field : fields) {
            addNames(field.valueTemplate);
            if (field.expression) {
                for (const QString &name : field.expression->placeholderNames())
                    m_scheme->sourceNames.insert(name);
            }
            addNames(field.entryFields);
        }
    }

    // A table column is named <table>_<label> for a table in beatFlat (MAPPING.md).
    bool isColumn(const QString &name) const
    {
        if (m_scheme->flattenedTables.isEmpty())
            return true; // no beatFlat: any name might be a column
        for (const QString &table : std::as_const(m_scheme->flattenedTables)) {
            if (name.size() > table.size() && name.startsWith(table)
                && name.at(table.size()) == QLatin1Char('_'))
                return true;
        }
        return false;
    }

    void markPerBillFields()
    {
        for (FieldSpec &field : m_scheme->fields) {
            QStringList names;
            if (field.expression)
                names = field.expression->placeholderNames();
            for (const Template::Piece &piece : field.valueTemplate.pieces()) {
                if (piece.placeholder)
                    names.append(piece.placeholder->name);
            }
            field.perBill = field.source == FieldSpec::Source::Entries;
            for (const QString &name : std::as_const(names))
                field.perBill = field.perBill || isColumn(name);
        }
    }

    void collectSourceNames()
    {
        addNames(m_scheme->fields);
        addNames(m_scheme->idempotencyKey);
        if (m_scheme->groupBy)
            addNames(*m_scheme->groupBy);
        for (const CheckSpec &check : std::as_const(m_scheme->checks)) {
            if (!check.column.isEmpty())
                m_scheme->sourceNames.insert(check.column);
            if (!check.header.isEmpty())
                m_scheme->sourceNames.insert(check.header);
        }
    }

    Scheme *m_scheme = nullptr;
    QString m_error;
};

// Line and column (1-based) of a byte offset in UTF-8 text.
QString lineAndColumn(const QByteArray &json, int offset)
{
    const QByteArray before = json.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = int(QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size()) + 1;
    return QCoreApplication::translate("rs::Mapping", "line %1, column %2").arg(line).arg(column);
}

} // namespace

SchemeLoadResult loadScheme(const QByteArray &json, const QString &origin)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return {nullptr,
                QCoreApplication::translate("rs::Mapping", "%1: JSON syntax error at %2: %3")
                    .arg(origin, lineAndColumn(json, parseError.offset), parseError.errorString())};
    }
    if (!document.isObject())
        return {nullptr,
                QCoreApplication::translate("rs::Mapping", "%1: expected a JSON object at the top")
                    .arg(origin)};
    Loader loader;
    std::shared_ptr<const Scheme> scheme = loader.load(document.object());
    if (!scheme)
        return {nullptr, origin + QStringLiteral(": ") + loader.error()};
    return {scheme, QString()};
}

} // namespace rs
