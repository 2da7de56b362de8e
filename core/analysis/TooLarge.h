#pragma once

#include "CheckedInt.h"
#include "Convention.h"

#include <QString>
#include <limits>

namespace naqsh {

/// Counts too large for 64 bits (issue 12, finding 4). CheckedInt keeps an overflow as the value
/// INT64_MIN, which no count can be; every formatter (NumberFormat) shows it as tooLargeText()
/// instead of a negative number, JSON gives null, and naqsh-cli exits with 1.
inline bool isTooLarge(qint64 v)
{
    return v == std::numeric_limits<qint64>::min();
}

/// "too large to count in 64 bits", translated (defined in NumberFormat.cpp).
QString tooLargeText();

/// A count in plain machine form ("120422400"), or tooLargeText().
inline QString machineCount(qint64 v)
{
    return isTooLarge(v) ? tooLargeText() : QString::number(v);
}

/// Memory of @p elements values of type @p d, overflow-checked.
inline CheckedInt activationBytes(CheckedInt elements, DType d)
{
    return elements * CheckedInt(bytesPerElement(d));
}

} // namespace naqsh
