#pragma once

#include <QDate>
#include <QStringList>

namespace rs {
class Database;
}

namespace rs::sync {

// The second reading of a revocation (DINGTALK.md): `biz_action: REVOKE` on the approved
// instance itself, which no listing, push or revoke request shows — only a re-read of its
// detail. On the daily sweep each synced approval is read again on its 2nd, 7th and 21st day
// after submission (Beijing days): three detail calls per synced application, three weeks back.
// Stateless: which applications are due follows from the day alone, so nothing is stored.
class RevokeReread final
{
public:
    static constexpr int AgesInDays[] = {2, 7, 21};

    // Approved applications with a synced bill, submitted 2, 7 or 21 days before `beijingToday`,
    // the youngest first.
    static QStringList due(const Database &database, const QDate &beijingToday);
};

} // namespace rs::sync
