#include "app/sync/revokereread.h"

#include "app/store/applicationrepository.h"

#include <algorithm>
#include <map>

namespace rs::sync {

QStringList RevokeReread::due(const Database &database, const QDate &beijingToday)
{
    std::multimap<int, QString> byAge;
    for (const ApplicationRow &row : ApplicationRepository(database).tableRows()) {
        if (row.approval != ApprovalState::Approved)
            continue;
        const bool synced =
            std::any_of(row.bills.cbegin(), row.bills.cend(),
                        [](const ApplicationRow::Bill &b) { return b.state == BillState::Synced; });
        if (!synced)
            continue;
        const QDate submitted = QDate::fromString(row.createdAt.left(10), Qt::ISODate);
        const qint64 age = submitted.isValid() ? submitted.daysTo(beijingToday) : -1;
        if (std::find(std::cbegin(AgesInDays), std::cend(AgesInDays), age) != std::cend(AgesInDays))
            byAge.emplace(int(age), row.id);
    }
    QStringList ids;
    for (const auto &[age, id] : byAge)
        ids.append(id);
    return ids;
}

} // namespace rs::sync
