#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

namespace rs {
class Database;
struct Scheme;
} // namespace rs

namespace rs::kingdee {
class KingdeeClient;
struct BillsRead;
} // namespace rs::kingdee

namespace rs::sync {

// `[kingdee] after_save`: what follows a save.
enum class AfterSave { None, Submit, Audit };
AfterSave afterSaveFromSetting(const QString &value);

struct AfterSaveLine
{
    QString key;
    QString status; // FDocumentStatus reached; empty when the bill is no longer in Kingdee
    QString error; // Kingdee's words when the Submit or Audit was refused
};

// Brings synced bills to Submit (B) or Audit (C) with their own calls after the save: reads the
// bills' status by key, submits those at Z/A/D, audits those at B, and reads again. A lost answer
// is settled by that read, never by sending again; a refusal is recorded on the bill with
// Kingdee's words ("saved, but the audit was refused") and retried by a later run without
// saving the bill again. Every status reached is recorded in the store and the log.
class AfterSaveJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AfterSaveJob)

public:
    AfterSaveJob(const Database &database, kingdee::KingdeeClient &client,
                 std::shared_ptr<const Scheme> scheme, AfterSave target, QStringList keys,
                 QObject *parent = nullptr);
    ~AfterSaveJob() override;

    void start();
    // Synced bills whose Submit or Audit was refused before: a run retries them.
    static QStringList refusedBefore(const Database &database);

Q_SIGNALS:
    void finished(const QList<rs::sync::AfterSaveLine> &lines, const QString &stopReason);

private:
    void read();
    void onRead(const kingdee::BillsRead &answer);
    void settle(const QString &key, const QString &status, const QString &error);
    void end(const QString &stopReason = {});

    const Database &m_database;
    kingdee::KingdeeClient &m_client;
    std::shared_ptr<const Scheme> m_scheme;
    AfterSave m_target;
    QStringList m_open; // keys still on their way
    QHash<QString, QString> m_refused; // key → Kingdee's words, this run
    QHash<QString, QString> m_recorded; // key → status recorded in this run
    QList<AfterSaveLine> m_lines;
    int m_round = 0;
    int m_pending = 0;
    bool m_stopped = false;
};

} // namespace rs::sync
