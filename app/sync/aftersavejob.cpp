#include "app/sync/aftersavejob.h"

#include "app/kingdee/billreader.h"
#include "app/kingdee/kingdeeclient.h"
#include "app/mapping/scheme.h"
#include "app/store/billrepository.h"

#include <QTimer>

namespace rs::sync {
namespace {

using Op = kingdee::KingdeeClient::Operation;
constexpr int kMaxRounds = 4; // read, submit, read, audit, read — and one more to settle
constexpr int kNumbersPerCall = 500;

bool reached(AfterSave target, const QString &status)
{
    if (target == AfterSave::Audit)
        return status == QLatin1String("C");
    return status == QLatin1String("B") || status == QLatin1String("C");
}

} // namespace

AfterSave afterSaveFromSetting(const QString &value)
{
    if (value == QLatin1String("audit"))
        return AfterSave::Audit;
    return value == QLatin1String("submit") ? AfterSave::Submit : AfterSave::None;
}

AfterSaveJob::AfterSaveJob(const Database &database, kingdee::KingdeeClient &client,
                           std::shared_ptr<const Scheme> scheme, AfterSave target, QStringList keys,
                           QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_scheme(std::move(scheme))
    , m_target(target)
    , m_open(std::move(keys))
{
    m_open.removeDuplicates();
}

AfterSaveJob::~AfterSaveJob() = default;

QStringList AfterSaveJob::refusedBefore(const Database &database)
{
    QStringList keys;
    for (const BillRecord &bill : BillRepository(database).inStates({BillState::Synced})) {
        if (!bill.afterSaveError.isEmpty())
            keys.append(bill.key);
    }
    return keys;
}

void AfterSaveJob::start()
{
    if (m_target == AfterSave::None || m_open.isEmpty()) {
        QTimer::singleShot(0, this, [this] { end(); });
        return;
    }
    read();
}

void AfterSaveJob::read()
{
    kingdee::BillReader::byKeys(m_client, m_scheme->formId, m_scheme->idempotencyField, m_open,
                                [this](const kingdee::BillsRead &r) { onRead(r); });
}

void AfterSaveJob::onRead(const kingdee::BillsRead &answer)
{
    if (!answer.failure.ok()) {
        end(answer.failure.describe());
        return;
    }
    QHash<QString, kingdee::KingdeeBill> now;
    for (const kingdee::KingdeeBill &bill : answer.bills)
        now.insert(bill.key, bill);
    QHash<Op, QStringList> todo;
    QHash<QString, QString> keyOfNumber;
    const bool lastRound = ++m_round >= kMaxRounds;
    for (const QString &key : std::as_const(m_open)) {
        const auto found = now.constFind(key);
        if (found == now.cend()) {
            settle(key, {}, tr("no longer in Kingdee"));
            continue;
        }
        const QString status = found->documentStatus;
        if (reached(m_target, status)) {
            settle(key, status, {});
            continue;
        }
        if (m_refused.contains(key) || lastRound) {
            settle(key, status, m_refused.value(key, tr("Kingdee did not change the status")));
            continue;
        }
        const Op op = status == QLatin1String("B") ? Op::Audit : Op::Submit;
        todo[op].append(found->number);
        keyOfNumber.insert(found->number, key);
    }
    m_open.clear();
    for (const QStringList &numbers : std::as_const(todo)) {
        for (const QString &number : numbers)
            m_open.append(keyOfNumber.value(number));
    }
    if (m_open.isEmpty()) {
        end();
        return;
    }
    for (auto it = todo.cbegin(); it != todo.cend(); ++it) {
        for (qsizetype at = 0; at < it.value().size(); at += kNumbersPerCall) {
            const QStringList numbers = it.value().mid(at, kNumbersPerCall);
            ++m_pending;
            m_client.operate(
                m_scheme->formId, it.key(), numbers,
                [this, numbers, keyOfNumber, op = it.key()](const kingdee::SaveResult &result) {
                    for (qsizetype i = 0; i < numbers.size(); ++i) {
                        const kingdee::EntryResult entry = result.entries.value(i);
                        if (entry.state != kingdee::EntryResult::State::Failed)
                            continue; // done or unknown: the next read tells
                        QStringList words;
                        for (const kingdee::EntryError &e : entry.errors)
                            words.append(e.message);
                        m_refused.insert(keyOfNumber.value(numbers.at(i)),
                                         (op == Op::Audit
                                              ? tr("Saved, but the audit was refused: %1")
                                              : tr("Saved, but the submit was refused: %1"))
                                             .arg(words.join(QLatin1String("; "))));
                    }
                    if (m_stopped)
                        return;
                    if (result.failure.stopsTheRun()) {
                        end(result.failure.describe());
                        return;
                    }
                    if (--m_pending == 0)
                        this->read();
                });
        }
    }
}

void AfterSaveJob::settle(const QString &key, const QString &status, const QString &error)
{
    m_lines.append({key, status, error});
    const QString message = !error.isEmpty() ? error
        : status == QLatin1String("C")       ? tr("Audited in Kingdee")
                                             : tr("Submitted in Kingdee");
    BillRepository(m_database).recordKingdeeStatus(key, status, error, message);
}

void AfterSaveJob::end(const QString &stopReason)
{
    m_stopped = true;
    Q_EMIT finished(m_lines, stopReason);
}

} // namespace rs::sync
