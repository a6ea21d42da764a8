#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

namespace rs {
class Database;
} // namespace rs

namespace rs::dingtalk {
class DingTalkClient;
} // namespace rs::dingtalk

namespace rs::sync {

// The sync log kinds of the write-back: a comment posted (looked up so none is posted twice),
// and a comment that failed or was put off (looked up so the next sync tries it again).
inline constexpr char CommentedKind[] = "dingtalk.commented";
inline constexpr char CommentFailedKind[] = "dingtalk.comment_failed";

struct CommentReport
{
    int posted = 0;
    int failed = 0; // refused or lost; tried again on the next sync
    int putOff = 0; // not sent: the month's DingTalk calls would not last
};

// [dingtalk] comment_user (issue 16): after a sync, one comment "已生成金蝶其他应收单 QTYS…" on
// each DingTalk instance whose bills are all synced, naming their Kingdee numbers. Candidates are
// the applications a sync just synced bills of plus those whose comment failed before; one
// already commented (a dingtalk.commented event) is never commented again. A failure is a
// warning in the log and never fails the sync.
class CommentWriteBack final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommentWriteBack)

public:
    // How many of `due` comments the month's calls allow now (the budget's forecast).
    using Allowance = std::function<int(int due)>;

    CommentWriteBack(const Database &database, dingtalk::DingTalkClient &client, QString userId,
                     QStringList syncedApplications, Allowance allowance,
                     QObject *parent = nullptr);

    void start();

    // The budget's word: as many comments as keep the month's forecast of DingTalk calls within
    // `monthlyQuota`.
    static Allowance monthlyAllowance(const Database &database, qint64 monthlyQuota);

    // "已生成金蝶其他应收单 QTYS001、QTYS002", cut to DingTalk's 1,024 characters.
    static QString commentText(const QStringList &numbers);
    // Applications due a comment now, with their Kingdee numbers, oldest id first.
    static QList<QPair<QString, QStringList>> due(const Database &database,
                                                  const QStringList &syncedApplications);

Q_SIGNALS:
    void finished(const rs::sync::CommentReport &report);

private:
    void postNext();
    void log(bool warning, const char *kind, const QString &applicationId, const QString &message);

    const Database &m_database;
    dingtalk::DingTalkClient &m_client;
    QString m_userId;
    QStringList m_syncedApplications;
    Allowance m_allowance;
    QList<QPair<QString, QStringList>> m_todo;
    CommentReport m_report;
};

} // namespace rs::sync
