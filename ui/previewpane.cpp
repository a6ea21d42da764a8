#include "ui/previewpane.h"

#include "app/mapping/mapper.h"
#include "app/mapping/scheme.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "ui/billjsonview.h"
#include "ui/billpreview.h"
#include "ui/previewstyle.h"
#include "ui/sourcefieldsview.h"

#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
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

QLabel *heading(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
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
    , m_sourceHeading(heading(this))
    , m_billsHeading(heading(this))
    , m_copyButton(new QPushButton(this))
    , m_tabs(new QTabWidget(this))
    , m_noBills(new QLabel(this))
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
    m_copyButton->setObjectName(QStringLiteral("copyJsonButton"));
    m_copyButton->setEnabled(false);
    m_tabs->setObjectName(QStringLiteral("billTabs"));
    m_tabs->setDocumentMode(true);
    m_noBills->setObjectName(QStringLiteral("previewNoBills"));
    m_noBills->setAlignment(Qt::AlignCenter);
    connect(m_copyButton, &QPushButton::clicked, this, &PreviewPane::copyJson);
    connect(m_tabs, &QTabWidget::currentChanged, this, &PreviewPane::showCurrentBillRows);

    auto *sourceSide = new QWidget(this);
    auto *sourceLayout = new QVBoxLayout(sourceSide);
    sourceLayout->setContentsMargins(0, 0, 0, 0);
    sourceLayout->addWidget(m_sourceHeading);
    sourceLayout->addWidget(m_source, 1);

    auto *billsSide = new QWidget(this);
    auto *billsTop = new QHBoxLayout;
    billsTop->addWidget(m_billsHeading);
    billsTop->addStretch(1);
    billsTop->addWidget(m_copyButton);
    auto *billsLayout = new QVBoxLayout(billsSide);
    billsLayout->setContentsMargins(0, 0, 0, 0);
    billsLayout->addLayout(billsTop);
    billsLayout->addWidget(m_tabs, 1);
    billsLayout->addWidget(m_noBills, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, m_stack);
    splitter->addWidget(sourceSide);
    splitter->addWidget(billsSide);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
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

void PreviewPane::refresh()
{
    load(currentBillKey());
}

void PreviewPane::showApplication(const QString &applicationId)
{
    m_applicationId = applicationId;
    load(QString());
}

void PreviewPane::load(const QString &keepKey)
{
    const QString applicationId = m_applicationId;
    clearBills();
    m_source->clear();
    m_title->clear();
    m_notice->clear();
    QStringList problems;
    if (!m_scheme) {
        problems.append(m_schemeError.isEmpty()
                            ? tr("The mapping scheme could not be loaded.")
                            : tr("The mapping scheme could not be loaded: %1").arg(m_schemeError));
    }
    if (applicationId.isEmpty()) {
        m_stack->setCurrentWidget(m_placeholder);
        m_title->hide();
        m_notice->hide();
        setProblems(problems);
        return;
    }
    m_stack->setCurrentIndex(1);

    StoreError error;
    const std::optional<ApplicationRecord> record =
        ApplicationRepository(m_database).find(applicationId, &error);
    const QList<BillRecord> stored = error.ok()
        ? BillRepository(m_database).forApplication(applicationId, &error)
        : QList<BillRecord>();
    if (!error.ok()) {
        setProblems(problems << error.message);
        return;
    }
    if (!record) {
        setProblems(
            problems << tr("Application %1 is not stored in this profile.").arg(applicationId));
        return;
    }
    m_title->setText(tr("%1 · business id %2 · %3")
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
    const ApplicationPreview preview =
        buildApplicationPreview(mapping ? &*mapping : nullptr, stored);
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
    showBills(preview, keepKey);
}

void PreviewPane::clearBills()
{
    // Pages go at once, not later: whoever looks next must not find the old application's bills.
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    m_tabs->hide();
    m_noBills->hide();
    m_copyButton->setEnabled(false);
}

void PreviewPane::showBills(const ApplicationPreview &preview, const QString &keepKey)
{
    for (const BillPreview &bill : preview.bills) {
        auto *view = new BillJsonView(bill, m_tabs);
        const QString title = bill.amount.isEmpty()
            ? bill.customer
            : bill.customer + QStringLiteral("  ") + bill.amount;
        const int index = m_tabs->addTab(view, title);
        m_tabs->setTabToolTip(index, bill.key);
        if (bill.hasErrors())
            m_tabs->tabBar()->setTabTextColor(index, preview::errorColor());
        if (!keepKey.isEmpty() && bill.key == keepKey)
            m_tabs->setCurrentIndex(index);
    }
    const bool any = m_tabs->count() > 0;
    m_tabs->setVisible(any);
    m_noBills->setVisible(!any);
    m_copyButton->setEnabled(any);
    showCurrentBillRows();
}

void PreviewPane::showCurrentBillRows()
{
    const auto *view = qobject_cast<const BillJsonView *>(m_tabs->currentWidget());
    m_source->highlightRows(view ? view->bill().rows : QList<int>());
}

QString PreviewPane::currentBillKey() const
{
    const auto *view = qobject_cast<const BillJsonView *>(m_tabs->currentWidget());
    return view ? view->bill().key : QString();
}

void PreviewPane::setProblems(const QStringList &problems)
{
    m_problem->setText(problems.join(QLatin1Char('\n')));
    m_problem->setVisible(!problems.isEmpty());
}

void PreviewPane::copyJson()
{
    const auto *view = qobject_cast<const BillJsonView *>(m_tabs->currentWidget());
    if (view)
        QGuiApplication::clipboard()->setText(view->jsonText());
}

void PreviewPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // The mapping's messages and the bills' states are translated when they are shown.
        refresh();
    }
    QWidget::changeEvent(event);
}

void PreviewPane::retranslateUi()
{
    m_placeholder->setText(tr("Select an application to see the bills it becomes"));
    m_sourceHeading->setText(tr("Source"));
    m_billsHeading->setText(tr("Kingdee bills"));
    m_copyButton->setText(tr("Copy JSON"));
    m_copyButton->setToolTip(tr("Copy the JSON of the bill shown (its Model object)"));
    m_noBills->setText(tr("No bills to show"));
}

} // namespace rs
