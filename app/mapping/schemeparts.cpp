// The parts of a scheme besides its fields, as SchemeDocument edits them: grouping, the
// idempotency key, the amount field, the request options and the checks. Each is read from and
// written to the document's JSON, so what the editor does not touch stays as it was read.
#include "app/mapping/schemeparts.h"

#include "app/mapping/schemedocument.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rs {
namespace {

void setOrRemove(QJsonObject &object, const QString &key, const QString &text)
{
    if (text.isEmpty())
        object.remove(key);
    else
        object.insert(key, text);
}

} // namespace

QJsonObject CheckRule::toJson() const
{
    QJsonObject object {{QStringLiteral("kind"), kind}};
    setOrRemove(object, QStringLiteral("name"), name);
    setOrRemove(object, QStringLiteral("message"), message);
    if (kind == QLatin1String("compare")) {
        object.insert(QStringLiteral("field"), field);
        object.insert(QStringLiteral("op"), op);
        object.insert(QStringLiteral("value"), value);
    } else if (kind == QLatin1String("sumEquals")) {
        object.insert(QStringLiteral("field"), field);
        object.insert(QStringLiteral("column"), column);
        setOrRemove(object, QStringLiteral("factor"), factor);
    } else if (kind == QLatin1String("headerTotal")) {
        object.insert(QStringLiteral("header"), header);
        object.insert(QStringLiteral("column"), column);
    } else if (kind == QLatin1String("required")) {
        object.insert(QStringLiteral("fields"), QJsonArray::fromStringList(fields));
    }
    return object;
}

CheckRule CheckRule::fromJson(const QJsonObject &object)
{
    CheckRule rule;
    const auto text = [&object](const char *key) {
        return object.value(QLatin1String(key)).toString();
    };
    rule.kind = text("kind");
    rule.name = text("name");
    rule.message = text("message");
    rule.field = text("field");
    if (object.contains(QLatin1String("op")))
        rule.op = text("op");
    if (object.contains(QLatin1String("value")))
        rule.value = text("value");
    rule.column = text("column");
    rule.factor = text("factor");
    rule.header = text("header");
    const QJsonArray fields = object.value(QLatin1String("fields")).toArray();
    for (const QJsonValue &field : fields)
        rule.fields.append(field.toString());
    return rule;
}

bool operator==(const CheckRule &a, const CheckRule &b)
{
    return a.toJson() == b.toJson();
}

QString OptionRule::valueText() const
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return {};
}

QString SchemeDocument::targetText(const char *key) const
{
    return m_root.value(QLatin1String("target")).toObject().value(QLatin1String(key)).toString();
}

void SchemeDocument::setTargetText(const char *key, const QString &text)
{
    QJsonObject target = m_root.value(QLatin1String("target")).toObject();
    setOrRemove(target, QLatin1String(key), text);
    m_root.insert(QStringLiteral("target"), target);
}

QString SchemeDocument::idempotencyText(const char *key) const
{
    return m_root.value(QLatin1String("target"))
        .toObject()
        .value(QLatin1String("idempotency"))
        .toObject()
        .value(QLatin1String(key))
        .toString();
}

void SchemeDocument::setIdempotencyText(const char *key, const QString &text)
{
    QJsonObject target = m_root.value(QLatin1String("target")).toObject();
    QJsonObject idempotency = target.value(QLatin1String("idempotency")).toObject();
    setOrRemove(idempotency, QLatin1String(key), text);
    target.insert(QStringLiteral("idempotency"), idempotency);
    m_root.insert(QStringLiteral("target"), target);
}

QList<OptionRule> SchemeDocument::options() const
{
    QList<OptionRule> options;
    const QJsonArray array =
        m_root.value(QLatin1String("target")).toObject().value(QLatin1String("options")).toArray();
    for (const QJsonValue &option : array) {
        const QJsonObject object = option.toObject();
        options.append({object.value(QLatin1String("field")).toString(),
                        object.value(QLatin1String("value"))});
    }
    return options;
}

void SchemeDocument::setOptions(const QList<OptionRule> &options)
{
    QJsonObject target = m_root.value(QLatin1String("target")).toObject();
    QJsonArray array;
    for (const OptionRule &option : options)
        array.append(QJsonObject {{QStringLiteral("field"), option.field},
                                  {QStringLiteral("value"), option.value}});
    if (array.isEmpty())
        target.remove(QStringLiteral("options"));
    else
        target.insert(QStringLiteral("options"), array);
    m_root.insert(QStringLiteral("target"), target);
}

QList<CheckRule> SchemeDocument::checks() const
{
    QList<CheckRule> checks;
    const QJsonArray array = m_root.value(QLatin1String("checks")).toArray();
    for (const QJsonValue &check : array)
        checks.append(CheckRule::fromJson(check.toObject()));
    return checks;
}

void SchemeDocument::setChecks(const QList<CheckRule> &checks)
{
    QJsonArray array;
    for (const CheckRule &check : checks)
        array.append(check.toJson());
    if (array.isEmpty())
        m_root.remove(QStringLiteral("checks"));
    else
        m_root.insert(QStringLiteral("checks"), array);
}

} // namespace rs
