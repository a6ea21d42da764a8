#pragma once

#include "app/mapping/decimal.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QTime>

namespace rs {

// A value inside a `_function` expression or on its way into a Kingdee field: SQL NULL, text,
// an exact number, a boolean, a date (with or without a time of day), or the list a multi-select
// component gives.
class Value final
{
public:
    enum class Type { Null, Text, Number, Boolean, Date, List };

    Value() = default;
    static Value text(QString text);
    static Value number(const Decimal &number);
    static Value boolean(bool value);
    static Value date(QDate date, QTime time = QTime());
    static Value list(QStringList items);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    const QString &text() const { return m_text; }
    const Decimal &number() const { return m_number; }
    bool boolean() const { return m_boolean; }
    QDate date() const { return m_date; }
    // Invalid for a date without a time of day.
    QTime time() const { return m_time; }
    const QStringList &list() const { return m_list; }

    // The text MySQL would show: numbers with all their digits, booleans as 1/0, dates as
    // 2025-03-03 or 2025-03-03 10:12:41, a list joined with commas. NULL gives an empty string.
    QString toText() const;

private:
    Type m_type = Type::Null;
    bool m_boolean = false;
    QString m_text;
    Decimal m_number;
    QDate m_date;
    QTime m_time;
    QStringList m_list;
};

} // namespace rs
