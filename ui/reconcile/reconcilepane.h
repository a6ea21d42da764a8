#pragma once

#include "app/report/reconciliation.h"

#include <QWidget>

class QDateEdit;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace rs {

namespace sync {
class SyncRunner;
}

// 对账: the store's bills of a period (default: last month, Beijing time) against Kingdee's, run
// on the engine's worker thread like `rebatesync-cli reconcile`: the differences (a click shows
// the application in the applications tab), the exact totals per organisation and customer, and
// export to .xlsx and CSV.
class ReconcilePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReconcilePane)

public:
    explicit ReconcilePane(sync::SyncRunner &runner, QWidget *parent = nullptr);

    void setPeriod(const QDate &from, const QDate &to);
    const report::ReconcileReport &report() const { return m_report; }
    bool hasReport() const { return m_hasReport; }
    // False with the reason in `error`.
    bool exportXlsx(const QString &path, QString *error) const;
    bool exportCsv(const QString &path, QString *error) const;

public Q_SLOTS:
    // Runs the reconciliation of the chosen period; refused (a note) while another job runs.
    void run();

Q_SIGNALS:
    void applicationActivated(const QString &id);
    void finished(const QString &summary, const QString &problem);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onFinished(const report::ReconcileReport &report);
    void chooseExport(bool xlsx);
    void showSummary();
    void retranslateUi();

    sync::SyncRunner &m_runner;
    QLabel *m_periodLabel = nullptr;
    QLabel *m_toLabel = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_exportXlsx = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QLabel *m_summary = nullptr;
    QStandardItemModel *m_differences = nullptr;
    QStandardItemModel *m_totals = nullptr;
    QTableView *m_differencesView = nullptr;
    QTableView *m_totalsView = nullptr;
    report::ReconcileReport m_report;
    bool m_hasReport = false;
    bool m_running = false;
    QString m_note; // why the last run did not happen or failed
};

} // namespace rs
