#include "ui/preview/previewpane.h"

#include "app/mapping/customerlabel.h"
#include "app/mapping/mapper.h"
#include "app/mapping/scheme.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "ui/preview/billpreview.h"
#include "ui/preview/billsview.h"
#include "ui/preview/previewstyle.h"
#include "ui/preview/sourcefieldsview.h"

#include <QEvent>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace rs {
namespace {

QLabel *wrappedLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

} // namespace

PreviewPane::PreviewPane(const Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_title(wrappedLabel(QStringLiteral("previewTitle"), this))
    , m_notice(wrappedLabel(QStringLiteral("previewNotice"), this))
    , m_problem(wrappedLabel(QStringLiteral("previewProblem"), this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(m_stack))
    , m_source(new SourceFieldsView(this))
    , m_bills(new BillsView(this))
{
    setObjectName(QStringLiteral("previewPane"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_problem->setStyleSheet(preview::errorStyle());
    m_placeholder->setObjectName(QStringLiteral("previewPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    connect(m_bills, &BillsView::currentRowsChanged, m_source, &SourceFieldsView::highlightRows);

    // Source above the bills: the pane sits beside the table and is taller than it is wide.
    auto *splitter = new QSplitter(Qt::Vertical, m_stack);
    splitter->addWidget(m_source);
    splitter->addWidget(m_bills);
    splitter->setChildrenCollapsible(false);
    // The JSON needs the room; a resize keeps the proportion.
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({2000, 3000});
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(splitter);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_notice);
    layout->addWidget(m_problem);
    layout->addWidget(m_stack, 1);
    retranslateUi();
    showApplication(QString());
}

void PreviewPane::setScheme(std::shared_ptr<const Scheme> scheme)
{
    m_scheme = std::move(scheme);
    refresh();
}

void PreviewPane::setSchemeError(const QString &message)
{
    m_schemeError = message;
    refresh();
}

void PreviewPane::showApplication(const QString &applicationId)
{
    m_applicationId = applicationId;
    load(QString());
}

void PreviewPane::showBill(const QString &applicationId, const QString &billKey)
{
    m_applicationId = applicationId;
    load(QString(), billKey);
}

void PreviewPane::refresh()
{
    // The bill in view stays, and so does the mark on the bill the log named.
    const BillPreview *current = m_bills->currentBill();
    load(current ? current->key : QString(), m_bills->markedKey());
}

void PreviewPane::copyJson()
{
    m_bills->copyJson();
}

void PreviewPane::load(const QString &keepKey, const QString &markedKey)
{
    m_bills->clear();
    m_source->clear();
    m_title->clear();
    m_notice->clear();
    QStringList problems;
    if (!m_scheme) {
        problems.append(m_schemeError.isEmpty()
                            ? tr("The mapping scheme could not be loaded.")
                            : tr("The mapping scheme could not be loaded: %1").arg(m_schemeError));
    }
    const bool selected = !m_applicationId.isEmpty();
    m_stack->setCurrentIndex(selected ? 1 : 0);
    m_title->setVisible(false);
    m_notice->setVisible(false);
    if (!selected) {
        setProblems(problems);
        return;
    }

    StoreError error;
    const std::optional<ApplicationRecord> record =
        ApplicationRepository(m_database).find(m_applicationId, &error);
    const QList<BillRecord> stored = error.ok()
        ? BillRepository(m_database).forApplication(m_applicationId, &error)
        : QList<BillRecord>();
    if (!error.ok() || !record) {
        setProblems(problems << (error.ok() ? tr("Application %1 is not stored in this profile.")
                                                  .arg(m_applicationId)
                                            : error.message));
        return;
    }
    m_title->setText(tr("%1 · approval no. %2 · %3")
                         .arg(record->title, record->businessId, displayName(record->approval)));
    m_title->show();
    m_source->setApplication(*record);

    std::optional<MappingResult> mapping;
    if (!record->parseError.isEmpty()) {
        problems.append(tr("DingTalk's answer for this application could not be read: %1")
                            .arg(record->parseError));
    } else if (m_scheme) {
        mapping = mapApplication(*record, *m_scheme);
    }
    QStringList customers;
    if (mapping) {
        for (const BillDraft &draft : std::as_const(mapping->bills))
            customers.append(customerLabel(draft, *record, *m_scheme));
    }
    const ApplicationPreview preview =
        buildApplicationPreview(mapping ? &*mapping : nullptr, stored, customers);
    QStringList notices;
    for (const MappingIssue &issue : preview.issues) {
        // Not being approved is no mistake of the mapping: the bills are a preview until it is.
        if (issue.field == QLatin1String("approval"))
            notices.append(issue.message);
        else
            problems.append(preview::issueText(issue));
    }
    m_notice->setText(notices.join(QLatin1Char('\n')));
    m_notice->setVisible(!notices.isEmpty());
    setProblems(problems);
    m_bills->setBills(preview.bills, keepKey, markedKey);
}

void PreviewPane::setProblems(const QStringList &problems)
{
    m_problem->setText(problems.join(QLatin1Char('\n')));
    m_problem->setVisible(!problems.isEmpty());
}

void PreviewPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // The mapping's messages and the bills' states are translated when they are made.
        refresh();
    }
    QWidget::changeEvent(event);
}

void PreviewPane::retranslateUi()
{
    m_placeholder->setText(tr("Select an application to see the bills it becomes"));
}

} // namespace rs
