#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace rs::sandbox {

// The part of Kingdee's FilterString syntax the console uses: FIELD = 'v', FIELD <> 'v',
// FIELD IN ('a', 'b'), FIELD LIKE 'a%', FIELD >= 'v' (and <=, >, <: text compared on the literal's
// length, so a date '2025-03-01' compares with a stored '2025-03-01T00:00:00'), joined with
// AND / OR and grouped with parentheses.
// Quotes inside a value are doubled, as Kingdee expects. An empty string matches everything.
class FilterExpression final
{
public:
    using ValueOf = std::function<QString(const QString &field)>;
    using Predicate = std::function<bool(const ValueOf &)>;

    // `error` names an unknown field the way Kingdee does ("过滤条件中的字段FXXX不存在").
    static std::optional<FilterExpression> parse(const QString &text, const QStringList &fields,
                                                 QString *error);

    bool matches(const ValueOf &valueOf) const { return m_predicate(valueOf); }

private:
    explicit FilterExpression(Predicate predicate);

    Predicate m_predicate;
};

} // namespace rs::sandbox
