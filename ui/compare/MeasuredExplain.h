#pragma once

#include "graph/LayerId.h"

#include <QString>
#include <QStringList>

namespace naqsh {

class Document;
class NumberFormat;

/// "Show your work" for a measured layer: its time, its speed in GMAC/s and its arithmetic
/// intensity (MACs per byte moved) with the numbers filled in, and in words why a 1×1 or a
/// depthwise convolution achieves fewer GMAC/s than a 5×5 (each input value feeds few
/// multiply-adds, so the processor waits for memory).
struct MeasuredExplanation
{
    struct Line
    {
        QString quantity; ///< "Arithmetic intensity"
        QString formula;  ///< "120,422,400 MACs ÷ 1,316,864 bytes = 91.4 MACs per byte"
    };
    QString title;
    QVector<Line> lines;
    QString why;     ///< the reason in words, for this kind of layer
    QString compare; ///< against the fastest layer of the document (empty for that layer)
    QString stale;   ///< the warning when the network changed since (else empty)
    bool isEmpty() const { return lines.isEmpty(); }
};

/// The explanation of @p id's measurement in @p document (empty when it has none).
MeasuredExplanation explainMeasured(const Document &document, LayerId id,
                                    const NumberFormat &format);

} // namespace naqsh
