#pragma once

// The settings.ini keys of ARCHITECTURE.md's fixed contract, as "group/key".
namespace rs::keys {
inline constexpr char DingTalkApi[] = "dingtalk/api";
inline constexpr char DingTalkOapiUrl[] = "dingtalk/oapi_url";
inline constexpr char DingTalkApiUrl[] = "dingtalk/api_url";
inline constexpr char DingTalkAppKey[] = "dingtalk/app_key";
inline constexpr char DingTalkProcessCode[] = "dingtalk/process_code";
inline constexpr char DingTalkQps[] = "dingtalk/qps";
inline constexpr char DingTalkMonthlyQuota[] = "dingtalk/monthly_quota";
inline constexpr char KingdeeUrl[] = "kingdee/url";
inline constexpr char KingdeeAcctId[] = "kingdee/acct_id";
inline constexpr char KingdeeUsername[] = "kingdee/username";
inline constexpr char KingdeeAuth[] = "kingdee/auth";
inline constexpr char KingdeeAppId[] = "kingdee/app_id";
inline constexpr char KingdeeOrgNumber[] = "kingdee/org_number";
inline constexpr char KingdeeLcid[] = "kingdee/lcid";
inline constexpr char KingdeeBatchSize[] = "kingdee/batch_size";
inline constexpr char KingdeeConcurrency[] = "kingdee/concurrency";
inline constexpr char KingdeeAfterSave[] = "kingdee/after_save";
inline constexpr char SyncScheme[] = "sync/scheme";
// Alerts and scheduled runs of the console; the robot's token and secret live in the keychain.
inline constexpr char AlertsRobot[] = "alerts/robot";
inline constexpr char AlertsRobotUrl[] = "alerts/robot_url";
inline constexpr char AlertsFailuresThreshold[] = "alerts/failures_threshold";
inline constexpr char AlertsInDoubtMinutes[] = "alerts/in_doubt_minutes";
inline constexpr char ScheduleFetchMinutes[] = "schedule/fetch_minutes";
inline constexpr char ScheduleSyncMinutes[] = "schedule/sync_minutes";
} // namespace rs::keys
