#pragma once

#include <QObject>
#include <QString>

class QAction;
class QWidget;

namespace rs {

class ApplicationsPane;
class Database;
class JobController;

namespace sync {
struct KingdeeStatusReport;
struct ReverseLine;
struct ReverseReport;
} // namespace sync

// What the console does with bills already in Kingdee, on the engine's worker thread:
// 读取金蝶状态 (every synced bill's FDocumentStatus and existence), 重新发送 (a bill someone
// deleted in Kingdee, once the clerk confirms) and 冲销 (the bills of an application revoked
// after they were pushed, as `rebatesync-cli reverse`). Each acts on the current application.
class KingdeeActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KingdeeActions)

public:
    KingdeeActions(const Database &database, JobController &jobs, ApplicationsPane &applications,
                   QWidget *window);

    QAction *readStatusAction() const { return m_readStatus; }
    QAction *sendAgainAction() const { return m_sendAgain; }
    QAction *reverseAction() const { return m_reverse; }
    void retranslateUi();

public Q_SLOTS:
    void readStatus();
    void sendAgain();
    void reverse();

Q_SIGNALS:
    // A run ended: `summary` for the status bar, or why it could not run.
    void finished(const QString &summary, const QString &problem);

private:
    void onStatusRead(const sync::KingdeeStatusReport &report);
    void onReverseLine(const sync::ReverseLine &line);
    void onReversed(const sync::ReverseReport &report);
    void updateActions();

    const Database &m_database;
    JobController &m_jobs;
    ApplicationsPane &m_applications;
    QWidget *m_window = nullptr;
    QAction *m_readStatus = nullptr;
    QAction *m_sendAgain = nullptr;
    QAction *m_reverse = nullptr;
    QString m_current; // the current application's id
    bool m_readingStatus = false;
    bool m_reversing = false;
};

} // namespace rs
