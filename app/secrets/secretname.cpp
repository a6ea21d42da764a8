#include "app/secrets/secretname.h"

namespace rs {

QList<SecretName> allSecretNames()
{
    return {SecretName::DingTalkAppSecret, SecretName::KingdeePassword,
            SecretName::KingdeeAppSecret,  SecretName::RobotAccessToken,
            SecretName::RobotSecret,       SecretName::StorePassword};
}

QString canonicalName(SecretName name)
{
    switch (name) {
    case SecretName::DingTalkAppSecret:
        return QStringLiteral("dingtalk.app_secret");
    case SecretName::KingdeePassword:
        return QStringLiteral("kingdee.password");
    case SecretName::KingdeeAppSecret:
        return QStringLiteral("kingdee.app_secret");
    case SecretName::RobotAccessToken:
        return QStringLiteral("dingtalk.robot_token");
    case SecretName::RobotSecret:
        return QStringLiteral("dingtalk.robot_secret");
    case SecretName::StorePassword:
        return QStringLiteral("store.password");
    }
    return {};
}

QByteArray environmentVariable(SecretName name)
{
    QString variable = QStringLiteral("REBATESYNC_") + canonicalName(name);
    variable.replace(QLatin1Char('.'), QLatin1Char('_'));
    return variable.toUpper().toLatin1();
}

std::optional<SecretName> parseSecretName(const QString &text)
{
    const auto normalise = [](QString s) {
        s = s.trimmed().toLower();
        s.replace(QLatin1Char('-'), QLatin1Char('_'));
        s.replace(QLatin1Char('.'), QLatin1Char('_'));
        if (s.startsWith(QLatin1String("rebatesync_")))
            s.remove(0, int(qstrlen("rebatesync_")));
        return s;
    };
    const QString wanted = normalise(text);
    for (SecretName name : allSecretNames()) {
        if (normalise(canonicalName(name)) == wanted)
            return name;
    }
    return std::nullopt;
}

} // namespace rs
