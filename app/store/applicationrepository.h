#pragma once

#include "app/store/records.h"
#include "app/store/storeerror.h"

#include <QHash>

class QSqlDatabase;

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
    // Many in one transaction: an import, a benchmark.
    StoreError upsertAll(const QList<ApplicationRecord> &applications) const;
    // Read methods report a failure through `error` when given; they return what they could read.
    std::optional<ApplicationRecord> find(const QString &id, StoreError *error = nullptr) const;
    // Ordered by DingTalk's create time, newest first; `approval` filters when set.
    QList<ApplicationRecord> list(std::optional<ApprovalState> approval = std::nullopt,
                                  StoreError *error = nullptr) const;
    // Like list(approval), with every application's rows: two queries for a whole store, in one
    // read transaction (what the scheme editor maps to show what a new scheme changes).
    QList<ApplicationRecord> listWithRows(ApprovalState approval,
                                          StoreError *error = nullptr) const;
    QHash<ApprovalState, int> countByApproval(StoreError *error = nullptr) const;
    // Every application as the applications table shows it, newest first, with its bills.
    QList<ApplicationRow> tableRows(StoreError *error = nullptr) const;
    // The newest applications only: what the window shows first while the rest loads.
    QList<ApplicationRow> newestTableRows(int limit, StoreError *error = nullptr) const;
    // The rows of these applications only (unknown ids are left out), for a live refresh.
    QList<ApplicationRow> tableRows(const QStringList &ids, StoreError *error = nullptr) const;
    // Every application's approval state by id, without the heavy columns: what a fetch needs
    // to skip instances already final.
    QHash<QString, ApprovalState> approvalById(StoreError *error = nullptr) const;
    // The oldest DingTalk create time ("yyyy-MM-dd HH:mm:ss", Beijing) among applications in
    // `approval`; empty when there are none.
    QString earliestCreateTime(ApprovalState approval, StoreError *error = nullptr) const;
    // An approved application revoked later in DingTalk; the event commits with the change.
    // An unknown id answers Conflict.
    StoreError markRevoked(const QString &id, const SyncEvent &event) const;
    // Whether an approved revoke request naming `id` is stored (it may arrive before `id`).
    bool isRevokedByAnother(const QString &id, StoreError *error = nullptr) const;

private:
    // `ids` empty and `limit` > 0: the newest `limit` applications; both empty: all of them.
    QList<ApplicationRow> readTableRows(const QStringList &ids, int limit, StoreError *error) const;
    static StoreError upsertIn(QSqlDatabase &db, const ApplicationRecord &application);

    const Database &m_database;
};

} // namespace rs
