#include "app/sync/fetchjob.h"

#include "app/dingtalk/dingtalkclient.h"
#include "app/dingtalk/flattener.h"
#include "app/mapping/customerlabel.h"
#include "app/mapping/decimal.h"
#include "app/mapping/mapper.h"
#include "app/mapping/scheme.h"
#include "app/store/apiusagerepository.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "app/store/jobrunrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

namespace rs::sync {
namespace {

bool isFinal(ApprovalState state)
{
    return state != ApprovalState::InApproval;
}

QString resultName(FetchReport::Result result)
{
    switch (result) {
    case FetchReport::Result::Ok:
        return QStringLiteral("ok");
    case FetchReport::Result::Partial:
        return QStringLiteral("partial");
    case FetchReport::Result::ConfigError:
        break;
    }
    return QStringLiteral("failed");
}

} // namespace

FetchJob::FetchJob(const Database &database, dingtalk::DingTalkClient &client, FetchOptions options,
                   QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_options(std::move(options))
{
    connect(
        &m_client, &dingtalk::DingTalkClient::callFinished, this,
        [this](const QString &api, ApiOutcome outcome, qint64 elapsedMs, const QString &errorText) {
            // A call the store cannot count now is kept in memory and counted later.
            const StoreError e =
                ApiUsageRepository(m_database).record(api, outcome, elapsedMs, errorText);
            if (e.storeCannotWrite())
                stopForStore(e);
        });
}

FetchJob::~FetchJob() = default;

void FetchJob::start()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ApplicationRepository applications(m_database);
    m_known = applications.approvalById();
    if (!m_options.ids.isEmpty()) {
        // Named by events: no period, no job run; the same path into the store.
        for (const QString &id : std::as_const(m_options.ids)) {
            const auto known = m_known.constFind(id);
            if (known != m_known.constEnd() && isFinal(known.value()) && !m_options.rereadFinal)
                ++m_report.skippedFinal;
            else
                request(id);
        }
        maybeComplete();
        return;
    }

    std::optional<qint64> earliestNotFinal;
    if (const QString t = applications.earliestCreateTime(ApprovalState::InApproval); !t.isEmpty())
        earliestNotFinal = FetchPeriod::beijingTimeToMs(t);
    std::optional<qint64> lastCompleteTo;
    if (const auto last =
            JobRunRepository(m_database).last(QStringLiteral("fetch"), QStringLiteral("ok")))
        lastCompleteTo = last->periodToMs;
    const qint64 automatic = FetchPeriod::automaticFrom(
        earliestNotFinal, lastCompleteTo, now, m_options.overlapDays, m_options.firstFetchDays);

    QString error;
    const auto period =
        FetchPeriod::requested(m_options.from, m_options.to, now, automatic, &error);
    if (!period) {
        m_report.result = FetchReport::Result::ConfigError;
        m_report.stopReason = error;
        m_done = true;
        Q_EMIT finished(m_report);
        return;
    }
    m_period = *period;
    m_report.fromMs = m_period.fromMs;
    m_report.toMs = m_period.toMs;
    m_windows = m_period.windows();
    // Calls an earlier run could not count are counted first; a store that cannot take even
    // that stops the run before it spends a single call.
    if (const StoreError e = ApiUsageRepository(m_database).flushUnsaved(); e.storeCannotWrite()) {
        stopForStore(e);
        return;
    }
    if (filtersByStatus()) {
        // Two short listings instead of one long one: what is still open over the whole
        // period (an instance stored as open and no longer listed so has ended), and what ended
        // among recent submissions (since the last complete run, less an hour's margin).
        FetchPeriod recent = m_period;
        if (lastCompleteTo && !m_options.from.isValid()) // a period asked for is listed whole
            recent.fromMs = std::max(m_period.fromMs, *lastCompleteTo - m_options.recentMarginMs);
        m_endedWindows = recent.windows();
        m_phase = Phase::Open;
    }
    StoreError runError;
    m_runId = JobRunRepository(m_database)
                  .start(QStringLiteral("fetch"), m_period.fromMs, m_period.toMs, &runError);
    if (runError.storeCannotWrite()) {
        stopForStore(runError);
        return;
    }
    log(SyncEvent::Level::Info, QStringLiteral("fetch.started"), {},
        tr("Fetching DingTalk instances submitted from %1 to %2.")
            .arg(FetchPeriod::beijingDate(m_period.fromMs),
                 FetchPeriod::beijingDate(m_period.toMs)));

    // Instances still in approval are fetched again whether or not the period lists them,
    // unless the listing filters by status: then being listed is what says one has ended.
    for (auto it = m_known.cbegin(); it != m_known.cend() && !filtersByStatus(); ++it) {
        if (!isFinal(it.value()))
            request(it.key());
    }
    m_listing = true;
    listNext();
}

QStringList FetchJob::openStatuses()
{
    return {QStringLiteral("NEW"), QStringLiteral("RUNNING")};
}

bool FetchJob::filtersByStatus() const
{
    return !m_options.statuses.isEmpty()
        && m_client.config().api == dingtalk::DingTalkConfig::Api::V1;
}

void FetchJob::cancel()
{
    if (m_done || m_stopped)
        return;
    m_stopped = true;
    m_listing = false;
    m_report.stopReason = tr("cancelled by the user");
    m_client.cancel();
    maybeComplete();
}

void FetchJob::listNext()
{
    if (m_stopped)
        return;
    if (m_window >= m_windows.size() && m_phase == Phase::Open) {
        m_phase = Phase::Ended;
        m_windows = m_endedWindows;
        m_window = 0;
        m_cursor.clear();
        listNext();
        return;
    }
    if (m_window >= m_windows.size()) {
        if (m_phase == Phase::Ended) {
            // Stored (or last seen) as open, no longer listed as open: it has ended (or is
            // gone). One call. A failed open listing proves nothing: then every one is asked.
            for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
                if (!isFinal(it.value())
                    && (!m_openListingComplete || !m_listedOpen.contains(it.key())))
                    request(it.key());
            }
            for (const QString &id : std::as_const(m_options.knownOpen)) {
                if (!m_known.contains(id) && (!m_openListingComplete || !m_listedOpen.contains(id)))
                    request(id);
            }
        }
        m_listing = false;
        maybeComplete();
        return;
    }
    const ListWindow &w = m_windows.at(m_window);
    m_pageInFlight = true;
    QStringList statuses;
    if (m_phase == Phase::Open)
        statuses = openStatuses();
    else if (m_phase == Phase::Ended)
        statuses = m_options.statuses;
    m_client.listIds(
        w.startMs, w.endMs, m_cursor,
        [this](const dingtalk::IdPage &page, const dingtalk::Failure &failure) {
            onPage(page, failure);
        },
        statuses);
}

void FetchJob::onPage(const dingtalk::IdPage &page, const dingtalk::Failure &failure)
{
    m_pageInFlight = false;
    if (m_stopped) {
        maybeComplete();
        return;
    }
    if (failure.stopsTheRun()) {
        stop(failure);
        return;
    }
    if (!failure.ok()) {
        // This window's remaining pages are unknown: say so, go on with the next window.
        const ListWindow &w = m_windows.at(m_window);
        log(SyncEvent::Level::Error, QStringLiteral("fetch.list_failed"), {},
            tr("Listing %1 to %2 failed, instances of that period may be missing: %3")
                .arg(FetchPeriod::beijingDate(w.startMs), FetchPeriod::beijingDate(w.endMs),
                     failure.describe()));
        ++m_report.failed;
        if (m_phase == Phase::Open)
            m_openListingComplete = false; // every stored open instance is fetched instead
        m_cursor.clear();
        ++m_window;
        listNext();
        return;
    }
    for (const QString &id : page.ids) {
        if (m_phase == Phase::Open) {
            m_listedOpen.insert(id);
            // Open and not stored: fetched only to anchor the period of later runs; a run
            // that remembers it (the intake between reconnects) leaves it for its event.
            if (!m_options.fetchNewOpen && !m_known.contains(id))
                continue;
        }
        if (m_listed.contains(id))
            continue;
        m_listed.insert(id);
        const auto known = m_known.constFind(id);
        if (known != m_known.constEnd() && isFinal(known.value()))
            ++m_report.skippedFinal;
        else if (m_phase == Phase::Open && known != m_known.constEnd())
            continue; // stored as open and still open: nothing to fetch
        else
            request(id); // new (an open one once, so its submission time anchors the period)
    }
    m_report.listed = int(m_listed.size());
    if (page.nextCursor.isEmpty()) {
        m_cursor.clear();
        ++m_window;
    } else {
        m_cursor = page.nextCursor;
    }
    listNext();
}

void FetchJob::request(const QString &id)
{
    if (m_requested.contains(id))
        return;
    m_requested.insert(id);
    m_report.requested = int(m_requested.size());
    m_client.getInstance(id,
                         [this](const dingtalk::InstanceAnswer &answer,
                                const dingtalk::Failure &failure) { onInstance(answer, failure); });
    Q_EMIT progress(m_answered, m_report.requested);
}

void FetchJob::onInstance(const dingtalk::InstanceAnswer &answer, const dingtalk::Failure &failure)
{
    ++m_answered;
    Q_EMIT progress(m_answered, m_report.requested);
    if (failure.stopsTheRun() || (m_stopped && !failure.ok())) {
        // Once stopped, every call still queued answers this way: one line in the log, not many.
        ++m_report.failed;
        stop(failure);
        maybeComplete();
        return;
    }
    if (!failure.ok()) {
        ++m_report.failed;
        log(SyncEvent::Level::Error, QStringLiteral("fetch.failed"), answer.id,
            tr("Instance %1 could not be fetched; the next fetch tries again: %2")
                .arg(answer.id, failure.describe()));
        maybeComplete();
        return;
    }
    if (!answer.instance || !answer.parseError.isEmpty()) {
        storeMalformed(answer, answer.parseError);
        maybeComplete();
        return;
    }
    const dingtalk::Instance &instance = *answer.instance;
    const dingtalk::FlatApplication flat = dingtalk::Flattener::flatten(
        instance, m_options.scheme ? m_options.scheme->flattenedTables : m_options.tables);
    if (!flat.error.isEmpty()) {
        storeMalformed(answer, flat.error);
        maybeComplete();
        return;
    }

    ApplicationRecord record;
    record.id = instance.id;
    record.businessId = instance.businessId;
    record.title = instance.title;
    record.processCode = m_client.config().processCode;
    record.originatorUserId = instance.originatorUserId;
    record.originatorDeptName = instance.originatorDeptName;
    record.createdAt = instance.createTime;
    record.finishedAt = instance.finishTime;
    record.approval = instance.approvalState();
    record.dingTalkStatus = instance.status;
    record.dingTalkResult = instance.result;
    record.rawJson = answer.rawJson;
    if (instance.revokesAnother())
        record.revokesId = instance.mainProcessInstanceId;
    record.fieldsJson = QJsonDocument(flat.header).toJson(QJsonDocument::Compact);
    for (const QJsonObject &row : flat.rows)
        record.rowsJson.append(QJsonDocument(row).toJson(QJsonDocument::Compact));

    checkQuality(&record);
    if (const StoreError e = ApplicationRepository(m_database).upsert(record); !e.ok()) {
        ++m_report.failed;
        if (e.storeCannotWrite())
            stopForStore(e);
        else
            log(SyncEvent::Level::Error, QStringLiteral("fetch.store_failed"), record.id,
                e.message);
        maybeComplete();
        return;
    }
    ++m_report.stored;
    if (record.approval == ApprovalState::Revoked)
        ++m_report.revoked;
    const bool revokedBefore = m_known.value(record.id) == ApprovalState::Revoked;
    const bool approvedBefore = m_known.value(record.id) == ApprovalState::Approved;
    m_known.insert(record.id, revokedBefore ? ApprovalState::Revoked : record.approval);
    Q_EMIT applicationStored(record.id);
    if (approvedBefore && record.approval == ApprovalState::Revoked)
        logRevokedInPlace(record.id);
    if (instance.revokesAnother() && record.approval == ApprovalState::Revoked)
        applyRevocation(instance.mainProcessInstanceId, instance.id);
    // The revoke request may have been stored first (answers arrive in any order, or in an
    // earlier fetch): the original is revoked whichever came first.
    if (record.approval == ApprovalState::Approved && !revokedBefore
        && ApplicationRepository(m_database).isRevokedByAnother(record.id)) {
        applyRevocation(record.id, tr("a revoke request"));
    }
    maybeComplete();
}

void FetchJob::checkQuality(ApplicationRecord *record)
{
    if (!m_options.scheme)
        return;
    const MappingResult mapped = mapApplication(*record, *m_options.scheme);
    QStringList problems;
    // The application's amount is what its bills book in Kingdee; unknown when one is unreadable.
    std::optional<Decimal> total = Decimal();
    try {
        for (const BillDraft &bill : mapped.bills) {
            const auto amount = Decimal::parse(bill.amount);
            total = total && amount ? std::optional<Decimal>(*total + *amount) : std::nullopt;
        }
    } catch (const DecimalOverflow &) {
        // Bills that each fit can add up past 38 digits: one absurd application must not stop
        // the fetch. It is stored without an amount and reported like any other problem.
        total.reset();
        problems.append(tr("the bills' amounts add up to more than 38 digits"));
    }
    record->amount = total && !mapped.bills.isEmpty() ? total->toString(2) : QString();
    // 名称（编码）: what the clerk recognises beside what Kingdee files it under.
    QStringList customers;
    for (const BillDraft &bill : mapped.bills)
        customers.append(customerLabel(bill, *record, *m_options.scheme));
    record->customers = customers.join(QStringLiteral(", "));
    if (!mapped.bills.isEmpty()) {
        record->organisation = mapped.bills.constFirst()
                                   .model.value(QLatin1String("FSETTLEORGID"))
                                   .toObject()
                                   .value(QLatin1String("FNumber"))
                                   .toString();
    }
    if (record->approval != ApprovalState::Approved
        || (mapped.issues.isEmpty() && problems.isEmpty()))
        return;
    for (const MappingIssue &issue : mapped.issues)
        problems.append(issue.field.isEmpty() ? issue.message
                                              : issue.field + QStringLiteral(": ") + issue.message);
    SyncEvent event;
    event.level = SyncEvent::Level::Warning;
    event.kind = QStringLiteral("data.quality");
    event.applicationId = record->id;
    event.message = tr("Data quality check: approved application %1 cannot become a bill as it"
                       " is: %2")
                        .arg(record->businessId, problems.join(QStringLiteral("; ")));
    EventLog(m_database).append(event);
    ++m_report.qualityIssues;
}

void FetchJob::storeMalformed(const dingtalk::InstanceAnswer &answer, const QString &problem)
{
    ApplicationRecord record;
    record.id = answer.id;
    record.processCode = m_client.config().processCode;
    if (answer.instance) {
        record.businessId = answer.instance->businessId;
        record.title = answer.instance->title;
        record.createdAt = answer.instance->createTime;
    }
    // Kept in approval so the next fetch asks again; never pushed while it cannot be read.
    record.approval = ApprovalState::InApproval;
    record.rawJson = answer.rawJson;
    record.parseError = problem;
    ++m_report.malformed;
    const StoreError e = ApplicationRepository(m_database).upsert(record);
    if (e.ok())
        Q_EMIT applicationStored(record.id);
    else if (e.storeCannotWrite())
        stopForStore(e);
    log(SyncEvent::Level::Error, QStringLiteral("fetch.malformed"), answer.id,
        tr("DingTalk's answer for instance %1 cannot be read (%2); it is kept with its raw text.")
            .arg(answer.id, problem));
}

void FetchJob::applyRevocation(const QString &mainId, const QString &byId)
{
    const auto known = m_known.constFind(mainId);
    if (known == m_known.constEnd() || known.value() == ApprovalState::Revoked)
        return;
    bool synced = false;
    for (const BillRecord &bill : BillRepository(m_database).forApplication(mainId))
        synced = synced || bill.state == BillState::Synced;
    SyncEvent event;
    event.level = SyncEvent::Level::Warning;
    event.kind = QStringLiteral("fetch.revoked");
    event.applicationId = mainId;
    event.message = synced
        ? tr("Application %1 was revoked in DingTalk by %2 after its bill reached Kingdee:"
             " reverse the bill in Kingdee.")
              .arg(mainId, byId)
        : tr("Application %1 was revoked in DingTalk by %2; it will not be sent.")
              .arg(mainId, byId);
    if (ApplicationRepository(m_database).markRevoked(mainId, event).ok()) {
        m_known.insert(mainId, ApprovalState::Revoked);
        ++m_report.revoked;
        Q_EMIT applicationStored(mainId); // the console's row turns 需冲销 now, not on a reload
    }
}

void FetchJob::logRevokedInPlace(const QString &id)
{
    // Stored approved, now biz_action REVOKE on its own detail (a re-read): the same warning as
    // for a revoke request, so the clerk reverses what reached Kingdee.
    bool synced = false;
    for (const BillRecord &bill : BillRepository(m_database).forApplication(id))
        synced = synced || bill.state == BillState::Synced;
    const QString by = tr("biz_action REVOKE");
    log(SyncEvent::Level::Warning, QStringLiteral("fetch.revoked"), id,
        synced
            ? tr("Application %1 was revoked in DingTalk by %2 after its bill reached Kingdee:"
                 " reverse the bill in Kingdee.")
                  .arg(id, by)
            : tr("Application %1 was revoked in DingTalk by %2; it will not be sent.").arg(id, by));
}

void FetchJob::stop(const dingtalk::Failure &failure)
{
    stop(failure.describe(), failure.kind == dingtalk::Failure::Kind::Configuration);
}

void FetchJob::stopForStore(const StoreError &error)
{
    // Every further answer would be spent on a store that cannot keep it: stop at the first.
    stop(tr("%1 The fetch stopped so that no more DingTalk calls are spent on answers that "
            "cannot be kept.")
             .arg(error.message),
         error.kind == StoreError::Kind::ReadOnly);
}

void FetchJob::stop(const QString &reason, bool configurationError)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_listing = false;
    m_report.stopReason = reason;
    if (configurationError)
        m_report.result = FetchReport::Result::ConfigError;
    m_client.cancel();
    log(SyncEvent::Level::Error, QStringLiteral("fetch.stopped"), {}, m_report.stopReason);
    maybeComplete();
}

void FetchJob::maybeComplete()
{
    // Every call answers exactly once (a dropped one with Cancelled): wait for all of them, the
    // page on the way too, so that each call DingTalk charged is counted.
    if (m_done || m_listing || m_pageInFlight || m_answered < int(m_requested.size()))
        return;
    complete();
}

void FetchJob::complete()
{
    m_done = true;
    // Nothing missed, checked: every listed id must now be in the store.
    const QHash<QString, ApprovalState> stored = ApplicationRepository(m_database).approvalById();
    for (const QString &id : std::as_const(m_listed)) {
        if (!stored.contains(id))
            m_report.missingIds.append(id);
    }
    m_report.missingIds.sort();
    if (!m_report.missingIds.isEmpty()) {
        log(SyncEvent::Level::Error, QStringLiteral("fetch.missing"), {},
            tr("%n listed instance(s) are not in the store: %1", nullptr,
               int(m_report.missingIds.size()))
                .arg(m_report.missingIds.join(QStringLiteral(", "))));
    }
    const ApiUsageRepository usage(m_database);
    usage.flushUnsaved();
    m_report.unsavedCalls = usage.unsavedCalls();
    m_report.monthCalls = usage.dingTalkQuotaCalls();
    if (m_report.result == FetchReport::Result::Ok
        && (m_stopped || m_report.failed > 0 || m_report.malformed > 0
            || !m_report.missingIds.isEmpty()))
        m_report.result = FetchReport::Result::Partial;

    const QString summary = m_report.summary();
    if (m_runId)
        JobRunRepository(m_database).finish(m_runId, resultName(m_report.result), summary);
    if (!m_options.ids.isEmpty() && m_report.result == FetchReport::Result::Ok) {
        Q_EMIT finished(m_report); // an event's instance: its own line in the log is enough
        return;
    }
    log(m_report.result == FetchReport::Result::Ok ? SyncEvent::Level::Info
                                                   : SyncEvent::Level::Warning,
        QStringLiteral("fetch.finished"), {}, summary);
    Q_EMIT finished(m_report);
}

void FetchJob::log(SyncEvent::Level level, const QString &kind, const QString &applicationId,
                   const QString &text)
{
    SyncEvent event;
    event.level = level;
    event.kind = kind;
    event.applicationId = applicationId;
    event.message = text;
    EventLog(m_database).append(event);
}

} // namespace rs::sync
