#include "app/kingdee/savebody.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rs::kingdee {
namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray SaveBody::prepare(QJsonObject body, int *modelCount)
{
    const bool positional = body.contains(QLatin1String("parameters"));
    QJsonArray parameters = body.value(QLatin1String("parameters")).toArray();
    const QJsonValue rawData = positional ? parameters.at(1) : body.value(QLatin1String("data"));
    QJsonObject data = rawData.isString()
        ? QJsonDocument::fromJson(rawData.toString().toUtf8()).object()
        : rawData.toObject();
    *modelCount = int(data.value(QLatin1String("Model")).toArray().size());
    if (!data.contains(QLatin1String("BatchCount")))
        return compact(body);
    data.remove(QLatin1String("BatchCount"));
    if (positional) {
        parameters[1] =
            rawData.isString() ? QJsonValue(QString::fromUtf8(compact(data))) : QJsonValue(data);
        body.insert(QStringLiteral("parameters"), parameters);
    } else {
        body.insert(QStringLiteral("data"), data);
    }
    return compact(body);
}

} // namespace rs::kingdee
