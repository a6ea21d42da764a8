#include "app/store/migrations.h"

#include "app/store/sqldialect.h"

namespace rs {
namespace {

QStringList version1(StoreDriver driver)
{
    return {
        QStringLiteral("CREATE TABLE applications ("
                       " id VARCHAR(64) NOT NULL PRIMARY KEY,"
                       " business_id VARCHAR(64),"
                       " title TEXT,"
                       " process_code VARCHAR(128),"
                       " originator_userid VARCHAR(64),"
                       " originator_dept_name TEXT,"
                       " created_at VARCHAR(32),"
                       " finished_at VARCHAR(32),"
                       " approval VARCHAR(16) NOT NULL,"
                       " dingtalk_status VARCHAR(16),"
                       " dingtalk_result VARCHAR(16),"
                       " amount VARCHAR(40),"
                       " raw_json TEXT NOT NULL,"
                       " parse_error TEXT,"
                       " fetched_at VARCHAR(32) NOT NULL,"
                       " updated_at VARCHAR(32) NOT NULL,"
                       " CHECK (approval IN ('in_approval', 'approved', 'rejected', 'withdrawn',"
                       " 'revoked')))"),
        QStringLiteral("CREATE TABLE application_rows ("
                       " application_id VARCHAR(64) NOT NULL"
                       " REFERENCES applications (id) ON DELETE CASCADE,"
                       " row_index INTEGER NOT NULL,"
                       " fields_json TEXT NOT NULL,"
                       " PRIMARY KEY (application_id, row_index))"),
        QStringLiteral("CREATE TABLE bills ("
                       " idempotency_key VARCHAR(160) NOT NULL PRIMARY KEY,"
                       " application_id VARCHAR(64) NOT NULL REFERENCES applications (id),"
                       " state VARCHAR(16) NOT NULL,"
                       " amount VARCHAR(40),"
                       " payload_json TEXT,"
                       " kingdee_id VARCHAR(64),"
                       " kingdee_number VARCHAR(64),"
                       " last_error TEXT,"
                       " error_field VARCHAR(128),"
                       " retryable SMALLINT NOT NULL DEFAULT 0,"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " next_attempt_at VARCHAR(32),"
                       " created_at VARCHAR(32) NOT NULL,"
                       " updated_at VARCHAR(32) NOT NULL,"
                       " CHECK (state IN ('pending', 'queued', 'sending', 'synced', 'failed',"
                       " 'in_doubt')))"),
        QStringLiteral("CREATE INDEX bills_by_application ON bills (application_id)"),
        QStringLiteral("CREATE INDEX bills_by_state ON bills (state)"),
        QStringLiteral("CREATE TABLE sync_events ("
                       " id %1,"
                       " occurred_at VARCHAR(32) NOT NULL,"
                       " level VARCHAR(8) NOT NULL,"
                       " kind VARCHAR(32) NOT NULL,"
                       " application_id VARCHAR(64),"
                       " bill_key VARCHAR(160),"
                       " message TEXT NOT NULL)")
            .arg(sqldialect::identityPrimaryKey(driver)),
        QStringLiteral("CREATE INDEX sync_events_by_time ON sync_events (occurred_at)"),
    };
}

// Per-endpoint counters by Beijing calendar day, for the month's DingTalk quota and the API view.
QStringList version2()
{
    return {
        QStringLiteral("CREATE TABLE api_usage ("
                       " api VARCHAR(64) NOT NULL,"
                       " day VARCHAR(10) NOT NULL,"
                       " calls INTEGER NOT NULL DEFAULT 0,"
                       " errors INTEGER NOT NULL DEFAULT 0,"
                       " throttled INTEGER NOT NULL DEFAULT 0,"
                       " total_ms BIGINT NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (api, day))"),
        QStringLiteral("CREATE INDEX applications_by_approval ON applications (approval)"),
    };
}

// The header as the mapping reads it: form fields by component name plus instance attributes,
// so a preview never has to re-parse the raw DingTalk answer.
QStringList version3()
{
    return {
        QStringLiteral("ALTER TABLE applications ADD COLUMN fields_json TEXT"),
    };
}

// One row per fetch or sync run: the period a fetch covered (so the next one knows where to
// start re-listing) and how each run ended, for the clerk and the monitoring view.
QStringList version4(StoreDriver driver)
{
    return {
        QStringLiteral("CREATE TABLE job_runs ("
                       " id %1,"
                       " kind VARCHAR(16) NOT NULL,"
                       " started_at VARCHAR(32) NOT NULL,"
                       " finished_at VARCHAR(32),"
                       " period_from_ms BIGINT,"
                       " period_to_ms BIGINT,"
                       " result VARCHAR(16),"
                       " summary TEXT)")
            .arg(sqldialect::identityPrimaryKey(driver)),
        QStringLiteral("CREATE INDEX job_runs_by_kind ON job_runs (kind, result)"),
    };
}

// A revoke request names the approved instance it revokes; whichever of the two is stored
// first, the original ends up revoked.
QStringList version5()
{
    return {
        QStringLiteral("ALTER TABLE applications ADD COLUMN revokes_id VARCHAR(64)"),
        QStringLiteral("CREATE INDEX applications_by_revokes ON applications (revokes_id)"),
    };
}

// What the applications table shows without parsing JSON for 100,000 rows: the organisation and
// the customers, taken from the bills the scheme makes at fetch time.
QStringList version6()
{
    return {
        QStringLiteral("ALTER TABLE applications ADD COLUMN organisation VARCHAR(64)"),
        QStringLiteral("ALTER TABLE applications ADD COLUMN customers TEXT"),
    };
}

// What the API assets view needs beyond the counters: calls per latency bucket (log scale, four
// per doubling, so p50/p95 come out within ~10 % without keeping every call) and the last error
// each endpoint answered with, secrets masked.
QStringList version7()
{
    return {
        QStringLiteral("CREATE TABLE api_latency ("
                       " api VARCHAR(64) NOT NULL,"
                       " day VARCHAR(10) NOT NULL,"
                       " bucket SMALLINT NOT NULL,"
                       " calls INTEGER NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (api, day, bucket))"),
        QStringLiteral("CREATE TABLE api_last_error ("
                       " api VARCHAR(64) NOT NULL PRIMARY KEY,"
                       " occurred_at VARCHAR(32) NOT NULL,"
                       " outcome VARCHAR(16) NOT NULL,"
                       " message TEXT NOT NULL)"),
    };
}

// Issue 16: the bill state `reversed`, how a reversed bill was reversed ("deleted",
// "red QTYS…"), and what Kingdee last said of a synced bill: its FDocumentStatus and the refusal
// of the Submit or Audit after the save. The state's CHECK cannot be altered in SQLite, so the
// table is rebuilt in portable SQL (nothing references bills; the migration's transaction keeps it
// all or nothing).
QStringList version8()
{
    const QString columns = QStringLiteral(
        "idempotency_key, application_id, state, amount, payload_json, kingdee_id,"
        " kingdee_number, last_error, error_field, retryable, attempts, next_attempt_at,"
        " created_at, updated_at");
    return {
        QStringLiteral("CREATE TABLE bills_v8 ("
                       " idempotency_key VARCHAR(160) NOT NULL PRIMARY KEY,"
                       " application_id VARCHAR(64) NOT NULL REFERENCES applications (id),"
                       " state VARCHAR(16) NOT NULL,"
                       " amount VARCHAR(40),"
                       " payload_json TEXT,"
                       " kingdee_id VARCHAR(64),"
                       " kingdee_number VARCHAR(64),"
                       " last_error TEXT,"
                       " error_field VARCHAR(128),"
                       " retryable SMALLINT NOT NULL DEFAULT 0,"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " next_attempt_at VARCHAR(32),"
                       " created_at VARCHAR(32) NOT NULL,"
                       " updated_at VARCHAR(32) NOT NULL,"
                       " reversal VARCHAR(64),"
                       " kingdee_status VARCHAR(4),"
                       " after_save_error TEXT,"
                       " CHECK (state IN ('pending', 'queued', 'sending', 'synced', 'failed',"
                       " 'in_doubt', 'reversed')))"),
        QStringLiteral("INSERT INTO bills_v8 (%1) SELECT %1 FROM bills").arg(columns),
        QStringLiteral("DROP TABLE bills"),
        QStringLiteral("ALTER TABLE bills_v8 RENAME TO bills"),
        QStringLiteral("CREATE INDEX bills_by_application ON bills (application_id)"),
        QStringLiteral("CREATE INDEX bills_by_state ON bills (state)"),
    };
}

// Issue 14, a ledger several runs share: the run that claimed a bill (claimed_by, a job_runs id)
// and each run's heartbeat on the database's clock, so a run that died is told from one that is
// still working; who ran it — the operating-system user and the machine; and a synced bill's key
// Kingdee holds more than once.
QStringList version9()
{
    return {
        QStringLiteral("ALTER TABLE bills ADD COLUMN claimed_by BIGINT"),
        QStringLiteral("ALTER TABLE job_runs ADD COLUMN heartbeat_ms BIGINT"),
        QStringLiteral("ALTER TABLE job_runs ADD COLUMN os_user VARCHAR(128)"),
        QStringLiteral("ALTER TABLE job_runs ADD COLUMN machine VARCHAR(128)"),
        QStringLiteral("ALTER TABLE sync_events ADD COLUMN actor VARCHAR(260)"),
        // Kingdee's numbers of a key it holds more than once (two installs raced): the row's mark.
        QStringLiteral("ALTER TABLE bills ADD COLUMN kingdee_duplicates VARCHAR(400)"),
        QStringLiteral("CREATE INDEX bills_by_claim ON bills (claimed_by)"),
    };
}

} // namespace

QList<Migration> schemaMigrations(StoreDriver driver)
{
    return {
        {1, QStringLiteral("applications, rows, bills, sync events"), version1(driver)},
        {2, QStringLiteral("API usage counters"), version2()},
        {3, QStringLiteral("application header fields"), version3()},
        {4, QStringLiteral("fetch and sync runs"), version4(driver)},
        {5, QStringLiteral("revoke requests"), version5()},
        {6, QStringLiteral("organisation and customers for the table"), version6()},
        {7, QStringLiteral("API latency and last errors"), version7()},
        {8, QStringLiteral("reversed bills"), version8()},
        {9, QStringLiteral("claims, heartbeats and who ran what"), version9()},
    };
}

int latestSchemaVersion()
{
    return schemaMigrations(StoreDriver::Sqlite).constLast().version;
}

} // namespace rs
