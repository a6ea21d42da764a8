#pragma once

#include "app/store/records.h"

#include <QObject>
#include <QStringList>

#include <deque>
#include <memory>

namespace rs {
class Database;
struct Scheme;
} // namespace rs

namespace rs::kingdee {
class KingdeeClient;
struct BillsRead;
struct SaveResult;
} // namespace rs::kingdee

namespace rs::sync {

// The fate of one bill in a `reverse` run.
struct ReverseLine
{
    enum class Outcome { Reversed, Failed, Skipped, WouldReverse };
    QString key;
    QString applicationId;
    Outcome outcome = Outcome::Failed;
    QString how; // Reversed: "deleted" or "red QTYS…"; WouldReverse: the planned steps
    QString error; // Failed: Kingdee's own words; Skipped: why there is nothing to reverse

    // "KEY<TAB>reversed<TAB>deleted", "KEY<TAB>reversed<TAB>red NUMBER", "KEY<TAB>failed<TAB>…"
    QString text() const;
};

struct ReverseReport
{
    QList<ReverseLine> lines;
    QString stopReason; // set when the run stopped (settings, login): exit 2
    bool configError = false;
    bool allReversed() const;
};

// Reverses the synced bills of the given applications in Kingdee: Delete where Kingdee allows it
// (UnAudit first when the bill is audited), else — closed period, a refusal, a bill in audit — a
// reversing bill with the opposite amounts under the key `KEY-R`, dated today. Kingdee is asked
// before every step (the bill and its KEY-R, by key), so a run killed at any moment, or a lost
// answer, is settled by the next look, never by sending again: a reversing bill whose answer was
// lost and that Kingdee does not show is a failure for this run, not a resend. Each bill ends
// `reversed` in the store with how, in one transaction.
class ReverseJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReverseJob)

public:
    ReverseJob(const Database &database, kingdee::KingdeeClient &client,
               std::shared_ptr<const Scheme> scheme, QStringList applicationIds, bool dryRun,
               QObject *parent = nullptr);
    ~ReverseJob() override;

    void start();

    // The reversing bill of `original` (a stored BatchSave model): every amount negated, the
    // key field `key`, dated `date`, FID 0 and no bill number.
    static QJsonObject reversingModel(const QJsonObject &original, const QString &keyField,
                                      const QString &key, const QDate &date);

Q_SIGNALS:
    void lineDone(const rs::sync::ReverseLine &line);
    void finished(const rs::sync::ReverseReport &report);

private:
    struct Current;
    void next();
    void look();
    void decide(const kingdee::BillsRead &read);
    void operate(int operation);
    void onOperated(const kingdee::SaveResult &result);
    void saveRed();
    void onRedSaved(const kingdee::SaveResult &result);
    void done(ReverseLine::Outcome outcome, const QString &how, const QString &error = {});
    void stop(const QString &reason);

    const Database &m_database;
    kingdee::KingdeeClient &m_client;
    std::shared_ptr<const Scheme> m_scheme;
    QStringList m_applicationIds;
    bool m_dryRun = false;
    std::deque<BillRecord> m_todo;
    std::unique_ptr<Current> m_current;
    ReverseReport m_report;
};

} // namespace rs::sync

Q_DECLARE_METATYPE(rs::sync::ReverseLine)
Q_DECLARE_METATYPE(rs::sync::ReverseReport)
