// LayerNorm, GroupNorm and InstanceNorm: statistics computed per sample at inference (unlike
// BatchNorm's running ones), in double for the sums, as PyTorch accumulates them accurately.
#include "Kernels.h"

#include <QCoreApplication>

#include <cmath>

namespace naqsh::exec {

namespace {

void fillAffine(const KernelSetup &s, PreparedLayer &p, qint64 count)
{
    Tensor w = Tensor::zeros(shapeOf({count}));
    fillRange(w, 0.5, 1.5, *s.rng);
    Tensor b = Tensor::zeros(shapeOf({count}));
    fillRange(b, -0.5, 0.5, *s.rng);
    p.weights.append({QStringLiteral("weight"), std::move(w)});
    p.weights.append({QStringLiteral("bias"), std::move(b)});
}

QString prepareLayerNorm(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const int k = int(s.params.integer("dims", 1));
    if (k < 1 || k > x.rank)
        return QCoreApplication::translate("naqsh::Exec",
                                           "LayerNorm normalises more dimensions than it has");
    const qint64 m = extent(x, x.rank - k, x.rank);
    if (s.params.flag("affine", true)) {
        // PyTorch's weight has the normalised shape (the last k dimensions).
        fillAffine(s, p, m);
        std::vector<qint64> d(x.dims.begin() + (x.rank - k), x.dims.begin() + x.rank);
        for (NamedTensor &w : p.weights)
            w.tensor.shape = shapeOf(std::span<const qint64>(d.data(), d.size()));
    }
    p.ints = {x.elements().value() / std::max<qint64>(m, 1), m, 1, 0};
    p.reals = {s.params.real("eps", 1e-5)};
    p.path = QStringLiteral("per-sample statistics");
    return {};
}

QString prepareGroupNorm(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const qint64 groups = std::max<qint64>(s.params.integer("groups", 32), 1);
    if (x.rank < 2 || x.c() % groups != 0)
        return QCoreApplication::translate("naqsh::Exec",
                                           "GroupNorm needs channels divisible by the groups");
    const qint64 plane = extent(x, 2, x.rank);
    if (s.params.flag("affine", true))
        fillAffine(s, p, x.c());
    p.ints = {x.n() * groups, x.c() / groups * plane, groups, plane};
    p.reals = {s.params.real("eps", 1e-5)};
    p.path = QStringLiteral("per-sample statistics");
    return {};
}

QString prepareInstanceNorm(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    if (x.rank < 3)
        return QCoreApplication::translate("naqsh::Exec", "InstanceNorm needs N×C×… tensors");
    const qint64 plane = extent(x, 2, x.rank);
    if (s.params.flag("affine", false))
        fillAffine(s, p, x.c());
    p.ints = {x.n() * x.c(), plane, x.c(), plane};
    p.reals = {s.params.real("eps", 1e-5)};
    p.path = QStringLiteral("per-sample statistics");
    return {};
}

/// ints: rows, values per row, rows per sample (the affine index restarts with each sample),
/// values per scale (0: one scale per value of the row, LayerNorm's).
void runNorm(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
             const CancelFlag &cancel)
{
    const qint64 rows = p.ints[0], m = p.ints[1], period = p.ints[2], perScale = p.ints[3];
    const float eps = float(p.reals[0]);
    const float *w = p.weights.isEmpty() ? nullptr : p.weights[0].tensor.ptr();
    const float *b = p.weights.size() < 2 ? nullptr : p.weights[1].tensor.ptr();
    for (qint64 r = 0; r < rows; ++r) {
        if (cancel.cancelled())
            return;
        const float *x = in[0]->ptr() + r * m;
        float *y = out[0].ptr() + r * m;
        double sum = 0, sq = 0;
        for (qint64 i = 0; i < m; ++i)
            sum += x[i];
        const double mean = sum / double(m);
        for (qint64 i = 0; i < m; ++i)
            sq += (x[i] - mean) * (x[i] - mean);
        const float inv = float(1.0 / std::sqrt(sq / double(m) + eps));
        const float mu = float(mean);
        if (!w) {
            for (qint64 i = 0; i < m; ++i)
                y[i] = (x[i] - mu) * inv;
        } else if (perScale == 0) {
            for (qint64 i = 0; i < m; ++i)
                y[i] = (x[i] - mu) * inv * w[i] + b[i];
        } else {
            // This row's channels: (r % period)·(m / perScale) onwards.
            const qint64 first = (r % period) * (m / perScale);
            for (qint64 i = 0; i < m; ++i) {
                const qint64 c = first + i / perScale;
                y[i] = (x[i] - mu) * inv * w[c] + b[c];
            }
        }
    }
}

} // namespace

void addNormKernels(QHash<QString, Kernel> &table)
{
    table.insert(QStringLiteral("layernorm"), {prepareLayerNorm, runNorm});
    table.insert(QStringLiteral("groupnorm"), {prepareGroupNorm, runNorm});
    table.insert(QStringLiteral("instancenorm"), {prepareInstanceNorm, runNorm});
}

} // namespace naqsh::exec
