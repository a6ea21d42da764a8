#pragma once

#include "app/store/records.h"
#include "app/store/storeerror.h"
#include "app/sync/fetchperiod.h"
#include "app/sync/fetchreport.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

namespace rs {
class Database;
struct Scheme;
} // namespace rs

namespace rs::dingtalk {
class DingTalkClient;
struct Failure;
struct IdPage;
struct InstanceAnswer;
} // namespace rs::dingtalk

namespace rs::sync {

struct FetchOptions
{
    QDate from; // invalid: automatic (see FetchPeriod::automaticFrom)
    QDate to; // invalid: now
    QStringList tables {QStringLiteral("表格")}; // the scheme's beatFlat, when no scheme is set
    // The scheme the bills will be made with: it names the tables to flatten, gives each
    // application its amount, and its issues on an approved application are logged as the
    // data-quality check (数据质量校验) the clerk sees.
    std::shared_ptr<const Scheme> scheme;
    int overlapDays = 7;
    int firstFetchDays = 90;
    // Only these instances, one detail call each, no listing and no period: what Stream events
    // name. Ids already stored in a final state are not fetched again.
    QStringList ids;
    // With `ids`: fetch them even when stored in a final state — the daily re-read of synced
    // approvals, where a `biz_action: REVOKE` only shows (RevokeReread).
    bool rereadFinal = false;
    // Ended states (v1.0 only; topapi cannot filter): the listing is then two cheap ones, the
    // period's open instances and the recent submissions' ended ones; an instance stored as
    // open is fetched again only when it is no longer listed as open (it may have ended).
    QStringList statuses;
    // With `statuses`: instances the caller saw open in its last run (not stored); any of them
    // no longer listed as open is fetched. `fetchNewOpen` false leaves new open instances
    // unfetched (their end comes as an event, or in the next run's diff).
    QSet<QString> knownOpen;
    bool fetchNewOpen = true;
    // What the ended listing re-covers before the last complete run: clock skew between DingTalk
    // and this machine, not late approvals (an instance open at that run was in its open listing,
    // so it is stored or remembered, and its end shows as no longer open).
    qint64 recentMarginMs = 3600LL * 1000;
};

// One fetch: lists the period's ids window by window, skips those stored in a final state,
// fetches the rest (and every stored instance still in approval) through the paced client,
// stores each as it arrives, then checks that every listed id is stored. Killed midway, the next
// run redoes only what is missing: each instance is committed on its own.
class FetchJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FetchJob)

public:
    FetchJob(const Database &database, dingtalk::DingTalkClient &client, FetchOptions options,
             QObject *parent = nullptr);
    ~FetchJob() override;

    void start();
    // Stops asking DingTalk for more; answers already on the way are still stored.
    void cancel();
    // The instances the open listing named (with `statuses`), for the caller's next run.
    const QSet<QString> &listedOpen() const { return m_listedOpen; }
    bool openListingComplete() const { return m_openListingComplete; }

Q_SIGNALS:
    void progress(int done, int total);
    void applicationStored(const QString &id);
    void finished(const rs::sync::FetchReport &report);

private:
    enum class Phase { All, Open, Ended };
    bool filtersByStatus() const;
    static QStringList openStatuses();
    void listNext();
    void onPage(const dingtalk::IdPage &page, const dingtalk::Failure &failure);
    void request(const QString &id);
    void onInstance(const dingtalk::InstanceAnswer &answer, const dingtalk::Failure &failure);
    void checkQuality(ApplicationRecord *record);
    void storeMalformed(const dingtalk::InstanceAnswer &answer, const QString &problem);
    void logRevokedInPlace(const QString &id);
    void applyRevocation(const QString &mainId, const QString &byId);
    void stop(const dingtalk::Failure &failure);
    void stopForStore(const StoreError &error);
    void stop(const QString &reason, bool configurationError);
    void maybeComplete();
    void complete();
    void log(SyncEvent::Level level, const QString &kind, const QString &applicationId,
             const QString &text);

    const Database &m_database;
    dingtalk::DingTalkClient &m_client;
    FetchOptions m_options;
    FetchPeriod m_period;
    QList<ListWindow> m_windows;
    QList<ListWindow> m_endedWindows;
    Phase m_phase = Phase::All;
    QSet<QString> m_listedOpen;
    bool m_openListingComplete = true;
    int m_window = 0;
    QString m_cursor;
    bool m_listing = false;
    bool m_pageInFlight = false;
    bool m_stopped = false;
    bool m_done = false;
    qint64 m_runId = 0;
    QHash<QString, ApprovalState> m_known;
    QSet<QString> m_listed;
    QSet<QString> m_requested;
    int m_answered = 0;
    FetchReport m_report;
};

} // namespace rs::sync
