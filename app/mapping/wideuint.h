#pragma once

#include <QtGlobal>

#include <array>

namespace rs::detail {

// An unsigned integer of up to 384 bits in 32-bit limbs: Decimal's intermediates. A product of
// two 128-bit coefficients, or a dividend raised by 10^61, must not lose a bit before the result
// is rounded and narrowed back to 128 bits. Plain C++ (MSVC has no __int128).
class WideUInt final
{
public:
    static constexpr int Limbs = 12;
    static constexpr int MaxPowerOfTen = 115; // 10^115 < 2^384

    WideUInt() = default;
    static WideUInt fromParts(quint64 high, quint64 low);
    static WideUInt fromLimbs(const std::array<quint32, Limbs> &limbs);
    // 10^exponent, 0 ≤ exponent ≤ MaxPowerOfTen.
    static const WideUInt &powerOfTen(int exponent);

    bool isZero() const;
    // The low 128 bits; false when the value needs more.
    bool toParts(quint64 &high, quint64 &low) const;
    bool fitsIn128() const;
    int compare(const WideUInt &other) const;
    const std::array<quint32, Limbs> &limbs() const { return m_limbs; }

    // Callers keep operands small enough that a result fits in 384 bits (Q_ASSERTed).
    WideUInt plus(const WideUInt &other) const;
    WideUInt minus(const WideUInt &other) const; // requires *this >= other
    WideUInt times(const WideUInt &other) const;
    // The quotient; `remainder` gets the rest. The divisor must not be zero.
    WideUInt dividedBy(const WideUInt &divisor, WideUInt &remainder) const;
    // Divides in place by a small divisor (not zero) and returns the remainder.
    quint32 divideSmall(quint32 divisor);

private:
    int length() const; // limbs in use
    std::array<quint32, Limbs> m_limbs {}; // least significant first
};

} // namespace rs::detail
