#include "ui/settingsaudit.h"

#include "app/settings/settings.h"
#include "app/store/eventlog.h"
#include "app/store/eventtext.h"

#include <QTimer>

namespace rs {

SettingsAudit::SettingsAudit(Settings &settings, const Database &database, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_database(database)
    , m_collect(new QTimer(this))
{
    // A dialog saves its keys one after the other: they become one event.
    m_collect->setSingleShot(true);
    m_collect->setInterval(0);
    connect(m_collect, &QTimer::timeout, this, &SettingsAudit::record);
    connect(&m_settings, &Settings::changed, this, [this](const QString &key) {
        if (!m_keys.contains(key))
            m_keys.append(key);
        m_collect->start();
    });
}

void SettingsAudit::record()
{
    QStringList changes;
    for (const QString &key : std::as_const(m_keys)) {
        // "kingdee/base_url" reads as it does in settings.ini: "[kingdee] base_url".
        const qsizetype slash = key.indexOf(u'/');
        const QString shown =
            slash < 0 ? key : QStringLiteral("[%1] %2").arg(key.left(slash), key.mid(slash + 1));
        changes.append(shown + QLatin1String(" = ") + m_settings.text(key));
    }
    m_keys.clear();
    if (changes.isEmpty())
        return;
    SyncEvent event;
    event.kind = QStringLiteral("settings.changed");
    event.message = eventtext::encode(
        "rs::SettingsAudit", QT_TRANSLATE_NOOP("rs::SettingsAudit", "Settings changed: %1"),
        {changes.join(QLatin1String("; "))});
    // A log that cannot be written must not undo or block a saved setting.
    EventLog(m_database).append(event);
}

} // namespace rs
