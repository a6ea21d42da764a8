#include "models/applicationsmodel.h"

#include "models/modelroles.h"

#include "app/store/billerror.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace rs {

ApplicationsModel::ApplicationsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int ApplicationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ApplicationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

BillState ApplicationsModel::syncState(const ApplicationRow &row)
{
    QList<BillState> states;
    for (const ApplicationRow::Bill &bill : row.bills)
        states.append(bill.state);
    return aggregateSyncState(states);
}

ApplicationsModel::Facts ApplicationsModel::derive(const ApplicationRow &row)
{
    Facts facts;
    facts.sync = syncState(row);
    facts.approval = row.approval;
    facts.pending = row.approval == ApprovalState::Approved && facts.sync != BillState::Synced;
    for (const ApplicationRow::Bill &bill : row.bills)
        facts.billsInKingdee += bill.state == BillState::Synced ? 1 : 0;
    facts.partlySynced = facts.billsInKingdee > 0 && facts.sync != BillState::Synced
        && facts.sync != BillState::Reversed;
    // "yyyy-MM-dd…" read by hand: QDate::fromString was a third of the load of 100,000 rows.
    const QStringView text(row.createdAt);
    if (text.size() >= 10)
        facts.day = QDate(text.mid(0, 4).toInt(), text.mid(5, 2).toInt(), text.mid(8, 2).toInt());
    facts.amount = Decimal::parse(row.amount);
    facts.search = QStringList {row.businessId, row.title, row.customers, row.originator, row.id}
                       .join(QLatin1Char('\n'))
                       .toLower();
    return facts;
}

ApplicationsModel::Prepared ApplicationsModel::prepare(QList<ApplicationRow> rows)
{
    Prepared prepared;
    prepared.facts.reserve(rows.size());
    for (const ApplicationRow &row : std::as_const(rows))
        prepared.facts.append(derive(row));
    prepared.rows = std::move(rows);
    return prepared;
}

bool ApplicationsModel::lessThan(int left, int right, int column) const
{
    const Facts &a = m_facts.at(left);
    const Facts &b = m_facts.at(right);
    switch (column) {
    case AmountColumn:
        // Exact: -1000.10 < -999.99 < 5.00; an unknown amount sorts first.
        if (!a.amount || !b.amount)
            return !a.amount && b.amount;
        return *a.amount < *b.amount;
    case DateColumn: // "yyyy-MM-dd HH:mm:ss" orders as text
        return m_rows.at(left).createdAt < m_rows.at(right).createdAt;
    case ApprovalColumn:
        return a.approval < b.approval;
    case SyncColumn:
        return a.sync < b.sync;
    case BusinessIdColumn:
        return m_rows.at(left).businessId < m_rows.at(right).businessId;
    default:
        return displayText(m_rows.at(left), a, column)
                   .toString()
                   .localeAwareCompare(displayText(m_rows.at(right), b, column).toString())
            < 0;
    }
}

bool ApplicationsModel::needsReversal(const ApplicationRow &row, const Facts &facts)
{
    // No longer approved, yet a bill of it is still in Kingdee: `reverse` (冲销) is due.
    return row.approval != ApprovalState::Approved && row.approval != ApprovalState::InApproval
        && std::any_of(row.bills.cbegin(), row.bills.cend(),
                       [](const ApplicationRow::Bill &b) { return b.state == BillState::Synced; })
        && facts.sync != BillState::Reversed;
}

QString ApplicationsModel::kingdeeStatusName(const QString &code)
{
    if (code == QLatin1String("Z"))
        return tr("Draft", "FDocumentStatus Z");
    if (code == QLatin1String("A"))
        return tr("Created", "FDocumentStatus A");
    if (code == QLatin1String("B"))
        return tr("In audit", "FDocumentStatus B");
    if (code == QLatin1String("C"))
        return tr("Audited", "FDocumentStatus C");
    if (code == QLatin1String("D"))
        return tr("Re-audit", "FDocumentStatus D");
    if (code == QLatin1String("gone"))
        return tr("No longer in Kingdee", "a synced bill someone deleted there");
    return code;
}

QStringList ApplicationsModel::goneKeys(const ApplicationRow &row)
{
    QStringList keys;
    for (const ApplicationRow::Bill &bill : row.bills) {
        if (bill.state == BillState::Synced && bill.kingdeeStatus == QLatin1String("gone"))
            keys.append(bill.key);
    }
    return keys;
}

QString ApplicationsModel::formatMoney(const QString &exact)
{
    if (exact.isEmpty())
        return {};
    const bool negative = exact.startsWith(QLatin1Char('-'));
    const QString unsignedText = negative ? exact.mid(1) : exact;
    const qsizetype point = unsignedText.indexOf(QLatin1Char('.'));
    const QString whole = point < 0 ? unsignedText : unsignedText.left(point);
    QString grouped;
    for (qsizetype i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            grouped += QLatin1Char(',');
        grouped += whole.at(i);
    }
    return (negative ? QStringLiteral("-") : QString()) + grouped
        + (point < 0 ? QString() : unsignedText.mid(point));
}

const ApplicationRow::Bill *ApplicationsModel::billWithError(const ApplicationRow &row)
{
    // A refusal that needs a fix comes first: it is what the clerk must act on.
    const ApplicationRow::Bill *found = nullptr;
    for (const ApplicationRow::Bill &bill : row.bills) {
        const ErrorRemedy remedy = errorRemedy(bill.state, bill.retryable, bill.error);
        if (remedy == ErrorRemedy::FixFirst)
            return &bill;
        if (remedy == ErrorRemedy::Temporary && !found)
            found = &bill;
    }
    return found;
}

QStringList ApplicationsModel::failedNeedingAFix() const
{
    QStringList named;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_facts.at(i).sync != BillState::Failed
            || m_rows.at(i).approval != ApprovalState::Approved)
            continue;
        const ApplicationRow::Bill *bill = billWithError(m_rows.at(i));
        if (bill && errorRemedy(bill->state, bill->retryable, bill->error) == ErrorRemedy::FixFirst)
            named.append(m_rows.at(i).businessId.isEmpty() ? m_rows.at(i).id
                                                           : m_rows.at(i).businessId);
    }
    return named;
}

QString ApplicationsModel::signExplained()
{
    return tr("Amounts as Kingdee books them: a rebate is a negative other receivable");
}

QString ApplicationsModel::formatTotal(const Decimal &total)
{
    return QStringLiteral("¥") + formatMoney(total.toString(std::max(total.scale(), 2)));
}

int ApplicationsModel::billsToSend(const ApplicationRow &row)
{
    if (!row.bills.isEmpty()) {
        return int(std::count_if(row.bills.cbegin(), row.bills.cend(), [](const auto &bill) {
            return bill.state != BillState::Synced && bill.state != BillState::Reversed;
        }));
    }
    int customers = 0;
    // Joined with ", " (a customer's name may hold a comma of its own).
    for (const QStringView customer : QStringView(row.customers).split(QStringLiteral(", ")))
        customers += customer.trimmed().isEmpty() ? 0 : 1;
    return std::max(customers, 1);
}

QString ApplicationsModel::originatorText(const ApplicationRow &row)
{
    // DingTalk titles read "王芳提交的返利发放申请": the name is there, the store has the
    // department.
    const qsizetype cut = row.title.indexOf(QStringLiteral("提交的"));
    const QString name = cut > 0 ? row.title.left(cut) : QString();
    if (name.isEmpty())
        return row.originator;
    return row.originator.isEmpty() ? name : name + QStringLiteral("（") + row.originator + u'）';
}

QStringList ApplicationsModel::syncMarks()
{
    return {tr("Needs reversal", "revoked after its bills reached Kingdee"),
            tr("Partly synced", "some of its bills are in Kingdee, some not"),
            tr("Not sendable", "approved, but no bill can be made of it as it stands")};
}

QString ApplicationsModel::syncText(const ApplicationRow &row, const Facts &facts)
{
    if (needsReversal(row, facts))
        return syncMarks().at(0);
    if (facts.partlySynced && row.approval == ApprovalState::Approved)
        return syncMarks().at(1);
    if (facts.notSendable)
        return syncMarks().at(2);
    return row.approval == ApprovalState::Approved || !row.bills.isEmpty() ? displayName(facts.sync)
                                                                           : QString();
}

QVariant ApplicationsModel::displayText(const ApplicationRow &row, const Facts &facts,
                                        int column) const
{
    switch (column) {
    case BusinessIdColumn:
        return row.businessId.isEmpty() ? row.id : row.businessId;
    case TitleColumn:
        return row.title;
    case OriginatorColumn:
        return originatorText(row);
    case DateColumn:
        return row.createdAt.left(10);
    case OrganisationColumn:
        return row.organisation;
    case CustomersColumn:
        return row.customers;
    case AmountColumn:
        return formatMoney(row.amount);
    case ApprovalColumn:
        return displayName(row.approval);
    case SyncColumn:
        return syncText(row, facts);
    case NumbersColumn: {
        QStringList numbers;
        for (const ApplicationRow::Bill &bill : row.bills) {
            if (!bill.number.isEmpty())
                numbers.append(bill.number);
        }
        return numbers.join(QStringLiteral(", "));
    }
    case KingdeeStatusColumn: {
        QStringList names;
        for (const ApplicationRow::Bill &bill : row.bills) {
            const QString name =
                bill.state == BillState::Synced ? kingdeeStatusName(bill.kingdeeStatus) : QString();
            if (!name.isEmpty() && !names.contains(name))
                names.append(name);
        }
        return names.join(QStringLiteral(", "));
    }
    case ErrorColumn:
        if (!row.parseError.isEmpty())
            return row.parseError;
        if (const ApplicationRow::Bill *bill = billWithError(row)) {
            return remedyPrefixed(errorRemedy(bill->state, bill->retryable, bill->error),
                                  clerkErrorText(bill->error, bill->errorField));
        }
        // Saved, but the Submit or Audit was refused: Kingdee's words until a later run passes.
        for (const ApplicationRow::Bill &bill : row.bills) {
            if (!bill.afterSaveError.isEmpty() && bill.state == BillState::Synced)
                return bill.afterSaveError;
        }
        return facts.pending ? m_notes.value(row.id) : QString();
    default:
        return {};
    }
}

QVariant ApplicationsModel::rawValue(const ApplicationRow &row, const Facts &facts,
                                     int column) const
{
    switch (column) {
    case DateColumn:
        return row.createdAt;
    case AmountColumn:
        return row.amount; // exact text; the proxy compares it as a decimal
    case ApprovalColumn:
        return int(row.approval);
    case SyncColumn:
        return int(facts.sync);
    default:
        return displayText(row, facts, column);
    }
}

QVariant ApplicationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApplicationRow &row = m_rows.at(index.row());
    const Facts &facts = m_facts.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, facts, column);
    case Qt::ToolTipRole:
        if (column == ErrorColumn) {
            const ApplicationRow::Bill *bill = billWithError(row);
            const QString advice = bill
                ? remedyAdvice(errorRemedy(bill->state, bill->retryable, bill->error))
                : QString();
            const QString text = displayText(row, facts, column).toString();
            return advice.isEmpty() ? text : text + QLatin1Char('\n') + advice;
        }
        if (column == SyncColumn && facts.notSendable)
            return m_notes.value(row.id);
        if (column == SyncColumn && facts.partlySynced)
            return tr("%1 of %n bill(s) in Kingdee; the others are not", nullptr,
                      int(row.bills.size()))
                .arg(facts.billsInKingdee);
        if (column == CustomersColumn) // 名称（编码） of each, whole, one a line
            return QString(row.customers).replace(QStringLiteral(", "), QStringLiteral("\n"));
        return column == ErrorColumn || column == TitleColumn ? displayText(row, facts, column)
                                                              : QVariant();
    case UnderlyingDataRole:
        return rawValue(row, facts, column);
    case Qt::CheckStateRole:
        if (column != BusinessIdColumn)
            return {};
        return m_checked.contains(row.id) ? Qt::Checked : Qt::Unchecked;
    case Qt::TextAlignmentRole:
        return column == AmountColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ForegroundRole: {
        if (column == KingdeeStatusColumn && !goneKeys(row).isEmpty())
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        if (column == ErrorColumn) {
            // Red for what needs a fix, amber for what may pass on its own.
            const ApplicationRow::Bill *bill = billWithError(row);
            const bool passing = bill
                && errorRemedy(bill->state, bill->retryable, bill->error) == ErrorRemedy::Temporary;
            return passing ? QBrush(QColor(0xb3, 0x5c, 0x00)) : QBrush(QColor(0xc0, 0x1c, 0x28));
        }
        if (column != SyncColumn || displayText(row, facts, column).toString().isEmpty())
            return {};
        if (needsReversal(row, facts) || facts.partlySynced)
            return QBrush(QColor(0xb3, 0x5c, 0x00));
        if (facts.notSendable)
            return QBrush(QColor(0x80, 0x80, 0x80));
        switch (facts.sync) {
        case BillState::Synced:
            return QBrush(QColor(0x1a, 0x7f, 0x37));
        case BillState::Failed:
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        case BillState::InDoubt:
            return QBrush(QColor(0xb3, 0x5c, 0x00));
        default:
            return {};
        }
    }
    case IdRole:
        return row.id;
    case ApprovalRole:
        return int(row.approval);
    case SyncRole:
        return int(facts.sync);
    case PendingRole:
        return facts.pending;
    case SearchTextRole:
        return facts.search;
    case NotSendableRole:
        return facts.notSendable;
    default:
        return {};
    }
}

bool ApplicationsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != BusinessIdColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString &id = m_rows.at(index.row()).id;
    if (value.value<Qt::CheckState>() == Qt::Checked)
        m_checked.insert(id);
    else
        m_checked.remove(id);
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT checkToggled(id, m_checked.contains(id));
    return true;
}

Qt::ItemFlags ApplicationsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == BusinessIdColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant ApplicationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == AmountColumn)
        return signExplained();
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == OrganisationColumn)
        return tr("Organisation");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case BusinessIdColumn:
        return tr("Approval no.");
    case TitleColumn:
        return tr("Title");
    case OriginatorColumn:
        return tr("Originator");
    case DateColumn:
        return tr("Applied on");
    case OrganisationColumn:
        // The column is as narrow as its numbers (组织 in Chinese): the English word would be cut.
        return tr("Org.", "column header: the Kingdee organisation number");
    case CustomersColumn:
        return tr("Customers");
    case AmountColumn:
        return tr("Amount");
    case ApprovalColumn:
        return tr("Approval");
    case SyncColumn:
        return tr("Sync");
    case NumbersColumn:
        return tr("Kingdee bill no.");
    case KingdeeStatusColumn:
        return tr("Kingdee status");
    case ErrorColumn:
        return tr("Last error");
    default:
        return {};
    }
}

void ApplicationsModel::setRows(QList<ApplicationRow> rows)
{
    setPrepared(prepare(std::move(rows)));
}

void ApplicationsModel::setPrepared(Prepared prepared)
{
    beginResetModel();
    m_rows = std::move(prepared.rows);
    m_facts = std::move(prepared.facts);
    m_rowOf.clear();
    m_rowOf.reserve(m_rows.size());
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows.at(i).id, int(i));
    endResetModel();
}

void ApplicationsModel::updateRow(const ApplicationRow &row)
{
    const auto it = m_rowOf.constFind(row.id);
    if (it == m_rowOf.constEnd()) {
        // Appended, not prepended: the view sorts anyway, and positions stay valid.
        const int position = int(m_rows.size());
        beginInsertRows({}, position, position);
        m_rows.append(row);
        m_facts.append(derive(row));
        m_rowOf.insert(row.id, position);
        endInsertRows();
        return;
    }
    m_rows[it.value()] = row;
    m_facts[it.value()] = derive(row);
    Q_EMIT dataChanged(index(it.value(), 0), index(it.value(), ColumnCount - 1));
}

void ApplicationsModel::setNote(const QString &id, const QString &note)
{
    m_notes.insert(id, note);
    const int row = rowOf(id);
    if (row < 0)
        return;
    // The sync's plan found no bill to send: not sendable until the application changes.
    if (!note.isEmpty() && m_rows.at(row).bills.isEmpty()
        && m_rows.at(row).approval == ApprovalState::Approved)
        m_facts[row].notSendable = true;
    Q_EMIT dataChanged(index(row, SyncColumn), index(row, ErrorColumn));
}

void ApplicationsModel::updateRows(const QList<ApplicationRow> &rows)
{
    // One change signal over the span of changed rows, and one insertion for the new ones: a
    // signal per row made the filter and the view redo their bookkeeping hundreds of times.
    int first = int(m_rows.size());
    int last = -1;
    QList<const ApplicationRow *> added;
    for (const ApplicationRow &row : rows) {
        const auto it = m_rowOf.constFind(row.id);
        if (it == m_rowOf.constEnd()) {
            added.append(&row);
            continue;
        }
        m_rows[it.value()] = row;
        m_facts[it.value()] = derive(row);
        first = std::min(first, it.value());
        last = std::max(last, it.value());
    }
    if (last >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    if (added.isEmpty())
        return;
    const int position = int(m_rows.size());
    beginInsertRows({}, position, position + int(added.size()) - 1);
    for (const ApplicationRow *row : std::as_const(added)) {
        m_rowOf.insert(row->id, int(m_rows.size()));
        m_rows.append(*row);
        m_facts.append(derive(*row));
    }
    endInsertRows();
}

QStringList ApplicationsModel::idsInSyncState(BillState state) const
{
    QStringList ids;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_facts.at(i).sync == state && m_rows.at(i).approval == ApprovalState::Approved)
            ids.append(m_rows.at(i).id);
    }
    return ids;
}

QStringList ApplicationsModel::idsWithAfterSaveError() const
{
    QStringList ids;
    for (const ApplicationRow &row : m_rows) {
        const bool refused =
            std::any_of(row.bills.cbegin(), row.bills.cend(), [](const ApplicationRow::Bill &b) {
                return b.state == BillState::Synced && !b.afterSaveError.isEmpty();
            });
        if (refused)
            ids.append(row.id);
    }
    return ids;
}

int ApplicationsModel::rowOf(const QString &id) const
{
    return m_rowOf.value(id, -1);
}

QStringList ApplicationsModel::checkedIds() const
{
    QStringList ids;
    for (const ApplicationRow &row : m_rows) {
        if (m_checked.contains(row.id))
            ids.append(row.id);
    }
    return ids;
}

Decimal ApplicationsModel::checkedTotal() const
{
    Decimal total;
    for (const QString &id : m_checked) {
        const int row = rowOf(id);
        if (row >= 0 && m_facts.at(row).amount)
            total += *m_facts.at(row).amount;
    }
    return total;
}

void ApplicationsModel::setChecked(const QStringList &ids, bool checked)
{
    // One signal over the changed span: ticking 100,000 rows must not send 100,000 signals.
    int first = int(m_rows.size());
    int last = -1;
    for (const QString &id : ids) {
        const auto it = m_rowOf.constFind(id);
        if (it == m_rowOf.constEnd() || m_checked.contains(id) == checked)
            continue;
        if (checked)
            m_checked.insert(id);
        else
            m_checked.remove(id);
        first = std::min(first, it.value());
        last = std::max(last, it.value());
    }
    if (last >= 0)
        Q_EMIT dataChanged(index(first, BusinessIdColumn), index(last, BusinessIdColumn),
                           {Qt::CheckStateRole});
}

} // namespace rs
