#pragma once

#include "app/dingtalk/instance.h"

#include <QJsonObject>

namespace rs::dingtalk {

// Reads an instance from either API generation. Keys differ (snake_case vs camelCase), times
// differ (Beijing "yyyy-MM-dd HH:mm:ss" vs UTC ISO 8601 "…T02:12Z"); the result is the same
// type with Beijing times. An instance without a known status or a create time is malformed:
// `error` says what is missing and the instance must not be trusted.
class InstanceParser final
{
public:
    // `processInstance` is the answer's "process_instance" object; topapi omits the id in it.
    static Instance fromTopApi(const QString &id, const QJsonObject &processInstance,
                               QString *error);
    // `result` is the v1.0 answer's "result" object.
    static Instance fromV1(const QString &id, const QJsonObject &result, QString *error);

    // "2025-03-03T02:12Z" (UTC) → "2025-03-03 10:12:00" (Beijing); Beijing text passes through.
    static QString beijingTime(const QString &text);
};

} // namespace rs::dingtalk
