#include "ui/monitor/monitorpane.h"

#include "app/store/applicationrepository.h"
#include "models/applicationsmodel.h"
#include "models/dailysyncmodel.h"
#include "models/statecountsmodel.h"
#include "ui/monitor/dailybarchart.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace rs {
namespace {

QLabel *valueLabel(const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

MonitorPane::MonitorPane(const Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_counts(new StateCountsModel(this))
    , m_daily(new DailySyncModel(this))
    , m_countsView(new QTableView(this))
    , m_chart(new DailyBarChart(this))
    , m_heading(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_syncedToday(valueLabel("syncedTodayLabel", this))
    , m_failureRate(valueLabel("failureRateLabel", this))
    , m_lastFetch(valueLabel("lastFetchLabel", this))
    , m_lastSync(valueLabel("lastSyncLabel", this))
    , m_chartTitle(new QLabel(this))
{
    m_countsView->setObjectName(QStringLiteral("stateCountsView"));
    m_countsView->setModel(m_counts);
    m_countsView->setSelectionMode(QAbstractItemView::NoSelection);
    m_countsView->verticalHeader()->hide();
    m_countsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_countsView->horizontalHeader()->setMinimumSectionSize(96);
    m_countsView->setAlternatingRowColors(true);
    m_countsView->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_countsView->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Maximum);
    m_countsView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_countsView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_chart->setObjectName(QStringLiteral("syncedPerDayChart"));

    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_problem->setObjectName(QStringLiteral("overviewProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->hide();

    auto *facts = new QVBoxLayout;
    for (QLabel *label : {m_syncedToday, m_failureRate, m_lastFetch, m_lastSync})
        facts->addWidget(label);
    facts->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(m_countsView);
    top->addSpacing(16);
    top->addLayout(facts, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_problem);
    layout->addLayout(top);
    layout->addWidget(m_chartTitle);
    layout->addWidget(m_chart, 1);
    retranslateUi();
    refresh();
}

void MonitorPane::refresh()
{
    StoreError error;
    const auto applications = ApplicationRepository(m_database).countByApproval(&error);
    MonitorSummary loaded;
    if (error.ok())
        loaded = MonitorSummary::load(m_database, QDateTime::currentDateTimeUtc(), &error);
    m_problem->setVisible(!error.ok());
    m_problem->setText(error.message);
    if (!error.ok())
        return;
    m_summary = loaded;
    m_counts->setCounts(applications, m_summary.bills);
    m_daily->setDays(m_summary.perDay);
    QList<QDate> days;
    QList<int> counts;
    for (const DaySynced &d : std::as_const(m_summary.perDay)) {
        days.append(d.day);
        counts.append(d.bills);
    }
    m_chart->setData(days, counts);
    showSummary();
}

QString MonitorPane::describeRun(const std::optional<JobRun> &run)
{
    if (!run)
        return tr("never");
    QString result;
    if (run->result == QLatin1String("ok"))
        result = tr("completed");
    else if (run->result == QLatin1String("partial"))
        result = tr("partly completed");
    else
        result = tr("failed");
    const QDateTime finished = QDateTime::fromString(run->finishedAt, Qt::ISODateWithMs);
    const QString when = finished.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return run->summary.isEmpty() ? tr("%1, %2").arg(when, result)
                                  : tr("%1, %2: %3").arg(when, result, run->summary);
}

void MonitorPane::showSummary()
{
    const QLocale locale;
    m_syncedToday->setText(tr("Synced today: %n bill(s), amount %1", nullptr, m_summary.syncedToday)
                               .arg(ApplicationsModel::formatMoney(m_summary.syncedTodayAmount)));
    const std::optional<int> perMille = m_summary.failurePerMille();
    m_failureRate->setText(perMille
                               ? tr("Failure rate (30 days): %1 % (%2 failed of %3)")
                                     .arg(locale.toString(*perMille / 10.0, 'f', 1),
                                          locale.toString(m_summary.failed30),
                                          locale.toString(m_summary.failed30 + m_summary.synced30))
                               : tr("Failure rate (30 days): no bill synced or failed"));
    m_lastFetch->setText(tr("Last fetch: %1").arg(describeRun(m_summary.lastFetch)));
    m_lastSync->setText(tr("Last sync: %1").arg(describeRun(m_summary.lastSync)));
}

void MonitorPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_counts->retranslate();
        m_daily->retranslate();
    }
    QWidget::changeEvent(event);
}

void MonitorPane::retranslateUi()
{
    m_heading->setText(tr("Applications and bills by state"));
    m_chartTitle->setText(tr("Bills synced per day, last 30 days"));
    showSummary();
}

} // namespace rs
