#pragma once

#include <QString>
#include <QUrl>

namespace rs::dingtalk {

// Where and how to reach DingTalk. `appSecret` comes from the keychain and lives only here, in
// memory; it is never logged or written.
struct DingTalkConfig
{
    enum class Api { TopApi, V1 };
    Api api = Api::TopApi;
    QUrl oapiUrl {QStringLiteral("https://oapi.dingtalk.com")};
    QUrl apiUrl {QStringLiteral("https://api.dingtalk.com")};
    QString appKey;
    QString appSecret;
    QString processCode;
    double callsPerSecond = 18; // per API; DingTalk allows 20
    int maxInFlight = 8;
    int transferTimeoutMs = 30'000;
};

} // namespace rs::dingtalk
