#include "ui/applications/applicationsview.h"

#include "models/applicationsmodel.h"

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
    // Space ticks the current row whatever cell is current, not only on the check box column.
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier
        && currentIndex().isValid()) {
        const QModelIndex box = currentIndex().siblingAtColumn(ApplicationsModel::BusinessIdColumn);
        const bool ticked = box.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
        model()->setData(box, ticked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace rs
