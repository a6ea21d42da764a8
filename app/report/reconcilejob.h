#pragma once

#include "app/report/reconciliation.h"

#include <QObject>

#include <memory>

namespace rs {
struct Scheme;
}

namespace rs::kingdee {
class KingdeeClient;
}

namespace rs::report {

// One reconciliation: the store's bills, then Kingdee's bills of the period in ⌈n / 2,000⌉ pages
// of one ExecuteBillQuery, then the comparison.
class ReconcileJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReconcileJob)

public:
    ReconcileJob(const Database &database, kingdee::KingdeeClient &client,
                 std::shared_ptr<const Scheme> scheme, QDate from, QDate to,
                 QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(const rs::report::ReconcileReport &report);

private:
    const Database &m_database;
    kingdee::KingdeeClient &m_client;
    std::shared_ptr<const Scheme> m_scheme;
    QDate m_from;
    QDate m_to;
};

} // namespace rs::report
