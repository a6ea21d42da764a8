#include "app/mapping/decimal.h"

#include <algorithm>
#include <array>
#include <limits>

namespace rs {

// Portable 128-bit arithmetic on two 64-bit halves (MSVC has no __int128), built from 32-bit limbs
// where a carry or a product must not be lost.
struct U128
{
    quint64 high = 0;
    quint64 low = 0;
};

namespace {

int compare(U128 a, U128 b)
{
    if (a.high != b.high)
        return a.high < b.high ? -1 : 1;
    if (a.low != b.low)
        return a.low < b.low ? -1 : 1;
    return 0;
}

bool isZero(U128 a)
{
    return a.high == 0 && a.low == 0;
}

// False on overflow.
bool add(U128 a, U128 b, U128 &sum)
{
    sum.low = a.low + b.low;
    const quint64 carry = sum.low < a.low ? 1 : 0;
    sum.high = a.high + b.high + carry;
    return !(sum.high < a.high || (carry && sum.high == a.high));
}

// a >= b.
U128 subtract(U128 a, U128 b)
{
    U128 difference;
    difference.low = a.low - b.low;
    difference.high = a.high - b.high - (a.low < b.low ? 1 : 0);
    return difference;
}

std::array<quint32, 4> limbs(U128 a)
{
    return {quint32(a.low), quint32(a.low >> 32), quint32(a.high), quint32(a.high >> 32)};
}

// False on overflow.
bool multiply(U128 a, U128 b, U128 &product)
{
    // Fast path for the common case, money times a small factor or a power of ten.
    if (a.high == 0 && b.high == 0
        && (a.low == 0 || b.low <= std::numeric_limits<quint64>::max() / a.low)) {
        product = {0, a.low * b.low};
        return true;
    }
    const std::array<quint32, 4> x = limbs(a);
    const std::array<quint32, 4> y = limbs(b);
    std::array<quint64, 8> result {};
    for (int i = 0; i < 4; ++i) {
        quint64 carry = 0;
        for (int j = 0; j < 4; ++j) {
            const quint64 cell = quint64(x[i]) * y[j] + result[i + j] + carry;
            result[i + j] = quint32(cell);
            carry = cell >> 32;
        }
        result[i + 4] = carry;
    }
    for (int i = 4; i < 8; ++i) {
        if (result[i] != 0)
            return false;
    }
    product.low = result[0] | (result[1] << 32);
    product.high = result[2] | (result[3] << 32);
    return true;
}

// Divides by a small divisor in place and returns the remainder.
quint32 divideSmall(U128 &a, quint32 divisor)
{
    std::array<quint32, 4> x = limbs(a);
    quint64 remainder = 0;
    for (int i = 3; i >= 0; --i) {
        const quint64 current = (remainder << 32) | x[i];
        x[i] = quint32(current / divisor);
        remainder = current % divisor;
    }
    a.low = x[0] | (quint64(x[1]) << 32);
    a.high = x[2] | (quint64(x[3]) << 32);
    return quint32(remainder);
}

// Shift-and-subtract long division; only division and ROUND's large steps come here.
U128 divide(U128 dividend, U128 divisor, U128 &remainder)
{
    if (dividend.high == 0 && divisor.high == 0) {
        remainder = {0, dividend.low % divisor.low};
        return {0, dividend.low / divisor.low};
    }
    U128 quotient;
    remainder = {};
    for (int bit = 127; bit >= 0; --bit) {
        remainder.high = (remainder.high << 1) | (remainder.low >> 63);
        remainder.low <<= 1;
        const quint64 word = bit >= 64 ? dividend.high : dividend.low;
        remainder.low |= (word >> (bit % 64)) & 1;
        if (compare(remainder, divisor) >= 0) {
            remainder = subtract(remainder, divisor);
            if (bit >= 64)
                quotient.high |= quint64(1) << (bit - 64);
            else
                quotient.low |= quint64(1) << bit;
        }
    }
    return quotient;
}

constexpr int MaxPower = 38; // 10^38 < 2^128 < 10^39

const std::array<U128, MaxPower + 1> &powersOfTen()
{
    static const std::array<U128, MaxPower + 1> powers = [] {
        std::array<U128, MaxPower + 1> p {};
        p[0] = {0, 1};
        for (int i = 1; i <= MaxPower; ++i)
            multiply(p[i - 1], {0, 10}, p[i]);
        return p;
    }();
    return powers;
}

// False on overflow.
bool scaleUp(U128 a, int digits, U128 &result)
{
    if (isZero(a)) {
        result = a;
        return true;
    }
    if (digits > MaxPower)
        return false;
    return multiply(a, powersOfTen()[digits], result);
}

// Drops `digits` digits, rounding half-up.
U128 roundOff(U128 a, int digits)
{
    if (digits <= 0)
        return a;
    if (digits > MaxPower)
        return {};
    U128 remainder;
    U128 quotient = divide(a, powersOfTen()[digits], remainder);
    U128 twice;
    const bool fits = add(remainder, remainder, twice);
    if (!fits || compare(twice, powersOfTen()[digits]) >= 0)
        add(quotient, {0, 1}, quotient);
    return quotient;
}

} // namespace

struct DecimalAccess
{
    static U128 magnitude(const Decimal &d) { return {d.m_high, d.m_low}; }
    static Decimal make(U128 magnitude, int scale, bool negative)
    {
        Decimal d;
        d.m_high = magnitude.high;
        d.m_low = magnitude.low;
        d.m_scale = scale;
        d.m_negative = negative && !isZero(magnitude);
        return d;
    }
    // Both magnitudes at the larger scale; throws when that does not fit.
    static int align(const Decimal &a, const Decimal &b, U128 &x, U128 &y)
    {
        const int scale = qMax(a.m_scale, b.m_scale);
        if (!scaleUp(magnitude(a), scale - a.m_scale, x)
            || !scaleUp(magnitude(b), scale - b.m_scale, y))
            throw DecimalOverflow();
        return scale;
    }
};

DecimalOverflow::DecimalOverflow()
    : std::overflow_error("decimal overflow")
{ }

Decimal Decimal::fromInt(qint64 value)
{
    const quint64 magnitude = value < 0 ? quint64(0) - quint64(value) : quint64(value);
    return DecimalAccess::make({0, magnitude}, 0, value < 0);
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
    U128 magnitude;
    int integerDigits = 0;
    int groupDigits = 0; // digits since the last separator
    bool grouped = false;
    auto appendDigit = [&magnitude](QChar c) {
        const quint64 digit = quint64(c.unicode() - '0');
        if (magnitude.high == 0 && magnitude.low < quint64(1000000000000000000)) {
            magnitude.low = magnitude.low * 10 + digit; // cannot overflow below 10^18
            return true;
        }
        U128 shifted;
        return multiply(magnitude, {0, 10}, shifted)
            && add(shifted, {0, quint64(c.unicode() - '0')}, magnitude);
    };
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
        if (!appendDigit(c))
            return std::nullopt;
        ++integerDigits;
        ++groupDigits;
    }
    if (integerDigits == 0 || (grouped && groupDigits != 3))
        return std::nullopt;
    int scale = 0;
    if (i < text.size() && text[i] == QLatin1Char('.')) {
        ++i;
        for (; i < text.size() && text[i] >= QLatin1Char('0') && text[i] <= QLatin1Char('9'); ++i) {
            if (++scale > MaxScale || !appendDigit(text[i]))
                return std::nullopt;
        }
        if (scale == 0)
            return std::nullopt;
    }
    if (i != text.size())
        return std::nullopt;
    return DecimalAccess::make(magnitude, scale, negative);
}

QString Decimal::toString() const
{
    // Digits right to left into a small buffer, then one allocation for the text.
    std::array<char, 48> buffer {};
    qsizetype pos = qsizetype(buffer.size());
    U128 rest = DecimalAccess::magnitude(*this);
    int written = 0;
    while (rest.high != 0 || rest.low != 0 || written <= m_scale) {
        if (written == m_scale && m_scale > 0)
            buffer[--pos] = '.';
        quint32 digit = 0;
        if (rest.high == 0) {
            digit = quint32(rest.low % 10);
            rest.low /= 10;
        } else {
            digit = divideSmall(rest, 10);
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
    return rounded(qBound(0, scale, int(MaxScale))).toString();
}

Decimal Decimal::rounded(int digits) const
{
    digits = qMin(digits, int(MaxScale));
    const U128 magnitude = DecimalAccess::magnitude(*this);
    if (digits >= m_scale) {
        U128 scaled;
        if (!scaleUp(magnitude, digits - m_scale, scaled))
            throw DecimalOverflow();
        return DecimalAccess::make(scaled, digits, m_negative);
    }
    U128 kept = roundOff(magnitude, m_scale - digits);
    if (digits < 0) {
        if (!scaleUp(kept, -digits, kept))
            throw DecimalOverflow();
        digits = 0;
    }
    return DecimalAccess::make(kept, digits, m_negative);
}

Decimal Decimal::abs() const
{
    return DecimalAccess::make(DecimalAccess::magnitude(*this), m_scale, false);
}

std::optional<qint64> Decimal::toInt64() const
{
    U128 remainder;
    const U128 whole = divide(DecimalAccess::magnitude(*this), powersOfTen()[m_scale], remainder);
    if (whole.high != 0 || whole.low > quint64(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    return m_negative ? -qint64(whole.low) : qint64(whole.low);
}

Decimal Decimal::operator-() const
{
    return DecimalAccess::make(DecimalAccess::magnitude(*this), m_scale, !m_negative);
}

Decimal operator+(const Decimal &a, const Decimal &b)
{
    U128 x;
    U128 y;
    const int scale = DecimalAccess::align(a, b, x, y);
    if (a.m_negative == b.m_negative) {
        U128 sum;
        if (!add(x, y, sum))
            throw DecimalOverflow();
        return DecimalAccess::make(sum, scale, a.m_negative);
    }
    if (compare(x, y) >= 0)
        return DecimalAccess::make(subtract(x, y), scale, a.m_negative);
    return DecimalAccess::make(subtract(y, x), scale, b.m_negative);
}

Decimal operator-(const Decimal &a, const Decimal &b)
{
    return a + -b;
}

Decimal operator*(const Decimal &a, const Decimal &b)
{
    U128 product;
    if (!multiply(DecimalAccess::magnitude(a), DecimalAccess::magnitude(b), product))
        throw DecimalOverflow();
    int scale = a.m_scale + b.m_scale;
    if (scale > Decimal::MaxScale) {
        product = roundOff(product, scale - Decimal::MaxScale);
        scale = Decimal::MaxScale;
    }
    return DecimalAccess::make(product, scale, a.m_negative != b.m_negative);
}

std::optional<Decimal> Decimal::dividedBy(const Decimal &divisor, int scale) const
{
    if (divisor.isZero())
        return std::nullopt;
    scale = qBound(0, scale, int(MaxScale));
    // Q = A·10^(scale + sb − sa) / B, with one extra digit to round on.
    U128 numerator = DecimalAccess::magnitude(*this);
    U128 denominator = DecimalAccess::magnitude(divisor);
    const int exponent = scale + divisor.m_scale - m_scale + 1;
    if (exponent >= 0 ? !scaleUp(numerator, exponent, numerator)
                      : !scaleUp(denominator, -exponent, denominator)) {
        throw DecimalOverflow();
    }
    U128 remainder;
    U128 quotient = divide(numerator, denominator, remainder);
    const quint32 lastDigit = divideSmall(quotient, 10);
    if (lastDigit >= 5 && !add(quotient, {0, 1}, quotient))
        throw DecimalOverflow();
    return DecimalAccess::make(quotient, scale, m_negative != divisor.m_negative);
}

std::strong_ordering operator<=>(const Decimal &a, const Decimal &b)
{
    if (a.m_negative != b.m_negative)
        return a.m_negative ? std::strong_ordering::less : std::strong_ordering::greater;
    // Same sign: compare magnitudes at a common scale. When raising one overflows 128 bits it is
    // necessarily the larger, since the other fits at that scale.
    const U128 x = DecimalAccess::magnitude(a);
    const U128 y = DecimalAccess::magnitude(b);
    int order = 0;
    U128 scaled;
    if (a.m_scale < b.m_scale)
        order = scaleUp(x, b.m_scale - a.m_scale, scaled) ? compare(scaled, y) : 1;
    else if (a.m_scale > b.m_scale)
        order = scaleUp(y, a.m_scale - b.m_scale, scaled) ? compare(x, scaled) : -1;
    else
        order = compare(x, y);
    if (a.m_negative)
        order = -order;
    return order < 0 ? std::strong_ordering::less
                     : (order > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

} // namespace rs
