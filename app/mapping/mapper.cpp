#include "app/mapping/mapper.h"

#include "app/mapping/applicationchecks.h"
#include "app/mapping/billchecks.h"
#include "app/mapping/fieldconverter.h"
#include "app/mapping/flatrecord.h"
#include "app/mapping/scheme.h"
#include "app/mapping/value.h"
#include "app/store/records.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace rs {
namespace {

const char *approvalName(ApprovalState state)
{
    switch (state) {
    case ApprovalState::InApproval:
        return QT_TRANSLATE_NOOP("rs::Mapping", "still in approval");
    case ApprovalState::Approved:
        return QT_TRANSLATE_NOOP("rs::Mapping", "approved");
    case ApprovalState::Rejected:
        return QT_TRANSLATE_NOOP("rs::Mapping", "rejected");
    case ApprovalState::Withdrawn:
        return QT_TRANSLATE_NOOP("rs::Mapping", "withdrawn");
    case ApprovalState::Revoked:
    case ApprovalState::Count:
        break;
    }
    return QT_TRANSLATE_NOOP("rs::Mapping", "revoked");
}

// A field's path for messages, spelled out only when there is something to say about it.
struct FieldPath
{
    const QString *entry; // FEntity, or null for a header field
    qsizetype index;
    const QString *name;

    QString text() const
    {
        return entry ? QStringLiteral("%1[%2].%3").arg(*entry).arg(index).arg(*name) : *name;
    }
};

struct Group
{
    QString value;
    QList<int> rows;
};

// Maps one application; holds what every bill of it shares.
class ApplicationMapper
{
public:
    ApplicationMapper(const Scheme &scheme, const Clock &clock, MappingResult &result)
        : m_scheme(scheme)
        , m_clock(clock)
        , m_result(result)
    { }

    bool read(const ApplicationRecord &application)
    {
        QJsonParseError error {};
        if (!application.fieldsJson.isEmpty()) {
            const QJsonDocument header = QJsonDocument::fromJson(application.fieldsJson, &error);
            if (error.error != QJsonParseError::NoError || !header.isObject())
                return unreadable(error.errorString());
            m_header = SourceFields(header.object(), &m_scheme.sourceNames);
        }
        m_rows.reserve(application.rowsJson.size());
        for (const QByteArray &json : application.rowsJson) {
            const QJsonDocument row = QJsonDocument::fromJson(json, &error);
            if (error.error != QJsonParseError::NoError || !row.isObject())
                return unreadable(error.errorString());
            m_rows.append(SourceFields(row.object(), &m_scheme.sourceNames));
        }
        return true;
    }

    bool hasRows() const { return !m_rows.isEmpty(); }

    // The header fields that read neither an entry row nor a table column are the same on every
    // bill of the application: map them once (with their issues) and start each bill from them.
    void mapSharedFields()
    {
        const FlatRecord headerRecord(m_header, nullptr, nullptr);
        m_collectShared = true;
        for (const FieldSpec &field : m_scheme.fields) {
            if (field.perBill)
                continue;
            const QJsonValue value = mapField(field, headerRecord, {nullptr, -1, &field.name});
            if (!value.isUndefined())
                m_sharedModel.insert(field.name, value);
            m_sharedPresence.insert(field.name, fieldHasValue(value));
        }
        m_collectShared = false;
        // The application's own checks fail every bill alike, as a shared field's issue does.
        runApplicationChecks(m_scheme, m_header, m_rows, m_sharedIssues);
    }

    QList<Group> groups() const
    {
        QList<Group> groups;
        if (!m_scheme.groupBy) {
            Group all;
            for (int i = 0; i < m_rows.size(); ++i)
                all.rows.append(i);
            return {all};
        }
        QHash<QString, qsizetype> index;
        for (int i = 0; i < m_rows.size(); ++i) {
            const FlatRecord record(m_header, &m_rows[i], &m_rows[i]);
            const QString value = record.fillText(*m_scheme.groupBy);
            const auto it = index.constFind(value);
            if (it != index.constEnd()) {
                groups[it.value()].rows.append(i);
                continue;
            }
            index.insert(value, groups.size());
            groups.append({value, {i}});
        }
        return groups;
    }

    void mapBill(const Group &group)
    {
        BillDraft bill;
        bill.group = group.value;
        bill.rows = group.rows;
        const SourceFields *first = group.rows.isEmpty() ? nullptr : &m_rows[group.rows.first()];
        const FlatRecord billRecord(m_header, first, first);
        bill.key = billRecord.fillText(m_scheme.idempotencyKey);
        const qsizetype issuesBefore = m_result.issues.size();
        m_billId = bill.key.trimmed().isEmpty()
            ? QStringLiteral("#%1").arg(m_result.bills.size() + 1)
            : bill.key;
        if (bill.key.trimmed().isEmpty()) {
            issue(m_scheme.idempotencyField,
                  QCoreApplication::translate("rs::Mapping",
                                              "the idempotency key %1 has no value for this "
                                              "bill, so it could not be found again in Kingdee")
                      .arg(m_scheme.idempotencyKey.source()));
        }

        bill.model = m_sharedModel;
        for (const MappingIssue &shared : std::as_const(m_sharedIssues))
            issue(shared.field, shared.message);
        for (const FieldSpec &field : m_scheme.fields) {
            if (!field.perBill)
                continue;
            if (field.source != FieldSpec::Source::Entries) {
                const QJsonValue value = mapField(field, billRecord, {nullptr, -1, &field.name});
                if (!value.isUndefined())
                    bill.model.insert(field.name, value);
                continue;
            }
            QJsonArray entries;
            for (qsizetype n = 0; n < group.rows.size(); ++n) {
                const FlatRecord rowRecord(m_header, first, &m_rows[group.rows[n]]);
                QJsonObject entry = field.blankEntry;
                for (const FieldSpec &child : field.entryFields) {
                    const QJsonValue value =
                        mapField(child, rowRecord, {&field.name, n, &child.name});
                    if (value.isUndefined())
                        entry.remove(child.name);
                    else
                        entry[child.name] = value;
                }
                entries.append(entry);
            }
            bill.model.insert(field.name, entries);
        }
        bill.model.insert(m_scheme.idempotencyField, bill.key);
        BillValues values(bill.model, &m_sharedPresence);
        bill.amount = amountOf(values);

        QList<const SourceFields *> rows;
        rows.reserve(group.rows.size());
        for (int i : group.rows)
            rows.append(&m_rows[i]);
        runChecks(m_scheme, values, rows, m_billId, m_result.issues);
        bill.hasErrors = m_result.issues.size() > issuesBefore;
        m_result.bills.append(bill);
    }

private:
    bool unreadable(const QString &why)
    {
        m_result.issues.append(
            {QString(), QString(),
             QCoreApplication::translate("rs::Mapping",
                                         "The stored application cannot be read (%1); fetch it "
                                         "again.")
                 .arg(why)});
        return false;
    }

    void issue(const QString &field, const QString &message)
    {
        if (m_collectShared)
            m_sharedIssues.append({QString(), field, message});
        else
            m_result.issues.append({m_billId, field, message});
    }

    QJsonValue mapField(const FieldSpec &field, const FlatRecord &record, const FieldPath &path)
    {
        Value raw;
        switch (field.source) {
        case FieldSpec::Source::Constant:
            return field.constant;
        case FieldSpec::Source::Template:
            raw = record.fill(field.valueTemplate);
            break;
        case FieldSpec::Source::Expression: {
            QString error;
            std::optional<Value> value = field.expression->evaluate(record, m_clock, &error);
            if (!value) {
                issue(path.text(),
                      QCoreApplication::translate("rs::Mapping", "_function %1: %2")
                          .arg(field.expression->source().trimmed(), error));
                return QJsonValue(QJsonValue::Undefined);
            }
            raw = std::move(*value);
            break;
        }
        case FieldSpec::Source::Entries:
            return QJsonValue(QJsonValue::Undefined);
        }
        QString error;
        try {
            const std::optional<QJsonValue> converted = convertField(field, raw, m_scheme, &error);
            if (converted)
                return *converted;
        } catch (const DecimalOverflow &) {
            error = QCoreApplication::translate("rs::Mapping",
                                                "a number grew beyond 38 digits (overflow)");
        }
        issue(path.text(), error);
        return QJsonValue(QJsonValue::Undefined);
    }

    QString amountOf(BillValues &values)
    {
        if (m_scheme.amountField.isEmpty())
            return {};
        Decimal total;
        try {
            // A missing or unreadable amount makes the total unknown, not smaller.
            for (const FieldValue &field : values.at(m_scheme.amountField)) {
                if (!field.number())
                    return {};
                total += *field.number();
            }
            return total.toString(2);
        } catch (const DecimalOverflow &) {
            return {};
        }
    }

    const Scheme &m_scheme;
    const Clock &m_clock;
    MappingResult &m_result;
    SourceFields m_header;
    QList<SourceFields> m_rows;
    QString m_billId;
    QJsonObject m_sharedModel;
    QHash<QString, bool> m_sharedPresence; // for the required check
    QList<MappingIssue> m_sharedIssues;
    bool m_collectShared = false;
};

bool hasEntries(const Scheme &scheme)
{
    for (const FieldSpec &field : scheme.fields) {
        if (field.source == FieldSpec::Source::Entries)
            return true;
    }
    return false;
}

} // namespace

MappingResult mapApplication(const ApplicationRecord &application, const Scheme &scheme,
                             const Clock &clock)
{
    MappingResult result;
    result.approved = application.approval == ApprovalState::Approved;
    if (!application.parseError.isEmpty()) {
        result.issues.append(
            {QString(), QString(),
             QCoreApplication::translate("rs::Mapping",
                                         "DingTalk's answer for this application could not be "
                                         "read (%1); there is no bill until it is fetched again.")
                 .arg(application.parseError)});
        return result;
    }
    ApplicationMapper mapper(scheme, clock, result);
    if (!mapper.read(application))
        return result;
    if (!result.approved) {
        result.issues.append(
            {QString(), QStringLiteral("approval"),
             QCoreApplication::translate("rs::Mapping",
                                         "the application is %1, not approved: its bills are a "
                                         "preview and will not be sent")
                 .arg(QCoreApplication::translate("rs::Mapping",
                                                  approvalName(application.approval)))});
    }
    if (!mapper.hasRows() && (hasEntries(scheme) || scheme.groupBy)) {
        result.issues.append(
            {QString(), scheme.flattenedTables.value(0),
             QCoreApplication::translate("rs::Mapping",
                                         "the application has no table rows, so there is no "
                                         "bill to make")});
        return result;
    }
    mapper.mapSharedFields();
    const QList<Group> groups = mapper.groups();
    for (const Group &group : groups)
        mapper.mapBill(group);
    return result;
}

QJsonObject batchSaveBody(const QList<BillDraft> &drafts, const Scheme &scheme)
{
    QJsonArray models;
    for (const BillDraft &draft : drafts)
        models.append(draft.model);
    QJsonObject data = scheme.dataOptions;
    data.insert(QStringLiteral("Model"), models);
    return {{QStringLiteral("formid"), scheme.formId}, {QStringLiteral("data"), data}};
}

} // namespace rs
