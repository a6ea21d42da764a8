#include "app/sync/syncrunner.h"

#include "app/settings/profile.h"
#include "app/sync/syncworker.h"

namespace rs::sync {

SyncRunner::SyncRunner(const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_worker(new SyncWorker(profile))
{
    m_thread.setObjectName(QStringLiteral("sync"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::progress, this, &SyncRunner::progress);
    connect(m_worker, &SyncWorker::applicationChanged, this, &SyncRunner::applicationChanged);
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
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->fetch(); });
    return true;
}

bool SyncRunner::push(const QStringList &applicationIds)
{
    if (m_busy)
        return false;
    setBusy(true);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, applicationIds] { worker->push(applicationIds); });
    return true;
}

void SyncRunner::cancel()
{
    if (m_busy)
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
