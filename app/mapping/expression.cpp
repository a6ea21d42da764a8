#include "app/mapping/expression.h"

#include "app/mapping/expressionevaluator.h"
#include "app/mapping/expressionparser.h"

#include <QCoreApplication>

namespace rs {
namespace {

void collectNames(const ExpressionNode &node, QStringList &names)
{
    if (node.kind == ExpressionNode::Kind::Placeholder)
        names.append(node.placeholder.name);
    if (node.kind == ExpressionNode::Kind::Text) {
        for (const Template::Piece &piece : node.text.pieces()) {
            if (piece.placeholder)
                names.append(piece.placeholder->name);
        }
    }
    for (const auto &child : node.children)
        collectNames(*child, names);
}

bool readsRows(const ExpressionNode &node)
{
    if (node.kind == ExpressionNode::Kind::Placeholder && node.placeholder.fromRow)
        return true;
    if (node.kind == ExpressionNode::Kind::Text && node.text.usesRows())
        return true;
    for (const auto &child : node.children) {
        if (readsRows(*child))
            return true;
    }
    return false;
}

} // namespace

Clock systemClock()
{
    return [] {
        return QDateTime::currentDateTime();
    };
}

std::optional<Expression> Expression::parse(const QString &text, QString *error)
{
    ExpressionSyntaxError syntaxError;
    std::optional<Expression> parsed = parse(text, &syntaxError);
    if (!parsed)
        *error = syntaxError.message;
    return parsed;
}

std::optional<Expression> Expression::parse(const QString &text, ExpressionSyntaxError *error)
{
    std::unique_ptr<ExpressionNode> root = parseExpressionTree(text, error);
    if (!root)
        return std::nullopt;
    Expression expression;
    expression.m_usesRows = readsRows(*root);
    collectNames(*root, expression.m_names);
    expression.m_root = std::move(root);
    expression.m_source = text;
    return expression;
}

std::optional<Value> Expression::evaluate(const FlatRecord &record, const Clock &clock,
                                          QString *error) const
{
    ExpressionEvaluator evaluator(record, clock);
    Value result;
    try {
        if (evaluator.evaluate(*m_root, result))
            return result;
        *error = evaluator.error();
    } catch (const DecimalOverflow &) {
        *error =
            QCoreApplication::translate("rs::Mapping", "a number grew beyond 38 digits (overflow)");
    }
    return std::nullopt;
}

} // namespace rs
