#pragma once

#include "app/report/reconciliation.h"
#include "app/settings/profile.h"
#include "app/store/storelocation.h"
#include "app/sync/fetchreport.h"
#include "app/sync/kingdeestatusjob.h"
#include "app/sync/pushreport.h"
#include "app/sync/reversejob.h"
#include "app/sync/syncphase.h"

#include "app/store/records.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <memory>

class QTimer;

namespace rs {
class Database;
class Settings;
struct Scheme;
} // namespace rs

namespace rs::kingdee {
class KingdeeClient;
}

namespace rs::sync {

class FetchJob;
class PushJob;
enum class AfterSave;

// The engine's side of the console: lives on SyncRunner's thread, with its own database
// connection and network clients, and runs one fetch or push at a time. Settings, scheme and
// secrets are read afresh for every run, so a change in the credential dialog applies to the next.
class SyncWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncWorker)

public:
    // `store` is the console's own store, password included: the worker opens its own connection.
    SyncWorker(Profile profile, StoreLocation store, QObject *parent = nullptr);
    ~SyncWorker() override;

    // The secrets come from SyncRunner, which reads them on the UI thread.
    void fetch(const QString &dingTalkAppSecret);
    // A sync, then with `[kingdee] after_save` the Submit (and Audit) of what it saved and of
    // what was refused before, then a read of the synced bills' status in Kingdee.
    // With [dingtalk] comment_user set, last of all the comments on the fully synced instances
    // (CommentWriteBack), with `dingTalkSecret`.
    void push(const QStringList &applicationIds, const QString &kingdeeSecret,
              const QString &dingTalkSecret = {});
    // Every synced bill's FDocumentStatus and existence in Kingdee, read and recorded.
    void readKingdeeStatus(const QString &kingdeeSecret);
    // `reverse` of those applications' bills, as the CLI's.
    void reverse(const QStringList &applicationIds, const QString &kingdeeSecret);
    // The store's bills of [from, to] against Kingdee's, as `reconcile`.
    void reconcile(const QDate &from, const QDate &to, const QString &kingdeeSecret);
    // Asks the running job to stop: no new call leaves, calls on the wire end normally.
    void cancel();

Q_SIGNALS:
    void progress(int done, int total);
    // A push's phase: the PushJob's, then the steps after it (after_save, status, comments).
    void phaseChanged(rs::sync::SyncPhase phase);
    // Applications the job changed (or whose bills it changed), read again from the store a
    // few times a second here, so the UI thread only puts them in the table.
    void rowsChanged(const QList<rs::ApplicationRow> &rows);
    void fetchFinished(const rs::sync::FetchReport &report);
    void pushFinished(const rs::sync::PushReport &report);
    void kingdeeStatusFinished(const rs::sync::KingdeeStatusReport &report);
    void reverseLineDone(const rs::sync::ReverseLine &line);
    void reverseFinished(const rs::sync::ReverseReport &report);
    void reconcileFinished(const rs::report::ReconcileReport &report);

private:
    // Opens the connection on first use, on this thread; empty when it is open.
    QString openDatabase();
    // What every run needs before its client: the database, valid settings and the scheme.
    // Empty when all are there, else the reason for the clerk.
    QString prepare(const Settings &settings, std::shared_ptr<const Scheme> *scheme);
    // The Kingdee client of a run, or null with the reason in `error`.
    kingdee::KingdeeClient *kingdeeRun(const QString &secret, std::shared_ptr<const Scheme> *scheme,
                                       QString *error);
    void afterPush(PushReport report, kingdee::KingdeeClient *client,
                   std::shared_ptr<const Scheme> scheme, AfterSave afterSave);
    void readStatusThenFinish(PushReport report, kingdee::KingdeeClient *client,
                              std::shared_ptr<const Scheme> scheme, const QStringList &keys);
    void writeBackThenFinish(const PushReport &report);
    void onBillChanged(const QString &key);
    void noteChanged(const QString &applicationId);
    void publishRows();
    // Deletes the run's job and client once their signal has returned.
    void endRun();

    Profile m_profile;
    StoreLocation m_store;
    std::unique_ptr<Database> m_database;
    QPointer<QObject> m_run; // parent of the current job and its client
    QPointer<FetchJob> m_fetch;
    QPointer<PushJob> m_push;
    QString m_dingTalkSecret; // for the write-back of the current push
    QHash<QString, QString> m_applicationOfBill;
    QSet<QString> m_changed; // applications whose rows are not yet published
    QTimer *m_publishTimer = nullptr;
};

} // namespace rs::sync
