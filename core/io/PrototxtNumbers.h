#pragma once

// How the prototxt reader tells numbers apart, shared by the parser and the value accessors.
// Private to core/io.

#include <QByteArrayView>
#include <QString>

namespace naqsh::prototxt {

enum class NumberForm { Invalid, Integer, Float };

/// Mirrors protobuf's tokenizer: decimal, 0x hex, 0 octal integers; floats with optional
/// fraction, exponent and an f suffix (the suffix only after a float form, as protobuf requires).
NumberForm classifyNumber(QByteArrayView s);

/// inf, infinity or nan, in any case, optionally negative.
bool isSpecialFloat(const QString &text);

} // namespace naqsh::prototxt
