#pragma once

#include "app/net/backoff.h"

#include <QString>
#include <QUrl>

namespace rs::kingdee {

// Where and how to reach Kingdee Cloud Galaxy. The password and app secret come from the
// keychain and live only here, in memory; they are never logged, written or put in an error.
struct KingdeeConfig
{
    // password: ValidateUser; appsecret: LoginByAppSecret; sign: LoginBySign (Kingdee's
    // recommended login); signature: the v2 API headers on every call, no login, no session.
    enum class Auth { Password, AppSecret, Sign, Signature };
    // LoginBySign's digest: servers older than 8.0.0.202205 use SHA1.
    enum class SignAlgorithm { Sha256, Sha1 };

    QUrl url {QStringLiteral("http://erp.example.com/k3cloud")}; // the …/k3cloud/ base
    QString acctId; // data centre id
    QString username;
    Auth auth = Auth::AppSecret;
    QString appId; // "{clientId}_{32-char part}"
    QString orgNumber; // X-Kd-Appdata's organisation, signature mode
    int lcid = 2052;
    QString password;
    QString appSecret;
    SignAlgorithm signAlgorithm = SignAlgorithm::Sha256;
    int concurrency = 2; // requests in flight at most; the rest wait in a queue
    int transferTimeoutMs = 180'000; // saves: the official SDKs wait 120–180 s for a BatchSave
    // Logins and queries answer in a second or two; one that stalls is abandoned and retried
    // long before a save's timeout (nothing is written by them, so a retry is safe).
    int lookupTimeoutMs = 20'000;
    // A call on the wire this long stops holding one of the `concurrency` lanes (at most that
    // many such calls at once), so one stalled save does not halve the run's pace.
    int slowCallMs = 15'000;
    net::Backoff retryBackoff {1000, 8000, 0.2}; // logins and queries only, never a sent save
    int maxRetries = 3;

    bool usesSession() const { return auth != Auth::Signature; }
};

} // namespace rs::kingdee
