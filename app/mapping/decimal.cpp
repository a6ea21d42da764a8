#include "app/mapping/decimal.h"

#include "app/mapping/wideuint.h"

#include <array>
#include <limits>

namespace rs {

using detail::WideUInt;

namespace {

constexpr quint64 MaxUInt64 = std::numeric_limits<quint64>::max();

const WideUInt &one()
{
    static const WideUInt value = WideUInt::fromParts(0, 1);
    return value;
}

// Drops `digits` digits, rounding half-up.
WideUInt roundOff(const WideUInt &a, int digits)
{
    if (digits <= 0)
        return a;
    if (digits > WideUInt::MaxPowerOfTen)
        return {}; // a < 2^384 < 0.5·10^116: nothing is left, not even a carry
    const WideUInt &unit = WideUInt::powerOfTen(digits);
    WideUInt remainder;
    const WideUInt quotient = a.dividedBy(unit, remainder);
    return remainder.plus(remainder).compare(unit) >= 0 ? quotient.plus(one()) : quotient;
}

} // namespace

struct DecimalAccess
{
    static WideUInt magnitude(const Decimal &d) { return WideUInt::fromParts(d.m_high, d.m_low); }
    static Decimal make(quint64 high, quint64 low, int scale, bool negative)
    {
        Decimal d;
        d.m_high = high;
        d.m_low = low;
        d.m_scale = scale;
        d.m_negative = negative && (high != 0 || low != 0);
        return d;
    }
    // The coefficient in 128 bits at `scale`. When it does not fit, trailing zeros after the
    // point are dropped (the value stays exact, only fewer zeros are written): a result needs
    // 128 bits for its significant digits, not for its padding.
    static std::optional<Decimal> narrow(WideUInt coefficient, int scale, bool negative)
    {
        while (!coefficient.fitsIn128() && scale > 0) {
            WideUInt shorter = coefficient;
            if (shorter.divideSmall(10) != 0)
                break;
            coefficient = shorter;
            --scale;
        }
        quint64 high = 0;
        quint64 low = 0;
        if (!coefficient.toParts(high, low))
            return std::nullopt;
        return make(high, low, scale, negative);
    }
    static Decimal fit(const WideUInt &coefficient, int scale, bool negative)
    {
        const std::optional<Decimal> d = narrow(coefficient, scale, negative);
        if (!d)
            throw DecimalOverflow();
        return *d;
    }
    // a·10^(scale − a.scale); the caller keeps the raise within MaxScale.
    static WideUInt raised(const Decimal &a, int scale)
    {
        return magnitude(a).times(WideUInt::powerOfTen(scale - a.m_scale));
    }
};

DecimalOverflow::DecimalOverflow()
    : std::overflow_error("decimal overflow")
{ }

Decimal Decimal::fromInt(qint64 value)
{
    const quint64 magnitude = value < 0 ? quint64(0) - quint64(value) : quint64(value);
    return DecimalAccess::make(0, magnitude, 0, value < 0);
}

std::optional<Decimal> Decimal::parse(QStringView text)
{
    text = text.trimmed();
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == QLatin1Char('-') || text[i] == QLatin1Char('+'))) {
        negative = text[i] == QLatin1Char('-');
        ++i;
    }
    // The coefficient's digits without leading zeros. Anything that can fit has at most 39
    // integer digits and MaxScale decimals, so a longer text is refused before any arithmetic.
    std::array<quint8, 39 + MaxScale + 1> digits {};
    int count = 0;
    bool tooLong = false;
    auto take = [&](QChar c) {
        if (count == 0 && c == QLatin1Char('0'))
            return;
        if (count == int(digits.size()))
            tooLong = true;
        else
            digits[count++] = quint8(c.unicode() - '0');
    };
    int integerDigits = 0;
    int groupDigits = 0; // digits since the last separator
    bool grouped = false;
    for (; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char(',')) {
            // A separator needs 1–3 digits before the first one and exactly 3 between the others.
            if (integerDigits == 0 || (grouped ? groupDigits != 3 : groupDigits > 3))
                return std::nullopt;
            grouped = true;
            groupDigits = 0;
            continue;
        }
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            break;
        take(c);
        ++integerDigits;
        ++groupDigits;
    }
    if (integerDigits == 0 || (grouped && groupDigits != 3))
        return std::nullopt;
    int scale = 0;
    if (i < text.size() && text[i] == QLatin1Char('.')) {
        ++i;
        for (; i < text.size() && text[i] >= QLatin1Char('0') && text[i] <= QLatin1Char('9'); ++i) {
            if (++scale > MaxScale)
                return std::nullopt;
            take(text[i]);
        }
        if (scale == 0)
            return std::nullopt;
    }
    if (i != text.size() || tooLong)
        return std::nullopt;
    if (count <= 19) { // below 10^19: one machine word, the common case
        quint64 value = 0;
        for (int d = 0; d < count; ++d)
            value = value * 10 + digits[d];
        return DecimalAccess::make(0, value, scale, negative);
    }
    WideUInt value;
    for (int d = 0; d < count; d += 9) {
        const int chunk = qMin(9, count - d);
        quint64 part = 0;
        for (int k = 0; k < chunk; ++k)
            part = part * 10 + digits[d + k];
        value = value.times(WideUInt::powerOfTen(chunk)).plus(WideUInt::fromParts(0, part));
    }
    return DecimalAccess::narrow(value, scale, negative);
}

QString Decimal::toString() const
{
    // Digits right to left into a small buffer, then one allocation for the text.
    std::array<char, 48> buffer {};
    qsizetype pos = qsizetype(buffer.size());
    WideUInt rest = DecimalAccess::magnitude(*this);
    quint64 small = m_low;
    const bool wide = m_high != 0;
    int written = 0;
    while ((wide ? !rest.isZero() : small != 0) || written <= m_scale) {
        if (written == m_scale && m_scale > 0)
            buffer[--pos] = '.';
        quint32 digit = 0;
        if (wide) {
            digit = rest.divideSmall(10);
        } else {
            digit = quint32(small % 10);
            small /= 10;
        }
        buffer[--pos] = char('0' + digit);
        ++written;
    }
    if (m_negative)
        buffer[--pos] = '-';
    return QString::fromLatin1(buffer.data() + pos, qsizetype(buffer.size()) - pos);
}

QString Decimal::toString(int scale) const
{
    scale = qBound(0, scale, int(MaxScale));
    // Fewer digits: round (the coefficient can only shrink). More: write the zeros as text, so
    // a value that fits always has its text, whatever 128 bits could hold at that scale.
    const Decimal shown = scale < m_scale ? rounded(scale) : *this;
    QString text = shown.toString();
    if (scale > shown.m_scale) {
        if (shown.m_scale == 0)
            text += QLatin1Char('.');
        text += QString(scale - shown.m_scale, QLatin1Char('0'));
    }
    return text;
}

Decimal Decimal::rounded(int digits) const
{
    // Below −80 every value that fits rounds to 0 as it does at −80; the bound keeps the
    // arithmetic on digit counts small.
    digits = qBound(-80, digits, int(MaxScale));
    if (digits >= m_scale)
        return DecimalAccess::fit(DecimalAccess::raised(*this, digits), digits, m_negative);
    const WideUInt kept = roundOff(DecimalAccess::magnitude(*this), m_scale - digits);
    if (digits >= 0)
        return DecimalAccess::fit(kept, digits, m_negative);
    if (kept.isZero())
        return Decimal();
    // Only a value of at most 39 digits rounds to something; raising it back cannot leave 384
    // bits, and whether it fits in 128 is for fit() to say.
    return DecimalAccess::fit(kept.times(WideUInt::powerOfTen(-digits)), 0, m_negative);
}

Decimal Decimal::abs() const
{
    return DecimalAccess::make(m_high, m_low, m_scale, false);
}

std::optional<qint64> Decimal::toInt64() const
{
    WideUInt remainder;
    const WideUInt whole =
        DecimalAccess::magnitude(*this).dividedBy(WideUInt::powerOfTen(m_scale), remainder);
    quint64 high = 0;
    quint64 low = 0;
    if (!whole.toParts(high, low) || high != 0 || low > quint64(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    return m_negative ? -qint64(low) : qint64(low);
}

Decimal Decimal::operator-() const
{
    return DecimalAccess::make(m_high, m_low, m_scale, !m_negative);
}

Decimal operator+(const Decimal &a, const Decimal &b)
{
    // Money at one scale in machine words: the sum of a bill's entries.
    if (a.m_high == 0 && b.m_high == 0 && a.m_scale == b.m_scale) {
        if (a.m_negative == b.m_negative && a.m_low <= MaxUInt64 - b.m_low)
            return DecimalAccess::make(0, a.m_low + b.m_low, a.m_scale, a.m_negative);
        if (a.m_negative != b.m_negative) {
            return a.m_low >= b.m_low
                ? DecimalAccess::make(0, a.m_low - b.m_low, a.m_scale, a.m_negative)
                : DecimalAccess::make(0, b.m_low - a.m_low, a.m_scale, b.m_negative);
        }
    }
    // Both at the larger scale (at most 10^30 larger: below 2^228), then narrowed.
    const int scale = qMax(a.m_scale, b.m_scale);
    const WideUInt x = DecimalAccess::raised(a, scale);
    const WideUInt y = DecimalAccess::raised(b, scale);
    if (a.m_negative == b.m_negative)
        return DecimalAccess::fit(x.plus(y), scale, a.m_negative);
    if (x.compare(y) >= 0)
        return DecimalAccess::fit(x.minus(y), scale, a.m_negative);
    return DecimalAccess::fit(y.minus(x), scale, b.m_negative);
}

Decimal operator-(const Decimal &a, const Decimal &b)
{
    return a + -b;
}

Decimal operator*(const Decimal &a, const Decimal &b)
{
    const bool negative = a.m_negative != b.m_negative;
    int scale = a.m_scale + b.m_scale;
    // Money times a small factor or a power of ten.
    if (a.m_high == 0 && b.m_high == 0 && scale <= Decimal::MaxScale
        && (a.m_low == 0 || b.m_low <= MaxUInt64 / a.m_low))
        return DecimalAccess::make(0, a.m_low * b.m_low, scale, negative);
    // The full product (below 2^256), rounded to MaxScale, then narrowed.
    WideUInt product = DecimalAccess::magnitude(a).times(DecimalAccess::magnitude(b));
    if (scale > Decimal::MaxScale) {
        product = roundOff(product, scale - Decimal::MaxScale);
        scale = Decimal::MaxScale;
    }
    return DecimalAccess::fit(product, scale, negative);
}

std::optional<Decimal> Decimal::dividedBy(const Decimal &divisor, int scale) const
{
    if (divisor.isZero())
        return std::nullopt;
    scale = qBound(0, scale, int(MaxScale));
    // Q = A·10^(scale + sb − sa) / B rounded half-up; the raise is at most 10^60, so the
    // dividend stays below 2^328.
    WideUInt numerator = DecimalAccess::magnitude(*this);
    WideUInt denominator = DecimalAccess::magnitude(divisor);
    const int exponent = scale + divisor.m_scale - m_scale;
    if (exponent >= 0)
        numerator = numerator.times(WideUInt::powerOfTen(exponent));
    else
        denominator = denominator.times(WideUInt::powerOfTen(-exponent));
    WideUInt remainder;
    WideUInt quotient = numerator.dividedBy(denominator, remainder);
    if (remainder.plus(remainder).compare(denominator) >= 0)
        quotient = quotient.plus(one());
    return DecimalAccess::fit(quotient, scale, m_negative != divisor.m_negative);
}

std::strong_ordering operator<=>(const Decimal &a, const Decimal &b)
{
    if (a.m_negative != b.m_negative)
        return a.m_negative ? std::strong_ordering::less : std::strong_ordering::greater;
    // Same sign: compare magnitudes at the larger scale (exact in 384 bits).
    int order = 0;
    if (a.m_scale == b.m_scale) {
        order = a.m_high != b.m_high ? (a.m_high < b.m_high ? -1 : 1)
                                     : (a.m_low != b.m_low ? (a.m_low < b.m_low ? -1 : 1) : 0);
    } else {
        const int scale = qMax(a.m_scale, b.m_scale);
        order = DecimalAccess::raised(a, scale).compare(DecimalAccess::raised(b, scale));
    }
    if (a.m_negative)
        order = -order;
    return order < 0 ? std::strong_ordering::less
                     : (order > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

} // namespace rs
