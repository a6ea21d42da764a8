#include "ui/schemeeditor/billsettingsform.h"

#include "ui/preview/previewstyle.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace rs {
namespace {

// Text set from outside only when it differs: the cursor of a box being typed in stays put.
void setTextKeepingCursor(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

} // namespace

BillSettingsForm::BillSettingsForm(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_groupBy(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_keyField(new QLineEdit(this))
    , m_amount(new QLineEdit(this))
    , m_optionsHeading(new QLabel(this))
    , m_options(new QTableWidget(0, 2, this))
    , m_addOption(new QPushButton(this))
    , m_removeOptions(new QPushButton(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("billSettingsForm"));
    m_groupBy->setObjectName(QStringLiteral("billGroupBy"));
    m_key->setObjectName(QStringLiteral("billIdempotencyKey"));
    m_keyField->setObjectName(QStringLiteral("billIdempotencyField"));
    m_amount->setObjectName(QStringLiteral("billAmountField"));
    m_options->setObjectName(QStringLiteral("billOptions"));
    m_addOption->setObjectName(QStringLiteral("addBillOption"));
    m_removeOptions->setObjectName(QStringLiteral("removeBillOptions"));
    m_problem->setObjectName(QStringLiteral("billProblems"));
    m_heading->setWordWrap(true);
    m_optionsHeading->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(preview::errorStyle());
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    m_options->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_options->verticalHeader()->hide();

    auto *form = new QFormLayout;
    for (QLineEdit *edit : {m_groupBy, m_key, m_keyField, m_amount}) {
        auto *label = new QLabel(this);
        label->setBuddy(edit);
        m_labels.append(label);
        form->addRow(label, edit);
    }
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addOption);
    buttons->addWidget(m_removeOptions);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(form);
    layout->addWidget(m_optionsHeading);
    layout->addWidget(m_options, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_problem);

    connect(m_groupBy, &QLineEdit::textEdited, this, [this] { textEdited(Part::GroupBy); });
    connect(m_key, &QLineEdit::textEdited, this, [this] { textEdited(Part::Key); });
    connect(m_keyField, &QLineEdit::textEdited, this, [this] { textEdited(Part::KeyField); });
    connect(m_amount, &QLineEdit::textEdited, this, [this] { textEdited(Part::Amount); });
    connect(m_options, &QTableWidget::itemChanged, this, &BillSettingsForm::readOptions);
    connect(m_addOption, &QPushButton::clicked, this, [this] { addOption(); });
    connect(m_removeOptions, &QPushButton::clicked, this, &BillSettingsForm::removeOptions);
    retranslateUi();
}

void BillSettingsForm::setDocument(const SchemeDocument &document)
{
    m_loading = true;
    m_document = document;
    setTextKeepingCursor(m_groupBy, document.groupBy());
    setTextKeepingCursor(m_key, document.idempotencyKey());
    setTextKeepingCursor(m_keyField, document.idempotencyField());
    setTextKeepingCursor(m_amount, document.amountField());
    const QList<OptionRule> options = document.options();
    bool same = m_options->rowCount() == options.size();
    for (int row = 0; same && row < options.size(); ++row) {
        same = m_options->item(row, 0) && m_options->item(row, 1)
            && m_options->item(row, 0)->text() == options.at(row).field
            && m_options->item(row, 1)->text() == options.at(row).valueText();
    }
    if (!same) {
        m_options->setRowCount(int(options.size()));
        for (int row = 0; row < options.size(); ++row) {
            m_options->setItem(row, 0, new QTableWidgetItem(options.at(row).field));
            m_options->setItem(row, 1, new QTableWidgetItem(options.at(row).valueText()));
        }
    }
    m_loading = false;
}

void BillSettingsForm::setProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void BillSettingsForm::textEdited(Part part)
{
    if (m_loading)
        return;
    SchemeDocument document = m_document;
    document.setGroupBy(m_groupBy->text());
    document.setIdempotencyKey(m_key->text());
    document.setIdempotencyField(m_keyField->text().trimmed());
    document.setAmountField(m_amount->text().trimmed());
    m_document = document;
    Q_EMIT documentEdited(document, part);
}

void BillSettingsForm::readOptions()
{
    if (m_loading)
        return;
    const QList<OptionRule> before = m_document.options();
    QList<OptionRule> options;
    for (int row = 0; row < m_options->rowCount(); ++row) {
        const QTableWidgetItem *field = m_options->item(row, 0);
        const QTableWidgetItem *value = m_options->item(row, 1);
        OptionRule option {field ? field->text().trimmed() : QString(),
                           QJsonValue(value ? value->text() : QString())};
        // A value that reads as before keeps its JSON type (a number stays a number).
        if (row < before.size() && before.at(row).valueText() == option.value.toString())
            option.value = before.at(row).value;
        options.append(option);
    }
    SchemeDocument document = m_document;
    document.setOptions(options);
    m_document = document;
    Q_EMIT documentEdited(document, Part::Options);
}

void BillSettingsForm::addOption(const QString &field, const QString &value)
{
    m_loading = true;
    const int row = m_options->rowCount();
    m_options->insertRow(row);
    m_options->setItem(row, 0, new QTableWidgetItem(field));
    m_options->setItem(row, 1, new QTableWidgetItem(value));
    m_loading = false;
    m_options->setCurrentCell(row, 0);
    readOptions();
}

void BillSettingsForm::removeOptions()
{
    QList<int> rows;
    for (const QModelIndex &index : m_options->selectionModel()->selectedIndexes()) {
        if (!rows.contains(index.row()))
            rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());
    m_loading = true;
    for (int row : std::as_const(rows))
        m_options->removeRow(row);
    m_loading = false;
    readOptions();
}

void BillSettingsForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void BillSettingsForm::retranslateUi()
{
    m_heading->setText(tr("How the rows of an application become bills, and the key by which "
                          "Kingdee and this console recognise each bill."));
    m_labels.at(0)->setText(tr("Group rows by:"));
    m_groupBy->setPlaceholderText(tr("empty: one bill per application"));
    m_groupBy->setToolTip(tr("A template evaluated on each row, e.g. {{表格_客户编码}}: rows with "
                             "the same value make one bill."));
    m_labels.at(1)->setText(tr("Idempotency key:"));
    m_key->setToolTip(tr("A template evaluated on the bill's first row, e.g. "
                         "{{business_id}}-{{表格_客户编码}}; it must differ for every bill."));
    m_labels.at(2)->setText(tr("Key goes to field:"));
    m_keyField->setPlaceholderText(QStringLiteral("FAR_OtherRemarks"));
    m_labels.at(3)->setText(tr("Amount field:"));
    m_amount->setPlaceholderText(QStringLiteral("FEntity.FNOTAXAMOUNTFOR"));
    m_amount->setToolTip(tr("A decimal field whose values add up to the bill's amount."));
    m_optionsHeading->setText(tr("Request options sent with BatchSave (Operation must be "
                                 "BatchSave; \"true\" and \"false\" become JSON booleans):"));
    m_options->setHorizontalHeaderLabels({tr("Option"), tr("Value")});
    m_addOption->setText(tr("Add option"));
    m_removeOptions->setText(tr("Remove options"));
}

} // namespace rs
