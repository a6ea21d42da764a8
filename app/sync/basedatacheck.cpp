#include "app/sync/basedatacheck.h"

#include "app/kingdee/billfilter.h"
#include "app/kingdee/kingdeeclient.h"

#include <QJsonArray>

#include <memory>

namespace rs::sync {
namespace {

constexpr qsizetype kNumbersPerQuery = 100; // IN lists stay far below any filter length limit

QString numberOf(const QJsonValue &value)
{
    // {"FNumber": "C0001"}, {"FNUMBER": …} or a bare number, as the SDKs' samples write them.
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key().compare(QLatin1String("FNumber"), Qt::CaseInsensitive) == 0)
                return it.value().isDouble() ? QString::number(it.value().toInteger())
                                             : it.value().toString().trimmed();
        }
        return {};
    }
    return value.isDouble() ? QString::number(value.toInteger()) : value.toString().trimmed();
}

QString text(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
}

} // namespace

BaseDataRefs BaseDataRefs::of(const QJsonObject &model)
{
    BaseDataRefs refs;
    if (numberOf(model.value(QLatin1String("FCONTACTUNITTYPE"))) == QLatin1String("BD_Customer"))
        refs.customer = numberOf(model.value(QLatin1String("FCONTACTUNIT")));
    for (const char *field : {"FSETTLEORGID", "FPAYORGID", "FSALEORGID"}) {
        const QString number = numberOf(model.value(QLatin1String(field)));
        if (!number.isEmpty())
            refs.organisations.insert(QLatin1String(field), number);
    }
    refs.settleOrg = refs.organisations.value(QStringLiteral("FSETTLEORGID"));
    return refs;
}

const QStringList &BaseDataCheck::customerFields()
{
    static const QStringList fields = {
        QStringLiteral("FNumber"), QStringLiteral("FUseOrgId.FNumber"),
        QStringLiteral("FForbidStatus"), QStringLiteral("FDocumentStatus")};
    return fields;
}

const QStringList &BaseDataCheck::organisationFields()
{
    static const QStringList fields = {QStringLiteral("FNumber"), QStringLiteral("FForbidStatus"),
                                       QStringLiteral("FDocumentStatus")};
    return fields;
}

void BaseDataCheck::addCustomers(const QStringList &asked, const QList<QJsonArray> &rows)
{
    m_askedCustomers.unite(QSet<QString>(asked.cbegin(), asked.cend()));
    for (const QJsonArray &row : rows) {
        Record r;
        r.forbidden = text(row.at(2)) == QLatin1String("B"); // A enabled, B forbidden
        r.audited = text(row.at(3)) == QLatin1String("C");
        m_customers[text(row.at(0))].insert(text(row.at(1)), r);
    }
}

void BaseDataCheck::addOrganisations(const QStringList &asked, const QList<QJsonArray> &rows)
{
    m_askedOrganisations.unite(QSet<QString>(asked.cbegin(), asked.cend()));
    for (const QJsonArray &row : rows) {
        Record r;
        r.forbidden = text(row.at(1)) == QLatin1String("B");
        r.audited = text(row.at(2)) == QLatin1String("C");
        m_organisations.insert(text(row.at(0)), r);
    }
}

QStringList BaseDataCheck::unknownCustomers(const QList<BaseDataRefs> &refs) const
{
    QStringList numbers;
    for (const BaseDataRefs &r : refs) {
        if (!r.customer.isEmpty() && !m_askedCustomers.contains(r.customer)
            && !numbers.contains(r.customer))
            numbers.append(r.customer);
    }
    return numbers;
}

QStringList BaseDataCheck::unknownOrganisations(const QList<BaseDataRefs> &refs) const
{
    QStringList numbers;
    for (const BaseDataRefs &r : refs) {
        for (const QString &number : r.organisations) {
            if (!m_askedOrganisations.contains(number) && !numbers.contains(number))
                numbers.append(number);
        }
    }
    return numbers;
}

QString BaseDataCheck::problem(const BaseDataRefs &refs, QString *field) const
{
    QStringList orgFields = refs.organisations.keys();
    orgFields.sort(); // one stable answer when several are wrong
    for (const QString &key : std::as_const(orgFields)) {
        const QString number = refs.organisations.value(key);
        if (!m_askedOrganisations.contains(number))
            continue;
        const auto it = m_organisations.constFind(number);
        *field = key;
        if (it == m_organisations.constEnd())
            return tr("Organisation %1 does not exist in Kingdee.").arg(number);
        if (it->forbidden)
            return tr("Organisation %1 is disabled in Kingdee.").arg(number);
        if (!it->audited)
            return tr("Organisation %1 is not audited in Kingdee.").arg(number);
    }
    if (refs.customer.isEmpty() || !m_askedCustomers.contains(refs.customer))
        return {};
    *field = QStringLiteral("FCONTACTUNIT");
    const auto byOrg = m_customers.constFind(refs.customer);
    if (byOrg == m_customers.constEnd())
        return tr("Customer %1 does not exist in Kingdee.").arg(refs.customer);
    const auto it =
        refs.settleOrg.isEmpty() ? byOrg->constBegin() : byOrg->constFind(refs.settleOrg);
    if (it == byOrg->constEnd())
        return tr("Customer %1 is not assigned to organisation %2 in Kingdee.")
            .arg(refs.customer, refs.settleOrg);
    if (it->forbidden)
        return tr("Customer %1 is disabled in Kingdee.").arg(refs.customer);
    if (!it->audited)
        return tr("Customer %1 is not audited in Kingdee.").arg(refs.customer);
    field->clear();
    return {};
}

void lookUpBaseData(kingdee::KingdeeClient &client, const QList<BaseDataRefs> &refs,
                    BaseDataCheck *check, const std::function<void(const kingdee::Failure &)> &done)
{
    struct Pending
    {
        int queries = 0;
        kingdee::Failure failure;
    };
    auto pending = std::make_shared<Pending>();
    const auto ask = [&](const QString &formId, const QStringList &fields,
                         const QStringList &numbers, bool customers) {
        for (qsizetype at = 0; at < numbers.size(); at += kNumbersPerQuery) {
            const QStringList chunk = numbers.mid(at, kNumbersPerQuery);
            ++pending->queries;
            client.executeBillQuery(
                formId, fields, kingdee::BillFilter::in(QStringLiteral("FNumber"), chunk),
                [pending, check, chunk, customers, done](const kingdee::QueryResult &r) {
                    if (r.failure.ok()) {
                        if (customers)
                            check->addCustomers(chunk, r.rows);
                        else
                            check->addOrganisations(chunk, r.rows);
                    } else if (pending->failure.ok()) {
                        pending->failure = r.failure;
                    }
                    if (--pending->queries == 0)
                        done(pending->failure);
                },
                true);
        }
    };
    const QStringList customers = check->unknownCustomers(refs);
    const QStringList organisations = check->unknownOrganisations(refs);
    if (customers.isEmpty() && organisations.isEmpty()) {
        done({});
        return;
    }
    ask(QStringLiteral("ORG_Organizations"), BaseDataCheck::organisationFields(), organisations,
        false);
    ask(QStringLiteral("BD_Customer"), BaseDataCheck::customerFields(), customers, true);
}

} // namespace rs::sync
