#pragma once

#include "AnalysisResult.h"
#include "graph/Graph.h"
#include "layers/LayerType.h"

#include <optional>

namespace naqsh {

class LayerRegistry;

/// One parameter sweep: the keys @p keys of each of @p layers set to x, for x from @p from to
/// @p to in steps of @p step. Several keys set together make "kernel size" (kernel_h and
/// kernel_w) or "input size" (height and width) sweeps; several layers make the kernel sweep
/// change both 5×5 convolutions of the lesson.
struct SweepSpec
{
    QVector<LayerId> layers;
    QStringList keys;
    qint64 from = 1;
    qint64 to = 1;
    qint64 step = 1;
};

/// The series of one variant over the sweep. Points where the graph has an error for that x
/// are marked invalid (and hold zeros).
struct SweepSeries
{
    QString name;
    QVector<qint64> x;
    QVector<qint64> macs;
    QVector<qint64> params;
    QVector<qint64> activations;
    QVector<bool> valid;
};

/// Where two series meet: the x (interpolated between sweep points) at which the candidate's
/// count reaches the reference's. Empty when they never cross in the range.
struct BreakEven
{
    std::optional<double> macs;
    std::optional<double> params;
};

struct SweepResult
{
    QVector<SweepSeries> series; ///< one per variant, in the order given
    qint64 current = 0;          ///< the swept parameter's value in the document
    QString error;
};

/// The sweeps Naqsh suggests for a graph, for the chart's picker.
struct SweepPreset
{
    QString
        name; ///< translated: "1×1 output channels", "Input size", "Input channels", "Kernel size"
    SweepSpec spec;
};

/// Runs @p spec over @p graph and sums each of @p variants at every point.
SweepResult runSweep(const Graph &graph, const LayerRegistry &registry,
                     const QVector<Variant> &variants, const SweepSpec &spec,
                     const RuleContext &context = {});

/// The first crossing of @p candidate over @p reference (the bottleneck stops paying off where
/// the reduced path's count reaches the plain path's).
BreakEven findBreakEven(const SweepSeries &reference, const SweepSeries &candidate);

/// Presets for a graph: the first 1×1 convolution's output channels (the lesson's default), the
/// input size, the input channels, and the kernel size of the convolutions larger than 1×1.
QVector<SweepPreset> sweepPresets(const Graph &graph, const AnalysisResult &result);

} // namespace naqsh
