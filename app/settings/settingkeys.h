#pragma once

// The settings.ini keys of ARCHITECTURE.md's fixed contract (both waves) and the ones the code
// adds, as "group/key". A key in settings.ini that is not here is refused.
namespace rs::keys {
inline constexpr char DingTalkApi[] = "dingtalk/api";
inline constexpr char DingTalkOapiUrl[] = "dingtalk/oapi_url";
inline constexpr char DingTalkApiUrl[] = "dingtalk/api_url";
inline constexpr char DingTalkAppKey[] = "dingtalk/app_key";
inline constexpr char DingTalkProcessCode[] = "dingtalk/process_code";
inline constexpr char DingTalkQps[] = "dingtalk/qps";
inline constexpr char DingTalkMonthlyQuota[] = "dingtalk/monthly_quota";
// Real-time intake (issue 15): poll | stream, and the month's Stream push allowance.
inline constexpr char DingTalkIntake[] = "dingtalk/intake";
inline constexpr char DingTalkMonthlyPushes[] = "dingtalk/monthly_pushes";
// Write-back (issue 16): the DingTalk userid who comments on a synced instance; empty = off.
inline constexpr char DingTalkCommentUser[] = "dingtalk/comment_user";
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
// The second wave's store: sqlite (the profile's file) or a shared PostgreSQL ledger.
inline constexpr char StoreDriver[] = "store/driver";
inline constexpr char StoreHost[] = "store/host";
inline constexpr char StorePort[] = "store/port";
inline constexpr char StoreDatabase[] = "store/database";
inline constexpr char StoreUser[] = "store/user";
// On a ledger: how long a run may go without a heartbeat before the others take over its bills.
inline constexpr char StoreClaimTimeoutSeconds[] = "store/claim_timeout_seconds";
// Alerts and scheduled runs of the console; the robot's token and secret live in the keychain.
inline constexpr char AlertsRobot[] = "alerts/robot";
inline constexpr char AlertsRobotUrl[] = "alerts/robot_url";
inline constexpr char AlertsFailuresThreshold[] = "alerts/failures_threshold";
inline constexpr char AlertsInDoubtMinutes[] = "alerts/in_doubt_minutes";
inline constexpr char ScheduleFetchMinutes[] = "schedule/fetch_minutes";
inline constexpr char ScheduleSyncMinutes[] = "schedule/sync_minutes";
// on: the Stream intake (watch, the open console) also syncs what it stores approved.
inline constexpr char ScheduleAutoSync[] = "schedule/auto_sync";
} // namespace rs::keys
