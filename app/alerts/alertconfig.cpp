#include "app/alerts/alertconfig.h"

#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"

namespace rs::alerts {

AlertConfig AlertConfig::fromSettings(const Settings &settings, int dingTalkQuota)
{
    const auto key = [](const char *k) {
        return QLatin1String(k);
    };
    AlertConfig c;
    c.robotEnabled = settings.text(key(keys::AlertsRobot)) == QLatin1String("on");
    c.robotUrl = QUrl(settings.text(key(keys::AlertsRobotUrl)));
    c.thresholds.failures = settings.integer(key(keys::AlertsFailuresThreshold));
    c.thresholds.inDoubtMinutes = settings.integer(key(keys::AlertsInDoubtMinutes));
    c.thresholds.dingTalkQuota = dingTalkQuota;
    c.thresholds.dingTalkPushes = settings.integer(key(keys::DingTalkMonthlyPushes));
    c.fetchMinutes = settings.integer(key(keys::ScheduleFetchMinutes));
    c.syncMinutes = settings.integer(key(keys::ScheduleSyncMinutes));
    return c;
}

} // namespace rs::alerts
