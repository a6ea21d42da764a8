#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace rs {

class FlatRecord;
class Value;
struct ExpressionNode;

// What NOW() and CURDATE() read; tests pass a fixed one.
using Clock = std::function<QDateTime()>;
Clock systemClock();

// Why an expression does not parse: the message (it names the 1-based position too), and the
// 0-based position and length in the expression text of what is wrong, for an editor to underline.
// At the end of the text the length is 0.
struct ExpressionSyntaxError
{
    QString message;
    qsizetype position = 0;
    qsizetype length = 0;
};

// A `_function` expression, parsed once per scheme into a tree. Placeholders are nodes that
// read the source value when evaluated: a value containing quotes, `)` or SQL is only ever a
// value and cannot change what the expression does.
class Expression final
{
public:
    // Nothing, with `error` naming the position and what was expected, for a syntax error, an
    // unknown function or a wrong argument count.
    static std::optional<Expression> parse(const QString &text, QString *error);
    static std::optional<Expression> parse(const QString &text, ExpressionSyntaxError *error);

    // The value, or nothing with `error` set (a non-numeric value in arithmetic, division by
    // zero, a value that is not a date where one is needed).
    std::optional<Value> evaluate(const FlatRecord &record, const Clock &clock,
                                  QString *error) const;

    bool usesRows() const { return m_usesRows; }
    const QStringList &placeholderNames() const { return m_names; }
    const QString &source() const { return m_source; }

private:
    std::shared_ptr<const ExpressionNode> m_root;
    QString m_source;
    bool m_usesRows = false;
    QStringList m_names; // every placeholder's name
};

} // namespace rs
