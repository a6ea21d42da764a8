#include "app/sync/fetchreport.h"

#include <QCoreApplication>

namespace rs::sync {

QString FetchReport::summary() const
{
    QString text = QCoreApplication::translate(
                       "rs::Fetch",
                       "Listed %1, fetched %2 (%3 already final, not fetched again), stored %4,"
                       " malformed %5, failed %6, revoked %7; DingTalk calls this month: %8.")
                       .arg(listed)
                       .arg(requested)
                       .arg(skippedFinal)
                       .arg(stored)
                       .arg(malformed)
                       .arg(failed)
                       .arg(revoked)
                       .arg(monthCalls);
    if (qualityIssues > 0) {
        text += QLatin1Char(' ')
            + QCoreApplication::translate("rs::Fetch",
                                          "%n approved application(s) failed the data quality"
                                          " check; the log says why.",
                                          nullptr, qualityIssues);
    }
    if (!missingIds.isEmpty()) {
        text += QLatin1Char(' ')
            + QCoreApplication::translate("rs::Fetch", "Missing from the store: %1.")
                  .arg(missingIds.join(QStringLiteral(", ")));
    }
    if (unsavedCalls > 0) {
        text += QLatin1Char(' ')
            + QCoreApplication::translate("rs::Fetch",
                                          "%n DingTalk call(s) could not yet be written to the"
                                          " month's count.",
                                          nullptr, unsavedCalls);
    }
    if (!stopReason.isEmpty())
        text += QLatin1Char(' ')
            + QCoreApplication::translate("rs::Fetch", "Stopped: %1").arg(stopReason);
    return text;
}

FetchReport FetchReport::refused(const QString &reason)
{
    FetchReport report;
    report.result = Result::ConfigError;
    report.stopReason = reason;
    return report;
}

} // namespace rs::sync
