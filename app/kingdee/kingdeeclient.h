#pragma once

#include "app/kingdee/failure.h"
#include "app/kingdee/kingdeeconfig.h"
#include "app/kingdee/saveresult.h"
#include "app/store/apiusagerepository.h"

#include <QJsonArray>
#include <QObject>

#include <deque>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace rs::kingdee {

struct QueryResult
{
    Failure failure;
    QList<QJsonArray> rows; // in FieldKeys order, every page
};

// A bill found by its idempotency key (reconciliation after an unknown outcome).
struct FoundBill
{
    QString key; // the value of the key field
    QString id; // FID
    QString number; // FBillNo
    QString documentStatus; // FDocumentStatus: A created, B submitted, C audited, …
};

struct FindResult
{
    // When set, some keys could not be asked about: a key missing from `bills` may still be in
    // Kingdee, so nothing may be resent on the strength of this answer.
    Failure failure;
    QList<FoundBill> bills; // several per key when Kingdee holds duplicates
};

// The one door to Kingdee's WebAPI. Logs in once and keeps the session (cookies and the
// kdservice-sessionid header), or signs every call (signature mode). At most `concurrency`
// requests are in flight; the rest queue. Logins and queries are retried when Kingdee is busy;
// a save is never resent once it may have reached Kingdee — not by this client and not by Qt —
// so a lost answer comes back as OutcomeUnknown. An authentication failure stops every queued
// call. Handlers get the final outcome only.
class KingdeeClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KingdeeClient)

public:
    using SaveHandler = std::function<void(const SaveResult &)>;
    using QueryHandler = std::function<void(const QueryResult &)>;
    using FindHandler = std::function<void(const FindResult &)>;
    using CheckHandler = std::function<void(const Failure &)>;

    explicit KingdeeClient(KingdeeConfig config, QObject *parent = nullptr);
    ~KingdeeClient() override;

    // `body` is {"formid": …, "data": {"Model": [ … ], …}} as the mapping builds it. Results
    // come back per Model position. BatchCount is removed: it would break DIndex.
    void batchSave(const QJsonObject &body, SaveHandler handler);
    // Every row matching `filterString` (build it with BillFilter), page by page. `optional`:
    // a refusal of this query (no permission for that form, say) answers it alone and does
    // not stop the other calls, as a refused login or signature does.
    void executeBillQuery(const QString &formId, const QStringList &fieldKeys,
                          const QString &filterString, QueryHandler handler, bool optional = false);
    // The bills whose `keyField` (e.g. FAR_OtherRemarks) equals one of `keys`, asked for in
    // IN lists of up to 100 keys.
    void findBills(const QString &formId, const QString &keyField, const QStringList &keys,
                   FindHandler handler);
    // Submit, Audit, UnAudit or Delete (KINGDEE.md) of the bills numbered `numbers`, answered per
    // position as a save is (Saved: done). Like a save, never resent once it may have reached
    // Kingdee: a lost answer is OutcomeUnknown, and the caller reads the bills' status by key.
    enum class Operation { Submit, Audit, UnAudit, Delete };
    void operate(const QString &formId, Operation operation, const QStringList &numbers,
                 SaveHandler handler);
    // Logs in (or, in signature mode, makes one harmless query): proves the address, data
    // centre, user and secret. The failure carries Kingdee's own words.
    void testConnection(CheckHandler handler);
    // Answers every queued call with Cancelled; calls already on the wire still finish.
    void cancel();

    const KingdeeConfig &config() const { return m_config; }
    int inFlight() const { return m_inFlight + m_slow; }

Q_SIGNALS:
    // Every HTTP exchange, logins included, for the per-API counters (rs::api names).
    // `errorText` is the clerk's sentence for a failed or throttled exchange (no secrets in
    // it), empty when it went well.
    void callFinished(const QString &api, rs::ApiOutcome outcome, qint64 elapsedMs,
                      const QString &errorText);

private:
    struct Call;
    struct QueryState;
    void submit(std::shared_ptr<Call> call);
    void pump();
    void send(const std::shared_ptr<Call> &call);
    void finish(const std::shared_ptr<Call> &call, QNetworkReply *reply, qint64 startedMs);
    void retryLater(const std::shared_ptr<Call> &call, qint64 delayMs);
    void login();
    void loginFinished(QNetworkReply *reply, qint64 startedMs);
    void failEverything(const Failure &failure);
    QNetworkRequest request(const char *service) const;
    Failure redacted(Failure failure) const;
    void queryPage(const std::shared_ptr<QueryState> &state);

    KingdeeConfig m_config;
    QNetworkAccessManager *m_network;
    std::deque<std::shared_ptr<Call>> m_queue;
    int m_inFlight = 0; // calls holding a lane
    int m_slow = 0; // calls on the wire past slowCallMs, lane released
    bool m_loggingIn = false;
    int m_loginAttempts = 0;
    bool m_loggedIn = false;
    QString m_session; // KDSVCSessionId, also sent as a header; the cookies are in the jar
    int m_sessionGeneration = 0; // which login a call was sent under
};

} // namespace rs::kingdee
