#pragma once

#include "app/mapping/template.h"
#include "app/mapping/value.h"

#include <memory>
#include <vector>

namespace rs {

enum class BinaryOperator {
    Add,
    Subtract,
    Multiply,
    Divide,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual
};

enum class Function {
    If,
    IfNull,
    Coalesce,
    Concat,
    Replace,
    Substring,
    Trim,
    Upper,
    Lower,
    Round,
    Abs,
    DateFormat,
    Now,
    CurDate
};

// One node of a parsed expression. Children hold the operands; for CASE: the operand (when
// `hasOperand`), then WHEN/THEN pairs, then ELSE (when `hasElse`).
struct ExpressionNode
{
    enum class Kind {
        Literal,
        Placeholder,
        Text,
        Negate,
        Not,
        Binary,
        And,
        Or,
        IsNull,
        Case,
        Call
    };

    Kind kind = Kind::Literal;
    Value literal;
    Placeholder placeholder;
    Template text; // a quoted string with placeholders inside: '{{a}}-{{b}}'
    BinaryOperator op = BinaryOperator::Add;
    Function function = Function::If;
    bool negated = false; // IS NOT NULL
    bool hasOperand = false;
    bool hasElse = false;
    std::vector<std::unique_ptr<ExpressionNode>> children;
};

} // namespace rs
