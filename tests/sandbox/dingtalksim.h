#pragma once

#include "ratelimiter.h"
#include "route.h"
#include "siminstance.h"

#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace rs::sandbox {

struct DingTalkOptions
{
    QString appKey = QStringLiteral("sandbox-app-key");
    QString appSecret = QStringLiteral("sandbox-app-secret");
    int tokenLifetimeS = 7200;
    int qpsLimit = 20; // per API per app, per second
    int monthlyQuota = 5000; // approval calls per month; 0 = unlimited
    int quotaUsed = 0; // calls already used this month when the sandbox starts
    // The largest listids page it accepts: DingTalk says 20, an older reading says 10
    // (DINGTALK.md); a bigger size is refused as an invalid parameter.
    int maxPageSize = 20;
};

// DingTalk's token, approval and (through RobotSim) robot endpoints, with their limits and their
// exact error shapes. Both API generations read the same instances.
class DingTalkSim final
{
public:
    DingTalkSim(DingTalkOptions options, QList<SimInstance> instances);

    std::optional<Route> route(const HttpRequest &request);

    // Moves a running instance to its final state, as an approver would.
    bool complete(const QString &id, const QString &result, qint64 nowMs);
    // Completes the oldest running instance with "agree"; false when none is left.
    bool completeOldestRunning(qint64 nowMs);
    // The originator withdraws a running instance (status TERMINATED, no result).
    bool terminate(const QString &id, qint64 nowMs);
    // A new submission, now: `instance` is appended as the newest (its createMs is set).
    void submit(SimInstance instance, qint64 nowMs);
    // Told of every change an approval event reports: (instance, "finish" | "terminate").
    using ChangeListener = std::function<void(const SimInstance &, const QString &type)>;
    void setChangeListener(ChangeListener listener) { m_changed = std::move(listener); }
    // Told of every comment posted through the API (the bpms_task_change event it produces).
    using CommentListener = std::function<void(const SimInstance &, const QString &userId)>;
    void setCommentListener(CommentListener listener) { m_commented = std::move(listener); }

    struct Comment
    {
        QString userId;
        QString text;
    };
    // The comments posted on an instance through the API, oldest first.
    QList<Comment> comments(const QString &id) const { return m_comments.value(id); }
    const QHash<QString, QList<Comment>> &allComments() const { return m_comments; }
    // Refuses every comment as a missing Workflow.Instance.Write permission would.
    void setRefuseComments(bool refuse) { m_refuseComments = refuse; }

    const QList<SimInstance> &instances() const { return m_instances; }
    int quotaUsed() const { return m_quotaUsed; }
    void expireAllTokens() { m_tokens.clear(); }
    // Breaks one instance's detail table (truncated JSON text) in every answer about it: the
    // malformed instance a console must keep and report, not skip.
    bool corruptTable(const QString &id);
    // The other reading of a revoke (DINGTALK.md): an approved revoke request, a new instance of
    // the same process naming the original in main_process_instance_id; the original keeps
    // biz_action NONE and lists the request in attached_process_instance_ids. Returns its id.
    QString revokeByRequest(const QString &originalId, qint64 nowMs);
    // The first reading: the approved instance itself now says biz_action REVOKE, with nothing
    // listed or pushed about it; only a re-read of its detail shows it.
    bool revokeInPlace(const QString &id);

private:
    Answer getToken(const HttpRequest &request);
    Answer v1AccessToken(const HttpRequest &request);
    Answer listIds(const HttpRequest &request);
    Answer get(const HttpRequest &request);
    Answer v1InstanceIds(const HttpRequest &request);
    Answer v1Instance(const HttpRequest &request);
    Answer v1Comment(const HttpRequest &request);

    // The checks every approval call passes in DingTalk's order: token, QPS, monthly quota.
    std::optional<Answer> admitTopApi(const HttpRequest &request, const QString &api);
    std::optional<Answer> admitV1(const HttpRequest &request, const QString &api);
    bool tokenValid(const QByteArray &token) const;
    int maxPage() const;
    QString issueToken();
    const SimInstance *find(const QString &id) const;
    // Ids of `processCode` submitted in [startMs, endMs], oldest first, with a status filter.
    QStringList idsIn(const QString &processCode, qint64 startMs, qint64 endMs,
                      const QStringList &statuses) const;

    DingTalkOptions m_options;
    QList<SimInstance> m_instances; // sorted by createMs
    QHash<QString, qsizetype> m_index; // id → position
    QHash<QString, qint64> m_tokens; // token → expiry (epoch ms)
    QString m_currentToken;
    RateLimiter m_qps;
    int m_quotaUsed = 0;
    ChangeListener m_changed;
    CommentListener m_commented;
    QHash<QString, QList<Comment>> m_comments;
    bool m_refuseComments = false;
};

} // namespace rs::sandbox
