#pragma once

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QVariantHash>

namespace rs::testing {

// Starts the rebatesync-sandbox executable (SANDBOX_EXECUTABLE) on a free port with
// `arguments`; returns its base URL from the JSON line it prints, empty when it did not start.
inline QString startSandboxProcess(QProcess &process, const QStringList &arguments)
{
    process.start(QStringLiteral(SANDBOX_EXECUTABLE),
                  QStringList {QStringLiteral("--port"), QStringLiteral("0")} + arguments);
    const QDeadlineTimer deadline(10'000);
    while (!process.canReadLine() && !deadline.hasExpired())
        process.waitForReadyRead(int(deadline.remainingTime()));
    if (!process.canReadLine())
        return {};
    return QJsonDocument::fromJson(process.readLine())
        .object()
        .value(QLatin1String("url"))
        .toString();
}

// Makes `dir` a CLI profile whose settings point at the sandbox at `url`: its DingTalk app and
// process at 19 calls/s (the most settings.ini allows), its Kingdee data centre with the app-secret
// login; `overrides` last.
inline bool writeSandboxProfile(const QString &dir, const QString &url,
                                const QVariantHash &overrides = {})
{
    if (!QDir().mkpath(dir))
        return false;
    QSettings ini(dir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    ini.setValue(QStringLiteral("dingtalk/oapi_url"), url);
    ini.setValue(QStringLiteral("dingtalk/api_url"), url);
    ini.setValue(QStringLiteral("dingtalk/app_key"), QStringLiteral("sandbox-app-key"));
    ini.setValue(QStringLiteral("dingtalk/process_code"), QStringLiteral("PROC-REBATE-SANDBOX"));
    ini.setValue(QStringLiteral("dingtalk/qps"), 19);
    ini.setValue(QStringLiteral("kingdee/url"), QString(url + QStringLiteral("/k3cloud")));
    ini.setValue(QStringLiteral("kingdee/acct_id"), QStringLiteral("sandbox-dc"));
    ini.setValue(QStringLiteral("kingdee/username"), QStringLiteral("demo"));
    ini.setValue(QStringLiteral("kingdee/auth"), QStringLiteral("appsecret"));
    ini.setValue(QStringLiteral("kingdee/app_id"),
                 QStringLiteral("302745_MDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1u"));
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        ini.setValue(it.key(), it.value());
    ini.sync();
    return ini.status() == QSettings::NoError;
}

} // namespace rs::testing
