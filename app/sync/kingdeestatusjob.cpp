#include "app/sync/kingdeestatusjob.h"

#include "app/kingdee/billreader.h"
#include "app/mapping/scheme.h"
#include "app/store/billrepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QTimer>

#include <algorithm>

namespace rs::sync {

QString KingdeeStatusReport::summary() const
{
    if (!stopReason.isEmpty())
        return QCoreApplication::translate("rs::Sync", "Kingdee's status could not be read: %1")
            .arg(stopReason);
    QString text =
        QCoreApplication::translate("rs::Sync", "Read %n bill(s) in Kingdee.", nullptr, read);
    if (gone > 0)
        text += QLatin1Char(' ')
            + QCoreApplication::translate("rs::Sync", "%n no longer in Kingdee.", nullptr, gone);
    return text;
}

KingdeeStatusJob::KingdeeStatusJob(const Database &database, kingdee::KingdeeClient &client,
                                   std::shared_ptr<const Scheme> scheme, QStringList keys,
                                   QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_scheme(std::move(scheme))
    , m_keys(std::move(keys))
{ }

KingdeeStatusJob::~KingdeeStatusJob() = default;

void KingdeeStatusJob::start()
{
    StoreError error;
    if (m_keys.isEmpty()) {
        for (const BillRecord &bill :
             BillRepository(m_database).inStates({BillState::Synced}, &error))
            m_keys.append(bill.key);
    }
    m_keys.removeDuplicates();
    if (!error.ok() || m_keys.isEmpty()) {
        KingdeeStatusReport report;
        report.stopReason = error.message;
        QTimer::singleShot(0, this, [this, report] { end(report); });
        return;
    }
    kingdee::BillReader::byKeys(
        m_client, m_scheme->formId, m_scheme->idempotencyField, m_keys,
        [this](const kingdee::BillsRead &read) {
            KingdeeStatusReport report;
            if (!read.failure.ok()) {
                report.stopReason = read.failure.describe();
                end(report);
                return;
            }
            QHash<QString, QString> status;
            for (const QString &key : std::as_const(m_keys))
                status.insert(key, QLatin1String(BillRepository::GoneStatus));
            for (const kingdee::KingdeeBill &bill : read.bills)
                status.insert(bill.key, bill.documentStatus);
            report.read = int(m_keys.size());
            report.gone = int(std::count(status.cbegin(), status.cend(),
                                         QLatin1String(BillRepository::GoneStatus)));
            const StoreError e =
                BillRepository(m_database).recordStatusesRead(status, &report.changedKeys);
            if (!e.ok())
                report.stopReason = e.message;
            end(report);
        });
}

void KingdeeStatusJob::end(const KingdeeStatusReport &report)
{
    Q_EMIT finished(report);
}

} // namespace rs::sync
