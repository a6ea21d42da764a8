#include "app/sync/pushreport.h"

#include "app/store/eventtext.h"

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
    return eventtext::render(summaryForLog());
}

QString PushReport::summaryForLog() const
{
    using eventtext::encode;
    QStringList parts {
        encode("rs::Sync", QT_TRANSLATE_NOOP("rs::Sync", "Synced %1, failed %2, not sent %3"),
               {QString::number(synced), QString::number(failed), QString::number(notSent)})};
    if (inDoubt > 0)
        parts.append(encode("rs::Sync", QT_TRANSLATE_NOOP("rs::Sync", ", in doubt %1"),
                            {QString::number(inDoubt)}));
    if (notSendable > 0)
        parts.append(encode("rs::Sync", QT_TRANSLATE_NOOP("rs::Sync", ", not sendable %1"),
                            {QString::number(notSendable)}));
    if (!afterSaveErrors.isEmpty()) {
        parts.append(encode("rs::Sync",
                            QT_TRANSLATE_NOOP("rs::Sync",
                                              ". %n bill(s) saved, but not submitted or "
                                              "audited: %1"),
                            {afterSaveErrors.constFirst().simplified()},
                            int(afterSaveErrors.size())));
    }
    if (goneFromKingdee > 0) {
        parts.append(encode("rs::Sync", QT_TRANSLATE_NOOP("rs::Sync", ". %n no longer in Kingdee"),
                            {}, goneFromKingdee));
    }
    if (!duplicatesInKingdee.isEmpty()) {
        parts.append(encode("rs::Sync", QT_TRANSLATE_NOOP("rs::Sync", ". %n in Kingdee twice"), {},
                            int(duplicatesInKingdee.size())));
    }
    if (cancelled)
        parts.append(encode("rs::Sync", QT_TRANSLATE_NOOP("rs::Sync", " (stopped)")));
    else if (!stopReason.isEmpty())
        parts.append(
            encode("rs::Sync", QT_TRANSLATE_NOOP("rs::Sync", ". Stopped: %1"), {stopReason}));
    return eventtext::join(parts);
}

PushReport PushReport::refused(const QString &reason)
{
    PushReport report;
    report.result = Result::ConfigError;
    report.stopReason = reason;
    return report;
}

} // namespace rs::sync
