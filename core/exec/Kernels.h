#pragma once

#include "Tensor.h"

#include <QHash>
#include <QString>
#include <QVector>
#include <atomic>
#include <random>
#include <span>

namespace naqsh {

struct Layer;
struct LayerType;

namespace exec {

/// Parameter access by key, so that kernels do not depend on the layer families' private
/// enums (new parameters and types can be added without touching the executor).
struct ParamReader
{
    const Layer *layer = nullptr;
    const LayerType *type = nullptr;

    bool has(const char *key) const;
    qint64 integer(const char *key, qint64 fallback = 0) const;
    double real(const char *key, double fallback = 0) const;
    bool flag(const char *key, bool fallback = false) const;
    /// The saved key of a choice parameter ("same", "bilinear"), empty if absent.
    QString choice(const char *key) const;
    /// A list parameter ("0, 2, 3, 1"), empty if absent or empty.
    QVector<qint64> list(const char *key) const;
};

/// What a kernel learns once, before any run: parameters, input and output shapes, and a
/// random generator for its weights.
struct KernelSetup
{
    ParamReader params;
    QVector<TensorShape> inputs;
    QVector<TensorShape> outputs; ///< the analysed output shapes (one per output port)
    std::mt19937_64 *rng = nullptr;
};

/// A layer ready to run: its weights (PyTorch names and layouts), the integers and reals its
/// kernel resolved from the parameters, and scratch memory reused between runs.
struct PreparedLayer
{
    QVector<NamedTensor> weights;
    std::vector<qint64> ints;
    std::vector<double> reals;
    int mode = 0; ///< the kernel's choice among its algorithms
    QString path; ///< which algorithm runs ("im2col + GEMM", "1×1 GEMM", "depthwise", …)
    mutable std::vector<float> scratch;

    const Tensor *weight(const QString &name) const
    {
        for (const NamedTensor &w : weights)
            if (w.name == name)
                return &w.tensor;
        return nullptr;
    }
};

/// Checked between layers and inside long kernels (between output channels, images, groups).
struct CancelFlag
{
    const std::atomic<bool> *flag = nullptr;
    bool cancelled() const { return flag && flag->load(std::memory_order_relaxed); }
};

/// Returns an empty string on success, or why the layer cannot run (in plain English: the
/// executor's caller reports it with the layer's name).
using PrepareFn = QString (*)(const KernelSetup &, PreparedLayer &);
/// Computes @p out (one tensor per output port, already sized to the analysed shapes) from @p in.
using RunFn = void (*)(const PreparedLayer &, std::span<const Tensor *const> in,
                       std::span<Tensor> out, const CancelFlag &);

struct Kernel
{
    PrepareFn prepare = nullptr;
    RunFn run = nullptr;
};

/// The one table from layer type ids to kernels. A type that is not listed cannot run; the
/// executor names it instead of skipping it.
const QHash<QString, Kernel> &kernelTable();

// Families fill the table (one file each).
void addConvKernels(QHash<QString, Kernel> &table);
void addElementwiseKernels(QHash<QString, Kernel> &table);
void addPoolingKernels(QHash<QString, Kernel> &table);
void addShapeKernels(QHash<QString, Kernel> &table);
void addActivationKernels(QHash<QString, Kernel> &table);
void addNormKernels(QHash<QString, Kernel> &table);
void addTensorKernels(QHash<QString, Kernel> &table);
void addMatmulKernels(QHash<QString, Kernel> &table);
void addCompositeKernels(QHash<QString, Kernel> &table);
void addWindowAttentionKernel(QHash<QString, Kernel> &table);

/// Uniform random values in [-bound, bound].
void fillUniform(Tensor &t, double bound, std::mt19937_64 &rng);
/// Uniform random values in [lo, hi].
void fillRange(Tensor &t, double lo, double hi, std::mt19937_64 &rng);
/// A weight of @p dims drawn in [-bound, bound] (PyTorch's default: bound = 1/√fan_in), added to
/// @p p under @p name.
void addWeight(PreparedLayer &p, const QString &name, std::initializer_list<qint64> dims,
               double bound, std::mt19937_64 &rng);
/// Product of dimensions [from, to) of @p s (clamped to its rank).
qint64 extent(const TensorShape &s, int from, int to);

} // namespace exec
} // namespace naqsh
