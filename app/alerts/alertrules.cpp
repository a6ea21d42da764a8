#include "app/alerts/alertrules.h"

#include "app/store/apiusagerepository.h"
#include "app/store/billrepository.h"
#include "app/sync/fetchreport.h"
#include "app/sync/pushreport.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace rs::alerts {
namespace {

Alert make(Alert::Kind kind, const QString &title, const QString &text, const QDateTime &nowUtc)
{
    return {kind, title, text, nowUtc.toMSecsSinceEpoch()};
}

} // namespace

AlertRules::AlertRules(AlertThresholds thresholds)
    : m_thresholds(thresholds)
{ }

QList<Alert> AlertRules::afterFetch(const sync::FetchReport &report, const QDateTime &nowUtc)
{
    QList<Alert> alerts;
    if (report.result == sync::FetchReport::Result::ConfigError) {
        alerts.append(
            make(Alert::Kind::ConfigError,
                 tr("RebateSync: fetching from DingTalk failed (configuration or sign-in)"),
                 report.stopReason, nowUtc));
    }
    if (m_thresholds.failures > 0 && report.failed >= m_thresholds.failures) {
        alerts.append(
            make(Alert::Kind::RunFailures,
                 tr("RebateSync: %n application(s) could not be fetched", nullptr, report.failed),
                 report.summary(), nowUtc));
    }
    if (const std::optional<Alert> q = quota(report.monthCalls, nowUtc))
        alerts.append(*q);
    return alerts;
}

QList<Alert> AlertRules::afterPush(const sync::PushReport &report, const QDateTime &nowUtc)
{
    QList<Alert> alerts;
    if (report.result == sync::PushReport::Result::ConfigError) {
        alerts.append(make(Alert::Kind::ConfigError,
                           tr("RebateSync: sync to Kingdee failed (configuration or sign-in)"),
                           report.stopReason, nowUtc));
    }
    if (m_thresholds.failures > 0 && report.failed >= m_thresholds.failures) {
        QStringList errors;
        for (const sync::BillLine &line : report.lines) {
            if (line.state == BillState::Failed && errors.size() < 5)
                errors.append(line.key + QStringLiteral(" ") + line.error);
        }
        alerts.append(make(Alert::Kind::RunFailures,
                           tr("RebateSync: %n bill(s) failed in Kingdee", nullptr, report.failed),
                           report.summary() + QLatin1Char('\n') + errors.join(QLatin1Char('\n')),
                           nowUtc));
    }
    // Never silent, whatever the thresholds: a second bill for one application is money twice.
    if (!report.duplicatesInKingdee.isEmpty()) {
        alerts.append(
            make(Alert::Kind::DuplicateInKingdee,
                 tr("RebateSync: %n bill(s) are in Kingdee twice", nullptr,
                    int(report.duplicatesInKingdee.size())),
                 tr("Another installation of RebateSync, or a person, sent these bills "
                    "too; delete the extra ones in Kingdee: %1")
                     .arg(report.duplicatesInKingdee.mid(0, 10).join(QStringLiteral(", "))),
                 nowUtc));
    }
    return alerts;
}

QList<Alert> AlertRules::periodic(const Database &database, const QDateTime &nowUtc)
{
    QList<Alert> alerts;
    StoreError error;
    const qint64 calls = ApiUsageRepository(database).dingTalkQuotaCalls(nowUtc, &error);
    if (error.ok()) {
        if (const std::optional<Alert> q = quota(calls, nowUtc))
            alerts.append(*q);
    }
    const qint64 pushed = ApiUsageRepository(database).dingTalkMonthEvents(nowUtc, &error);
    if (error.ok()) {
        if (const std::optional<Alert> p = pushes(pushed, nowUtc))
            alerts.append(*p);
    }
    if (m_thresholds.inDoubtMinutes <= 0)
        return alerts;
    const QDateTime before = nowUtc.addSecs(-qint64(m_thresholds.inDoubtMinutes) * 60);
    QStringList fresh;
    for (const BillRecord &bill :
         BillRepository(database).inStateSince(BillState::InDoubt, before, &error)) {
        if (!m_inDoubtAnnounced.contains(bill.key)) {
            m_inDoubtAnnounced.insert(bill.key);
            fresh.append(bill.key);
        }
    }
    if (!fresh.isEmpty()) {
        alerts.append(make(Alert::Kind::InDoubt,
                           tr("RebateSync: %n bill(s) in doubt for more than %1 minutes", nullptr,
                              int(fresh.size()))
                               .arg(m_thresholds.inDoubtMinutes),
                           tr("Look them up in Kingdee (Retry failed reconciles them first): %1")
                               .arg(fresh.join(QStringLiteral(", "))),
                           nowUtc));
    }
    return alerts;
}

QStringList AlertRules::announced() const
{
    QStringList keys(m_levelsAnnounced.cbegin(), m_levelsAnnounced.cend());
    for (const QString &bill : m_inDoubtAnnounced)
        keys.append(QStringLiteral("doubt/") + bill);
    keys.sort();
    return keys;
}

void AlertRules::restoreAnnounced(const QStringList &keys)
{
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("doubt/")))
            m_inDoubtAnnounced.insert(key.mid(6));
        else
            m_levelsAnnounced.insert(key);
    }
}

int AlertRules::newLevel(const QString &what, qint64 used, qint64 allowed, const QDateTime &nowUtc)
{
    if (allowed <= 0)
        return 0;
    const QString month =
        ApiUsageRepository::beijingDate(nowUtc).toString(QStringLiteral("yyyy-MM"));
    int level = 0;
    for (int percent : {m_thresholds.quotaPercent, m_thresholds.quotaUrgentPercent}) {
        if (percent > 0 && used * 100 >= allowed * percent)
            level = std::max(level, percent);
    }
    if (level == 0)
        return 0;
    const QString key = what + QLatin1Char('/') + month + QLatin1Char('/');
    if (m_levelsAnnounced.contains(key + QString::number(level)))
        return 0;
    // Reaching 95 % says 80 % too: one message, not two.
    for (int percent : {m_thresholds.quotaPercent, m_thresholds.quotaUrgentPercent}) {
        if (percent <= level)
            m_levelsAnnounced.insert(key + QString::number(percent));
    }
    return level;
}

std::optional<Alert> AlertRules::quota(qint64 monthCalls, const QDateTime &nowUtc)
{
    if (newLevel(QStringLiteral("calls"), monthCalls, m_thresholds.dingTalkQuota, nowUtc) == 0)
        return std::nullopt;
    return make(
        Alert::Kind::Quota,
        tr("RebateSync: DingTalk calls this month at %1% of the quota")
            .arg(monthCalls * 100 / m_thresholds.dingTalkQuota),
        tr("%1 of %2 calls used.")
            .arg(QLocale().toString(monthCalls), QLocale().toString(m_thresholds.dingTalkQuota)),
        nowUtc);
}

std::optional<Alert> AlertRules::pushes(qint64 monthPushes, const QDateTime &nowUtc)
{
    if (newLevel(QStringLiteral("pushes"), monthPushes, m_thresholds.dingTalkPushes, nowUtc) == 0)
        return std::nullopt;
    return make(
        Alert::Kind::Quota,
        tr("RebateSync: DingTalk Stream pushes this month at %1% of the allowance")
            .arg(monthPushes * 100 / m_thresholds.dingTalkPushes),
        tr("%1 of %2 pushes received; past the allowance DingTalk stops pushing and only"
           " the sweeps find new approvals.")
            .arg(QLocale().toString(monthPushes), QLocale().toString(m_thresholds.dingTalkPushes)),
        nowUtc);
}

} // namespace rs::alerts
