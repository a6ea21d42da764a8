#include "app/sync/commentwriteback.h"

#include "app/alerts/budget.h"
#include "app/dingtalk/dingtalkclient.h"
#include "app/store/apiusagerepository.h"
#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "app/store/eventtext.h"
#include "app/store/records.h"
#include "app/store/sqlutil.h"
#include "app/store/states.h"

#include <QSet>
#include <QSqlQuery>

namespace rs::sync {
namespace {

constexpr int kMaxCommentLength = 1024; // DINGTALK.md, comments (v1.0)

QString logText(const char *source, const QStringList &arguments = {}, int n = -1)
{
    return eventtext::encode("rs::sync::CommentWriteBack", source, arguments, n);
}

QSet<QString> applicationsWithEvent(QSqlDatabase db, const char *kind)
{
    QSet<QString> ids;
    QSqlQuery q(db);
    if (!sql::run(q,
                  QStringLiteral("SELECT DISTINCT application_id FROM sync_events"
                                 " WHERE kind = ? AND application_id IS NOT NULL"),
                  {QLatin1String(kind)}, "read the write-back's events")
             .ok())
        return ids;
    while (q.next())
        ids.insert(q.value(0).toString());
    return ids;
}

} // namespace

CommentWriteBack::CommentWriteBack(const Database &database, dingtalk::DingTalkClient &client,
                                   QString userId, QStringList syncedApplications,
                                   Allowance allowance, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_userId(std::move(userId))
    , m_syncedApplications(std::move(syncedApplications))
    , m_allowance(std::move(allowance))
{
    // Counted in the month's meter like every other approval call.
    connect(
        &m_client, &dingtalk::DingTalkClient::callFinished, this,
        [this](const QString &api, ApiOutcome outcome, qint64 elapsedMs, const QString &errorText) {
            ApiUsageRepository(m_database).record(api, outcome, elapsedMs, errorText);
        });
}

CommentWriteBack::Allowance CommentWriteBack::monthlyAllowance(const Database &database,
                                                               qint64 monthlyQuota)
{
    return [&database, monthlyQuota](int due) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const qint64 used = ApiUsageRepository(database).dingTalkQuotaCalls(now);
        int allowed = due;
        while (allowed > 0 && !alerts::Budget::forecast(used + allowed, monthlyQuota, now).fits())
            --allowed;
        return allowed;
    };
}

QString CommentWriteBack::commentText(const QStringList &numbers)
{
    // Written in DingTalk for the approvers, in the words issue 16 gives, whatever the clerk's
    // language.
    const QString head = QStringLiteral("已生成金蝶其他应收单 ");
    QString text = head + numbers.join(QStringLiteral("、"));
    if (text.size() <= kMaxCommentLength)
        return text;
    // Hundreds of bills on one instance: as many numbers as fit, then how many more.
    QStringList shown;
    for (const QString &number : numbers) {
        const QString tail = QStringLiteral("…（共%1张）").arg(numbers.size());
        if (head.size() + (shown + QStringList {number}).join(QStringLiteral("、")).size()
                + tail.size()
            > kMaxCommentLength)
            return head + shown.join(QStringLiteral("、")) + tail;
        shown.append(number);
    }
    return text;
}

QList<QPair<QString, QStringList>> CommentWriteBack::due(const Database &database,
                                                         const QStringList &syncedApplications)
{
    QSqlDatabase db = database.connection();
    const QSet<QString> commented = applicationsWithEvent(db, CommentedKind);
    QSet<QString> candidates = applicationsWithEvent(db, CommentFailedKind);
    for (const QString &id : syncedApplications)
        candidates.insert(id);
    QStringList ordered(candidates.cbegin(), candidates.cend());
    ordered.sort();

    const QString synced = toWireName(BillState::Synced);
    QList<QPair<QString, QStringList>> result;
    QSqlQuery q(db);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT state, kingdee_number FROM bills"
                                     " WHERE application_id = ? ORDER BY kingdee_number"),
                      "read an application's bills")
             .ok())
        return result;
    for (const QString &id : std::as_const(ordered)) {
        if (commented.contains(id)
            || !sql::runPrepared(q, {id}, "read an application's bills").ok())
            continue;
        QStringList numbers;
        bool allSynced = true;
        while (q.next()) {
            allSynced = allSynced && q.value(0).toString() == synced;
            numbers.append(q.value(1).toString());
        }
        if (allSynced && !numbers.isEmpty())
            result.append({id, numbers});
    }
    return result;
}

void CommentWriteBack::start()
{
    m_todo = due(m_database, m_syncedApplications);
    const int allowed = m_allowance
        ? std::clamp(m_allowance(int(m_todo.size())), 0, int(m_todo.size()))
        : int(m_todo.size());
    while (m_todo.size() > allowed) {
        const QString id = m_todo.takeLast().first;
        ++m_report.putOff;
        log(true, CommentFailedKind, id,
            logText(QT_TRANSLATE_NOOP("rs::sync::CommentWriteBack",
                                      "DingTalk comment put off: at this pace the month's "
                                      "DingTalk calls would not last; the next sync tries again")));
    }
    postNext();
}

void CommentWriteBack::postNext()
{
    if (m_todo.isEmpty()) {
        Q_EMIT finished(m_report);
        return;
    }
    const auto [id, numbers] = m_todo.takeFirst();
    const QString text = commentText(numbers);
    m_client.postComment(id, m_userId, text, [this, id, text](const dingtalk::Failure &failure) {
        if (failure.ok()) {
            ++m_report.posted;
            log(false, CommentedKind, id,
                logText(QT_TRANSLATE_NOOP("rs::sync::CommentWriteBack",
                                          "Commented on the DingTalk instance: %1"),
                        {text}));
        } else {
            ++m_report.failed;
            log(true, CommentFailedKind, id,
                logText(QT_TRANSLATE_NOOP(
                            "rs::sync::CommentWriteBack",
                            "DingTalk refused the comment; the next sync tries again: %1"),
                        {failure.describe()}));
        }
        postNext();
    });
}

void CommentWriteBack::log(bool warning, const char *kind, const QString &applicationId,
                           const QString &message)
{
    SyncEvent event;
    event.level = warning ? SyncEvent::Level::Warning : SyncEvent::Level::Info;
    event.kind = QLatin1String(kind);
    event.applicationId = applicationId;
    event.message = message;
    EventLog(m_database).append(event);
}

} // namespace rs::sync
