#include "ui/overviewpane.h"

#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "models/statecountsmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace rs {

OverviewPane::OverviewPane(const Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_model(new StateCountsModel(this))
    , m_view(new QTableView(this))
    , m_heading(new QLabel(this))
    , m_problem(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("stateCountsView"));
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setMinimumSectionSize(96);
    m_view->setAlternatingRowColors(true);
    m_view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_view->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Maximum);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_problem->setObjectName(QStringLiteral("overviewProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_problem);
    layout->addWidget(m_view);
    layout->addStretch(1);
    retranslateUi();
    refresh();
}

void OverviewPane::refresh()
{
    StoreError error;
    const auto applications = ApplicationRepository(m_database).countByApproval(&error);
    const auto bills =
        error.ok() ? BillRepository(m_database).countByState(&error) : QHash<BillState, int>();
    m_problem->setVisible(!error.ok());
    m_problem->setText(error.message);
    if (error.ok())
        m_model->setCounts(applications, bills);
}

void OverviewPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_model->retranslate();
    }
    QWidget::changeEvent(event);
}

void OverviewPane::retranslateUi()
{
    m_heading->setText(tr("Applications and bills by state"));
}

} // namespace rs
