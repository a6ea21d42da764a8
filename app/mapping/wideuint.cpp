#include "app/mapping/wideuint.h"

#include <bit>

namespace rs::detail {

namespace {

constexpr quint64 Base = quint64(1) << 32;

} // namespace

WideUInt WideUInt::fromParts(quint64 high, quint64 low)
{
    WideUInt w;
    w.m_limbs[0] = quint32(low);
    w.m_limbs[1] = quint32(low >> 32);
    w.m_limbs[2] = quint32(high);
    w.m_limbs[3] = quint32(high >> 32);
    return w;
}

WideUInt WideUInt::fromLimbs(const std::array<quint32, Limbs> &limbs)
{
    WideUInt w;
    w.m_limbs = limbs;
    return w;
}

const WideUInt &WideUInt::powerOfTen(int exponent)
{
    static const std::array<WideUInt, MaxPowerOfTen + 1> powers = [] {
        std::array<WideUInt, MaxPowerOfTen + 1> p {};
        p[0] = fromParts(0, 1);
        const WideUInt ten = fromParts(0, 10);
        for (int i = 1; i <= MaxPowerOfTen; ++i)
            p[i] = p[i - 1].times(ten);
        return p;
    }();
    Q_ASSERT(exponent >= 0 && exponent <= MaxPowerOfTen);
    return powers[exponent];
}

int WideUInt::length() const
{
    int n = Limbs;
    while (n > 0 && m_limbs[n - 1] == 0)
        --n;
    return n;
}

bool WideUInt::isZero() const
{
    return length() == 0;
}

bool WideUInt::fitsIn128() const
{
    return length() <= 4;
}

bool WideUInt::toParts(quint64 &high, quint64 &low) const
{
    low = m_limbs[0] | (quint64(m_limbs[1]) << 32);
    high = m_limbs[2] | (quint64(m_limbs[3]) << 32);
    return fitsIn128();
}

int WideUInt::compare(const WideUInt &other) const
{
    for (int i = Limbs - 1; i >= 0; --i) {
        if (m_limbs[i] != other.m_limbs[i])
            return m_limbs[i] < other.m_limbs[i] ? -1 : 1;
    }
    return 0;
}

WideUInt WideUInt::plus(const WideUInt &other) const
{
    WideUInt sum;
    quint64 carry = 0;
    for (int i = 0; i < Limbs; ++i) {
        const quint64 cell = quint64(m_limbs[i]) + other.m_limbs[i] + carry;
        sum.m_limbs[i] = quint32(cell);
        carry = cell >> 32;
    }
    Q_ASSERT(carry == 0);
    return sum;
}

WideUInt WideUInt::minus(const WideUInt &other) const
{
    WideUInt difference;
    quint64 borrow = 0;
    for (int i = 0; i < Limbs; ++i) {
        const quint64 cell = quint64(m_limbs[i]) - other.m_limbs[i] - borrow;
        difference.m_limbs[i] = quint32(cell);
        borrow = (cell >> 32) != 0 ? 1 : 0;
    }
    Q_ASSERT(borrow == 0);
    return difference;
}

WideUInt WideUInt::times(const WideUInt &other) const
{
    const int m = length();
    const int n = other.length();
    std::array<quint32, 2 * Limbs> cells {};
    for (int i = 0; i < m; ++i) {
        quint64 carry = 0;
        for (int j = 0; j < n; ++j) {
            const quint64 cell = quint64(m_limbs[i]) * other.m_limbs[j] + cells[i + j] + carry;
            cells[i + j] = quint32(cell);
            carry = cell >> 32;
        }
        cells[i + n] = quint32(carry);
    }
    WideUInt product;
    for (int i = 0; i < Limbs; ++i) {
        product.m_limbs[i] = cells[i];
        Q_ASSERT(cells[Limbs + i] == 0);
    }
    return product;
}

quint32 WideUInt::divideSmall(quint32 divisor)
{
    Q_ASSERT(divisor != 0);
    quint64 remainder = 0;
    for (int i = length() - 1; i >= 0; --i) {
        const quint64 current = (remainder << 32) | m_limbs[i];
        m_limbs[i] = quint32(current / divisor);
        remainder = current % divisor;
    }
    return quint32(remainder);
}

// Knuth's algorithm D (TAOCP vol. 2, 4.3.1), in the form of Hacker's Delight's divmnu: each
// quotient limb is estimated from the top two limbs and corrected at most twice, so a division
// costs about m·n limb products instead of one subtraction per bit.
WideUInt WideUInt::dividedBy(const WideUInt &divisor, WideUInt &remainder) const
{
    const int m = length();
    const int n = divisor.length();
    Q_ASSERT(n > 0);
    WideUInt quotient;
    if (m < n) {
        remainder = *this;
        return quotient;
    }
    if (n == 1) {
        quotient = *this;
        remainder = fromParts(0, quotient.divideSmall(divisor.m_limbs[0]));
        return quotient;
    }
    // Normalise so the divisor's top limb has its high bit set; the estimate is then close.
    const int shift = std::countl_zero(divisor.m_limbs[n - 1]);
    const auto shifted = [shift](const std::array<quint32, Limbs> &x, int i) {
        const quint32 low = i > 0 && shift > 0 ? quint32(x[i - 1] >> (32 - shift)) : 0;
        return quint32(x[i] << shift) | low;
    };
    std::array<quint32, Limbs> v {};
    for (int i = 0; i < n; ++i)
        v[i] = shifted(divisor.m_limbs, i);
    std::array<quint32, Limbs + 1> u {};
    for (int i = 0; i < m; ++i)
        u[i] = shifted(m_limbs, i);
    u[m] = shift > 0 ? quint32(m_limbs[m - 1] >> (32 - shift)) : 0;

    for (int j = m - n; j >= 0; --j) {
        const quint64 top = (quint64(u[j + n]) << 32) | u[j + n - 1];
        quint64 estimate = top / v[n - 1];
        quint64 rest = top % v[n - 1];
        while (estimate >= Base || estimate * v[n - 2] > ((rest << 32) | u[j + n - 2])) {
            --estimate;
            rest += v[n - 1];
            if (rest >= Base)
                break;
        }
        // Multiply and subtract; a negative result means the estimate was one too large.
        qint64 borrow = 0;
        qint64 t = 0;
        for (int i = 0; i < n; ++i) {
            const quint64 p = estimate * v[i];
            t = qint64(u[i + j]) - borrow - qint64(p & 0xFFFFFFFF);
            u[i + j] = quint32(t);
            borrow = qint64(p >> 32) - (t >> 32);
        }
        t = qint64(u[j + n]) - borrow;
        u[j + n] = quint32(t);
        quotient.m_limbs[j] = quint32(estimate);
        if (t < 0) {
            quotient.m_limbs[j] -= 1;
            quint64 carry = 0;
            for (int i = 0; i < n; ++i) {
                const quint64 cell = quint64(u[i + j]) + v[i] + carry;
                u[i + j] = quint32(cell);
                carry = cell >> 32;
            }
            u[j + n] = quint32(u[j + n] + carry);
        }
    }
    remainder = WideUInt();
    for (int i = 0; i < n; ++i) {
        const quint32 high = shift > 0 ? quint32(quint64(u[i + 1]) << (32 - shift)) : 0;
        remainder.m_limbs[i] = (u[i] >> shift) | high;
    }
    return quotient;
}

} // namespace rs::detail
