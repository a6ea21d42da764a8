#pragma once

#include "app/alerts/alertrules.h"

#include <QUrl>

namespace rs {
class Settings;
}

namespace rs::alerts {

// The [alerts] and [schedule] settings, typed. The robot's token and secret are not here: they
// are read from the keychain (SecretName::RobotAccessToken, RobotSecret).
struct AlertConfig
{
    bool robotEnabled = false;
    QUrl robotUrl;
    AlertThresholds thresholds;
    int fetchMinutes = 0; // 0 = no scheduled fetch
    int syncMinutes = 0; // 0 = no scheduled sync

    // `dingTalkQuota`: the month quota the console counts against (5,000 unless configured).
    static AlertConfig fromSettings(const Settings &settings, int dingTalkQuota = 5000);
};

} // namespace rs::alerts
