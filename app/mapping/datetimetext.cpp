#include "app/mapping/datetimetext.h"

#include <array>

namespace rs {
namespace {

// Reads 1 to `maxDigits` digits at `pos`; -1 when there are none.
int readNumber(QStringView text, qsizetype &pos, int maxDigits)
{
    int value = 0;
    int digits = 0;
    while (pos < text.size() && digits < maxDigits && text[pos] >= QLatin1Char('0')
           && text[pos] <= QLatin1Char('9')) {
        value = value * 10 + (text[pos].unicode() - '0');
        ++pos;
        ++digits;
    }
    return digits == 0 ? -1 : value;
}

bool expect(QStringView text, qsizetype &pos, QChar c)
{
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

const std::array<const char *, 12> kMonths = {"January",   "February", "March",    "April",
                                              "May",       "June",     "July",     "August",
                                              "September", "October",  "November", "December"};
const std::array<const char *, 7> kWeekdays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                               "Friday", "Saturday", "Sunday"};

QString padded(int value, int width)
{
    return QStringLiteral("%1").arg(value, width, 10, QLatin1Char('0'));
}

} // namespace

std::optional<DateTimeText> parseDateTime(QStringView text)
{
    text = text.trimmed();
    qsizetype pos = 0;
    const int year = readNumber(text, pos, 4);
    if (year < 0 || pos != 4 || pos >= text.size())
        return std::nullopt;
    const QChar separator = text[pos];
    if (separator != QLatin1Char('-') && separator != QLatin1Char('/'))
        return std::nullopt;
    ++pos;
    const int month = readNumber(text, pos, 2);
    if (month < 0 || !expect(text, pos, separator))
        return std::nullopt;
    const int day = readNumber(text, pos, 2);
    const QDate date(year, month, day);
    if (day < 0 || !date.isValid())
        return std::nullopt;
    if (pos == text.size())
        return DateTimeText {date, QTime()};
    if (!expect(text, pos, QLatin1Char(' ')) && !expect(text, pos, QLatin1Char('T')))
        return std::nullopt;
    const int hour = readNumber(text, pos, 2);
    if (hour < 0 || !expect(text, pos, QLatin1Char(':')))
        return std::nullopt;
    const int minute = readNumber(text, pos, 2);
    int second = 0;
    if (minute >= 0 && expect(text, pos, QLatin1Char(':')))
        second = readNumber(text, pos, 2);
    const QTime time(hour, minute, second);
    if (minute < 0 || second < 0 || pos != text.size() || !time.isValid())
        return std::nullopt;
    return DateTimeText {date, time};
}

QString formatDateTime(QDate date, QTime givenTime, QStringView format)
{
    const QTime time = givenTime.isValid() ? givenTime : QTime(0, 0);
    const int hour12 = time.hour() % 12 == 0 ? 12 : time.hour() % 12;
    const QString amPm = time.hour() < 12 ? QStringLiteral("AM") : QStringLiteral("PM");
    QString out;
    out.reserve(format.size() + 8);
    for (qsizetype i = 0; i < format.size(); ++i) {
        if (format[i] != QLatin1Char('%') || i + 1 == format.size()) {
            out.append(format[i]);
            continue;
        }
        const char16_t code = format[++i].unicode();
        switch (code) {
        case u'Y':
            out.append(padded(date.year(), 4));
            break;
        case u'y':
            out.append(padded(date.year() % 100, 2));
            break;
        case u'm':
            out.append(padded(date.month(), 2));
            break;
        case u'c':
            out.append(QString::number(date.month()));
            break;
        case u'd':
            out.append(padded(date.day(), 2));
            break;
        case u'e':
            out.append(QString::number(date.day()));
            break;
        case u'H':
            out.append(padded(time.hour(), 2));
            break;
        case u'k':
            out.append(QString::number(time.hour()));
            break;
        case u'h':
        case u'I':
            out.append(padded(hour12, 2));
            break;
        case u'l':
            out.append(QString::number(hour12));
            break;
        case u'i':
            out.append(padded(time.minute(), 2));
            break;
        case u's':
        case u'S':
            out.append(padded(time.second(), 2));
            break;
        case u'f':
            out.append(padded(time.msec() * 1000, 6));
            break;
        case u'p':
            out.append(amPm);
            break;
        case u'T':
            out.append(formatDateTime(date, time, u"%H:%i:%s"));
            break;
        case u'r':
            out.append(formatDateTime(date, time, u"%h:%i:%s ") + amPm);
            break;
        case u'M':
            out.append(QLatin1String(kMonths[date.month() - 1]));
            break;
        case u'b':
            out.append(QLatin1String(kMonths[date.month() - 1]).left(3));
            break;
        case u'W':
            out.append(QLatin1String(kWeekdays[date.dayOfWeek() - 1]));
            break;
        case u'a':
            out.append(QLatin1String(kWeekdays[date.dayOfWeek() - 1]).left(3));
            break;
        case u'j':
            out.append(padded(date.dayOfYear(), 3));
            break;
        default:
            out.append(QChar(code));
            break; // %% and unknown codes, as MySQL
        }
    }
    return out;
}

} // namespace rs
