#pragma once

#include <QObject>
#include <QStringList>

class QTimer;

namespace rs {

class Database;
class Settings;

// Who changed which setting, on the shared record: each change a clerk saves through the console
// (its dialogs and the scheme editor all write through one Settings) becomes one sync-log event
// naming the keys and their new values, under the clerk's user and machine like every event.
// Secrets are never settings, so no value written here is one.
class SettingsAudit final : public QObject
{
    Q_OBJECT

public:
    SettingsAudit(Settings &settings, const Database &database, QObject *parent = nullptr);

private:
    void record();

    Settings &m_settings;
    const Database &m_database;
    QTimer *m_collect = nullptr;
    QStringList m_keys; // changed since the last event, in order
};

} // namespace rs
