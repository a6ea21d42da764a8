#include "app/sync/autosync.h"

#include "app/store/applicationrepository.h"
#include "app/store/database.h"

#include <QTimer>

namespace rs::sync {

AutoSync::AutoSync(const Database &database, kingdee::KingdeeClient &client,
                   std::shared_ptr<const Scheme> scheme, PushOptions options, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_scheme(std::move(scheme))
    , m_options(std::move(options))
    , m_busyRetry(new QTimer(this))
{
    m_busyRetry->setSingleShot(true);
    m_busyRetry->setInterval(5000);
    connect(m_busyRetry, &QTimer::timeout, this, &AutoSync::pump);
}

AutoSync::~AutoSync() = default;

void AutoSync::setBusyRetryMs(int ms)
{
    m_busyRetry->setInterval(ms);
}

void AutoSync::add(const QString &applicationId)
{
    if (m_stopped || refused() || m_waiting.contains(applicationId))
        return;
    const std::optional<ApplicationRecord> application =
        ApplicationRepository(m_database).find(applicationId);
    // Still in approval, rejected or withdrawn: nothing to send, and no line saying so.
    if (!application || application->approval != ApprovalState::Approved)
        return;
    m_waiting.append(applicationId);
    // Started on the next turn of the event loop: what a job stores at once goes in one run.
    if (!m_job && !m_busyRetry->isActive())
        QTimer::singleShot(0, this, &AutoSync::pump);
}

void AutoSync::stop()
{
    m_stopped = true;
    m_busyRetry->stop();
    m_waiting.clear();
    if (m_job)
        m_job->cancel();
}

void AutoSync::pump()
{
    if (m_job || m_after)
        return;
    if (m_stopped || refused() || m_waiting.isEmpty()) {
        Q_EMIT idle();
        return;
    }
    if (m_busyRetry->isActive())
        return;
    PushOptions options = m_options;
    options.applicationIds = m_waiting;
    m_running = m_waiting;
    m_waiting.clear();
    m_job = std::make_unique<PushJob>(m_database, m_client, m_scheme, options);
    connect(m_job.get(), &PushJob::billDone, this, &AutoSync::billDone);
    connect(m_job.get(), &PushJob::billChanged, this,
            [this](const QString &key, BillState) { Q_EMIT billChanged(key); });
    connect(m_job.get(), &PushJob::finished, this, &AutoSync::onFinished);
    m_job->start();
}

void AutoSync::onFinished(const PushReport &report)
{
    PushJob *done = m_job.release();
    if (done) {
        done->disconnect(this);
        done->deleteLater();
    }
    if (report.storeBusy) {
        // The clerk's (or a scheduled) sync holds the store: these wait for it to finish.
        m_waiting = m_running + m_waiting;
        m_waiting.removeDuplicates();
        m_running.clear();
        if (m_stopped)
            Q_EMIT idle();
        else
            m_busyRetry->start();
        return;
    }
    m_running.clear();
    Q_EMIT runFinished(report);
    if (report.result == PushReport::Result::ConfigError) {
        m_refusal = report.stopReason;
        m_waiting.clear();
        Q_EMIT refusedWith(m_refusal);
    } else {
        afterSave(report);
    }
    QTimer::singleShot(0, this, &AutoSync::pump);
}

void AutoSync::afterSave(const PushReport &report)
{
    if (m_afterSave == AfterSave::None)
        return;
    QStringList keys;
    for (const BillLine &line : report.lines) {
        if (line.state == BillState::Synced)
            keys.append(line.key);
    }
    if (keys.isEmpty())
        return;
    // Its own calls after the save, never a second save; runs to its end even when stopping,
    // so that no Submit is left without its read-back.
    m_after = std::make_unique<AfterSaveJob>(m_database, m_client, m_scheme, m_afterSave, keys);
    connect(m_after.get(), &AfterSaveJob::finished, this,
            [this](const QList<AfterSaveLine> &lines, const QString &stopReason) {
                if (AfterSaveJob *done = m_after.release()) {
                    done->disconnect(this);
                    done->deleteLater();
                }
                Q_EMIT afterSaveFinished(lines, stopReason);
                QTimer::singleShot(0, this, &AutoSync::pump);
            });
    m_after->start();
}

} // namespace rs::sync
