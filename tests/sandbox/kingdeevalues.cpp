#include "kingdeevalues.h"

namespace rs::sandbox::kingdee {

QJsonValue valueOf(const QJsonObject &object, QLatin1StringView key)
{
    const auto exact = object.constFind(key);
    if (exact != object.constEnd())
        return exact.value();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

bool flagOf(const QJsonValue &value, bool fallback)
{
    if (value.isBool())
        return value.toBool();
    if (value.isDouble())
        return value.toDouble() != 0;
    const QString text = value.toString().trimmed();
    if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || text == QLatin1String("1"))
        return true;
    if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0
        || text == QLatin1String("0"))
        return false;
    return fallback;
}

int intOf(const QJsonValue &value, int fallback)
{
    if (value.isDouble())
        return value.toInt(fallback);
    bool ok = false;
    const int n = value.toString().trimmed().toInt(&ok);
    return ok ? n : fallback;
}

QString textOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toVariant().toString(); // an integral value is a qint64 here: "100"
    return value.toString();
}

QString baseNumberOf(const QJsonValue &value)
{
    if (value.isObject())
        return textOf(valueOf(value.toObject(), QLatin1String("FNumber")));
    return textOf(value);
}

QString canonicalKey(const QString &name, const QStringList &known)
{
    for (const QString &key : known) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return key;
    }
    return name;
}

bool isFormId(const QString &formId, QLatin1StringView expected)
{
    return formId.compare(expected, Qt::CaseInsensitive) == 0;
}

} // namespace rs::sandbox::kingdee
