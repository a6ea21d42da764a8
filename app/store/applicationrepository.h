#pragma once

#include "app/store/records.h"
#include "app/store/storeerror.h"

#include <QHash>

#include <optional>

namespace rs {

class Database;

// Applications and their flattened rows. An upsert replaces the application and all its rows in
// one transaction, so a reader never sees an application with half its rows.
class ApplicationRepository final
{
public:
    explicit ApplicationRepository(const Database &database);

    StoreError upsert(const ApplicationRecord &application) const;
    // Read methods report a failure through `error` when given; they return what they could read.
    std::optional<ApplicationRecord> find(const QString &id, StoreError *error = nullptr) const;
    // Ordered by DingTalk's create time, newest first; `approval` filters when set.
    QList<ApplicationRecord> list(std::optional<ApprovalState> approval = std::nullopt,
                                  StoreError *error = nullptr) const;
    QHash<ApprovalState, int> countByApproval(StoreError *error = nullptr) const;

private:
    const Database &m_database;
};

} // namespace rs
