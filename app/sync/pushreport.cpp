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
    QString text = QCoreApplication::translate(
                       "rs::Sync", "Synced %1, failed %2, in doubt %3, not sendable %4.")
                       .arg(synced)
                       .arg(failed)
                       .arg(inDoubt)
                       .arg(notSendable);
    if (!afterSaveErrors.isEmpty())
        text += QLatin1Char(' ')
            + QCoreApplication::translate("rs::Sync",
                                          "%n bill(s) saved, but not submitted or "
                                          "audited: %1",
                                          nullptr, int(afterSaveErrors.size()))
                  .arg(afterSaveErrors.constFirst().simplified());
    if (goneFromKingdee > 0)
        text += QLatin1Char(' ')
            + QCoreApplication::translate("rs::Sync", "%n no longer in Kingdee.", nullptr,
                                          goneFromKingdee);
    if (!stopReason.isEmpty())
        text += QLatin1Char(' ')
            + QCoreApplication::translate("rs::Sync", "Stopped: %1").arg(stopReason);
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
