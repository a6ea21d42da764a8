#include "app/report/reconcilejob.h"

#include "app/kingdee/kingdeeclient.h"
#include "app/mapping/scheme.h"

#include <QTimer>

namespace rs::report {

ReconcileJob::ReconcileJob(const Database &database, kingdee::KingdeeClient &client,
                           std::shared_ptr<const Scheme> scheme, QDate from, QDate to,
                           QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_scheme(std::move(scheme))
    , m_from(from)
    , m_to(to)
{ }

void ReconcileJob::start()
{
    StoreError error;
    auto store = std::make_shared<QList<StoreBill>>(storeBills(m_database, m_from, m_to, &error));
    if (!error.ok()) {
        ReconcileReport failed;
        failed.from = m_from;
        failed.to = m_to;
        failed.stopReason = error.message;
        QTimer::singleShot(0, this, [this, failed] { Q_EMIT finished(failed); });
        return;
    }
    kingdee::BillReader::inPeriod(m_client, m_scheme->formId, m_scheme->idempotencyField, m_from,
                                  m_to, [this, store](const kingdee::BillsRead &read) {
                                      if (!read.failure.ok()) {
                                          ReconcileReport failed;
                                          failed.from = m_from;
                                          failed.to = m_to;
                                          failed.stopReason = read.failure.describe();
                                          Q_EMIT finished(failed);
                                          return;
                                      }
                                      Q_EMIT finished(reconcile(*store, read.bills, m_from, m_to));
                                  });
}

} // namespace rs::report
