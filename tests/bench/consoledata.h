#pragma once

#include "app/store/applicationrepository.h"
#include "app/store/database.h"

#include <QFile>
#include <QSqlQuery>

namespace rs::bench {

// Resident memory in MB where the OS tells it cheaply (Linux); -1 elsewhere.
inline double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024;
    }
    return -1;
}

// `count` applications as a busy year leaves them: application i is approved unless i % 10 == 0,
// and an approved one has a synced bill when i is even, a pending one otherwise; customers
// C0001…C0060. Bills are written as the push job leaves them, in one transaction (test data, not
// the app's code path).
inline bool fillStore(const Database &database, int count)
{
    QList<ApplicationRecord> applications;
    applications.reserve(count);
    for (int i = 0; i < count; ++i) {
        ApplicationRecord a;
        a.id = QStringLiteral("pi-%1").arg(i, 6, 10, QLatin1Char('0'));
        a.businessId = QStringLiteral("2026%1").arg(i, 9, 10, QLatin1Char('0'));
        a.title = QStringLiteral("员工%1提交的返利发放申请").arg(i % 50);
        a.originatorDeptName = QStringLiteral("华东销售部");
        a.createdAt = QStringLiteral("2026-%1-%2 10:00:00")
                          .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                          .arg(1 + i % 28, 2, 10, QLatin1Char('0'));
        a.approval = i % 10 == 0 ? ApprovalState::InApproval : ApprovalState::Approved;
        a.amount =
            QStringLiteral("-%1.%2").arg(i % 90000 + 100).arg(i % 100, 2, 10, QLatin1Char('0'));
        a.organisation = QStringLiteral("10%1").arg(i % 3);
        a.customers = QStringLiteral("C%1, C%2")
                          .arg(i % 60 + 1, 4, 10, QLatin1Char('0'))
                          .arg((i + 7) % 60 + 1, 4, 10, QLatin1Char('0'));
        a.rawJson = QByteArrayLiteral("{}");
        applications.append(a);
    }
    if (!ApplicationRepository(database).upsertAll(applications).ok())
        return false;
    {
        QSqlQuery q(database.connection());
        q.exec(QStringLiteral("BEGIN"));
        q.prepare(QStringLiteral("INSERT INTO bills (idempotency_key, application_id, state,"
                                 " kingdee_number, created_at, updated_at) VALUES (?, ?, ?, ?,"
                                 " 'x', 'x')"));
        for (int i = 0; i < count; ++i) {
            if (i % 10 == 0)
                continue;
            const bool synced = i % 2 == 0;
            q.addBindValue(QStringLiteral("k-%1").arg(i));
            q.addBindValue(applications.at(i).id);
            q.addBindValue(synced ? QStringLiteral("synced") : QStringLiteral("pending"));
            q.addBindValue(synced ? QStringLiteral("QTYS%1").arg(i) : QString());
            q.exec();
        }
        q.exec(QStringLiteral("COMMIT"));
    }
    return true;
}

} // namespace rs::bench
