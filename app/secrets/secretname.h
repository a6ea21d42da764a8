#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace rs {

// The secrets RebateSync keeps; nothing else is ever stored in the keychain.
enum class SecretName {
    DingTalkAppSecret,
    KingdeePassword,
    KingdeeAppSecret,
    RobotAccessToken, // the group robot's access_token: whoever has it can post to the group
    RobotSecret, // the robot's sign secret
    StorePassword, // the PostgreSQL ledger's password
};

QList<SecretName> allSecretNames();
// "dingtalk.app_secret", as the CLI and the keychain entry spell it.
QString canonicalName(SecretName name);
// "REBATESYNC_DINGTALK_APP_SECRET": the headless override, read and never written.
QByteArray environmentVariable(SecretName name);
// Accepts the canonical name, the variable name, or either with '-', '_' and '.' mixed and any
// case ("kingdee.password", "KINGDEE_PASSWORD", "REBATESYNC_KINGDEE_PASSWORD").
std::optional<SecretName> parseSecretName(const QString &text);

} // namespace rs
