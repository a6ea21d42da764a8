#pragma once

#include "app/alerts/robotclient.h"
#include "sandbox.h"

namespace rs::testing {

// The in-process sandbox's group robot, with its own token and secret unless told otherwise.
inline alerts::RobotConfig sandboxRobot(const sandbox::Sandbox &sandbox,
                                        const QString &secret = sandbox::RobotOptions().secret)
{
    return {QUrl(sandbox.baseUrl() + QStringLiteral("/robot/send")),
            sandbox::RobotOptions().accessToken, secret, 10'000};
}

// The text of every message the robot accepted.
inline QStringList robotContents(const sandbox::Sandbox &sandbox)
{
    QStringList contents;
    for (const QJsonValue &message : sandbox.robot().messages())
        contents.append(message[QLatin1String("text")][QLatin1String("content")].toString());
    return contents;
}

} // namespace rs::testing
