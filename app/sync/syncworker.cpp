#include "app/sync/syncworker.h"

#include "app/dingtalk/dingtalkclient.h"
#include "app/kingdee/kingdeeclient.h"
#include "app/settings/settings.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
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

void SyncWorker::push(const QStringList &applicationIds, const QString &kingdeeSecret)
{
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
    m_run = new QObject(this);
    auto *client = new kingdee::KingdeeClient(*config, m_run);
    m_push = new PushJob(*m_database, *client, std::move(scheme), options, m_run);
    connect(m_push, &PushJob::progress, this, &SyncWorker::progress);
    connect(m_push, &PushJob::billChanged, this,
            [this](const QString &key, BillState) { onBillChanged(key); });
    connect(m_push, &PushJob::finished, this, [this](const PushReport &report) {
        publishRows();
        endRun();
        Q_EMIT pushFinished(report);
    });
    m_push->start();
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
