#pragma once

#include "Costs.h"

#include <QString>
#include <QStringList>

namespace naqsh {

/// How FLOPs are counted from the cost counters. Tools disagree here; Naqsh names the rule.
enum class FlopConvention {
    Flops,    ///< "flops" (default): 2 × MACs + bias adds + every other operation
    TwoMacs,  ///< "2macs": 2 × MACs, the figure papers quote; nothing else
    MacsOnly, ///< "macs": FLOPs column shows MACs (1 MAC = 1 operation), as ptflops does
    BiasAsMac ///< "torchinfo": MACs plus one MAC per biased output ("mult-adds")
};

/// Element type of activations, for memory in bytes.
enum class DType { FP32, FP16, INT8 };

QString conventionKey(FlopConvention c);
/// Parses a key ("flops", "2macs", "macs", "torchinfo"); returns false if unknown.
bool conventionFromKey(const QString &key, FlopConvention *out);
QStringList conventionKeys();
/// Translated display name, e.g. "FLOPs = 2×MACs + other ops".
QString conventionDisplayName(FlopConvention c);

QString dtypeKey(DType d);
bool dtypeFromKey(const QString &key, DType *out);
int bytesPerElement(DType d);

/// The FLOP count of @p costs under convention @p c.
CheckedInt flops(const Costs &costs, FlopConvention c);

} // namespace naqsh
