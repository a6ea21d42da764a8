#pragma once

#include "app/store/records.h"
#include "app/store/storeerror.h"
#include "models/applicationsfiltermodel.h"
#include "models/applicationsmodel.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QThread;

namespace rs {

class ApplicationsView;
class Database;
class FilterBar;
class UiState;

// The clerk's working list: the filter bar, the applications table with its check boxes, and
// the buttons that tick rows. Loads the whole table on a background thread; refreshes single
// rows in place as the engine reports changes.
class ApplicationsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplicationsPane)

public:
    ApplicationsPane(const Database &database, UiState &uiState, QWidget *parent = nullptr);
    ~ApplicationsPane() override;

    ApplicationsModel &model() const { return *m_model; }
    // What 同步所选 would send: its question names the count, the total and the hidden ones.
    struct Ticked
    {
        int applications = 0;
        int bills = 0;
        Decimal total; // exact, in Kingdee's sign
        int unreadableAmounts = 0; // not in the total
        QStringList hidden; // 审批编号 of ticked rows the filter hides
    };
    Ticked ticked() const;
    QStringList checkedIds() const;
    QStringList failedIds() const;
    // Shows the application and makes it current. When the filter hides it, the parts that do
    // (state, dates, search) are cleared, and the notice above the table says so. False when it
    // is not loaded.
    bool selectApplication(const QString &id);
    void saveLayout();

public Q_SLOTS:
    // Reads every row again, on a background thread; on the first load the newest page
    // shows first.
    void reload();
    // Puts rows the engine read again into the table: a live update while a job runs.
    void applyRows(const QList<ApplicationRow> &rows);

Q_SIGNALS:
    void currentApplicationChanged(const QString &id);
    void checkedCountChanged(int count);
    void loaded(int rows);
    void loadFailed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onLoaded(ApplicationsModel::Prepared rows, const StoreError &error, bool complete);
    void onCheckToggled(const QString &id, bool checked);
    void checkAllPending();
    void updateCounts();
    // The shown rows' total, worked out again only when the filter or the rows change.
    void recountShown();
    void retranslateUi();
    void showFilterNotice();
    // The default widths of 同步状态 and 审批状态, widened to their longest state in this language.
    void fitStateColumns();

    const Database &m_database;
    UiState &m_uiState;
    ApplicationsModel *m_model = nullptr;
    ApplicationsFilterModel *m_filter = nullptr;
    FilterBar *m_filterBar = nullptr;
    ApplicationsView *m_view = nullptr;
    QPushButton *m_checkPending = nullptr;
    QPushButton *m_clearChecks = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_ledgerLost = nullptr; // shown while the shared ledger's server cannot be reached
    QWidget *m_noticeBar = nullptr;
    QLabel *m_filterNotice = nullptr;
    // What the last jump cleared, for the notice (re-said in the clerk's language).
    QString m_noticeFor;
    ApplicationsFilterModel::Hiding m_cleared;
    Decimal m_shownTotal;
    std::unique_ptr<QThread> m_loader;
    bool m_reloadAgain = false;
    bool m_loading = false; // showing the first page while the rest loads
    QString m_anchor; // the last row ticked by hand: a shift-click extends from here
};

} // namespace rs
