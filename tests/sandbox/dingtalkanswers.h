#pragma once

#include "route.h"

#include <QJsonObject>

namespace rs::sandbox::dingtalk {

// DingTalk's answer shapes, as DINGTALK.md and the shared fixtures show them.
QByteArray requestId();
Answer ok(QJsonObject body); // topapi: errcode 0 + body
Answer topError(int errcode, const QString &errmsg); // topapi: HTTP 200 with errcode
Answer invalidToken(); // topapi: errcode 88 / sub_code 40014
Answer v1Ok(const QJsonObject &body);
Answer v1Error(int status, const QString &code, const QString &message);

inline constexpr qint64 kDayMs = 24LL * 3600 * 1000;

} // namespace rs::sandbox::dingtalk
