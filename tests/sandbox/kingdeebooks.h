#pragma once

#include "billvalidator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>

namespace rs::sandbox {

struct SavedBill
{
    qint64 id = 0;
    QString number; // QTYS00000001, …
    QString documentStatus; // A created, C audited
    QJsonObject model;
    qint64 savedMs = 0;

    QString remarks() const { return model.value(QLatin1String("FAR_OtherRemarks")).toString(); }
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

    static QStringList queryableFields();

private:
    QList<SavedBill> m_bills;
    QSet<QByteArray> m_savedPackages;
    qint64 m_nextId = 100001;
};

} // namespace rs::sandbox
