#include "app/mapping/value.h"

#include "app/mapping/datetimetext.h"

namespace rs {

Value Value::text(QString text)
{
    Value v;
    v.m_type = Type::Text;
    v.m_text = std::move(text);
    return v;
}

Value Value::number(const Decimal &number)
{
    Value v;
    v.m_type = Type::Number;
    v.m_number = number;
    return v;
}

Value Value::boolean(bool value)
{
    Value v;
    v.m_type = Type::Boolean;
    v.m_boolean = value;
    return v;
}

Value Value::date(QDate date, QTime time)
{
    Value v;
    v.m_type = Type::Date;
    v.m_date = date;
    v.m_time = time;
    return v;
}

Value Value::list(QStringList items)
{
    Value v;
    v.m_type = Type::List;
    v.m_list = std::move(items);
    return v;
}

QString Value::toText() const
{
    switch (m_type) {
    case Type::Null:
        return {};
    case Type::Text:
        return m_text;
    case Type::Number:
        return m_number.toString();
    case Type::Boolean:
        return m_boolean ? QStringLiteral("1") : QStringLiteral("0");
    case Type::Date:
        return formatDateTime(m_date, m_time,
                              m_time.isValid() ? QStringLiteral("%Y-%m-%d %H:%i:%s")
                                               : QStringLiteral("%Y-%m-%d"));
    case Type::List:
        return m_list.join(QLatin1Char(','));
    }
    return {};
}

} // namespace rs
