#pragma once

#include "app/secrets/secretname.h"
#include "app/store/records.h"
#include "app/sync/fetchreport.h"
#include "app/sync/pushreport.h"
#include "app/sync/syncworker.h"

#include <QObject>
#include <QThread>

#include "app/settings/profile.h"
#include "app/store/storelocation.h"

#include <functional>

namespace rs {
class SecretStore;
struct SecretResult;
} // namespace rs

namespace rs::sync {

class SyncWorker;

// The console's handle on the engine: owns the worker thread and forwards the worker's
// signals, queued, to the UI thread. The UI never waits on the network or the keychain: the
// secret a run needs is read asynchronously here (QtKeychain lives on the main thread) and
// handed to the worker with the request.
// One run at a time; fetch() and push() refuse while one is running.
class SyncRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncRunner)

public:
    SyncRunner(const Profile &profile, const StoreLocation &store, QObject *parent = nullptr);
    // Stops the thread; a push cut short here is finished safely by the next run.
    ~SyncRunner() override;

    bool isBusy() const { return m_busy; }
    bool fetch();
    bool push(const QStringList &applicationIds);
    bool readKingdeeStatus();
    bool reverse(const QStringList &applicationIds);
    bool reconcile(const QDate &from, const QDate &to);
    void cancel();

Q_SIGNALS:
    void busyChanged(bool busy);
    void progress(int done, int total);
    void phaseChanged(rs::sync::SyncPhase phase);
    void rowsChanged(const QList<rs::ApplicationRow> &rows);
    void fetchFinished(const rs::sync::FetchReport &report);
    void pushFinished(const rs::sync::PushReport &report);
    void kingdeeStatusFinished(const rs::sync::KingdeeStatusReport &report);
    void reverseLineDone(const rs::sync::ReverseLine &line);
    void reverseFinished(const rs::sync::ReverseReport &report);
    void reconcileFinished(const rs::report::ReconcileReport &report);

private:
    void setBusy(bool busy);
    // Reads the secret, then runs `start` with it, or `refuse` with the keychain's message.
    // A Kingdee run: `start` on the worker with the secret, or `refuse` with the reason.
    bool withKingdee(const std::function<void(SyncWorker *, const QString &)> &start,
                     const std::function<void(const QString &)> &refuse);
    void withSecret(SecretName name, const std::function<void(const QString &)> &start,
                    const std::function<void(const QString &)> &refuse);

    Profile m_profile;
    SecretStore *m_secrets = nullptr;
    bool m_cancelled = false; // asked to stop while the secret was being read
    QThread m_thread;
    SyncWorker *m_worker = nullptr; // lives on m_thread, deleted there
    bool m_busy = false;
};

} // namespace rs::sync
