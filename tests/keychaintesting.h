#pragma once

#include "app/secrets/secretname.h"
#include "app/secrets/secretstore.h"
#include "sandbox/kingdeeauth.h"

namespace rs::testing {

// The sandbox's DingTalk and Kingdee secrets in the real keychain under `scope`, as the clerk's
// credential dialog leaves them; false when the keychain refused one.
inline bool storeSandboxSecrets(const QString &scope)
{
    SecretStore secrets(scope);
    return secrets.writeNow(SecretName::DingTalkAppSecret, QStringLiteral("sandbox-app-secret"))
               .ok()
        && secrets.writeNow(SecretName::KingdeeAppSecret, sandbox::KingdeeOptions {}.appSecret)
               .ok();
}

// Leaves the keychain as the test found it.
inline void removeAllSecrets(const QString &scope)
{
    SecretStore secrets(scope);
    for (const SecretName name : allSecretNames())
        secrets.removeNow(name);
}

} // namespace rs::testing
