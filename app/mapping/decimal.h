#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <compare>
#include <optional>
#include <stdexcept>

namespace rs {

// Thrown when a result's significant digits need more than the 128-bit coefficient holds (38
// digits, some of 39). Money never comes near it; the mapping turns it into an issue on the bill.
class DecimalOverflow final : public std::overflow_error
{
public:
    DecimalOverflow();
};

// An exact decimal: sign, unsigned 128-bit coefficient and a scale (digits after the point), so
// 99999999999.99 is 9999999999999 at scale 2. No binary floating point anywhere: 0.10 + 0.20 is
// exactly 0.30. Rounding is half-up, i.e. half away from zero (2.5 → 3, −2.5 → −3).
class Decimal final
{
public:
    static constexpr int MaxScale = 30;
    // Digits a quotient gets beyond the dividend's scale, as MySQL's div_precision_increment.
    static constexpr int DivisionExtraScale = 4;

    Decimal() = default;
    static Decimal fromInt(qint64 value);

    // Accepts an optional sign, digits with thousands separators only between groups of three
    // (`1,234.50`), an optional fraction; surrounding spaces are ignored. Rejects everything else
    // (`abc`, ``, `1.2.3`, `1,23`), more than MaxScale fraction digits and values beyond 128
    // bits; trailing zeros that do not fit are dropped, so toString(scale) always reads back.
    static std::optional<Decimal> parse(QStringView text);

    // All `scale()` digits after the point: "-600.00".
    QString toString() const;
    // Rounded half-up to `scale` digits (0 … MaxScale); never throws.
    QString toString(int scale) const;

    // Half-up to `digits` after the point; a negative count rounds left of it (ROUND(125, -1) is
    // 130). The result's scale is max(digits, 0), or less where trailing zeros would not fit in
    // 128 bits (99999999999.99 at 30 digits gets scale 27); throws only when the rounded value
    // itself does not fit.
    Decimal rounded(int digits) const;

    int scale() const { return m_scale; }
    bool isZero() const { return m_high == 0 && m_low == 0; }
    bool isNegative() const { return m_negative; }
    Decimal abs() const;
    // The integral part when it fits, else nothing.
    std::optional<qint64> toInt64() const;

    Decimal operator-() const;
    // Exact from a wide intermediate, then narrowed: these throw DecimalOverflow only when the
    // result's significant digits do not fit in 128 bits; trailing zeros after the point are
    // dropped instead (the scale shrinks, the value does not change). A product keeps at most
    // MaxScale digits.
    friend Decimal operator+(const Decimal &a, const Decimal &b);
    friend Decimal operator-(const Decimal &a, const Decimal &b);
    friend Decimal operator*(const Decimal &a, const Decimal &b);
    Decimal &operator+=(const Decimal &other) { return *this = *this + other; }
    // Quotient rounded half-up to `scale` digits (fewer only as above); nothing when the divisor
    // is zero.
    std::optional<Decimal> dividedBy(const Decimal &divisor, int scale) const;

    // Numeric order: 1.5 == 1.50.
    friend std::strong_ordering operator<=>(const Decimal &a, const Decimal &b);
    friend bool operator==(const Decimal &a, const Decimal &b) { return (a <=> b) == 0; }

private:
    quint64 m_high = 0;
    quint64 m_low = 0;
    int m_scale = 0;
    bool m_negative = false;

    friend struct DecimalAccess;
};

} // namespace rs
