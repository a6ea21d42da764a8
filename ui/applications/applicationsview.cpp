#include "ui/applications/applicationsview.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QMouseEvent>

namespace rs {

ApplicationsView::ApplicationsView(QWidget *parent)
    : QTableView(parent)
{
    setObjectName(QStringLiteral("applicationsView"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setWordWrap(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    verticalHeader()->hide();
    // Fixed row heights: the view never measures 100,000 rows.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setHighlightSections(false);
}

void ApplicationsView::mousePressEvent(QMouseEvent *event)
{
    m_modifiers = event->modifiers();
    QTableView::mousePressEvent(event);
}

void ApplicationsView::mouseReleaseEvent(QMouseEvent *event)
{
    m_modifiers = event->modifiers();
    QTableView::mouseReleaseEvent(event);
}

void ApplicationsView::keyPressEvent(QKeyEvent *event)
{
    m_modifiers = event->modifiers();
    QTableView::keyPressEvent(event);
}

} // namespace rs
