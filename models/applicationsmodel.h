#pragma once

#include "app/store/records.h"

#include "app/mapping/decimal.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QSet>

#include <optional>

namespace rs {

// The clerk's applications table: one row per application, its bills' states folded into one
// sync state. DisplayRole is formatted text, UnderlyingDataRole the raw value (exact decimal
// text for money, ISO text for dates), so the proxy sorts and filters on the real values.
// The whole set is replaced on load; single rows change in place as bills finish.
class ApplicationsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplicationsModel)

public:
    enum Column {
        BusinessIdColumn, // with the check box
        TitleColumn,
        OriginatorColumn,
        DateColumn,
        OrganisationColumn,
        CustomersColumn,
        AmountColumn,
        ApprovalColumn,
        SyncColumn,
        NumbersColumn,
        KingdeeStatusColumn, // FDocumentStatus of the synced bills as last read, or gone
        ErrorColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // the process instance id
        ApprovalRole, // ApprovalState as int
        SyncRole, // BillState as int: the application's folded sync state
        PendingRole, // bool: approved and not synced, what 同步所选 may send
        SearchTextRole, // business id, title, customers and originator, for the search box
        NotSendableRole, // bool: approved, but no bill can be made of it as it stands
    };

    explicit ApplicationsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // What filtering and sorting ask about a row, worked out once when it is loaded: filtering
    // and sorting 100,000 rows through QVariant roles would take the UI thread seconds.
    struct Facts
    {
        BillState sync = BillState::Pending;
        ApprovalState approval = ApprovalState::InApproval;
        bool pending = false; // approved and not synced: what 同步所选 may send
        // Some bills are in Kingdee and some are not (a failed customer beside a saved one):
        // shown as 部分同步, derived from the bills, never stored.
        bool partlySynced = false;
        // Approved, but the last sync's plan could make no bill of it (setNote says why). Marked,
        // and 全选待同步 leaves it out. Not guessed from the row: rows stored by older versions
        // lack the columns a guess would need.
        bool notSendable = false;
        int billsInKingdee = 0;
        QDate day; // 申请日期
        std::optional<Decimal> amount;
        QString search; // lower-case business id, title, customers, originator, id
    };
    // "王芳（华东销售部）": the originator's name from the title, the department beside it.
    static QString originatorText(const ApplicationRow &row);
    // 需冲销, 部分同步, 无法生成单据: what the sync column says besides the bills' folded state.
    static QStringList syncMarks();
    // What the sync column says: 部分同步 and 需冲销 beside the bills' folded state.
    static QString syncText(const ApplicationRow &row, const Facts &facts);
    // Revoked (or withdrawn, rejected) after a bill reached Kingdee, and not reversed yet.
    static bool needsReversal(const ApplicationRow &row, const Facts &facts);
    // Rows with their facts, prepared off the UI thread by prepare().
    struct Prepared
    {
        QList<ApplicationRow> rows;
        QList<Facts> facts;
    };
    static Prepared prepare(QList<ApplicationRow> rows);

    void setRows(QList<ApplicationRow> rows);
    void setPrepared(Prepared prepared);
    const Facts &facts(int row) const { return m_facts.at(row); }
    // Orders two rows by a column's raw value: money as exact decimals, dates as dates.
    bool lessThan(int left, int right, int column) const;
    // Replaces one application's row (or adds it), e.g. when its bills change.
    void updateRow(const ApplicationRow &row);
    // The same for many rows at once (a job's live updates), with one signal for all of them.
    void updateRows(const QList<ApplicationRow> &rows);
    // Why the last sync could not send this application (its mapping issues): shown as its
    // error while it is pending and no bill has an error of its own. Not stored: the event
    // log keeps it, and the next sync says it again.
    void setNote(const QString &id, const QString &note);
    // Approved applications whose folded sync state is `state` (e.g. the failed ones to retry).
    QStringList idsInSyncState(BillState state) const;
    // Synced applications a bill of which Kingdee refused to submit or audit after the save.
    QStringList idsWithAfterSaveError() const;
    // 审批编号 of failed applications Kingdee refused as they stand (a customer it lacks, a closed
    // period): 重试失败 names them, since sending again alone will not help.
    QStringList failedNeedingAFix() const;
    // The source row of an application, -1 when it is not loaded.
    int rowOf(const QString &id) const;

    QStringList checkedIds() const;
    // Cheap: asked on every tick and every live update, where checkedIds() would walk all rows.
    int checkedCount() const { return int(m_checked.size()); }
    void setChecked(const QStringList &ids, bool checked);
    // The ticked rows' exact total (unreadable amounts left out): walks the ticks, not the rows.
    Decimal checkedTotal() const;

    // 暂存, 创建, 审核中, 已审核, 重新审核, or 金蝶中已不存在 for the store's "gone"; the code
    // itself when unknown. (Here rather than through rs_kingdee: models link no connector.)
    static QString kingdeeStatusName(const QString &code);
    // The application's synced bills Kingdee no longer holds.
    static QStringList goneKeys(const ApplicationRow &row);

    // "-1,834.60": the exact text with thousands separators, never through a double.
    static QString formatMoney(const QString &exact);
    // "¥-1,834.60": a total, in the one money format the console uses.
    static QString formatTotal(const Decimal &total);
    // Why the amounts are negative, said once: on the amount header and the totals.
    static QString signExplained();
    const ApplicationRow &rowAt(int row) const { return m_rows.at(row); }
    // The bills a sync of this application would send: its stored bills not yet in Kingdee, or
    // before its first sync one per customer (the built-in scheme's grouping).
    static int billsToSend(const ApplicationRow &row);

Q_SIGNALS:
    // The clerk ticked or unticked one row (not setChecked): the view extends shift-click ranges.
    void checkToggled(const QString &id, bool checked);

private:
    QVariant rawValue(const ApplicationRow &row, const Facts &facts, int column) const;
    static BillState syncState(const ApplicationRow &row);

    static Facts derive(const ApplicationRow &row);
    // The bill whose error the row shows: one needing a fix first, else a passing one.
    static const ApplicationRow::Bill *billWithError(const ApplicationRow &row);
    QVariant displayText(const ApplicationRow &row, const Facts &facts, int column) const;

    QList<ApplicationRow> m_rows;
    QList<Facts> m_facts;
    QHash<QString, int> m_rowOf;
    QSet<QString> m_checked;
    QHash<QString, QString> m_notes;
};

} // namespace rs
