#include "app/mapping/schemedocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace rs {
namespace {

const QLatin1String kFunctionPrefix("_function");

bool isExpressionText(const QString &value)
{
    const QString text = value.trimmed();
    return text.startsWith(kFunctionPrefix)
        && (text.size() == kFunctionPrefix.size() || text.at(kFunctionPrefix.size()).isSpace());
}

} // namespace

QJsonObject FieldRule::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), name);
    if (!label.isEmpty())
        object.insert(QStringLiteral("label"), label);
    if (source == Source::Entries) {
        QJsonArray children;
        for (const FieldRule &child : fields)
            children.append(child.toJson());
        object.insert(QStringLiteral("fields"), children);
        if (required)
            object.insert(QStringLiteral("required"), true);
        return object;
    }
    switch (source) {
    case Source::Fixed:
        object.insert(QStringLiteral("value"), fixedValue);
        break;
    case Source::Template:
        object.insert(QStringLiteral("value"), text);
        break;
    case Source::Expression:
        object.insert(QStringLiteral("value"),
                      QString(kFunctionPrefix + QLatin1Char(' ') + text.trimmed()));
        break;
    case Source::Entries:
        break;
    }
    if (!type.isEmpty())
        object.insert(QStringLiteral("type"), type);
    // Only where the loader allows them: a type change in the editor leaves no stray key.
    if (scale && type == QLatin1String("decimal"))
        object.insert(QStringLiteral("scale"), *scale);
    if (!format.isEmpty() && type == QLatin1String("date"))
        object.insert(QStringLiteral("format"), format);
    if (defaultValue)
        object.insert(QStringLiteral("default"), *defaultValue);
    if (required)
        object.insert(QStringLiteral("required"), true);
    if (!map.isEmpty())
        object.insert(QStringLiteral("map"), map);
    if (!parser.isEmpty()) {
        QJsonObject spec {{QStringLiteral("name"), parser}};
        if (!parserParams.isEmpty())
            spec.insert(QStringLiteral("params"), parserParams);
        object.insert(QStringLiteral("parser"), spec);
    }
    return object;
}

FieldRule FieldRule::fromJson(const QJsonObject &object)
{
    FieldRule rule;
    rule.name = object.value(QLatin1String("name")).toString();
    rule.label = object.value(QLatin1String("label")).toString();
    rule.required = object.value(QLatin1String("required")).toBool();
    if (object.contains(QLatin1String("fields"))) {
        rule.source = Source::Entries;
        const QJsonArray children = object.value(QLatin1String("fields")).toArray();
        for (const QJsonValue &child : children)
            rule.fields.append(fromJson(child.toObject()));
        return rule;
    }
    const QJsonValue value = object.value(QLatin1String("value"));
    if (value.isString() && isExpressionText(value.toString())) {
        rule.source = Source::Expression;
        rule.text = value.toString().trimmed().mid(kFunctionPrefix.size()).trimmed();
    } else if (value.isString() && value.toString().contains(QLatin1String("{{"))) {
        rule.source = Source::Template;
        rule.text = value.toString();
    } else if (value.isString()) {
        // Text without placeholders is fixed text: the loader sends it as it is either way.
        rule.source = Source::Template;
        rule.text = value.toString();
    } else {
        rule.source = Source::Fixed;
        rule.fixedValue = value;
    }
    rule.type = object.value(QLatin1String("type")).toString();
    if (object.contains(QLatin1String("scale")))
        rule.scale = object.value(QLatin1String("scale")).toInt();
    rule.format = object.value(QLatin1String("format")).toString();
    if (object.contains(QLatin1String("default")))
        rule.defaultValue = object.value(QLatin1String("default")).toString();
    rule.map = object.value(QLatin1String("map")).toString();
    const QJsonObject parser = object.value(QLatin1String("parser")).toObject();
    rule.parser = parser.value(QLatin1String("name")).toString();
    rule.parserParams = parser.value(QLatin1String("params")).toString();
    return rule;
}

bool operator==(const FieldRule &a, const FieldRule &b)
{
    return a.name == b.name && a.label == b.label && a.source == b.source
        && a.fixedValue == b.fixedValue && a.text == b.text && a.type == b.type
        && a.scale == b.scale && a.format == b.format && a.defaultValue == b.defaultValue
        && a.required == b.required && a.map == b.map && a.parser == b.parser
        && a.parserParams == b.parserParams && a.fields == b.fields;
}

std::optional<SchemeDocument> SchemeDocument::fromJson(const QByteArray &json,
                                                       const QString &origin, QString *error)
{
    const SchemeLoadResult loaded = loadScheme(json, origin);
    if (!loaded.scheme) {
        *error = loaded.error;
        return std::nullopt;
    }
    SchemeDocument document;
    document.m_root = QJsonDocument::fromJson(json).object();
    QJsonObject target = document.m_root.value(QLatin1String("target")).toObject();
    const QJsonArray fields = target.value(QLatin1String("fields")).toArray();
    for (const QJsonValue &field : fields)
        document.m_fields.append(FieldRule::fromJson(field.toObject()));
    target.remove(QStringLiteral("fields"));
    document.m_root.insert(QStringLiteral("target"), target);
    const QJsonObject maps = document.m_root.value(QLatin1String("valueMaps")).toObject();
    for (auto it = maps.constBegin(); it != maps.constEnd(); ++it) {
        ValueMapTable table {it.key(), {}};
        const QJsonObject entries = it.value().toObject();
        for (auto entry = entries.constBegin(); entry != entries.constEnd(); ++entry)
            table.rows.append({entry.key(), entry.value().toString()});
        document.m_valueMaps.append(table);
    }
    document.m_root.remove(QStringLiteral("valueMaps"));
    return document;
}

SchemeDocument SchemeDocument::blank(const QString &name)
{
    SchemeDocument document;
    document.m_root = QJsonObject {
        {QStringLiteral("name"), name},
        {QStringLiteral("title"), name},
        {QStringLiteral("source"),
         QJsonObject {{QStringLiteral("api"), QStringLiteral("topapi/processinstance/get")},
                      {QStringLiteral("beatFlat"), QJsonArray {QStringLiteral("表格")}}}},
        {QStringLiteral("target"),
         QJsonObject {
             {QStringLiteral("api"), QStringLiteral("batchSave")},
             {QStringLiteral("formid"), QStringLiteral("AR_OtherRecAble")},
             {QStringLiteral("idempotency"),
              QJsonObject {{QStringLiteral("key"), QStringLiteral("{{business_id}}")},
                           {QStringLiteral("field"), QStringLiteral("FAR_OtherRemarks")}}}}}};
    FieldRule billType;
    billType.name = QStringLiteral("FBillTypeID");
    billType.source = FieldRule::Source::Fixed;
    billType.fixedValue = QJsonObject {{QStringLiteral("FNumber"), QStringLiteral("QTYSD01_SYS")}};
    document.m_fields.append(billType);
    return document;
}

QByteArray SchemeDocument::toJson() const
{
    QJsonObject root = m_root;
    QJsonObject target = root.value(QLatin1String("target")).toObject();
    QJsonArray fields;
    for (const FieldRule &field : m_fields)
        fields.append(field.toJson());
    target.insert(QStringLiteral("fields"), fields);
    root.insert(QStringLiteral("target"), target);
    QJsonObject maps;
    for (const ValueMapTable &table : m_valueMaps) {
        QJsonObject entries;
        for (const auto &[from, to] : table.rows)
            entries.insert(from, to);
        maps.insert(table.name, entries);
    }
    root.insert(QStringLiteral("valueMaps"), maps);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

SchemeLoadResult SchemeDocument::load(const QString &origin) const
{
    return loadScheme(toJson(), origin);
}

QString SchemeDocument::name() const
{
    return m_root.value(QLatin1String("name")).toString();
}

void SchemeDocument::setName(const QString &name)
{
    m_root.insert(QStringLiteral("name"), name);
}

QString SchemeDocument::title() const
{
    return m_root.value(QLatin1String("title")).toString();
}

const FieldRule *SchemeDocument::field(FieldPosition position) const
{
    if (position.top < 0 || position.top >= m_fields.size())
        return nullptr;
    const FieldRule &top = m_fields.at(position.top);
    if (position.entry < 0)
        return &top;
    if (position.entry >= top.fields.size())
        return nullptr;
    return &top.fields.at(position.entry);
}

void SchemeDocument::setField(FieldPosition position, const FieldRule &rule)
{
    if (!field(position))
        return;
    if (position.entry < 0)
        m_fields[position.top] = rule;
    else
        m_fields[position.top].fields[position.entry] = rule;
}

void SchemeDocument::insertField(FieldPosition position, const FieldRule &rule)
{
    if (position.entry < 0) {
        m_fields.insert(std::clamp<qsizetype>(position.top, 0, m_fields.size()), rule);
        return;
    }
    if (position.top < 0 || position.top >= m_fields.size())
        return;
    QList<FieldRule> &children = m_fields[position.top].fields;
    children.insert(std::clamp<qsizetype>(position.entry, 0, children.size()), rule);
}

void SchemeDocument::removeField(FieldPosition position)
{
    if (!field(position))
        return;
    if (position.entry < 0)
        m_fields.removeAt(position.top);
    else
        m_fields[position.top].fields.removeAt(position.entry);
}

QString SchemeDocument::fieldPath(FieldPosition position) const
{
    const FieldRule *rule = field(position);
    if (!rule)
        return {};
    if (position.entry < 0)
        return rule->name;
    return m_fields.at(position.top).name + QLatin1Char('.') + rule->name;
}

FieldPosition SchemeDocument::fieldOfLoaderError(const QString &error) const
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(target\.fields\[(\d+)\](?:\.fields\[(\d+)\])?)"));
    const QRegularExpressionMatch match = pattern.match(error);
    if (!match.hasMatch())
        return {};
    FieldPosition position {match.captured(1).toInt(),
                            match.captured(2).isEmpty() ? -1 : match.captured(2).toInt()};
    return field(position) ? position : FieldPosition {};
}

FieldPosition SchemeDocument::fieldOfIssue(const QString &issueField) const
{
    // FEntity[1].FNOTAXAMOUNTFOR → FEntity.FNOTAXAMOUNTFOR
    static const QRegularExpression index(QStringLiteral(R"(\[\d+\])"));
    QString path = issueField;
    path.remove(index);
    const QStringList parts = path.split(QLatin1Char('.'));
    for (int top = 0; top < m_fields.size(); ++top) {
        if (m_fields.at(top).name != parts.constFirst())
            continue;
        if (parts.size() == 1)
            return {top, -1};
        const QList<FieldRule> &children = m_fields.at(top).fields;
        for (int entry = 0; entry < children.size(); ++entry) {
            if (children.at(entry).name == parts.at(1))
                return {top, entry};
        }
    }
    return {};
}

QStringList SchemeDocument::valueMapNames() const
{
    QStringList names;
    for (const ValueMapTable &table : m_valueMaps)
        names.append(table.name);
    return names;
}

} // namespace rs
