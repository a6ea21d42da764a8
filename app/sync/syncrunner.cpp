#include "app/sync/syncrunner.h"

#include "app/secrets/secretstore.h"
#include "app/settings/settingkeys.h"
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
    connect(m_worker, &SyncWorker::phaseChanged, this, &SyncRunner::phaseChanged);
    connect(m_worker, &SyncWorker::rowsChanged, this, &SyncRunner::rowsChanged);
    connect(m_worker, &SyncWorker::fetchFinished, this, [this](const FetchReport &report) {
        setBusy(false);
        Q_EMIT fetchFinished(report);
    });
    connect(m_worker, &SyncWorker::pushFinished, this, [this](const PushReport &report) {
        setBusy(false);
        Q_EMIT pushFinished(report);
    });
    connect(m_worker, &SyncWorker::kingdeeStatusFinished, this,
            [this](const KingdeeStatusReport &report) {
                setBusy(false);
                Q_EMIT kingdeeStatusFinished(report);
            });
    connect(m_worker, &SyncWorker::reverseLineDone, this, &SyncRunner::reverseLineDone);
    connect(m_worker, &SyncWorker::reverseFinished, this, [this](const ReverseReport &report) {
        setBusy(false);
        Q_EMIT reverseFinished(report);
    });
    connect(m_worker, &SyncWorker::reconcileFinished, this,
            [this](const report::ReconcileReport &report) {
                setBusy(false);
                Q_EMIT reconcileFinished(report);
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
    const bool writesBack =
        !settings.text(QLatin1String(keys::DingTalkCommentUser)).trimmed().isEmpty();
    withSecret(
        JobSetup::kingdeeSecretName(settings),
        [this, applicationIds, writesBack](const QString &secret) {
            const auto start = [this, applicationIds, secret](const QString &dingTalkSecret) {
                QMetaObject::invokeMethod(
                    m_worker, [worker = m_worker, applicationIds, secret, dingTalkSecret] {
                        worker->push(applicationIds, secret, dingTalkSecret);
                    });
            };
            if (!writesBack) {
                start({});
                return;
            }
            // The comments need DingTalk's secret; without it the sync runs all the same and
            // the write-back logs why it wrote nothing.
            withSecret(SecretName::DingTalkAppSecret, start,
                       [start](const QString &) { start({}); });
        },
        [this](const QString &reason) {
            setBusy(false);
            Q_EMIT pushFinished(PushReport::refused(reason));
        });
    return true;
}

bool SyncRunner::withKingdee(const std::function<void(SyncWorker *, const QString &)> &start,
                             const std::function<void(const QString &)> &refuse)
{
    if (m_busy)
        return false;
    setBusy(true);
    const Settings settings(m_profile.settingsPath(), m_profile.schemesDir());
    withSecret(
        JobSetup::kingdeeSecretName(settings),
        [this, start](const QString &secret) {
            QMetaObject::invokeMethod(
                m_worker, [worker = m_worker, start, secret] { start(worker, secret); });
        },
        [this, refuse](const QString &reason) {
            setBusy(false);
            refuse(reason);
        });
    return true;
}

bool SyncRunner::readKingdeeStatus()
{
    return withKingdee(
        [](SyncWorker *worker, const QString &secret) { worker->readKingdeeStatus(secret); },
        [this](const QString &reason) {
            KingdeeStatusReport refused;
            refused.stopReason = reason;
            Q_EMIT kingdeeStatusFinished(refused);
        });
}

bool SyncRunner::reverse(const QStringList &applicationIds)
{
    return withKingdee(
        [applicationIds](SyncWorker *worker, const QString &secret) {
            worker->reverse(applicationIds, secret);
        },
        [this](const QString &reason) {
            ReverseReport refused;
            refused.stopReason = reason;
            refused.configError = true;
            Q_EMIT reverseFinished(refused);
        });
}

bool SyncRunner::reconcile(const QDate &from, const QDate &to)
{
    return withKingdee([from, to](SyncWorker *worker,
                                  const QString &secret) { worker->reconcile(from, to, secret); },
                       [this, from, to](const QString &reason) {
                           report::ReconcileReport refused;
                           refused.from = from;
                           refused.to = to;
                           refused.stopReason = reason;
                           Q_EMIT reconcileFinished(refused);
                       });
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
