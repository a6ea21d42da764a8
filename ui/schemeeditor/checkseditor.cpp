#include "ui/schemeeditor/checkseditor.h"

#include "ui/preview/previewstyle.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace rs {
namespace {

const QStringList kKinds = {QStringLiteral("compare"), QStringLiteral("sumEquals"),
                            QStringLiteral("headerTotal"), QStringLiteral("required")};

QString kindName(const QString &kind)
{
    if (kind == QLatin1String("compare"))
        return ChecksEditor::tr("Every value compares with a number");
    if (kind == QLatin1String("sumEquals"))
        return ChecksEditor::tr("The field's sum equals the rows' sum");
    if (kind == QLatin1String("headerTotal"))
        return ChecksEditor::tr("A header total equals all rows' sum");
    if (kind == QLatin1String("required"))
        return ChecksEditor::tr("Fields are filled in");
    return kind;
}

void setTextKeepingCursor(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

QStringList splitPaths(const QString &text)
{
    QStringList paths;
    for (const QString &path : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!path.trimmed().isEmpty())
            paths.append(path.trimmed());
    }
    return paths;
}

} // namespace

ChecksEditor::ChecksEditor(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_addKind(new QComboBox(this))
    , m_add(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_form(new QFormLayout)
    , m_kind(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_message(new QLineEdit(this))
    , m_field(new QLineEdit(this))
    , m_op(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_column(new QLineEdit(this))
    , m_factor(new QLineEdit(this))
    , m_header(new QLineEdit(this))
    , m_fields(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("checksEditor"));
    m_list->setObjectName(QStringLiteral("checkList"));
    m_addKind->setObjectName(QStringLiteral("newCheckKind"));
    m_add->setObjectName(QStringLiteral("addCheck"));
    m_remove->setObjectName(QStringLiteral("removeCheck"));
    m_kind->setObjectName(QStringLiteral("checkKind"));
    m_name->setObjectName(QStringLiteral("checkName"));
    m_message->setObjectName(QStringLiteral("checkMessage"));
    m_field->setObjectName(QStringLiteral("checkField"));
    m_op->setObjectName(QStringLiteral("checkOp"));
    m_value->setObjectName(QStringLiteral("checkValue"));
    m_column->setObjectName(QStringLiteral("checkColumn"));
    m_factor->setObjectName(QStringLiteral("checkFactor"));
    m_header->setObjectName(QStringLiteral("checkHeader"));
    m_fields->setObjectName(QStringLiteral("checkFields"));
    m_problem->setObjectName(QStringLiteral("checkProblems"));
    m_heading->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(preview::errorStyle());
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    for (const QString &kind : kKinds) {
        m_kind->addItem(QString(), kind);
        m_addKind->addItem(QString(), kind);
    }
    m_op->addItems({QStringLiteral("<"), QStringLiteral("<="), QStringLiteral("="),
                    QStringLiteral("<>"), QStringLiteral(">="), QStringLiteral(">")});
    m_list->setMaximumHeight(150);

    for (QWidget *box :
         std::initializer_list<QWidget *> {m_kind, m_name, m_message, m_field, m_op, m_value,
                                           m_column, m_factor, m_header, m_fields})
        m_form->addRow(new QLabel(this), box);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addKind, 1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
    layout->addStretch(1);

    connect(m_list, &QListWidget::currentRowChanged, this, &ChecksEditor::showCurrent);
    connect(m_add, &QPushButton::clicked, this,
            [this] { addCheck(m_addKind->currentData().toString()); });
    connect(m_remove, &QPushButton::clicked, this, &ChecksEditor::removeCheck);
    connect(m_kind, &QComboBox::activated, this, [this] { edited(Part::Other); });
    connect(m_op, &QComboBox::activated, this, [this] { edited(Part::Other); });
    const QList<std::pair<QLineEdit *, Part>> texts = {
        {m_name, Part::Name},     {m_message, Part::Message}, {m_field, Part::Field},
        {m_value, Part::Value},   {m_column, Part::Column},   {m_factor, Part::Factor},
        {m_header, Part::Header}, {m_fields, Part::Fields}};
    for (const auto &[edit, part] : texts)
        connect(edit, &QLineEdit::textEdited, this, [this, part = part] { edited(part); });
    retranslateUi();
    showCurrent();
}

void ChecksEditor::setDocument(const SchemeDocument &document)
{
    m_document = document;
    const QList<CheckRule> checks = document.checks();
    if (checks == m_checks)
        return;
    m_checks = checks;
    refreshList();
}

void ChecksEditor::refreshList()
{
    m_loading = true;
    const int current = m_list->currentRow();
    m_list->clear();
    for (int i = 0; i < m_checks.size(); ++i) {
        const CheckRule &check = m_checks.at(i);
        m_list->addItem(check.name.isEmpty()
                            ? kindName(check.kind)
                            : QStringLiteral("%1 — %2").arg(check.name, kindName(check.kind)));
    }
    colourList();
    m_list->setCurrentRow(std::min(int(m_checks.size()) - 1, std::max(current, 0)));
    m_loading = false;
    showCurrent();
}

int ChecksEditor::currentCheck() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_checks.size() ? row : -1;
}

void ChecksEditor::selectCheck(int index)
{
    m_list->setCurrentRow(index);
}

void ChecksEditor::showCurrent()
{
    if (m_loading)
        return;
    m_loading = true;
    const int index = currentCheck();
    const CheckRule check = index >= 0 ? m_checks.at(index) : CheckRule {};
    m_kind->setCurrentIndex(std::max(0, int(kKinds.indexOf(check.kind))));
    setTextKeepingCursor(m_name, check.name);
    setTextKeepingCursor(m_message, check.message);
    setTextKeepingCursor(m_field, check.field);
    m_op->setCurrentIndex(std::max(0, m_op->findText(check.op)));
    setTextKeepingCursor(m_value, check.value);
    setTextKeepingCursor(m_column, check.column);
    setTextKeepingCursor(m_factor, check.factor);
    setTextKeepingCursor(m_header, check.header);
    if (splitPaths(m_fields->text()) != check.fields)
        m_fields->setText(check.fields.join(QStringLiteral(", ")));
    // Only the keys this kind takes.
    const QString &kind = check.kind;
    const bool compare = kind == QLatin1String("compare");
    const bool sum = kind == QLatin1String("sumEquals");
    const bool header = kind == QLatin1String("headerTotal");
    m_form->setRowVisible(m_field, compare || sum);
    m_form->setRowVisible(m_op, compare);
    m_form->setRowVisible(m_value, compare);
    m_form->setRowVisible(m_column, sum || header);
    m_form->setRowVisible(m_factor, sum);
    m_form->setRowVisible(m_header, header);
    m_form->setRowVisible(m_fields, kind == QLatin1String("required"));
    for (QWidget *box :
         std::initializer_list<QWidget *> {m_kind, m_name, m_message, m_field, m_op, m_value,
                                           m_column, m_factor, m_header, m_fields, m_remove})
        box->setEnabled(index >= 0);
    m_problem->setText(index >= 0 && index == m_problemIndex ? m_problemText : QString());
    m_problem->setVisible(!m_problem->text().isEmpty());
    m_loading = false;
}

void ChecksEditor::setProblem(int index, const QString &problem)
{
    if (index == m_problemIndex && problem == m_problemText)
        return;
    m_problemIndex = index;
    m_problemText = problem;
    colourList();
    m_problem->setText(index >= 0 && index == currentCheck() ? problem : QString());
    m_problem->setVisible(!m_problem->text().isEmpty());
}

void ChecksEditor::setFailingChecks(const QStringList &names)
{
    if (names == m_failing)
        return;
    m_failing = names;
    colourList();
}

void ChecksEditor::colourList()
{
    for (int row = 0; row < m_list->count() && row < m_checks.size(); ++row) {
        const CheckRule &check = m_checks.at(row);
        const bool fails = m_failing.contains(check.name.isEmpty() ? check.kind : check.name);
        QListWidgetItem *item = m_list->item(row);
        item->setForeground(row == m_problemIndex || fails ? QBrush(Qt::red) : QBrush());
        item->setToolTip(fails ? tr("The previewed application's bills fail this check: they"
                                    " would not be sent.")
                               : QString());
    }
}

void ChecksEditor::edited(Part part)
{
    const int index = currentCheck();
    if (m_loading || index < 0)
        return;
    CheckRule check = m_checks.at(index);
    check.kind = m_kind->currentData().toString();
    check.name = m_name->text();
    check.message = m_message->text();
    check.field = m_field->text().trimmed();
    check.op = m_op->currentText();
    check.value = m_value->text().trimmed();
    check.column = m_column->text().trimmed();
    check.factor = m_factor->text().trimmed();
    check.header = m_header->text().trimmed();
    check.fields = splitPaths(m_fields->text());
    QList<CheckRule> checks = m_checks;
    checks[index] = check;
    SchemeDocument document = m_document;
    document.setChecks(checks);
    Q_EMIT documentEdited(document, index, part);
    if (part == Part::Other || part == Part::Name)
        showCurrent(); // the rows the kind takes, the list's label
}

void ChecksEditor::addCheck(const QString &kind)
{
    CheckRule check;
    check.kind = kKinds.contains(kind) ? kind : kKinds.constFirst();
    check.name = QStringLiteral("check-%1").arg(m_checks.size() + 1);
    // A field to start from, so the new check loads at once: the amount's.
    check.field = m_document.amountField();
    check.column = kind == QLatin1String("headerTotal") || kind == QLatin1String("sumEquals")
        ? QStringLiteral("表格_不含税金额")
        : QString();
    QList<CheckRule> checks = m_checks;
    checks.append(check);
    SchemeDocument document = m_document;
    document.setChecks(checks);
    Q_EMIT documentEdited(document, int(checks.size()) - 1, Part::Other);
    selectCheck(int(checks.size()) - 1);
}

void ChecksEditor::removeCheck()
{
    const int index = currentCheck();
    if (index < 0)
        return;
    QList<CheckRule> checks = m_checks;
    checks.removeAt(index);
    SchemeDocument document = m_document;
    document.setChecks(checks);
    Q_EMIT documentEdited(document, index, Part::Other);
}

void ChecksEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ChecksEditor::retranslateUi()
{
    m_heading->setText(tr("Each check runs on every finished bill; a bill that fails one is shown "
                          "in red with the check's message and is not sent."));
    for (int i = 0; i < kKinds.size(); ++i) {
        m_kind->setItemText(i, kindName(kKinds.at(i)));
        m_addKind->setItemText(i, kindName(kKinds.at(i)));
    }
    m_add->setText(tr("Add check"));
    m_remove->setText(tr("Remove check"));
    const QStringList labels = {tr("Kind:"),         tr("Name:"),   tr("Message:"), tr("Field:"),
                                tr("Operator:"),     tr("Number:"), tr("Column:"),  tr("Factor:"),
                                tr("Header field:"), tr("Fields:")};
    for (int row = 0; row < labels.size(); ++row) {
        if (auto *label =
                qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget()))
            label->setText(labels.at(row));
    }
    m_message->setPlaceholderText(tr("empty: the standard explanation"));
    m_field->setPlaceholderText(QStringLiteral("FEntity.FNOTAXAMOUNTFOR"));
    m_column->setPlaceholderText(QStringLiteral("表格_不含税金额"));
    m_factor->setPlaceholderText(QStringLiteral("1"));
    m_header->setPlaceholderText(QStringLiteral("返利总额（元）"));
    m_fields->setPlaceholderText(tr("paths separated by commas: FDATE, FEntity.FNOTAXAMOUNTFOR"));
    refreshList();
}

} // namespace rs
