#pragma once

#include <QtGlobal>
#include <cmath>
#include <limits>

namespace naqsh {

/// A non-negative 64-bit count with sticky overflow: once any operation overflows, the value is
/// meaningless and overflowed() stays true. Costs never wrap silently; the analyzer turns an
/// overflow into an error message. The overflow state is kept as a sentinel value so that a
/// CheckedInt is exactly 8 bytes (the analysis sums millions of them).
class CheckedInt
{
public:
    constexpr CheckedInt() = default;
    constexpr CheckedInt(qint64 v)
        : m_value(v)
    {
    } // NOLINT: implicit by design

    constexpr qint64 value() const { return m_value; }
    constexpr bool overflowed() const { return m_value == kOverflow; }

    friend constexpr CheckedInt operator*(CheckedInt a, CheckedInt b)
    {
        qint64 r = 0;
        if (a.overflowed() || b.overflowed() || __builtin_mul_overflow(a.m_value, b.m_value, &r))
            return overflow();
        return CheckedInt(r);
    }
    friend constexpr CheckedInt operator+(CheckedInt a, CheckedInt b)
    {
        qint64 r = 0;
        if (a.overflowed() || b.overflowed() || __builtin_add_overflow(a.m_value, b.m_value, &r))
            return overflow();
        return CheckedInt(r);
    }
    friend constexpr CheckedInt operator-(CheckedInt a, CheckedInt b)
    {
        qint64 r = 0;
        if (a.overflowed() || b.overflowed() || __builtin_sub_overflow(a.m_value, b.m_value, &r))
            return overflow();
        return CheckedInt(r);
    }
    constexpr CheckedInt &operator+=(CheckedInt o) { return *this = *this + o; }
    constexpr CheckedInt &operator*=(CheckedInt o) { return *this = *this * o; }

    static constexpr CheckedInt overflow() { return CheckedInt(kOverflow); }

private:
    static constexpr qint64 kOverflow = std::numeric_limits<qint64>::min();
    qint64 m_value = 0;
};

/// True when d is a whole number that a qint64 holds, so that qint64(d) is defined. Casting a
/// double outside [-2^63, 2^63) to an integer is undefined behaviour, so every number read from a
/// file passes here before the cast (a comparison like d != double(qint64(d)) is itself the
/// undefined cast). NaN and the infinities are not whole numbers.
constexpr bool isWholeInt64(double d)
{
    return d >= -9223372036854775808.0 && d < 9223372036854775808.0 && d == std::trunc(d);
}

} // namespace naqsh
