#pragma once

#include "Kernels.h"
#include "Tensor.h"
#include "analysis/AnalysisResult.h"
#include "graph/Graph.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>
#include <atomic>
#include <functional>

namespace naqsh {

class LayerRegistry;

/// How a measurement runs. The defaults compare across machines: one thread, a few repeats.
struct ExecOptions
{
    quint64 seed = 1; ///< weights and inputs are drawn from this seed (reproducible)
    int threads = 1;  ///< Eigen threads (Eigen::setNbThreads)
    int warmup = 1;   ///< untimed runs first
    int repeat = 5;   ///< timed runs; medians and spreads are over these
    bool flushCaches =
        false; ///< overwrite a buffer larger than the last-level cache before each layer
};

/// One layer of a measurement.
struct LayerMeasurement
{
    LayerId id;
    QString name;
    QString type;
    QString path; ///< the algorithm that ran ("im2col + GEMM", "1×1 GEMM", …); empty if none
    bool executed = false;
    QString problem; ///< why it did not run (unknown type, analysis error, kernel refusal)
    TensorShape analysed;
    TensorShape produced;
    bool shapeMatches = false;
    QVector<double> timesMs; ///< one per timed run
    double medianMs = 0;
    double minMs = 0;
    double maxMs = 0;
    double iqrMs = 0; ///< interquartile range: the spread
    qint64 macs = 0;  ///< from the analysis (bias excluded)
    qint64 bytes = 0; ///< float32 bytes moved at least once: inputs + weights + outputs
    double gmacPerSecond() const { return medianMs > 0 ? double(macs) / medianMs / 1e6 : 0; }
    /// MACs per byte moved.
    double intensity() const { return bytes > 0 ? double(macs) / double(bytes) : 0; }
};

/// A set of layers timed together (a comparison variant, or the whole graph).
struct PathMeasurement
{
    QString name;
    QVector<LayerId> layers;
    qint64 macs = 0;
    double medianMs = 0; ///< median over runs of the path's summed layer times
    double iqrMs = 0;
};

struct ExecReport
{
    QVector<LayerMeasurement> layers; ///< in execution (topological) order
    QVector<PathMeasurement> paths;   ///< the graph's variants, then "whole graph" last
    QStringList unsupportedTypes;     ///< type ids no kernel runs, each once
    int shapeMismatches = 0;
    int notExecuted = 0;
    bool cancelled = false;
    int threads = 1;
    int repeat = 0;
    int warmup = 0;
    quint64 seed = 0;
    double totalMedianMs = 0;
    qint64 totalMacs = 0;
    bool complete() const { return !cancelled && notExecuted == 0 && shapeMismatches == 0; }
};

/// Progress: @p done of @p total layer runs finished (warm-ups included).
using ExecProgress = std::function<void(int done, int total)>;

/**
 * Runs an analysed graph on this CPU with Eigen, layer by layer, on a random input with random
 * weights (both reproducible from the seed). Works on its own copies of the graph and the
 * analysis, so it can run on a worker thread while the document is edited; cancel() (from any
 * thread) stops it between layers and inside long kernels.
 *
 * Every layer type is looked up in the kernel table (exec::kernelTable); a type without a
 * kernel, a layer with an analysis error or a layer downstream of one does not run and is
 * reported with its name and the reason.
 */
class Executor
{
public:
    Executor(Graph graph, const LayerRegistry &registry, AnalysisResult analysis,
             ExecOptions options = {});

    /// Builds every layer's kernel, weights and the inputs. Returns false only if nothing can run.
    bool prepare();
    /// One untimed forward pass (keeps every layer's output for output()).
    bool runOnce();
    /// Warm-up, timed repeats, statistics. Also checks each output shape against the analysis.
    ExecReport measure(const ExecProgress &progress = {});

    void cancel() { m_cancel.store(true); }
    bool isCancelled() const { return m_cancel.load(); }

    const ExecOptions &options() const { return m_options; }
    const Graph &graph() const { return m_graph; }
    /// Output @p port of layer @p id from the last run, or null.
    const Tensor *output(LayerId id, int port = 0) const;
    /// The weights of @p id in PyTorch's names and layouts.
    QVector<NamedTensor> weights(LayerId id) const;
    /// Why the layer did not run (empty if it ran or will run).
    QString problem(LayerId id) const;

private:
    struct Step
    {
        int slot = -1;
        LayerId id;
        const exec::Kernel *kernel = nullptr;
        exec::PreparedLayer prepared;
        QVector<QPair<int, int>> inputs; ///< (producer step, output port)
        QVector<Tensor> outputs;
        bool isInput = false;
        bool isSink = false;      ///< a layer without an output tensor (Output marker)
        bool unsupported = false; ///< no kernel for its type
        QString problem;
    };
    /// Runs step @p i; returns elapsed milliseconds.
    double runStep(int i);
    void flushCaches();

    Graph m_graph;
    const LayerRegistry &m_registry;
    AnalysisResult m_analysis;
    ExecOptions m_options;
    QVector<Step> m_steps;
    QHash<LayerId, int> m_stepOf;
    std::atomic<bool> m_cancel{false};
    std::vector<char> m_flushBuffer;
    bool m_prepared = false;
};

/// Median of @p values (0 if empty).
double median(QVector<double> values);
/// Interquartile range of @p values (linear interpolation between ranks).
double interquartileRange(QVector<double> values);

} // namespace naqsh
