#pragma once

#include <QDate>
#include <QString>
#include <QStringView>
#include <QTime>

#include <optional>

namespace rs {

struct DateTimeText
{
    QDate date;
    QTime time; // invalid when the text had no time of day
};

// Reads the dates DingTalk gives: 2025-03-03, 2025/3/3, and with a time of day for components
// whose unit is hours: 2025-03-03 09:00, 2025-03-03 09:00:15 (also with a T). Nothing for
// anything else, including impossible dates such as 2025-02-30.
std::optional<DateTimeText> parseDateTime(QStringView text);

// MySQL's DATE_FORMAT codes: %Y %y %m %c %d %e %H %k %h %I %l %i %s %S %p %T %r %M %b %W %a %j
// %f %%; any other %x gives x, as in MySQL. Time codes give zeros for a date without a time.
QString formatDateTime(QDate date, QTime time, QStringView format);

} // namespace rs
