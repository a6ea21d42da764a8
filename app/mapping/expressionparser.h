#pragma once

#include "app/mapping/expression.h"

#include <QString>

#include <memory>

namespace rs {

struct ExpressionNode;

// Recursive descent over MySQL's precedence: OR < AND < NOT < comparison and IS [NOT] NULL <
// + − < * / < unary minus. Null, with `error` set, on a syntax error.
std::unique_ptr<ExpressionNode> parseExpressionTree(const QString &text,
                                                    ExpressionSyntaxError *error);

} // namespace rs
