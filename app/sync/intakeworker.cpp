#include "app/sync/intakeworker.h"

#include "app/dingtalk/dingtalkclient.h"
#include "app/kingdee/kingdeeclient.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "app/sync/autosync.h"
#include "app/sync/connectorconfig.h"
#include "app/sync/jobsetup.h"
#include "app/sync/streamintake.h"

#include <QTimer>

namespace rs::sync {

using State = dingtalk::StreamClient::State;

IntakeWorker::IntakeWorker(Profile profile, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_publishTimer(new QTimer(this))
{
    // Rows a sweep stores at once reach the table together; one event's row within 100 ms.
    m_publishTimer->setSingleShot(true);
    m_publishTimer->setInterval(100);
    connect(m_publishTimer, &QTimer::timeout, this, &IntakeWorker::publishRows);
}

IntakeWorker::~IntakeWorker()
{
    delete m_run; // the intake and its clients first: they use the database
}

void IntakeWorker::start(const QString &dingTalkSecret, const QString &kingdeeSecret, bool autoSync)
{
    const Secrets secrets {dingTalkSecret, kingdeeSecret, autoSync};
    if (m_run) {
        m_next = secrets;
        stop();
        return;
    }
    launch(secrets);
}

void IntakeWorker::stop()
{
    if (!m_run || m_stopping)
        return;
    m_stopping = true;
    if (m_autoSync)
        m_autoSync->stop();
    m_intake->stop(); // `stopped` follows once its job is done
}

QString IntakeWorker::prepare(const Secrets &secrets)
{
    if (!m_database || !m_database->isOpen()) {
        m_database = std::make_unique<Database>(m_profile.databasePath());
        const StoreError error = m_database->open();
        if (!error.ok())
            return error.message;
    }
    const Settings settings(m_profile.settingsPath(), m_profile.schemesDir());
    QString error = JobSetup::settingsErrors(settings);
    if (!error.isEmpty())
        return error;
    FetchOptions options;
    options.scheme = JobSetup::scheme(m_profile, settings, &error);
    if (!options.scheme)
        return error;
    const auto dingTalk = ConnectorConfig::dingTalk(settings, secrets.dingTalk, &error);
    if (!dingTalk)
        return error;
    std::optional<kingdee::KingdeeConfig> kingdee;
    if (secrets.autoSync) {
        kingdee = JobSetup::kingdee(settings, secrets.kingdee, &error);
        if (!kingdee)
            return error;
    }

    m_run = new QObject(this);
    auto *client = new dingtalk::DingTalkClient(*dingTalk, m_run);
    m_intake = new StreamIntake(*m_database, *client, options, m_run);
    m_intake->setMonthlyQuota(settings.integer(QLatin1String(keys::DingTalkMonthlyQuota)));
    connect(&m_intake->stream(), &dingtalk::StreamClient::stateChanged, this,
            [this](State state) { Q_EMIT stateChanged(state, m_intake->stream().problem()); });
    connect(m_intake, &StreamIntake::applicationStored, this, &IntakeWorker::noteChanged);
    // Refused credentials (or a configuration stop): offline with DingTalk's words until the
    // clerk changes the settings, which reloads the intake.
    connect(m_intake, &StreamIntake::fatalError, this, [this](const QString &text) {
        m_fatal = text;
        Q_EMIT stateChanged(State::Offline, text);
        m_intake->stop();
    });
    connect(m_intake, &StreamIntake::stopped, this, &IntakeWorker::onIntakeStopped);
    if (kingdee) {
        auto *kingdeeClient = new kingdee::KingdeeClient(*kingdee, m_run);
        m_autoSync = new AutoSync(*m_database, *kingdeeClient, options.scheme,
                                  JobSetup::pushOptions(settings), m_run);
        m_autoSync->setAfterSave(
            afterSaveFromSetting(settings.text(QLatin1String(keys::KingdeeAfterSave))));
        connect(m_intake, &StreamIntake::applicationStored, m_autoSync, &AutoSync::add);
        connect(m_autoSync, &AutoSync::billChanged, this, [this](const QString &key) {
            if (const std::optional<BillRecord> bill = BillRepository(*m_database).find(key))
                noteChanged(bill->applicationId);
        });
    }
    return {};
}

void IntakeWorker::launch(const Secrets &secrets)
{
    const QString problem = prepare(secrets);
    if (!problem.isEmpty()) {
        Q_EMIT stateChanged(State::Offline, problem);
        return;
    }
    m_intake->start();
}

void IntakeWorker::onIntakeStopped()
{
    // A sync of the last arrivals ends first: its bills must not be left `sending` by us.
    if (m_autoSync && !m_autoSync->isIdle()) {
        connect(m_autoSync, &AutoSync::idle, this, &IntakeWorker::onIntakeStopped,
                Qt::SingleShotConnection);
        return;
    }
    publishRows();
    if (m_run)
        m_run->deleteLater();
    m_run = nullptr;
    const bool wasStopping = std::exchange(m_stopping, false);
    if (std::optional<Secrets> next = std::exchange(m_next, std::nullopt)) {
        m_fatal.clear();
        launch(*next);
        return;
    }
    Q_EMIT stateChanged(State::Offline, std::exchange(m_fatal, QString()));
    if (wasStopping)
        Q_EMIT stopped();
}

void IntakeWorker::noteChanged(const QString &applicationId)
{
    m_changed.insert(applicationId);
    if (!m_publishTimer->isActive())
        m_publishTimer->start();
}

void IntakeWorker::publishRows()
{
    m_publishTimer->stop();
    if (m_changed.isEmpty() || !m_database)
        return;
    const QStringList ids(m_changed.cbegin(), m_changed.cend());
    m_changed.clear();
    const QList<ApplicationRow> rows = ApplicationRepository(*m_database).tableRows(ids);
    if (!rows.isEmpty())
        Q_EMIT rowsChanged(rows);
}

} // namespace rs::sync
