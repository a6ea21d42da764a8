#pragma once

#include "app/sync/aftersavejob.h"
#include "app/sync/pushjob.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QTimer;

namespace rs {
class Database;
struct Scheme;
} // namespace rs

namespace rs::kingdee {
class KingdeeClient;
}

namespace rs::sync {

// [schedule] auto_sync=on: what the intake stores approved is sent to Kingdee as `sync ID…`
// sends it — the same PushJob, so the same checks: a bill with a mapping error or an unknown
// customer is held back with its reason, one already synced is never sent again. One run at a
// time; what arrives meanwhile goes in the next. When another sync holds the store, the run
// waits and tries again. With [kingdee] after_save, the bills a run synced are submitted (and
// audited) after it, as `sync` does.
class AutoSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutoSync)

public:
    AutoSync(const Database &database, kingdee::KingdeeClient &client,
             std::shared_ptr<const Scheme> scheme, PushOptions options, QObject *parent = nullptr);
    ~AutoSync() override;

    // An application the intake stored; taken only while it is approved.
    void add(const QString &applicationId);
    // No new run; the one in flight ends normally (its bills end synced, failed or in doubt).
    void stop();
    bool isIdle() const { return !m_job && !m_after && m_waiting.isEmpty(); }
    void setAfterSave(AfterSave afterSave) { m_afterSave = afterSave; }
    // Kingdee refused the configuration: nothing more is sent in this run of the intake.
    bool refused() const { return !m_refusal.isEmpty(); }
    void setBusyRetryMs(int ms);

Q_SIGNALS:
    void billDone(const rs::sync::BillLine &line);
    void billChanged(const QString &key);
    void runFinished(const rs::sync::PushReport &report);
    // The Submit / Audit after a run: each bill's status reached, or Kingdee's refusal.
    void afterSaveFinished(const QList<rs::sync::AfterSaveLine> &lines, const QString &stopReason);
    // Kingdee refused the login or the settings: auto-sync has stopped, with Kingdee's words.
    void refusedWith(const QString &reason);
    // Nothing running and nothing waiting.
    void idle();

private:
    void pump();
    void onFinished(const PushReport &report);
    void afterSave(const PushReport &report);

    const Database &m_database;
    kingdee::KingdeeClient &m_client;
    std::shared_ptr<const Scheme> m_scheme;
    PushOptions m_options;
    std::unique_ptr<PushJob> m_job;
    std::unique_ptr<AfterSaveJob> m_after;
    AfterSave m_afterSave = AfterSave::None;
    QStringList m_waiting;
    QStringList m_running;
    QTimer *m_busyRetry;
    QString m_refusal;
    bool m_stopped = false;
};

} // namespace rs::sync
