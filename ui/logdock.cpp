#include "ui/logdock.h"

#include "app/store/database.h"
#include "models/csvexport.h"
#include "models/eventlevelfiltermodel.h"
#include "models/eventlogmodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace rs {
namespace {

constexpr int SafetyNetMs = 2000;

} // namespace

LogDock::LogDock(const Database &database, QWidget *parent)
    : QDockWidget(parent)
    , m_database(database)
    , m_model(new EventLogModel(this))
    , m_filter(new EventLevelFilterModel(this))
    , m_safetyNet(new QTimer(this))
{
    setObjectName(QStringLiteral("logDock"));
    auto *content = new QWidget(this);
    m_view = new QTableView(content);
    m_levelLabel = new QLabel(content);
    m_levelBox = new QComboBox(content);
    m_exportButton = new QPushButton(content);
    m_problem = new QLabel(content);

    m_filter->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    // Fixed row heights: 20,000 rows must not be measured one by one.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    header->resizeSection(EventLogModel::TimeColumn, 150);
    header->resizeSection(EventLogModel::LevelColumn, 60);
    header->resizeSection(EventLogModel::ApplicationColumn, 150);
    header->resizeSection(EventLogModel::BillColumn, 170);
    header->resizeSection(EventLogModel::ActorColumn, 130);

    m_levelBox->setObjectName(QStringLiteral("logLevelBox"));
    for (auto filter :
         {EventLevelFilterModel::LevelFilter::All, EventLevelFilterModel::LevelFilter::Info,
          EventLevelFilterModel::LevelFilter::Warning, EventLevelFilterModel::LevelFilter::Error})
        m_levelBox->addItem(QString(), int(filter));
    m_levelLabel->setBuddy(m_levelBox);
    m_exportButton->setObjectName(QStringLiteral("exportLogButton"));
    m_problem->setObjectName(QStringLiteral("logProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->hide();

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_levelLabel);
    bar->addWidget(m_levelBox);
    bar->addStretch(1);
    bar->addWidget(m_exportButton);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_problem);
    layout->addWidget(m_view);
    setWidget(content);

    connect(m_levelBox, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setLevelFilter(
            static_cast<EventLevelFilterModel::LevelFilter>(m_levelBox->currentData().toInt()));
    });
    connect(m_exportButton, &QPushButton::clicked, this, &LogDock::exportCsv);
    connect(m_view, &QTableView::clicked, this, &LogDock::chooseEvent);
    // Where one click already activates, clicked alone would announce the event twice.
    if (!style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_view))
        connect(m_view, &QTableView::activated, this, &LogDock::chooseEvent);
    QScrollBar *scroll = m_view->verticalScrollBar();
    connect(scroll, &QScrollBar::valueChanged, this,
            [this, scroll](int value) { m_following = value >= scroll->maximum(); });
    connect(scroll, &QScrollBar::rangeChanged, this, &LogDock::followNewEvents);
    m_safetyNet->setInterval(SafetyNetMs);
    connect(m_safetyNet, &QTimer::timeout, this, &LogDock::refresh);

    retranslateUi();
    refresh();
}

void LogDock::refresh()
{
    StoreError error;
    m_model->refresh(m_database, &error);
    if (m_model->hasMore()) // the rest after the events waiting, so the window stays responsive
        QTimer::singleShot(0, this, &LogDock::refresh);
    m_problem->setVisible(!error.ok());
    m_problem->setText(error.message);
}

void LogDock::followNewEvents()
{
    if (m_following)
        m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());
}

void LogDock::chooseEvent(const QModelIndex &index)
{
    const QString id = index.data(EventLogModel::ApplicationIdRole).toString();
    if (!id.isEmpty())
        Q_EMIT applicationActivated(id, index.data(EventLogModel::BillKeyRole).toString());
}

bool LogDock::exportTo(const QString &path, QString *error) const
{
    // Written aside and renamed: a failed export never leaves half a file behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Could not create %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    if (!writeCsv(file, *m_filter, error))
        return false;
    if (!file.commit()) {
        if (error)
            *error =
                tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void LogDock::exportCsv()
{
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(
                tr("sync-log-%1.csv", "suggested export file name")
                    .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Sync Log"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export Sync Log"), error);
}

void LogDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_model->retranslate();
    }
    QDockWidget::changeEvent(event);
}

void LogDock::showEvent(QShowEvent *event)
{
    m_safetyNet->start();
    QDockWidget::showEvent(event);
}

void LogDock::hideEvent(QHideEvent *event)
{
    m_safetyNet->stop();
    QDockWidget::hideEvent(event);
}

void LogDock::retranslateUi()
{
    setWindowTitle(tr("Sync Log"));
    m_levelLabel->setText(tr("&Level:", "sync log level"));
    m_levelBox->setItemText(0, tr("All", "sync log level"));
    m_levelBox->setItemText(1, tr("Info", "sync log level"));
    m_levelBox->setItemText(2, tr("Warning", "sync log level"));
    m_levelBox->setItemText(3, tr("Error", "sync log level"));
    m_exportButton->setText(tr("&Export CSV…"));
}

QByteArray LogDock::headerState() const
{
    return m_view->horizontalHeader()->saveState();
}

void LogDock::restoreHeaderState(const QByteArray &state)
{
    m_view->horizontalHeader()->restoreState(state);
}

} // namespace rs
