#pragma once

#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <memory>

namespace rs {
class Database;
struct Scheme;
} // namespace rs

namespace rs::kingdee {
class KingdeeClient;
} // namespace rs::kingdee

namespace rs::sync {

struct KingdeeStatusReport
{
    int read = 0; // synced bills asked about
    int gone = 0; // of them, no longer in Kingdee
    QStringList changedKeys; // bills whose recorded status changed
    QString stopReason; // set when Kingdee could not be read: nothing was concluded

    QString summary() const;
};

// Reads what Kingdee holds of synced bills now — FDocumentStatus, or nothing for a bill someone
// deleted — by key, 1,999 keys a query (BillReader::byKeys), and records it on each bill. A read
// that failed anywhere records nothing: a bill missing from a partial answer may still be there.
class KingdeeStatusJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KingdeeStatusJob)

public:
    // `keys` empty: every synced bill.
    KingdeeStatusJob(const Database &database, kingdee::KingdeeClient &client,
                     std::shared_ptr<const Scheme> scheme, QStringList keys,
                     QObject *parent = nullptr);
    ~KingdeeStatusJob() override;

    void start();

Q_SIGNALS:
    void finished(const rs::sync::KingdeeStatusReport &report);

private:
    void end(const KingdeeStatusReport &report);

    const Database &m_database;
    kingdee::KingdeeClient &m_client;
    std::shared_ptr<const Scheme> m_scheme;
    QStringList m_keys;
};

} // namespace rs::sync

Q_DECLARE_METATYPE(rs::sync::KingdeeStatusReport)
