#include "app/sync/reversejob.h"

#include "app/kingdee/billreader.h"
#include "app/kingdee/kingdeeclient.h"
#include "app/mapping/decimal.h"
#include "app/mapping/mapper.h"
#include "app/mapping/scheme.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace rs::sync {
namespace {

using Op = kingdee::KingdeeClient::Operation;
using EntryState = kingdee::EntryResult::State;

constexpr int kMaxSteps = 8; // looks and operations of one bill in one run

QJsonValue negated(const QJsonValue &value)
{
    if (value.isDouble())
        return -value.toDouble(); // a sign change is exact in binary too
    const auto d = Decimal::parse(value.toString());
    return d ? QJsonValue((-*d).toString()) : value;
}

QString redKey(const QString &key)
{
    return key + QStringLiteral("-R");
}

QString entryError(const kingdee::SaveResult &result)
{
    const kingdee::EntryResult entry = result.entries.value(0);
    QStringList messages;
    for (const kingdee::EntryError &e : entry.errors)
        messages.append(e.message);
    return messages.isEmpty() ? result.failure.describe() : messages.join(QLatin1String("; "));
}

} // namespace

QString ReverseLine::text() const
{
    switch (outcome) {
    case Outcome::Reversed:
        return key + QStringLiteral("\treversed\t") + how;
    case Outcome::WouldReverse:
        return key + QStringLiteral("\twould reverse\t") + how;
    case Outcome::Skipped:
        return key + QStringLiteral("\tskipped\t") + error.simplified();
    case Outcome::Failed:
        break;
    }
    return key + QStringLiteral("\tfailed\t") + error.simplified();
}

bool ReverseReport::allReversed() const
{
    if (configError)
        return false;
    return std::none_of(lines.cbegin(), lines.cend(), [](const ReverseLine &l) {
        return l.outcome == ReverseLine::Outcome::Failed;
    });
}

struct ReverseJob::Current
{
    BillRecord bill;
    int steps = 0;
    bool unAuditRefused = false;
    bool deleteRefused = false;
    bool redAnswerLost = false;
    QString refusal; // Kingdee's last words about this bill
    QStringList planned; // dry run
    kingdee::KingdeeBill original;
};

ReverseJob::ReverseJob(const Database &database, kingdee::KingdeeClient &client,
                       std::shared_ptr<const Scheme> scheme, QStringList applicationIds,
                       bool dryRun, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_scheme(std::move(scheme))
    , m_applicationIds(std::move(applicationIds))
    , m_dryRun(dryRun)
{ }

ReverseJob::~ReverseJob() = default;

QJsonObject ReverseJob::reversingModel(const QJsonObject &original, const QString &keyField,
                                       const QString &key, const QDate &date)
{
    static const QStringList kAmounts = {
        QStringLiteral("FAMOUNTFOR"), QStringLiteral("FNOTAXAMOUNTFOR"),
        QStringLiteral("FTAXAMOUNTFOR"), QStringLiteral("FAMOUNTFOR_D"),
        QStringLiteral("FALLAMOUNTFOR_D")};
    QJsonObject model = original;
    for (auto it = model.begin(); it != model.end(); ++it) {
        if (kAmounts.contains(it.key()))
            it.value() = negated(it.value());
        if (!it.value().isArray())
            continue;
        QJsonArray entries = it.value().toArray();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            QJsonObject entry = entries.at(i).toObject();
            for (auto e = entry.begin(); e != entry.end(); ++e) {
                if (kAmounts.contains(e.key()))
                    e.value() = negated(e.value());
            }
            entries.replace(i, entry);
        }
        it.value() = entries;
    }
    model.insert(QStringLiteral("FID"), 0);
    model.remove(QStringLiteral("FBillNo"));
    model.insert(QStringLiteral("FDATE"), date.toString(Qt::ISODate));
    model.insert(keyField, key);
    return model;
}

void ReverseJob::start()
{
    BillRepository bills(m_database);
    for (const QString &id : std::as_const(m_applicationIds)) {
        StoreError error;
        const QList<BillRecord> found = bills.forApplication(id, &error);
        if (!error.ok()) {
            stop(error.message);
            return;
        }
        if (found.isEmpty()) {
            ReverseLine line {id,
                              id,
                              ReverseLine::Outcome::Failed,
                              {},
                              tr("no bills of this application are stored")};
            m_report.lines.append(line);
            Q_EMIT lineDone(line);
        }
        for (const BillRecord &bill : found)
            m_todo.push_back(bill);
    }
    QTimer::singleShot(0, this, [this] { next(); });
}

void ReverseJob::next()
{
    m_current.reset();
    while (!m_todo.empty()) {
        BillRecord bill = std::move(m_todo.front());
        m_todo.pop_front();
        m_current = std::make_unique<Current>();
        m_current->bill = bill;
        switch (bill.state) {
        case BillState::Reversed:
            done(ReverseLine::Outcome::Reversed, bill.reversal);
            continue;
        case BillState::Synced:
            look();
            return;
        case BillState::InDoubt:
        case BillState::Sending:
            done(ReverseLine::Outcome::Failed, {},
                 tr("Kingdee's answer to this bill was lost; run sync first to settle it"));
            continue;
        default:
            done(ReverseLine::Outcome::Skipped, {}, tr("never saved in Kingdee"));
            continue;
        }
    }
    Q_EMIT finished(m_report);
}

void ReverseJob::look()
{
    if (++m_current->steps > kMaxSteps) {
        done(ReverseLine::Outcome::Failed, {},
             m_current->refusal.isEmpty() ? tr("Kingdee does not settle; try again later")
                                          : m_current->refusal);
        return;
    }
    const QString key = m_current->bill.key;
    kingdee::BillReader::byKeys(m_client, m_scheme->formId, m_scheme->idempotencyField,
                                {key, redKey(key)},
                                [this](const kingdee::BillsRead &read) { decide(read); });
}

void ReverseJob::decide(const kingdee::BillsRead &read)
{
    if (!read.failure.ok()) {
        if (read.failure.stopsTheRun()) {
            stop(read.failure.describe());
            return;
        }
        done(ReverseLine::Outcome::Failed, {}, read.failure.describe());
        return;
    }
    Current &c = *m_current;
    const QString key = c.bill.key;
    std::optional<kingdee::KingdeeBill> original;
    std::optional<kingdee::KingdeeBill> red;
    for (const kingdee::KingdeeBill &bill : read.bills) {
        if (bill.key == redKey(key))
            red = bill;
        else if (bill.key == key && !original)
            original = bill;
    }
    if (red) {
        done(ReverseLine::Outcome::Reversed, QStringLiteral("red ") + red->number);
        return;
    }
    if (!original) {
        done(ReverseLine::Outcome::Reversed, QStringLiteral("deleted"));
        return;
    }
    if (c.redAnswerLost) {
        done(ReverseLine::Outcome::Failed, {},
             tr("the answer to the reversing bill was lost and Kingdee does not show it yet; "
                "run reverse again to look it up (it is not sent twice)"));
        return;
    }
    c.original = *original;
    const QString status = original->documentStatus;
    const bool audited = status == QLatin1String("C");
    const bool deletable = status == QLatin1String("Z") || status == QLatin1String("A")
        || status == QLatin1String("D");
    if (m_dryRun) {
        const QString how = audited ? QStringLiteral("unaudit, delete (else red)")
            : deletable             ? QStringLiteral("delete (else red)")
                                    : QStringLiteral("red");
        done(ReverseLine::Outcome::WouldReverse, how);
        return;
    }
    if (audited && !c.unAuditRefused)
        operate(int(Op::UnAudit));
    else if (deletable && !c.deleteRefused)
        operate(int(Op::Delete));
    else
        saveRed();
}

void ReverseJob::operate(int operation)
{
    const Op op = Op(operation);
    m_client.operate(m_scheme->formId, op, {m_current->original.number},
                     [this, op](const kingdee::SaveResult &result) {
                         const EntryState state = result.entries.value(0).state;
                         if (state == EntryState::Failed) {
                             m_current->refusal = entryError(result);
                             (op == Op::UnAudit ? m_current->unAuditRefused
                                                : m_current->deleteRefused) = true;
                         }
                         onOperated(result);
                     });
}

void ReverseJob::onOperated(const kingdee::SaveResult &result)
{
    const EntryState state = result.entries.value(0).state;
    if (state == EntryState::NotSaved) {
        if (result.failure.stopsTheRun())
            stop(result.failure.describe());
        else
            done(ReverseLine::Outcome::Failed, {}, result.failure.describe());
        return;
    }
    // Done, refused or unknown: what Kingdee holds now decides the next step.
    look();
}

void ReverseJob::saveRed()
{
    const BillRecord &bill = m_current->bill;
    const QJsonObject original = QJsonDocument::fromJson(bill.payloadJson).object();
    if (original.isEmpty()) {
        done(ReverseLine::Outcome::Failed, {}, tr("the bill's content is not stored"));
        return;
    }
    BillDraft draft;
    draft.key = redKey(bill.key);
    const QDate today = QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date(); // Beijing
    draft.model = reversingModel(original, m_scheme->idempotencyField, draft.key, today);
    m_client.batchSave(batchSaveBody({draft}, *m_scheme),
                       [this](const kingdee::SaveResult &result) { onRedSaved(result); });
}

void ReverseJob::onRedSaved(const kingdee::SaveResult &result)
{
    const kingdee::EntryResult entry = result.entries.value(0);
    switch (entry.state) {
    case EntryState::Saved:
        done(ReverseLine::Outcome::Reversed, QStringLiteral("red ") + entry.number);
        return;
    case EntryState::Unknown:
        m_current->redAnswerLost = true;
        look(); // found → reversed; not found → a failure for this run, never a resend
        return;
    case EntryState::Failed:
        done(ReverseLine::Outcome::Failed, {},
             m_current->refusal.isEmpty()
                 ? entryError(result)
                 : m_current->refusal + QStringLiteral("; ") + entryError(result));
        return;
    case EntryState::NotSaved:
        break;
    }
    if (result.failure.stopsTheRun())
        stop(result.failure.describe());
    else
        done(ReverseLine::Outcome::Failed, {}, result.failure.describe());
}

void ReverseJob::done(ReverseLine::Outcome outcome, const QString &how, const QString &error)
{
    const BillRecord &bill = m_current->bill;
    ReverseLine line {bill.key, bill.applicationId, outcome, how, error};
    if (outcome == ReverseLine::Outcome::Reversed && bill.state == BillState::Synced && !m_dryRun) {
        BillOutcome change;
        change.reversal = how;
        const QString message = how == QLatin1String("deleted")
            ? tr("Reversed: deleted in Kingdee")
            : tr("Reversed by the reversing bill %1").arg(how.mid(4));
        const StoreError e =
            BillRepository(m_database)
                .transition(bill.key, BillState::Synced, BillState::Reversed, change, message);
        if (!e.ok()) {
            line.outcome = ReverseLine::Outcome::Failed;
            line.error = e.message;
        }
    }
    m_report.lines.append(line);
    Q_EMIT lineDone(line);
    if (m_current->steps > 0) {
        // An asynchronous step ended: go on with the next bill.
        QTimer::singleShot(0, this, [this] { next(); });
    }
}

void ReverseJob::stop(const QString &reason)
{
    m_report.stopReason = reason;
    m_report.configError = true;
    m_todo.clear();
    Q_EMIT finished(m_report);
}

} // namespace rs::sync
