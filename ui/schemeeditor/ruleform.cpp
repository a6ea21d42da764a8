#include "ui/schemeeditor/ruleform.h"

#include "ui/preview/previewstyle.h"
#include "ui/schemeeditor/expressionedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStringListModel>
#include <QVBoxLayout>

namespace rs {
namespace {

// The order of RuleForm's source box.
const FieldRule::Source kSources[] = {FieldRule::Source::Fixed, FieldRule::Source::Template,
                                      FieldRule::Source::Expression, FieldRule::Source::Entries};
const char *const kTypes[] = {"", "string", "decimal", "integer", "date", "boolean"};
const char *const kParsers[] = {"", "ConvertObjectParser", "ArrayToString", "StringToArray"};

void setTextKeepingCursor(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

QString fixedText(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isString())
        return QString::fromUtf8(
                   QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact)) // ["x"] → "x"
            .mid(1)
            .chopped(1);
    return value.toVariant().toString();
}

// A JSON value as typed: an object, a list, a number, true/false, "text"; anything else is text.
QJsonValue parseFixed(const QString &text)
{
    const QJsonDocument wrapped =
        QJsonDocument::fromJson(QStringLiteral("[%1]").arg(text.trimmed()).toUtf8());
    if (wrapped.isArray() && wrapped.array().size() == 1 && !text.trimmed().isEmpty())
        return wrapped.array().at(0);
    return QJsonValue(text);
}

} // namespace

RuleForm::RuleForm(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_label(new QLineEdit(this))
    , m_source(new QComboBox(this))
    , m_valueStack(new QStackedWidget(this))
    , m_fixed(new QLineEdit(m_valueStack))
    , m_template(new QLineEdit(m_valueStack))
    , m_expression(new ExpressionEdit(m_valueStack))
    , m_entriesNote(new QLabel(m_valueStack))
    , m_insertField(new QComboBox(this))
    , m_completions(new QStringListModel(this))
    , m_completer(new QCompleter(m_completions, this))
    , m_type(new QComboBox(this))
    , m_scale(new QSpinBox(this))
    , m_format(new QLineEdit(this))
    , m_required(new QCheckBox(this))
    , m_default(new QLineEdit(this))
    , m_map(new QComboBox(this))
    , m_parser(new QComboBox(this))
    , m_params(new QLineEdit(this))
    , m_problems(new QLabel(this))
{
    setObjectName(QStringLiteral("ruleForm"));
    m_name->setObjectName(QStringLiteral("ruleName"));
    m_label->setObjectName(QStringLiteral("ruleLabel"));
    m_source->setObjectName(QStringLiteral("ruleSource"));
    m_fixed->setObjectName(QStringLiteral("ruleFixedValue"));
    m_template->setObjectName(QStringLiteral("ruleTemplate"));
    m_expression->setObjectName(QStringLiteral("ruleExpression"));
    m_insertField->setObjectName(QStringLiteral("ruleInsertField"));
    m_type->setObjectName(QStringLiteral("ruleType"));
    m_scale->setObjectName(QStringLiteral("ruleScale"));
    m_format->setObjectName(QStringLiteral("ruleFormat"));
    m_required->setObjectName(QStringLiteral("ruleRequired"));
    m_default->setObjectName(QStringLiteral("ruleDefault"));
    m_map->setObjectName(QStringLiteral("ruleMap"));
    m_parser->setObjectName(QStringLiteral("ruleParser"));
    m_params->setObjectName(QStringLiteral("ruleParams"));
    m_problems->setObjectName(QStringLiteral("ruleProblems"));

    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    for (int i = 0; i < 4; ++i)
        m_source->addItem(QString());
    for (const char *type : kTypes)
        m_type->addItem(QString(), QLatin1String(type));
    for (const char *parser : kParsers)
        m_parser->addItem(QString(), QLatin1String(parser));
    m_scale->setRange(0, 10);
    m_entriesNote->setWordWrap(true);
    m_valueStack->addWidget(m_fixed);
    m_valueStack->addWidget(m_template);
    m_valueStack->addWidget(m_expression);
    m_valueStack->addWidget(m_entriesNote);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_template->setCompleter(m_completer);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(preview::errorStyle());
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *typeRow = new QHBoxLayout;
    typeRow->addWidget(m_type, 1);
    typeRow->addWidget(m_scale);
    typeRow->addWidget(m_format, 1);
    auto *parserRow = new QHBoxLayout;
    parserRow->addWidget(m_parser, 1);
    parserRow->addWidget(m_params, 1);

    // Each row's label is made here (addRow with empty text makes none) and named in
    // retranslateUi().
    m_form = new QFormLayout;
    for (QWidget *field : std::initializer_list<QWidget *> {
             m_name, m_label, m_source, m_valueStack, m_insertField, m_default, m_required, m_map})
        m_form->addRow(new QLabel(this), field);
    m_typeLabel = new QLabel(this);
    m_parserLabel = new QLabel(this);
    m_form->addRow(m_typeLabel, typeRow);
    m_form->addRow(m_parserLabel, parserRow);
    // Only as tall as the expression box: a one-line value does not take the form's height.
    m_valueStack->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_valueStack->setMaximumHeight(m_expression->maximumHeight());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(m_form);
    layout->addWidget(m_problems);
    layout->addStretch(1);

    connect(m_name, &QLineEdit::textEdited, this, [this] { emitEdited(Part::Name); });
    connect(m_label, &QLineEdit::textEdited, this, [this] { emitEdited(Part::Label); });
    connect(m_fixed, &QLineEdit::textEdited, this, [this] { emitEdited(Part::Value); });
    connect(m_template, &QLineEdit::textChanged, this, [this] { emitEdited(Part::Value); });
    connect(m_expression, &QPlainTextEdit::textChanged, this, [this] { emitEdited(Part::Value); });
    connect(m_default, &QLineEdit::textEdited, this, [this] { emitEdited(Part::Default); });
    connect(m_format, &QLineEdit::textEdited, this, [this] { emitEdited(Part::Format); });
    connect(m_params, &QLineEdit::textEdited, this, [this] { emitEdited(Part::Params); });
    connect(m_required, &QCheckBox::toggled, this, [this] { emitEdited(Part::Other); });
    for (QComboBox *box : {m_source, m_type, m_map, m_parser})
        connect(box, &QComboBox::activated, this, [this] { emitEdited(Part::Other); });
    connect(m_scale, &QSpinBox::valueChanged, this, [this] { emitEdited(Part::Other); });
    connect(m_insertField, &QComboBox::activated, this, &RuleForm::insertSourceField);

    retranslateUi();
    clearRule();
}

void RuleForm::setRule(const FieldRule &rule, bool inEntry)
{
    m_loading = true;
    const bool otherRule = rule.name != m_rule.name || inEntry != m_inEntry || !isEnabled();
    m_rule = rule;
    m_inEntry = inEntry;
    setEnabled(true);
    m_heading->setText(rule.name);
    setTextKeepingCursor(m_name, rule.name);
    setTextKeepingCursor(m_label, rule.label);
    for (int i = 0; i < 4; ++i) {
        if (kSources[i] == rule.source) {
            m_source->setCurrentIndex(i);
            m_valueStack->setCurrentIndex(i);
        }
    }
    setTextKeepingCursor(m_fixed, fixedText(rule.fixedValue));
    if (rule.source == FieldRule::Source::Template)
        setTextKeepingCursor(m_template, rule.text);
    if (rule.source == FieldRule::Source::Expression && m_expression->toPlainText() != rule.text)
        m_expression->setPlainText(rule.text);
    m_type->setCurrentIndex(std::max(0, m_type->findData(rule.type)));
    m_scale->setValue(rule.scale.value_or(2));
    setTextKeepingCursor(m_format, rule.format);
    m_required->setChecked(rule.required);
    setTextKeepingCursor(m_default, rule.defaultValue.value_or(QString()));
    m_map->setCurrentIndex(std::max(0, m_map->findData(rule.map)));
    m_parser->setCurrentIndex(std::max(0, m_parser->findData(rule.parser)));
    setTextKeepingCursor(m_params, rule.parserParams);
    if (otherRule)
        refreshCompletions();
    updateEnabled();
    m_loading = false;
}

void RuleForm::clearRule()
{
    m_loading = true;
    m_rule = FieldRule {};
    m_heading->setText(tr("Choose a field on the left."));
    for (QLineEdit *edit : {m_name, m_label, m_fixed, m_template, m_format, m_default, m_params})
        edit->clear();
    m_expression->clear();
    m_problems->clear();
    setEnabled(false);
    m_loading = false;
}

void RuleForm::setSourceNames(const QStringList &headerNames, const QStringList &columnNames)
{
    m_headerNames = headerNames;
    m_columnNames = columnNames;
    refreshCompletions();
}

void RuleForm::refreshCompletions()
{
    // In an entry a column is read from the entry's own row: {{list.X}}.
    QStringList placeholders;
    for (const QString &name : std::as_const(m_columnNames))
        placeholders.append(m_inEntry ? QStringLiteral("{{list.%1}}").arg(name)
                                      : QStringLiteral("{{%1}}").arg(name));
    for (const QString &name : std::as_const(m_headerNames))
        placeholders.append(QStringLiteral("{{%1}}").arg(name));
    m_completions->setStringList(placeholders);
    const QSignalBlocker blocker(m_insertField);
    m_insertField->clear();
    m_insertField->addItem(tr("Insert a source field…"));
    m_insertField->addItems(placeholders);
}

void RuleForm::setValueMapNames(const QStringList &names)
{
    const QSignalBlocker blocker(m_map);
    m_map->clear();
    m_map->addItem(tr("(none)"), QString());
    for (const QString &name : names)
        m_map->addItem(name, name);
    m_map->setCurrentIndex(std::max(0, m_map->findData(m_rule.map)));
}

void RuleForm::setProblems(const QStringList &problems)
{
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
}

void RuleForm::setExpressionError(const std::optional<ExpressionSyntaxError> &error)
{
    m_expression->setSyntaxError(error);
}

void RuleForm::insertSourceField(int index)
{
    if (index <= 0)
        return;
    const QString placeholder = m_insertField->itemText(index);
    m_insertField->setCurrentIndex(0);
    if (m_rule.source == FieldRule::Source::Expression) {
        // Quoted: the value is text, and '{{x}}' reads it as a value, never spliced in.
        m_expression->insertAtCursor(QLatin1Char('\'') + placeholder + QLatin1Char('\''));
    } else if (m_rule.source == FieldRule::Source::Template) {
        m_template->insert(placeholder);
        m_template->setFocus();
    }
}

void RuleForm::emitEdited(Part part)
{
    if (m_loading || !isEnabled())
        return;
    FieldRule rule = m_rule;
    rule.name = m_name->text().trimmed();
    rule.label = m_label->text();
    const FieldRule::Source source = kSources[std::max(0, m_source->currentIndex())];
    if (source != rule.source) {
        // Carry the value over where it makes sense: a template's text into an expression.
        if (source == FieldRule::Source::Expression && rule.source == FieldRule::Source::Template)
            rule.text = QStringLiteral("'%1'").arg(rule.text);
        if (source == FieldRule::Source::Fixed && rule.fixedValue.isUndefined())
            rule.fixedValue = QJsonValue(rule.text);
        if (source == FieldRule::Source::Entries && rule.fields.isEmpty()) {
            FieldRule child;
            child.name = QStringLiteral("FCOMMENT");
            child.text = QStringLiteral("{{list.表格_明细备注}}");
            rule.fields.append(child);
        }
        rule.source = source;
    } else if (source == FieldRule::Source::Fixed) {
        rule.fixedValue = parseFixed(m_fixed->text());
    } else if (source == FieldRule::Source::Template) {
        rule.text = m_template->text();
    } else if (source == FieldRule::Source::Expression) {
        rule.text = m_expression->toPlainText();
    }
    rule.type = m_type->currentData().toString();
    rule.scale =
        rule.type == QLatin1String("decimal") ? std::optional<int>(m_scale->value()) : std::nullopt;
    rule.format = rule.type == QLatin1String("date") ? m_format->text() : QString();
    rule.required = m_required->isChecked();
    rule.defaultValue =
        m_default->text().isEmpty() ? std::nullopt : std::optional<QString>(m_default->text());
    rule.map = m_map->currentData().toString();
    rule.parser = m_parser->currentData().toString();
    rule.parserParams = rule.parser.isEmpty() ? QString() : m_params->text();
    if (source == FieldRule::Source::Fixed || source == FieldRule::Source::Entries) {
        // The loader refuses these on a fixed value or an entry: the form does not offer them.
        rule.type.clear();
        rule.scale.reset();
        rule.format.clear();
        rule.parser.clear();
        rule.parserParams.clear();
        rule.map.clear();
        rule.defaultValue.reset();
    }
    m_rule = rule;
    updateEnabled();
    Q_EMIT ruleEdited(rule, part);
}

void RuleForm::updateEnabled()
{
    const bool computed = m_rule.source == FieldRule::Source::Template
        || m_rule.source == FieldRule::Source::Expression;
    m_valueStack->setCurrentIndex(std::max(0, m_source->currentIndex()));
    m_insertField->setEnabled(computed);
    for (QWidget *widget : std::initializer_list<QWidget *> {m_type, m_default, m_map, m_parser})
        widget->setEnabled(computed);
    m_scale->setEnabled(computed && m_rule.type == QLatin1String("decimal"));
    m_format->setEnabled(computed && m_rule.type == QLatin1String("date"));
    m_params->setEnabled(computed && !m_rule.parser.isEmpty());
    m_required->setEnabled(m_rule.source != FieldRule::Source::Entries);
}

void RuleForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RuleForm::retranslateUi()
{
    const auto label = [this](QWidget *field, const QString &text) {
        if (auto *widget = qobject_cast<QLabel *>(m_form->labelForField(field)))
            widget->setText(text);
    };
    label(m_name, tr("Kingdee field:"));
    label(m_label, tr("Label:"));
    label(m_source, tr("Value from:"));
    label(m_valueStack, tr("Value:"));
    label(m_insertField, QString());
    label(m_default, tr("Default when empty:"));
    label(m_required, QString());
    label(m_map, tr("Value map:"));
    m_source->setItemText(0, tr("A fixed value (JSON, sent as written)"));
    m_source->setItemText(1, tr("Text or a {{template}}"));
    m_source->setItemText(2, tr("A _function expression"));
    m_source->setItemText(3, tr("An entry: one object per table row"));
    m_fixed->setPlaceholderText(QStringLiteral("{\"FNumber\": \"PRE001\"}, 0, true"));
    m_template->setPlaceholderText(QStringLiteral("{{组织}}, 钉钉审批 {{business_id}}"));
    m_expression->setPlaceholderText(QStringLiteral("-1*'{{list.表格_不含税金额}}'"));
    m_entriesNote->setText(tr("Its fields are listed under it on the left."));
    m_required->setText(tr("Required: an empty value is an issue on the bill"));
    m_typeLabel->setText(tr("Type:"));
    m_parserLabel->setText(tr("Parser:"));
    m_type->setItemText(0, tr("As it comes"));
    m_type->setItemText(1, tr("Text"));
    m_type->setItemText(2, tr("Decimal (rounded to the scale)"));
    m_type->setItemText(3, tr("Whole number"));
    m_type->setItemText(4, tr("Date (written in the format)"));
    m_type->setItemText(5, tr("True or false"));
    m_scale->setToolTip(tr("Decimal places"));
    m_format->setPlaceholderText(QStringLiteral("%Y-%m-%d"));
    m_parser->setItemText(0, tr("None"));
    m_parser->setItemText(1, tr("ConvertObjectParser: {\"key\": value}"));
    m_parser->setItemText(2, tr("ArrayToString: join a list"));
    m_parser->setItemText(3, tr("StringToArray: split text"));
    m_params->setPlaceholderText(tr("FNumber, or the separator"));
    if (m_map->count() > 0)
        m_map->setItemText(0, tr("(none)"));
    if (m_insertField->count() > 0)
        m_insertField->setItemText(0, tr("Insert a source field…"));
    if (!isEnabled())
        m_heading->setText(tr("Choose a field on the left."));
}

} // namespace rs
