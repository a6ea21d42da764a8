#include "app/mapping/expressionevaluator.h"

#include "app/mapping/coercion.h"
#include "app/mapping/flatrecord.h"

#include <QCoreApplication>

namespace rs {

bool ExpressionEvaluator::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool ExpressionEvaluator::evaluate(const ExpressionNode &node, Value &result)
{
    using Kind = ExpressionNode::Kind;
    switch (node.kind) {
    case Kind::Literal:
        result = node.literal;
        return true;
    case Kind::Placeholder:
        result = m_record.value(node.placeholder);
        return true;
    case Kind::Text:
        result = Value::text(m_record.fillText(node.text));
        return true;
    case Kind::Negate: {
        Value operand;
        if (!evaluate(*node.children[0], operand))
            return false;
        if (operand.isNull()) {
            result = Value();
            return true;
        }
        const std::optional<Decimal> number = coerce::toNumber(operand, &m_error);
        if (!number)
            return false;
        result = Value::number(-*number);
        return true;
    }
    case Kind::IsNull: {
        Value operand;
        if (!evaluate(*node.children[0], operand))
            return false;
        result = Value::boolean(operand.isNull() != node.negated);
        return true;
    }
    case Kind::Binary:
        return binary(node, result);
    case Kind::Not:
    case Kind::And:
    case Kind::Or:
        return logical(node, result);
    case Kind::Case:
        return caseWhen(node, result);
    case Kind::Call:
        return call(node, result);
    }
    return false;
}

bool ExpressionEvaluator::binary(const ExpressionNode &node, Value &result)
{
    Value left;
    Value right;
    if (!evaluate(*node.children[0], left) || !evaluate(*node.children[1], right))
        return false;
    if (left.isNull() || right.isNull()) {
        result = Value();
        return true;
    }
    switch (node.op) {
    case BinaryOperator::Add:
    case BinaryOperator::Subtract:
    case BinaryOperator::Multiply:
    case BinaryOperator::Divide: {
        const std::optional<Decimal> a = coerce::toNumber(left, &m_error);
        const std::optional<Decimal> b = a ? coerce::toNumber(right, &m_error) : std::nullopt;
        if (!b)
            return false;
        if (node.op == BinaryOperator::Add)
            result = Value::number(*a + *b);
        else if (node.op == BinaryOperator::Subtract)
            result = Value::number(*a - *b);
        else if (node.op == BinaryOperator::Multiply)
            result = Value::number(*a * *b);
        else if (const std::optional<Decimal> quotient =
                     a->dividedBy(*b, a->scale() + Decimal::DivisionExtraScale))
            result = Value::number(*quotient);
        else
            return fail(QCoreApplication::translate("rs::Mapping", "division by zero: %1 / %2")
                            .arg(a->toString(), b->toString()));
        return true;
    }
    default:
        break;
    }
    const std::optional<int> order = coerce::compare(left, right, &m_error);
    if (!order)
        return false;
    bool outcome = false;
    switch (node.op) {
    case BinaryOperator::Equal:
        outcome = *order == 0;
        break;
    case BinaryOperator::NotEqual:
        outcome = *order != 0;
        break;
    case BinaryOperator::Less:
        outcome = *order < 0;
        break;
    case BinaryOperator::LessOrEqual:
        outcome = *order <= 0;
        break;
    case BinaryOperator::Greater:
        outcome = *order > 0;
        break;
    case BinaryOperator::GreaterOrEqual:
        outcome = *order >= 0;
        break;
    default:
        break;
    }
    result = Value::boolean(outcome);
    return true;
}

// Three-valued logic: NULL AND FALSE is FALSE, NULL OR TRUE is TRUE, otherwise NULL wins.
bool ExpressionEvaluator::logical(const ExpressionNode &node, Value &result)
{
    auto truth = [this](const ExpressionNode &child, std::optional<bool> &out) {
        Value v;
        if (!evaluate(child, v))
            return false;
        if (v.isNull()) {
            out.reset();
            return true;
        }
        const std::optional<bool> condition = coerce::toCondition(v, &m_error);
        if (!condition)
            return false;
        out = condition;
        return true;
    };
    std::optional<bool> left;
    if (!truth(*node.children[0], left))
        return false;
    if (node.kind == ExpressionNode::Kind::Not) {
        result = left ? Value::boolean(!*left) : Value();
        return true;
    }
    const bool isAnd = node.kind == ExpressionNode::Kind::And;
    if (left && *left != isAnd) { // FALSE AND …, TRUE OR …
        result = Value::boolean(*left);
        return true;
    }
    std::optional<bool> right;
    if (!truth(*node.children[1], right))
        return false;
    if (right && *right != isAnd)
        result = Value::boolean(*right);
    else if (!left || !right)
        result = Value();
    else
        result = Value::boolean(isAnd);
    return true;
}

bool ExpressionEvaluator::caseWhen(const ExpressionNode &node, Value &result)
{
    size_t index = 0;
    Value operand;
    if (node.hasOperand && !evaluate(*node.children[index++], operand))
        return false;
    const size_t pairsEnd = node.children.size() - (node.hasElse ? 1 : 0);
    for (; index < pairsEnd; index += 2) {
        Value when;
        if (!evaluate(*node.children[index], when))
            return false;
        bool matches = false;
        if (node.hasOperand) {
            if (!operand.isNull() && !when.isNull()) {
                const std::optional<int> order = coerce::compare(operand, when, &m_error);
                if (!order)
                    return false;
                matches = *order == 0;
            }
        } else if (!when.isNull()) {
            const std::optional<bool> condition = coerce::toCondition(when, &m_error);
            if (!condition)
                return false;
            matches = *condition;
        }
        if (matches)
            return evaluate(*node.children[index + 1], result);
    }
    if (node.hasElse)
        return evaluate(*node.children.back(), result);
    result = Value(); // no ELSE: NULL, as MySQL
    return true;
}

bool ExpressionEvaluator::call(const ExpressionNode &node, Value &result)
{
    // The lazy ones first: only the branch taken is evaluated.
    switch (node.function) {
    case Function::If: {
        Value condition;
        if (!evaluate(*node.children[0], condition))
            return false;
        bool taken = false;
        if (!condition.isNull()) {
            const std::optional<bool> truth = coerce::toCondition(condition, &m_error);
            if (!truth)
                return false;
            taken = *truth;
        }
        return evaluate(*node.children[taken ? 1 : 2], result);
    }
    case Function::IfNull:
    case Function::Coalesce:
        for (const auto &child : node.children) {
            if (!evaluate(*child, result))
                return false;
            if (!result.isNull())
                return true;
        }
        return true;
    default:
        break;
    }
    QList<Value> args;
    args.reserve(qsizetype(node.children.size()));
    for (const auto &child : node.children) {
        Value v;
        if (!evaluate(*child, v))
            return false;
        args.append(v);
    }
    return callOnValues(node.function, args, result);
}

} // namespace rs
