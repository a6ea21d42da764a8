#include "app/sync/intakerunner.h"

#include "app/secrets/secretstore.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/sync/intakeworker.h"
#include "app/sync/jobsetup.h"

namespace rs::sync {

IntakeRunner::IntakeRunner(const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_secrets(new SecretStore(profile.keychainScope(), this))
    , m_worker(new IntakeWorker(profile))
{
    m_thread.setObjectName(QStringLiteral("intake"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &IntakeWorker::stateChanged, this, &IntakeRunner::setState);
    connect(m_worker, &IntakeWorker::rowsChanged, this, &IntakeRunner::rowsChanged);
    m_thread.start();
}

IntakeRunner::~IntakeRunner()
{
    // The worker's destructor, on its thread, closes the connection; a sync it had in flight is
    // finished safely by the next run, as after a crash.
    m_thread.quit();
    m_thread.wait();
}

void IntakeRunner::reload()
{
    const int generation = ++m_generation;
    const Settings settings(m_profile.settingsPath(), m_profile.schemesDir());
    const bool enabled =
        settings.text(QLatin1String(keys::DingTalkIntake)) == QLatin1String("stream");
    if (enabled != m_enabled) {
        m_enabled = enabled;
        Q_EMIT enabledChanged(enabled);
    }
    if (!enabled) {
        QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->stop(); });
        return;
    }
    const bool autoSync =
        settings.text(QLatin1String(keys::ScheduleAutoSync)) == QLatin1String("on");
    const SecretName kingdeeName = JobSetup::kingdeeSecretName(settings);
    setState(State::Connecting, {});
    m_secrets->read(SecretName::DingTalkAppSecret, [=, this](const SecretResult &dingTalk) {
        if (generation != m_generation)
            return;
        if (!dingTalk.ok()) {
            setState(State::Offline, dingTalk.message);
            return;
        }
        const auto launch = [this, secret = dingTalk.value, autoSync](const QString &kingdee) {
            QMetaObject::invokeMethod(m_worker, [worker = m_worker, secret, kingdee, autoSync] {
                worker->start(secret, kingdee, autoSync);
            });
        };
        if (!autoSync) {
            launch({});
            return;
        }
        m_secrets->read(kingdeeName, [=, this](const SecretResult &kingdee) {
            if (generation != m_generation)
                return;
            if (!kingdee.ok()) {
                setState(State::Offline, kingdee.message);
                return;
            }
            launch(kingdee.value);
        });
    });
}

void IntakeRunner::setState(State state, const QString &problem)
{
    if (state == m_state && problem == m_problem)
        return;
    m_state = state;
    m_problem = problem;
    Q_EMIT stateChanged(state, problem);
}

} // namespace rs::sync
