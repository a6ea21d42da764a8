#pragma once

#include "app/dingtalk/streamclient.h"
#include "app/settings/profile.h"
#include "app/store/records.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>
#include <optional>

class QTimer;

namespace rs {
class Database;
}

namespace rs::sync {

class AutoSync;
class StreamIntake;

// The console's Stream intake, on IntakeRunner's thread: its own database connection, DingTalk
// (and, with auto_sync, Kingdee) clients, the same StreamIntake and AutoSync as `watch`. Stored
// applications go to the UI as table rows, read here a few times a second at most.
class IntakeWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntakeWorker)

public:
    explicit IntakeWorker(Profile profile, QObject *parent = nullptr);
    ~IntakeWorker() override;

    // Starts (or, when one runs, restarts) the intake with the settings as they are now.
    // `kingdeeSecret` is read only with auto-sync on.
    void start(const QString &dingTalkSecret, const QString &kingdeeSecret, bool autoSync);
    void stop();

Q_SIGNALS:
    void stateChanged(rs::dingtalk::StreamClient::State state, const QString &problem);
    void rowsChanged(const QList<rs::ApplicationRow> &rows);
    void stopped();

private:
    struct Secrets
    {
        QString dingTalk;
        QString kingdee;
        bool autoSync = false;
    };

    void launch(const Secrets &secrets);
    QString prepare(const Secrets &secrets);
    void onIntakeStopped();
    void noteChanged(const QString &applicationId);
    void publishRows();

    Profile m_profile;
    std::unique_ptr<Database> m_database;
    QPointer<QObject> m_run; // parent of the clients, the intake and the auto-sync
    QPointer<StreamIntake> m_intake;
    QPointer<AutoSync> m_autoSync;
    bool m_stopping = false;
    QString m_fatal; // why the intake stopped by itself
    std::optional<Secrets> m_next; // a start asked for while the last run was stopping
    QSet<QString> m_changed;
    QTimer *m_publishTimer;
};

} // namespace rs::sync
