#include "ui/reconcile/reconcilepane.h"

#include "app/report/xlsxexport.h"
#include "app/sync/syncrunner.h"
#include "models/applicationsmodel.h"
#include "ui/reconcile/reconcilecsv.h"
#include "ui/reconcile/reconciletables.h"

#include <QDateEdit>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace rs {
namespace {

QTableView *makeView(QStandardItemModel *model, const char *name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(QLatin1String(name));
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    return view;
}

} // namespace

ReconcilePane::ReconcilePane(sync::SyncRunner &runner, QWidget *parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_periodLabel(new QLabel(this))
    , m_toLabel(new QLabel(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_run(new QPushButton(this))
    , m_exportXlsx(new QPushButton(this))
    , m_exportCsv(new QPushButton(this))
    , m_summary(new QLabel(this))
    , m_differences(new QStandardItemModel(this))
    , m_totals(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("reconcilePane"));
    m_from->setObjectName(QStringLiteral("reconcileFrom"));
    m_to->setObjectName(QStringLiteral("reconcileTo"));
    m_run->setObjectName(QStringLiteral("reconcileRunButton"));
    m_exportXlsx->setObjectName(QStringLiteral("reconcileXlsxButton"));
    m_exportCsv->setObjectName(QStringLiteral("reconcileCsvButton"));
    m_summary->setObjectName(QStringLiteral("reconcileSummary"));
    m_summary->setWordWrap(true);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    const QDate beijingToday = QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date();
    const auto [first, last] = report::lastMonth(beijingToday);
    setPeriod(first, last);

    ReconcileTables::setHeaders(*m_differences, *m_totals); // the columns exist for the views
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_differencesView = makeView(m_differences, "reconcileDifferences", splitter);
    m_totalsView = makeView(m_totals, "reconcileTotals", splitter);
    // The money columns keep their width at the right edge of the text; the slack goes to the
    // key and to the customer.
    m_differencesView->horizontalHeader()->setSectionResizeMode(ReconcileTables::KeyColumn,
                                                                QHeaderView::Stretch);
    m_totalsView->horizontalHeader()->setSectionResizeMode(ReconcileTables::CustomerColumn,
                                                           QHeaderView::Stretch);
    splitter->addWidget(m_differencesView);
    splitter->addWidget(m_totalsView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_periodLabel);
    bar->addWidget(m_from);
    bar->addWidget(m_toLabel);
    bar->addWidget(m_to);
    bar->addWidget(m_run);
    bar->addSpacing(12);
    bar->addWidget(m_exportXlsx);
    bar->addWidget(m_exportCsv);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    connect(m_run, &QPushButton::clicked, this, &ReconcilePane::run);
    connect(m_exportXlsx, &QPushButton::clicked, this, [this] { chooseExport(true); });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { chooseExport(false); });
    connect(m_differencesView, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        const QString id = index.data(ReconcileTables::ApplicationIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT applicationActivated(id);
    });
    connect(&m_runner, &sync::SyncRunner::reconcileFinished, this, &ReconcilePane::onFinished);
    retranslateUi();
}

void ReconcilePane::setPeriod(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

void ReconcilePane::run()
{
    m_note.clear();
    if (m_from->date() > m_to->date()) {
        m_note = tr("The first day is after the last day.");
    } else if (!m_runner.reconcile(m_from->date(), m_to->date())) {
        m_note = tr("Another job is running; reconcile when it has ended.");
    } else {
        m_running = true;
        m_run->setEnabled(false);
    }
    showSummary();
}

void ReconcilePane::onFinished(const report::ReconcileReport &report)
{
    if (!m_running)
        return;
    m_running = false;
    m_run->setEnabled(true);
    if (!report.stopReason.isEmpty()) {
        m_note = report.stopReason;
        showSummary();
        Q_EMIT finished({}, report.stopReason);
        return;
    }
    m_report = report;
    m_hasReport = true;
    ReconcileTables::fillDifferences(*m_differences, m_report);
    ReconcileTables::fillTotals(*m_totals, m_report);
    m_differencesView->resizeColumnsToContents();
    m_totalsView->resizeColumnsToContents();
    showSummary();
    Q_EMIT finished(m_summary->text(), {});
}

void ReconcilePane::showSummary()
{
    m_exportXlsx->setEnabled(m_hasReport);
    m_exportCsv->setEnabled(m_hasReport);
    if (m_running) {
        m_summary->setText(tr("Reconciling…"));
        return;
    }
    if (!m_note.isEmpty()) {
        m_summary->setText(m_note);
        return;
    }
    if (!m_hasReport) {
        m_summary->setText(tr("Choose the period and click Reconcile."));
        return;
    }
    const report::Total all =
        m_report.totals.isEmpty() ? report::Total() : m_report.totals.constLast();
    m_summary->setText(
        tr("%1 to %2: %3 matched, %4 difference(s). DingTalk approved %5, Kingdee holds %6.")
            .arg(m_report.from.toString(Qt::ISODate), m_report.to.toString(Qt::ISODate))
            .arg(m_report.matched)
            .arg(m_report.differences.size())
            .arg(ApplicationsModel::formatMoney(all.dingtalk),
                 ApplicationsModel::formatMoney(all.kingdee)));
}

bool ReconcilePane::exportXlsx(const QString &path, QString *error) const
{
    return report::XlsxExport::write(m_report, path, error);
}

bool ReconcilePane::exportCsv(const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return ReconcileCsv::write(file, m_report, error);
}

void ReconcilePane::chooseExport(bool xlsx)
{
    const QString suggested =
        tr("reconciliation %1 %2")
            .arg(m_report.from.toString(Qt::ISODate), m_report.to.toString(Qt::ISODate))
        + (xlsx ? QStringLiteral(".xlsx") : QStringLiteral(".csv"));
    const QString path = QFileDialog::getSaveFileName(
        this, xlsx ? tr("Export to Excel") : tr("Export to CSV"), suggested,
        xlsx ? tr("Excel workbook (*.xlsx)") : tr("CSV, UTF-8 (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!(xlsx ? exportXlsx(path, &error) : exportCsv(path, &error)))
        QMessageBox::warning(this, tr("Export"), error);
}

void ReconcilePane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (m_hasReport) {
            ReconcileTables::fillDifferences(*m_differences, m_report);
            ReconcileTables::fillTotals(*m_totals, m_report);
        }
    }
    QWidget::changeEvent(event);
}

void ReconcilePane::retranslateUi()
{
    m_periodLabel->setText(tr("Period from"));
    m_toLabel->setText(tr("to", "period from … to …"));
    m_run->setText(tr("&Reconcile"));
    m_run->setToolTip(
        tr("Compare the applications of the period with the bills Kingdee holds for them"));
    m_exportXlsx->setText(tr("Export &Excel…"));
    m_exportCsv->setText(tr("Export &CSV…"));
    ReconcileTables::setHeaders(*m_differences, *m_totals);
    showSummary();
}

} // namespace rs
