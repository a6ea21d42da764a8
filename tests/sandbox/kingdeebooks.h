#pragma once

#include "billvalidator.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>

namespace rs::sandbox {

struct SavedBill
{
    qint64 id = 0;
    QString number; // QTYS00000001, …
    QString documentStatus; // Z draft, A created, B submitted, C audited, D unaudited
    QJsonObject model;
    qint64 savedMs = 0;

    QString remarks() const { return model.value(QLatin1String("FAR_OtherRemarks")).toString(); }
    QString date() const { return model.value(QLatin1String("FDATE")).toString().left(10); }
    // FAMOUNTFOR: the entries' FNOTAXAMOUNTFOR + FTAXAMOUNTFOR, exact, at scale 2 or more.
    QString total() const;
};

// The sandbox's Kingdee ledger of 其他应收单: saves what passes validation, assigns ids and bill
// numbers, and answers ExecuteBillQuery and View over what it holds.
class KingdeeBooks final
{
public:
    struct RowResult
    {
        int index = 0;
        std::optional<FieldError> error;
        const SavedBill *bill = nullptr;
    };

    // Saves every valid model; with `atomic`, one invalid model fails the whole batch.
    // With `rejectRepeats` (ValidateRepeatJson), a model identical to a saved one is refused.
    QList<RowResult> save(const QJsonArray &models, bool autoAudit, bool atomic,
                          bool rejectRepeats);

    struct QueryResult
    {
        std::optional<FieldError> error;
        QJsonArray rows;
    };
    QueryResult query(const QJsonObject &parameters) const;
    const SavedBill *find(qint64 id, const QString &number) const;

    const QList<SavedBill> &bills() const { return m_bills; }

    // Submit, Audit, UnAudit and Delete of KINGDEE.md, by Numbers or Ids, with the status machine
    // A/D → B (Submit), B → C (Audit), C → D (UnAudit), Z/A/D deleted; a bill dated before the
    // closed period cannot be unaudited or deleted. One result per bill named.
    enum class Operation { Submit, Audit, UnAudit, Delete };
    struct OperationResult
    {
        int index = 0;
        std::optional<FieldError> error;
        qint64 id = 0;
        QString number;
    };
    QList<OperationResult> operate(Operation operation, const QStringList &numbers,
                                   const QList<qint64> &ids);

    // Bills dated before `date` are in a closed accounting period (null: none closed).
    void setClosedBefore(const QDate &date) { m_closedBefore = date; }
    QDate closedBefore() const { return m_closedBefore; }
    // The audit of a bill with this key (FAR_OtherRemarks) is refused with `message`; an empty
    // message lifts the refusal.
    void refuseAudit(const QString &key, const QString &message)
    {
        if (message.isEmpty())
            m_auditRefusals.remove(key);
        else
            m_auditRefusals.insert(key, message);
    }

    // "Someone else" in Kingdee, for the inspection endpoints: deletes a bill whatever its status,
    // changes its total (its first entry takes the difference), or saves a copy under a new number.
    bool removeByOther(const QString &number);
    bool amendByOther(const QString &number, const QString &total);
    const SavedBill *duplicateByOther(const QString &number);

    static QStringList queryableFields();

private:
    bool inClosedPeriod(const QJsonObject &model) const;

    QList<SavedBill> m_bills;
    QDate m_closedBefore;
    QHash<QString, QString> m_auditRefusals;
    QSet<QByteArray> m_savedPackages;
    qint64 m_nextId = 100001;
};

} // namespace rs::sandbox
