#pragma once

#include "AnalysisResult.h"
#include "graph/Variant.h"

namespace naqsh {

class Graph;

/// The totals of one comparison variant: the sum over its layers that have numbers.
struct VariantSummary
{
    QString name;
    QVector<LayerId> layers; ///< the layers counted, in topological order
    Costs costs;
    int errorCount = 0; ///< layers of the variant without numbers
    QString error;      ///< why the variant cannot be summed (e.g. an endpoint was removed)
};

/// Layers on any path from @p from to @p to, both included. For the lesson's reduced branch,
/// from = the 1×1 and to = the 5×5 after it.
QVector<LayerId> layersBetween(const Graph &graph, const AnalysisResult &result, LayerId from,
                               LayerId to);

/// Sums a Path or Layers variant of @p graph. Document variants are summed by the caller over
/// the other document (see summarizeGraph).
VariantSummary summarizeVariant(const Graph &graph, const AnalysisResult &result,
                                const Variant &variant);
/// Sums every layer of a graph, named @p name.
VariantSummary summarizeGraph(const Graph &graph, const AnalysisResult &result,
                              const QString &name);

/// "fewer"/"more" ratio between two counts: ratio = larger / smaller (>= 1), and whether
/// @p b has fewer than @p a. Zero cases give ratio 0.
struct Ratio
{
    double value = 0;
    bool fewer = false; ///< b < a
    bool equal = true;
};
Ratio compareCounts(qint64 a, qint64 b);

} // namespace naqsh
