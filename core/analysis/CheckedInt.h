#pragma once

#include <QtGlobal>

namespace naqsh {

/// A signed 64-bit count with sticky overflow: once any operation overflows, the value is
/// meaningless and overflowed() stays true. Costs never wrap silently; the analyzer turns an
/// overflow into an error message.
class CheckedInt
{
public:
    constexpr CheckedInt() = default;
    constexpr CheckedInt(qint64 v) : m_value(v) {} // NOLINT: implicit by design

    constexpr qint64 value() const { return m_value; }
    constexpr bool overflowed() const { return m_overflow; }

    friend constexpr CheckedInt operator*(CheckedInt a, CheckedInt b)
    {
        CheckedInt r;
        r.m_overflow = a.m_overflow || b.m_overflow || __builtin_mul_overflow(a.m_value, b.m_value, &r.m_value);
        return r;
    }
    friend constexpr CheckedInt operator+(CheckedInt a, CheckedInt b)
    {
        CheckedInt r;
        r.m_overflow = a.m_overflow || b.m_overflow || __builtin_add_overflow(a.m_value, b.m_value, &r.m_value);
        return r;
    }
    friend constexpr CheckedInt operator-(CheckedInt a, CheckedInt b)
    {
        CheckedInt r;
        r.m_overflow = a.m_overflow || b.m_overflow || __builtin_sub_overflow(a.m_value, b.m_value, &r.m_value);
        return r;
    }
    constexpr CheckedInt &operator+=(CheckedInt o) { return *this = *this + o; }
    constexpr CheckedInt &operator*=(CheckedInt o) { return *this = *this * o; }

private:
    qint64 m_value = 0;
    bool m_overflow = false;
};

} // namespace naqsh
