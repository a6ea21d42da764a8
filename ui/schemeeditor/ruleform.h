#pragma once

#include "app/mapping/expression.h"
#include "app/mapping/schemedocument.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QCompleter;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QStringListModel;

namespace rs {

class ExpressionEdit;

// The rule of one target field: where its value comes from (a fixed value, a template, a
// `_function` expression, or entry rows), then default → required → value map → type → parser.
// Every change the user makes is reported as the whole new rule; the window turns it into an
// undoable step. Setting a rule from outside (selection, undo) reports nothing.
class RuleForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleForm)

public:
    // Which box a change came from: typing in one box merges into one undo step.
    enum class Part { Name = 1, Label, Value, Default, Format, Params, Other };

    explicit RuleForm(QWidget *parent = nullptr);

    // `inEntry`: the field is inside an entry, where {{list.X}} reads the entry's row.
    void setRule(const FieldRule &rule, bool inEntry);
    void clearRule();
    // Source field names of the stored applications: header fields and table columns.
    void setSourceNames(const QStringList &headerNames, const QStringList &columnNames);
    void setValueMapNames(const QStringList &names);
    // What fails in this rule: the loader's message, the expression's syntax error, the preview's
    // issues that name it. Shown in red under the rule.
    void setProblems(const QStringList &problems);
    void setExpressionError(const std::optional<ExpressionSyntaxError> &error);

    ExpressionEdit *expressionEdit() const { return m_expression; }

Q_SIGNALS:
    void ruleEdited(const rs::FieldRule &rule, rs::RuleForm::Part part);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void emitEdited(Part part);
    void updateEnabled();
    void insertSourceField(int index);
    void refreshCompletions();

    FieldRule m_rule;
    bool m_inEntry = false;
    bool m_loading = false;
    QStringList m_headerNames;
    QStringList m_columnNames;

    QFormLayout *m_form = nullptr;
    QLabel *m_heading = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_label = nullptr;
    QComboBox *m_source = nullptr;
    QStackedWidget *m_valueStack = nullptr;
    QLineEdit *m_fixed = nullptr;
    QLineEdit *m_template = nullptr;
    ExpressionEdit *m_expression = nullptr;
    QLabel *m_entriesNote = nullptr;
    QComboBox *m_insertField = nullptr;
    QStringListModel *m_completions = nullptr;
    QCompleter *m_completer = nullptr;
    QComboBox *m_type = nullptr;
    QSpinBox *m_scale = nullptr;
    QLineEdit *m_format = nullptr;
    QCheckBox *m_required = nullptr;
    QLineEdit *m_default = nullptr;
    QComboBox *m_map = nullptr;
    QComboBox *m_parser = nullptr;
    QLineEdit *m_params = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_typeLabel = nullptr;
    QLabel *m_parserLabel = nullptr;
};

} // namespace rs
