#include "app/sync/pushreport.h"

#include <QCoreApplication>

namespace rs::sync {

QString BillLine::text() const
{
    const QString detail = state == BillState::Synced ? number : error;
    QString simplified = detail.simplified(); // one line per bill, whatever Kingdee wrote
    return key + QLatin1Char('\t') + toWireName(state) + QLatin1Char('\t') + simplified;
}

QString PushReport::summary() const
{
    QString text = QCoreApplication::translate("rs::Sync", "Synced %1, failed %2, not sent %3")
                       .arg(synced)
                       .arg(failed)
                       .arg(notSent);
    if (inDoubt > 0)
        text += QCoreApplication::translate("rs::Sync", ", in doubt %1").arg(inDoubt);
    if (notSendable > 0)
        text += QCoreApplication::translate("rs::Sync", ", not sendable %1").arg(notSendable);
    if (cancelled)
        text += QCoreApplication::translate("rs::Sync", " (stopped)");
    else if (!stopReason.isEmpty())
        text += QCoreApplication::translate("rs::Sync", ". Stopped: %1").arg(stopReason);
    return text;
}

PushReport PushReport::refused(const QString &reason)
{
    PushReport report;
    report.result = Result::ConfigError;
    report.stopReason = reason;
    return report;
}

} // namespace rs::sync
