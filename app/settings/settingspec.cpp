#include "app/settings/settingspec.h"

#include "app/settings/settingkeys.h"

namespace rs {
namespace {

SettingSpec text(const char *key, const char *defaultValue = "")
{
    return {QLatin1String(key), SettingSpec::Kind::Text, QLatin1String(defaultValue), 0, 0, {}};
}

SettingSpec url(const char *key, const char *defaultValue)
{
    return {QLatin1String(key), SettingSpec::Kind::Url, QLatin1String(defaultValue), 0, 0, {}};
}

SettingSpec integer(const char *key, int defaultValue, int minimum, int maximum)
{
    return {QLatin1String(key),
            SettingSpec::Kind::Integer,
            QString::number(defaultValue),
            minimum,
            maximum,
            {}};
}

SettingSpec choice(const char *key, const QStringList &choices)
{
    return {QLatin1String(key), SettingSpec::Kind::Choice, choices.constFirst(), 0, 0, choices};
}

} // namespace

const QList<SettingSpec> &settingSpecs()
{
    using namespace keys;
    // DingTalk allows 20 calls/s per API; at 20 the pacer meets a throttle every ~2 s and each
    // costs a 1 s hold (29 % slower than 18), so qps stops at 19. Kingdee LCIDs: 简体, English,
    // 繁體.
    static const QList<SettingSpec> specs = {
        choice(DingTalkApi, {QStringLiteral("topapi"), QStringLiteral("v1")}),
        url(DingTalkOapiUrl, "https://oapi.dingtalk.com"),
        url(DingTalkApiUrl, "https://api.dingtalk.com"),
        text(DingTalkAppKey),
        text(DingTalkProcessCode),
        integer(DingTalkQps, 18, 1, 19),
        // The organisation's approval API calls a month (the free edition allows 5,000).
        integer(DingTalkMonthlyQuota, 5000, 1, 1'000'000'000),
        choice(DingTalkIntake, {QStringLiteral("poll"), QStringLiteral("stream")}),
        // The organisation's Stream/Webhook pushes a month (the standard edition allows 3,000).
        integer(DingTalkMonthlyPushes, 3000, 1, 1'000'000'000),
        // Who comments "已生成金蝶其他应收单 …" on a fully synced instance; empty: no comment.
        text(DingTalkCommentUser),
        url(KingdeeUrl, "http://erp.example.com/k3cloud"),
        text(KingdeeAcctId),
        text(KingdeeUsername),
        choice(KingdeeAuth,
               {QStringLiteral("appsecret"), QStringLiteral("password"), QStringLiteral("sign"),
                QStringLiteral("signature")}),
        text(KingdeeAppId),
        text(KingdeeOrgNumber),
        choice(KingdeeLcid,
               {QStringLiteral("2052"), QStringLiteral("1033"), QStringLiteral("3076")}),
        integer(KingdeeBatchSize, 50, 1, 500),
        integer(KingdeeConcurrency, 2, 1, 8),
        // What follows a save: nothing (the seed's IsAutoSubmitAndAudit false), Submit, or
        // Submit then Audit, each its own call.
        choice(KingdeeAfterSave,
               {QStringLiteral("none"), QStringLiteral("submit"), QStringLiteral("audit")}),
        {QLatin1String(SyncScheme),
         SettingSpec::Kind::Scheme,
         QStringLiteral("builtin:rebate-to-other-receivable"),
         0,
         0,
         {}},
        choice(StoreDriver, {QStringLiteral("sqlite"), QStringLiteral("postgresql")}),
        text(StoreHost),
        integer(StorePort, 5432, 1, 65535),
        text(StoreDatabase),
        text(StoreUser),
        // Long enough that only a dead or frozen run is taken over (a live one beats every 5 s,
        // whatever Kingdee is doing); short enough that its bills do not wait long.
        integer(StoreClaimTimeoutSeconds, 60, 15, 3600),
        // 0 turns a rule or a scheduled run off.
        choice(AlertsRobot, {QStringLiteral("off"), QStringLiteral("on")}),
        url(AlertsRobotUrl, "https://oapi.dingtalk.com/robot/send"),
        integer(AlertsFailuresThreshold, 1, 0, 10000),
        integer(AlertsInDoubtMinutes, 30, 0, 7 * 24 * 60),
        integer(ScheduleFetchMinutes, 0, 0, 24 * 60),
        integer(ScheduleSyncMinutes, 0, 0, 24 * 60),
        // off: what the intake stores waits for the clerk (or the scheduled sync).
        choice(ScheduleAutoSync, {QStringLiteral("off"), QStringLiteral("on")}),
    };
    return specs;
}

const SettingSpec *findSettingSpec(const QString &key)
{
    for (const SettingSpec &spec : settingSpecs()) {
        if (spec.key == key)
            return &spec;
    }
    return nullptr;
}

QStringList builtinSchemeNames()
{
    return {QStringLiteral("rebate-to-other-receivable")};
}

} // namespace rs
