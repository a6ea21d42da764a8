#include "ui/preview/sourcefieldsview.h"

#include "app/store/records.h"
#include "models/sourcefieldsmodel.h"
#include "models/sourcerowsmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace rs {
namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

QWidget *titled(QLabel *heading, QTableView *view, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(view, 1);
    return box;
}

} // namespace

SourceFieldsView::SourceFieldsView(QWidget *parent)
    : QWidget(parent)
    , m_fieldsModel(new SourceFieldsModel(this))
    , m_rowsModel(new SourceRowsModel(this))
    , m_heading(new QLabel(this))
    , m_fieldsHeading(new QLabel(this))
    , m_rowsHeading(new QLabel(this))
{
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_fieldsView = makeTable(m_fieldsModel, QStringLiteral("sourceFieldsView"), this);
    m_fieldsView->verticalHeader()->hide();
    m_fieldsView->horizontalHeader()->setSectionResizeMode(SourceFieldsModel::FieldColumn,
                                                           QHeaderView::ResizeToContents);
    m_fieldsView->horizontalHeader()->setStretchLastSection(true);
    m_rowsView = makeTable(m_rowsModel, QStringLiteral("sourceRowsView"), this);

    splitter->addWidget(titled(m_fieldsHeading, m_fieldsView, splitter));
    splitter->addWidget(titled(m_rowsHeading, m_rowsView, splitter));
    splitter->setChildrenCollapsible(false);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(splitter, 1);
    retranslateUi();
}

void SourceFieldsView::setApplication(const ApplicationRecord &application)
{
    m_fieldsModel->setFields(QJsonDocument::fromJson(application.fieldsJson).object());
    QList<QJsonObject> rows;
    rows.reserve(application.rowsJson.size());
    for (const QByteArray &row : application.rowsJson)
        rows.append(QJsonDocument::fromJson(row).object());
    m_rowsModel->setRows(rows);
    m_rowsView->resizeColumnsToContents();
    retranslateUi();
}

void SourceFieldsView::clear()
{
    m_fieldsModel->clear();
    m_rowsModel->clear();
    retranslateUi();
}

void SourceFieldsView::highlightRows(const QList<int> &rows)
{
    m_rowsModel->setHighlightedRows(rows);
}

void SourceFieldsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_fieldsModel->retranslate();
    }
    QWidget::changeEvent(event);
}

void SourceFieldsView::retranslateUi()
{
    m_heading->setText(tr("Source"));
    m_fieldsHeading->setText(tr("Header fields"));
    m_rowsHeading->setText(tr("Table rows (%n)", nullptr, m_rowsModel->rowCount()));
}

} // namespace rs
