#include "app/sync/syncworker.h"

#include "app/dingtalk/dingtalkclient.h"
#include "app/kingdee/kingdeeclient.h"
#include "app/report/reconcilejob.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "app/store/eventtext.h"
#include "app/sync/aftersavejob.h"
#include "app/sync/commentwriteback.h"
#include "app/sync/connectorconfig.h"
#include "app/sync/fetchjob.h"
#include "app/sync/jobsetup.h"
#include "app/sync/pushjob.h"

#include <QTimer>

namespace rs::sync {

SyncWorker::SyncWorker(Profile profile, StoreLocation store, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_store(std::move(store))
    , m_publishTimer(new QTimer(this))
{
    // A 5,000-bill sync changes rows hundreds of times a second; the table needs a few
    // updates a second, each read in one query.
    m_publishTimer->setSingleShot(true);
    m_publishTimer->setInterval(150);
    connect(m_publishTimer, &QTimer::timeout, this, &SyncWorker::publishRows);
}

SyncWorker::~SyncWorker()
{
    delete m_run; // jobs and clients first: they use the database
}

QString SyncWorker::openDatabase()
{
    if (m_database && m_database->isOpen())
        return {};
    m_database = std::make_unique<Database>(m_store);
    const StoreError error = m_database->open();
    return error.ok() ? QString() : error.message;
}

QString SyncWorker::prepare(const Settings &settings, std::shared_ptr<const Scheme> *scheme)
{
    QString error = openDatabase();
    if (error.isEmpty())
        error = JobSetup::settingsErrors(settings);
    if (error.isEmpty())
        *scheme = JobSetup::scheme(m_profile, settings, &error);
    return error;
}

void SyncWorker::fetch(const QString &dingTalkAppSecret)
{
    const Settings settings(m_profile.settingsPath(), m_profile.schemesDir());
    FetchOptions options;
    QString error = prepare(settings, &options.scheme);
    std::optional<dingtalk::DingTalkConfig> config;
    if (error.isEmpty())
        config = ConnectorConfig::dingTalk(settings, dingTalkAppSecret, &error);
    if (!config) {
        Q_EMIT fetchFinished(FetchReport::refused(error));
        return;
    }
    m_run = new QObject(this);
    auto *client = new dingtalk::DingTalkClient(*config, m_run);
    m_fetch = new FetchJob(*m_database, *client, options, m_run);
    connect(m_fetch, &FetchJob::progress, this, &SyncWorker::progress);
    connect(m_fetch, &FetchJob::applicationStored, this, &SyncWorker::noteChanged);
    connect(m_fetch, &FetchJob::finished, this, [this](const FetchReport &report) {
        publishRows();
        endRun();
        Q_EMIT fetchFinished(report);
    });
    m_fetch->start();
}

void SyncWorker::push(const QStringList &applicationIds, const QString &kingdeeSecret,
                      const QString &dingTalkSecret)
{
    m_dingTalkSecret = dingTalkSecret;
    const Settings settings(m_profile.settingsPath(), m_profile.schemesDir());
    std::shared_ptr<const Scheme> scheme;
    QString error = prepare(settings, &scheme);
    std::optional<kingdee::KingdeeConfig> config;
    if (error.isEmpty())
        config = JobSetup::kingdee(settings, kingdeeSecret, &error);
    if (!config) {
        Q_EMIT pushFinished(PushReport::refused(error));
        return;
    }
    PushOptions options = JobSetup::pushOptions(settings);
    options.applicationIds = applicationIds;
    const AfterSave afterSave =
        afterSaveFromSetting(settings.text(QLatin1String(keys::KingdeeAfterSave)));
    m_run = new QObject(this);
    auto *client = new kingdee::KingdeeClient(*config, m_run);
    m_push = new PushJob(*m_database, *client, scheme, options, m_run);
    connect(m_push, &PushJob::progress, this, &SyncWorker::progress);
    connect(m_push, &PushJob::phaseChanged, this, &SyncWorker::phaseChanged);
    connect(m_push, &PushJob::billChanged, this,
            [this](const QString &key, BillState) { onBillChanged(key); });
    connect(m_push, &PushJob::finished, this,
            [this, client, scheme, afterSave](const PushReport &report) {
                afterPush(report, client, scheme, afterSave);
            });
    m_push->start();
}

void SyncWorker::afterPush(PushReport report, kingdee::KingdeeClient *client,
                           std::shared_ptr<const Scheme> scheme, AfterSave afterSave)
{
    QStringList synced;
    for (const BillLine &line : std::as_const(report.lines)) {
        if (line.state == BillState::Synced)
            synced.append(line.key);
    }
    if (report.result == PushReport::Result::ConfigError || afterSave == AfterSave::None) {
        readStatusThenFinish(std::move(report), client, std::move(scheme), synced);
        return;
    }
    // As the CLI's sync: the bills this run saved and those whose Submit or Audit was refused
    // before, each as its own call, never a second save.
    const QStringList keys = AfterSaveJob::refusedBefore(*m_database) + synced;
    Q_EMIT phaseChanged(SyncPhase::SubmittingAndAuditing);
    auto *after = new AfterSaveJob(*m_database, *client, scheme, afterSave, keys, m_run);
    connect(after, &AfterSaveJob::finished, this,
            [this, report, client, scheme, keys](const QList<AfterSaveLine> &lines,
                                                 const QString &stopReason) mutable {
                for (const AfterSaveLine &line : lines) {
                    onBillChanged(line.key);
                    if (!line.error.isEmpty())
                        report.afterSaveErrors.append(line.error);
                }
                if (!stopReason.isEmpty())
                    report.afterSaveErrors.append(stopReason);
                readStatusThenFinish(std::move(report), client, std::move(scheme), keys);
            });
    after->start();
}

void SyncWorker::readStatusThenFinish(PushReport report, kingdee::KingdeeClient *client,
                                      std::shared_ptr<const Scheme> scheme, const QStringList &keys)
{
    const auto finish = [this](const PushReport &done) {
        writeBackThenFinish(done);
    };
    if (report.result == PushReport::Result::ConfigError || keys.isEmpty()) {
        finish(report);
        return;
    }
    Q_EMIT phaseChanged(SyncPhase::ReadingStatus);
    auto *status = new KingdeeStatusJob(*m_database, *client, std::move(scheme), keys, m_run);
    connect(status, &KingdeeStatusJob::finished, this,
            [this, report, finish](const KingdeeStatusReport &read) mutable {
                for (const QString &key : read.changedKeys)
                    onBillChanged(key);
                report.goneFromKingdee = read.gone;
                finish(report);
            });
    status->start();
}

void SyncWorker::writeBackThenFinish(const PushReport &report)
{
    const auto finish = [this, report] {
        publishRows();
        endRun();
        Q_EMIT pushFinished(report);
    };
    const Settings settings(m_profile.settingsPath(), m_profile.schemesDir());
    const QString userId = settings.text(QLatin1String(keys::DingTalkCommentUser)).trimmed();
    if (userId.isEmpty() || report.result == PushReport::Result::ConfigError) {
        finish();
        return;
    }
    QString error;
    const auto config = ConnectorConfig::dingTalk(settings, m_dingTalkSecret, &error);
    if (!config) {
        // The bills are in Kingdee: a comment that cannot be written is a warning, tried again.
        SyncEvent event;
        event.level = SyncEvent::Level::Warning;
        event.kind = QLatin1String(CommentFailedKind);
        event.message = eventtext::encode(
            "rs::sync::CommentWriteBack",
            QT_TRANSLATE_NOOP("rs::sync::CommentWriteBack", "No DingTalk comment written: %1"),
            {error});
        EventLog(*m_database).append(event);
        finish();
        return;
    }
    QStringList synced;
    for (const BillLine &line : std::as_const(report.lines)) {
        if (line.state == BillState::Synced)
            synced.append(line.applicationId);
    }
    Q_EMIT phaseChanged(SyncPhase::WritingComments);
    auto *client = new dingtalk::DingTalkClient(*config, m_run);
    auto *job = new CommentWriteBack(
        *m_database, *client, userId, synced,
        CommentWriteBack::monthlyAllowance(
            *m_database, settings.integer(QLatin1String(keys::DingTalkMonthlyQuota))),
        m_run);
    connect(job, &CommentWriteBack::finished, this, [finish](const CommentReport &) { finish(); });
    job->start();
}

kingdee::KingdeeClient *
SyncWorker::kingdeeRun(const QString &secret, std::shared_ptr<const Scheme> *scheme, QString *error)
{
    const Settings settings(m_profile.settingsPath(), m_profile.schemesDir());
    *error = prepare(settings, scheme);
    std::optional<kingdee::KingdeeConfig> config;
    if (error->isEmpty())
        config = JobSetup::kingdee(settings, secret, error);
    if (!config)
        return nullptr;
    m_run = new QObject(this);
    return new kingdee::KingdeeClient(*config, m_run);
}

void SyncWorker::readKingdeeStatus(const QString &kingdeeSecret)
{
    std::shared_ptr<const Scheme> scheme;
    QString error;
    kingdee::KingdeeClient *client = kingdeeRun(kingdeeSecret, &scheme, &error);
    if (!client) {
        KingdeeStatusReport refused;
        refused.stopReason = error;
        Q_EMIT kingdeeStatusFinished(refused);
        return;
    }
    auto *job = new KingdeeStatusJob(*m_database, *client, scheme, {}, m_run);
    connect(job, &KingdeeStatusJob::finished, this, [this](const KingdeeStatusReport &report) {
        for (const QString &key : report.changedKeys)
            onBillChanged(key);
        publishRows();
        endRun();
        Q_EMIT kingdeeStatusFinished(report);
    });
    job->start();
}

void SyncWorker::reverse(const QStringList &applicationIds, const QString &kingdeeSecret)
{
    std::shared_ptr<const Scheme> scheme;
    QString error;
    kingdee::KingdeeClient *client = kingdeeRun(kingdeeSecret, &scheme, &error);
    if (!client) {
        ReverseReport refused;
        refused.stopReason = error;
        refused.configError = true;
        Q_EMIT reverseFinished(refused);
        return;
    }
    int total = 0;
    for (const QString &id : applicationIds)
        total += int(BillRepository(*m_database).forApplication(id).size());
    auto *job = new ReverseJob(*m_database, *client, scheme, applicationIds, false, m_run);
    auto done = std::make_shared<int>(0);
    connect(job, &ReverseJob::lineDone, this, [this, done, total](const ReverseLine &line) {
        onBillChanged(line.key);
        Q_EMIT reverseLineDone(line);
        Q_EMIT progress(++*done, std::max(total, *done));
    });
    connect(job, &ReverseJob::finished, this, [this](const ReverseReport &report) {
        publishRows();
        endRun();
        Q_EMIT reverseFinished(report);
    });
    job->start();
}

void SyncWorker::reconcile(const QDate &from, const QDate &to, const QString &kingdeeSecret)
{
    std::shared_ptr<const Scheme> scheme;
    QString error;
    kingdee::KingdeeClient *client = kingdeeRun(kingdeeSecret, &scheme, &error);
    if (!client) {
        report::ReconcileReport refused;
        refused.from = from;
        refused.to = to;
        refused.stopReason = error;
        Q_EMIT reconcileFinished(refused);
        return;
    }
    auto *job = new report::ReconcileJob(*m_database, *client, scheme, from, to, m_run);
    connect(job, &report::ReconcileJob::finished, this,
            [this](const report::ReconcileReport &report) {
                endRun();
                Q_EMIT reconcileFinished(report);
            });
    job->start();
}

void SyncWorker::cancel()
{
    if (m_fetch)
        m_fetch->cancel();
    if (m_push)
        m_push->cancel();
}

void SyncWorker::onBillChanged(const QString &key)
{
    QString &applicationId = m_applicationOfBill[key];
    if (applicationId.isEmpty()) {
        if (const std::optional<BillRecord> bill = BillRepository(*m_database).find(key))
            applicationId = bill->applicationId;
    }
    if (!applicationId.isEmpty())
        noteChanged(applicationId);
}

void SyncWorker::noteChanged(const QString &applicationId)
{
    m_changed.insert(applicationId);
    if (!m_publishTimer->isActive())
        m_publishTimer->start();
}

void SyncWorker::publishRows()
{
    m_publishTimer->stop();
    if (m_changed.isEmpty())
        return;
    const QStringList ids(m_changed.cbegin(), m_changed.cend());
    m_changed.clear();
    const QList<ApplicationRow> rows = ApplicationRepository(*m_database).tableRows(ids);
    if (!rows.isEmpty())
        Q_EMIT rowsChanged(rows);
}

void SyncWorker::endRun()
{
    if (m_run)
        m_run->deleteLater();
    m_run = nullptr;
}

} // namespace rs::sync
