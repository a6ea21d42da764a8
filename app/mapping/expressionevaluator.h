#pragma once

#include "app/mapping/expression.h"
#include "app/mapping/expressionnode.h"

namespace rs {

class FlatRecord;

// Walks a parsed expression over one flat record. SQL NULL propagates through operators and most
// functions; IF, IFNULL, COALESCE and CASE evaluate only the branch they need, as MySQL does.
class ExpressionEvaluator final
{
public:
    ExpressionEvaluator(const FlatRecord &record, const Clock &clock)
        : m_record(record)
        , m_clock(clock)
    { }

    // False with error() set when evaluation fails.
    bool evaluate(const ExpressionNode &node, Value &result);
    const QString &error() const { return m_error; }

private:
    bool binary(const ExpressionNode &node, Value &result);
    bool logical(const ExpressionNode &node, Value &result);
    bool caseWhen(const ExpressionNode &node, Value &result);
    bool call(const ExpressionNode &node, Value &result);
    bool callOnValues(Function function, const QList<Value> &args, Value &result);
    bool fail(const QString &message);

    const FlatRecord &m_record;
    const Clock &m_clock;
    QString m_error;
};

} // namespace rs
