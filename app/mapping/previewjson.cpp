#include "app/mapping/previewjson.h"

#include "app/mapping/mapper.h"

#include <QJsonDocument>

namespace rs {

QJsonArray issuesJson(const QList<MappingIssue> &issues)
{
    QJsonArray array;
    for (const MappingIssue &issue : issues) {
        array.append(QJsonObject {{QStringLiteral("bill"), issue.bill},
                                  {QStringLiteral("field"), issue.field},
                                  {QStringLiteral("message"), issue.message}});
    }
    return array;
}

QByteArray previewJsonText(const MappingResult &result, const Scheme &scheme)
{
    QJsonObject body = batchSaveBody(result.bills, scheme);
    body.insert(QStringLiteral("issues"), issuesJson(result.issues));
    return QJsonDocument(body).toJson(QJsonDocument::Indented);
}

} // namespace rs
