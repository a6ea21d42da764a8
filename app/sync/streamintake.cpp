#include "app/sync/streamintake.h"

#include "app/alerts/budget.h"
#include "app/dingtalk/dingtalkclient.h"
#include "app/store/apiusagerepository.h"
#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "app/sync/revokereread.h"

#include <QDateTime>

#include <QTimer>

namespace rs::sync {
namespace {

constexpr int kDayMs = 24 * 3600 * 1000;

void log(const Database &database, SyncEvent::Level level, const QString &kind,
         const QString &applicationId, const QString &text)
{
    SyncEvent event;
    event.level = level;
    event.kind = kind;
    event.applicationId = applicationId;
    event.message = text;
    EventLog(database).append(event);
}

} // namespace

StreamIntake::StreamIntake(const Database &database, dingtalk::DingTalkClient &client,
                           FetchOptions options, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_options(std::move(options))
    , m_stream(new dingtalk::StreamClient(client.config(), this))
    , m_dailySweep(new QTimer(this))
{
    connect(m_stream, &dingtalk::StreamClient::connected, this, &StreamIntake::onConnected);
    connect(m_stream, &dingtalk::StreamClient::instanceEnded, this, &StreamIntake::onEnded);
    connect(m_stream, &dingtalk::StreamClient::pushReceived, this, [this] {
        ApiUsageRepository(m_database)
            .record(QLatin1String(api::DingTalkStreamEvent), ApiOutcome::Ok, 0);
    });
    connect(m_stream, &dingtalk::StreamClient::registrationFinished, this,
            [this](bool ok, qint64 elapsedMs, const QString &errorText) {
                ApiUsageRepository(m_database)
                    .record(QLatin1String(api::DingTalkStreamOpen),
                            ok ? ApiOutcome::Ok : ApiOutcome::Error, elapsedMs, errorText);
            });
    connect(m_stream, &dingtalk::StreamClient::fatalError, this,
            [this](const dingtalk::Failure &failure) {
                m_worst = FetchReport::Result::ConfigError;
                log(m_database, SyncEvent::Level::Error, QStringLiteral("stream.refused"), {},
                    failure.describe());
                Q_EMIT fatalError(failure.describe());
            });
    // The safety sweep: whatever a quiet, silently broken link may have lost.
    m_dailySweep->setInterval(kDayMs);
    connect(m_dailySweep, &QTimer::timeout, this,
            [this] { requestSweep(SweepPolicy::Reason::Daily); });
}

StreamIntake::~StreamIntake() = default;

QStringList StreamIntake::endedStatuses()
{
    return {QStringLiteral("COMPLETED"), QStringLiteral("TERMINATED"), QStringLiteral("CANCELED")};
}

void StreamIntake::setSafetySweepMs(int ms)
{
    m_dailySweep->setInterval(ms);
}

void StreamIntake::start()
{
    m_stopping = false;
    m_sinceSweep.invalidate();
    m_dailySweep->start();
    m_stream->start();
}

void StreamIntake::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_dailySweep->stop();
    m_stream->stop();
    m_queued.clear();
    m_sweepPending = false;
    if (m_job)
        m_job->cancel(); // its finished signal ends the stop
    else
        QTimer::singleShot(0, this, &StreamIntake::finishStop);
}

void StreamIntake::finishStop()
{
    Q_EMIT stopped();
}

void StreamIntake::onEnded(const dingtalk::StreamEvent &event)
{
    if (m_stopping || m_queued.contains(event.instanceId))
        return;
    m_queued.append(event.instanceId);
    pump();
}

void StreamIntake::onConnected()
{
    requestSweep(m_sinceSweep.isValid() ? SweepPolicy::Reason::Reconnect
                                        : SweepPolicy::Reason::Start,
                 m_stream->lastGapMs());
}

SweepPolicy::Outlook StreamIntake::outlook() const
{
    SweepPolicy::Outlook outlook;
    if (m_monthlyQuota <= 0)
        return outlook;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    StoreError error;
    const qint64 used = ApiUsageRepository(m_database).dingTalkQuotaCalls(now, &error);
    if (!error.ok())
        return outlook; // unknown: sweep as usual rather than miss an approval
    const alerts::Forecast forecast = alerts::Budget::forecast(used, m_monthlyQuota, now);
    outlook.used = forecast.used;
    outlook.allowed = forecast.allowed;
    outlook.projected = forecast.projected;
    return outlook;
}

void StreamIntake::requestSweep(SweepPolicy::Reason reason, qint64 gapMs)
{
    if (m_stopping)
        return;
    SweepPolicy::Situation situation;
    situation.reason = reason;
    situation.gapMs = gapMs;
    situation.shortGapMs = m_shortGapMs;
    situation.sinceLastSweepMs = m_sinceSweep.isValid() ? m_sinceSweep.elapsed() : -1;
    situation.outlook = outlook();
    const SweepPolicy::Decision decision = SweepPolicy::decide(situation);
    if (decision != SweepPolicy::Decision::Run) {
        ++m_skippedSweeps;
        const QString why = SweepPolicy::explain(decision, situation.outlook);
        log(m_database, SyncEvent::Level::Info, QStringLiteral("stream.sweep_skipped"), {}, why);
        Q_EMIT sweepSkipped(why);
        return;
    }
    m_sinceSweep.start();
    // Any sweep stands for the day's safety sweep: the next is due a day after this one.
    if (!m_stopping)
        m_dailySweep->start();
    m_sweepPending = true;
    pump();
}

void StreamIntake::pump()
{
    if (m_job || m_stopping)
        return;
    FetchOptions options = m_options;
    if (m_sweepPending) {
        // Events first would be cheaper by nothing: the sweep stores them too, and skips what
        // is final. The sweep lists only ended instances where DingTalk can filter.
        m_sweepPending = false;
        m_jobIsSweep = true;
        options.statuses = endedStatuses();
        // After the first sweep of this run the open set is remembered here: new open
        // instances then cost nothing until their event (or the next sweep's diff) ends them.
        options.knownOpen = m_open;
        options.fetchNewOpen = !m_haveOpenSet;
        m_queued.clear();
        ++m_sweeps;
    } else if (!m_queued.isEmpty()) {
        m_jobIsSweep = false;
        options.ids = m_queued;
        m_queued.clear();
    } else if (!m_reread.isEmpty()) {
        m_jobIsSweep = false;
        m_jobIsReread = true;
        options.ids = m_reread;
        options.rereadFinal = true;
        m_reread.clear();
    } else {
        return;
    }
    m_job = std::make_unique<FetchJob>(m_database, m_client, options);
    connect(m_job.get(), &FetchJob::applicationStored, this, &StreamIntake::applicationStored);
    connect(m_job.get(), &FetchJob::finished, this, &StreamIntake::onJobFinished);
    m_job->start();
}

void StreamIntake::onJobFinished(const FetchReport &report)
{
    FetchJob *done = m_job.release();
    if (done) {
        done->disconnect(this);
        done->deleteLater();
    }
    if (report.result == FetchReport::Result::ConfigError) {
        m_worst = FetchReport::Result::ConfigError;
        if (!m_stopping) {
            Q_EMIT fatalError(report.stopReason);
            stop();
            return;
        }
    } else if (report.result == FetchReport::Result::Partial && !m_stopping) {
        m_worst = FetchReport::Result::Partial;
    }
    if (m_jobIsSweep) {
        if (done && done->openListingComplete() && report.result == FetchReport::Result::Ok) {
            m_open = done->listedOpen();
            m_haveOpenSet = true;
        }
        Q_EMIT sweepFinished(report);
        if (report.result == FetchReport::Result::Ok)
            planReread();
    }
    if (std::exchange(m_jobIsReread, false))
        Q_EMIT rereadFinished(report, m_rereadDue, report.stored);
    if (m_stopping) {
        QTimer::singleShot(0, this, &StreamIntake::finishStop);
        return;
    }
    QTimer::singleShot(0, this, &StreamIntake::pump);
}

void StreamIntake::planReread()
{
    const QDate today = QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date();
    if (!m_rereadAllowance || m_rereadDay == today)
        return;
    m_rereadDay = today;
    const QStringList due = RevokeReread::due(m_database, today);
    m_rereadDue = int(due.size());
    const int allowed = std::clamp(m_rereadAllowance(m_rereadDue), 0, m_rereadDue);
    m_reread = due.mid(0, allowed);
    if (due.isEmpty())
        return;
    log(m_database, allowed < m_rereadDue ? SyncEvent::Level::Warning : SyncEvent::Level::Info,
        QStringLiteral("fetch.reread"), {},
        allowed < m_rereadDue
            ? tr("Re-reading %1 of %2 synced approvals for a revocation; the month's DingTalk "
                 "calls leave room for no more.")
                  .arg(allowed)
                  .arg(m_rereadDue)
            : tr("Re-reading %n synced approval(s) of the last three weeks for a revocation.",
                 nullptr, m_rereadDue));
}

} // namespace rs::sync
