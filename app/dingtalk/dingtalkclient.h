#pragma once

#include "app/dingtalk/dingtalkconfig.h"
#include "app/dingtalk/failure.h"
#include "app/dingtalk/instance.h"
#include "app/store/apiusagerepository.h"

#include <QObject>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace rs::net {
class Pacer;
}

namespace rs::dingtalk {

struct IdPage
{
    QStringList ids;
    QString nextCursor; // empty: this was the last page
};

struct InstanceAnswer
{
    QString id;
    std::optional<Instance> instance; // absent when the answer could not be read
    QByteArray rawJson; // DingTalk's answer as received, kept for the clerk
    QString parseError; // what was wrong with an answer that arrived
};

// The one door to DingTalk's approval API, either generation. Every call is paced per API below
// DingTalk's per-second limit, with several in flight; the token is fetched, cached and renewed
// here; throttles, busy answers and dropped connections are retried here as DINGTALK.md says.
// Handlers get the final outcome only. A quota or configuration failure stops every queued call.
class DingTalkClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DingTalkClient)

public:
    using PageHandler = std::function<void(const IdPage &, const Failure &)>;
    using InstanceHandler = std::function<void(const InstanceAnswer &, const Failure &)>;
    using CheckHandler = std::function<void(const Failure &)>;

    explicit DingTalkClient(DingTalkConfig config, QObject *parent = nullptr);
    ~DingTalkClient() override;

    // Ids of instances submitted in [startMs, endMs] (≤ 120 days); `cursor` empty for page one.
    // `statuses` (v1.0 only; topapi cannot filter) lists only instances in those states.
    void listIds(qint64 startMs, qint64 endMs, const QString &cursor, PageHandler handler,
                 const QStringList &statuses = {});
    void getInstance(const QString &id, InstanceHandler handler);
    // Posts `text` (≤ 1,024 characters) as `userId`'s comment on the instance: the v1.0
    // comments API whichever generation reads, a quota call like the others.
    void postComment(const QString &instanceId, const QString &userId, const QString &text,
                     CheckHandler handler);
    // Gets a token and lists one page of the last day: proves key, secret, permission and
    // process code. Costs one quota call.
    void testConnection(CheckHandler handler);
    // Answers every queued call with Cancelled; calls already on the wire still finish.
    void cancel();

    const DingTalkConfig &config() const { return m_config; }
    // The listids page size in use: 20, or 10 once DingTalk refused 20 (remembered per DingTalk
    // and app for the rest of the process).
    int pageSize() const;

Q_SIGNALS:
    // Every HTTP exchange, for the per-API counters: `api` is one of rs::api's names.
    // `errorText` is the clerk's sentence for a failed or throttled exchange (no secrets in
    // it), empty when it went well.
    void callFinished(const QString &api, rs::ApiOutcome outcome, qint64 elapsedMs,
                      const QString &errorText);

private:
    struct Call;
    using Done = std::function<void(const QJsonObject &answer, const QByteArray &raw,
                                    const Failure &failure)>;

    void submit(std::shared_ptr<Call> call);
    void pump();
    void send(const std::shared_ptr<Call> &call);
    void finish(const std::shared_ptr<Call> &call, QNetworkReply *reply, const QString &token,
                qint64 startedMs);
    void retryLater(const std::shared_ptr<Call> &call, qint64 delayMs);
    void requestToken();
    void tokenFinished(QNetworkReply *reply, qint64 startedMs);
    void failEverything(const Failure &failure);
    Failure read(QNetworkReply *reply, QByteArray *raw, QJsonObject *answer, bool v1) const;
    QString cacheKey() const;
    static Failure cancelled();

    DingTalkConfig m_config;
    QNetworkAccessManager *m_network;
    std::unique_ptr<net::Pacer> m_pacer;
    std::deque<std::shared_ptr<Call>> m_queue;
    int m_inFlight = 0;
    bool m_tokenRequested = false;
    int m_tokenAttempts = 0;
    QString m_token;
    int m_generation = 0;
    int m_pageSize;
};

} // namespace rs::dingtalk
