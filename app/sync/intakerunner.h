#pragma once

#include "app/dingtalk/streamclient.h"
#include "app/settings/profile.h"
#include "app/store/records.h"

#include <QObject>
#include <QThread>

namespace rs {
class SecretStore;
}

namespace rs::sync {

class IntakeWorker;

// The console's handle on its Stream intake ([dingtalk] intake=stream): owns the worker thread,
// reads the secrets the intake needs on the UI thread (QtKeychain lives there) without waiting
// for them, and forwards the connection's state and the stored applications' rows, queued.
class IntakeRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntakeRunner)

public:
    using State = dingtalk::StreamClient::State;

    explicit IntakeRunner(const Profile &profile, QObject *parent = nullptr);
    ~IntakeRunner() override;

    // Reads settings.ini again: starts (or restarts) the intake when it says stream, stops it
    // when it says poll. After the credential dialog was saved, and at the console's start.
    void reload();
    bool isEnabled() const { return m_enabled; }
    State state() const { return m_state; }
    QString problem() const { return m_problem; }

Q_SIGNALS:
    void enabledChanged(bool enabled);
    void stateChanged(rs::dingtalk::StreamClient::State state, const QString &problem);
    void rowsChanged(const QList<rs::ApplicationRow> &rows);

private:
    void setState(State state, const QString &problem);

    Profile m_profile;
    SecretStore *m_secrets;
    QThread m_thread;
    IntakeWorker *m_worker; // lives on m_thread, deleted there
    bool m_enabled = false;
    int m_generation = 0; // a keychain answer for an older reload is dropped
    State m_state = State::Offline;
    QString m_problem;
};

} // namespace rs::sync
