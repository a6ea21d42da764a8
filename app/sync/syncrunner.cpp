#include "app/sync/syncrunner.h"

#include "app/secrets/secretstore.h"
#include "app/settings/settings.h"
#include "app/sync/jobsetup.h"
#include "app/sync/syncworker.h"

namespace rs::sync {

SyncRunner::SyncRunner(const Profile &profile, const StoreLocation &store, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_secrets(new SecretStore(profile.keychainScope(), this))
    , m_worker(new SyncWorker(profile, store))
{
    m_thread.setObjectName(QStringLiteral("sync"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::progress, this, &SyncRunner::progress);
    connect(m_worker, &SyncWorker::rowsChanged, this, &SyncRunner::rowsChanged);
    connect(m_worker, &SyncWorker::fetchFinished, this, [this](const FetchReport &report) {
        setBusy(false);
        Q_EMIT fetchFinished(report);
    });
    connect(m_worker, &SyncWorker::pushFinished, this, [this](const PushReport &report) {
        setBusy(false);
        Q_EMIT pushFinished(report);
    });
    m_thread.start();
}

SyncRunner::~SyncRunner()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

bool SyncRunner::fetch()
{
    if (m_busy)
        return false;
    setBusy(true);
    withSecret(
        SecretName::DingTalkAppSecret,
        [this](const QString &secret) {
            QMetaObject::invokeMethod(m_worker,
                                      [worker = m_worker, secret] { worker->fetch(secret); });
        },
        [this](const QString &reason) {
            setBusy(false);
            Q_EMIT fetchFinished(FetchReport::refused(reason));
        });
    return true;
}

bool SyncRunner::push(const QStringList &applicationIds)
{
    if (m_busy)
        return false;
    setBusy(true);
    const Settings settings(m_profile.settingsPath(), m_profile.schemesDir());
    withSecret(
        JobSetup::kingdeeSecretName(settings),
        [this, applicationIds](const QString &secret) {
            QMetaObject::invokeMethod(m_worker, [worker = m_worker, applicationIds, secret] {
                worker->push(applicationIds, secret);
            });
        },
        [this](const QString &reason) {
            setBusy(false);
            Q_EMIT pushFinished(PushReport::refused(reason));
        });
    return true;
}

void SyncRunner::withSecret(SecretName name, const std::function<void(const QString &)> &start,
                            const std::function<void(const QString &)> &refuse)
{
    m_cancelled = false;
    m_secrets->read(name, [this, start, refuse](const SecretResult &result) {
        if (std::exchange(m_cancelled, false))
            refuse(tr("Stopped before it started."));
        else if (!result.ok())
            refuse(result.message);
        else
            start(result.value);
    });
}

void SyncRunner::cancel()
{
    if (!m_busy)
        return;
    m_cancelled = true;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->cancel(); });
}

void SyncRunner::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace rs::sync
