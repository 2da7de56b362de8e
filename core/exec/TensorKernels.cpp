// Tensor operations of any rank that move values: Permute, Slice, Split and Chunk (several
// outputs), ChannelShuffle, PixelShuffle (and DepthToSpace), and the reductions ReduceMean,
// ReduceSum, ReduceMax and ReduceL2 over any axes.
#include "Kernels.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace naqsh::exec {

namespace {

/// Row-major strides of @p s.
std::vector<qint64> stridesOf(const TensorShape &s)
{
    std::vector<qint64> st(size_t(s.rank), 1);
    for (int i = s.rank - 2; i >= 0; --i)
        st[size_t(i)] = st[size_t(i + 1)] * s.dims[size_t(i + 1)];
    return st;
}

/// Walks the output in order; @p strides gives, per output axis, the step in the input.
/// ints: rank, output dims, input strides per output axis.
void runGather(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
               const CancelFlag &)
{
    const int rank = int(p.ints[0]);
    const qint64 *dims = p.ints.data() + 1;
    const qint64 *strides = dims + rank;
    const qint64 base = p.ints[size_t(1 + 2 * rank)];
    const float *x = in[0]->ptr();
    float *y = out[0].ptr();
    std::vector<qint64> idx(size_t(rank), 0);
    qint64 offset = base;
    const qint64 last = rank > 0 ? dims[rank - 1] : 1,
                 lastStride = rank > 0 ? strides[rank - 1] : 0;
    for (qint64 i = 0; i < out[0].size(); i += last) {
        // The innermost axis in one run.
        for (qint64 j = 0; j < last; ++j)
            y[i + j] = x[offset + j * lastStride];
        for (int d = rank - 2; d >= 0; --d) {
            offset += strides[d];
            if (++idx[size_t(d)] < dims[d])
                break;
            offset -= strides[d] * dims[d];
            idx[size_t(d)] = 0;
        }
    }
}

void setGather(PreparedLayer &p, const TensorShape &y, const std::vector<qint64> &strides,
               qint64 base)
{
    p.ints = {y.rank};
    for (int i = 0; i < y.rank; ++i)
        p.ints.push_back(y.dims[size_t(i)]);
    p.ints.insert(p.ints.end(), strides.begin(), strides.end());
    p.ints.push_back(base);
    p.path = QStringLiteral("copy");
}

QString preparePermute(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const QVector<qint64> dims = s.params.list("dims");
    if (dims.size() != x.rank)
        return QCoreApplication::translate("naqsh::Exec",
                                           "the permutation does not name every dimension");
    const std::vector<qint64> in = stridesOf(x);
    std::vector<qint64> strides;
    for (qint64 d : dims)
        strides.push_back(in[size_t(d < 0 ? d + x.rank : d)]);
    setGather(p, s.outputs[0], strides, 0);
    return {};
}

QString prepareSlice(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const int axis = x.axis(s.params.integer("axis"));
    if (axis < 0)
        return QCoreApplication::translate("naqsh::Exec", "the slice axis is outside the tensor");
    // Python's rule: a negative start counts from the end; clamped to the dimension.
    qint64 start = s.params.integer("start");
    if (start < 0)
        start += x.dims[size_t(axis)];
    start = std::clamp<qint64>(start, 0, x.dims[size_t(axis)]);
    std::vector<qint64> strides = stridesOf(x);
    const qint64 base = start * strides[size_t(axis)];
    strides[size_t(axis)] *= std::max<qint64>(s.params.integer("step", 1), 1);
    setGather(p, s.outputs[0], strides, base);
    return {};
}

QString prepareChannelShuffle(const KernelSetup &s, PreparedLayer &p)
{
    // N×C×rest viewed as N×G×(C/G)×rest, axes 1 and 2 swapped: output channel i·G + g is input
    // channel g·(C/G) + i.
    const TensorShape &x = s.inputs[0];
    const qint64 g = std::max<qint64>(s.params.integer("groups", 2), 1);
    if (x.rank < 2 || x.c() % g != 0)
        return QCoreApplication::translate("naqsh::Exec",
                                           "ChannelShuffle needs channels divisible by the groups");
    const qint64 rest = extent(x, 2, x.rank);
    const TensorShape view = shapeOf({x.n(), x.c() / g, g, rest});
    setGather(p, view, {x.c() * rest, rest, x.c() / g * rest, 1}, 0);
    return {};
}

QString preparePixelShuffle(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const qint64 r = std::max<qint64>(s.params.integer("upscale_factor", 2), 1);
    if (x.rank != 4 || x.c() % (r * r) != 0)
        return QCoreApplication::translate(
            "naqsh::Exec", "PixelShuffle needs N×C×H×W with channels divisible by the factor²");
    const qint64 c = x.c() / (r * r), h = x.h(), w = x.w();
    // Output viewed as N×C×H×r×W×r; input channel c·r² + i·r + j (CRD, PixelShuffle) or
    // i·r·C + j·C + c (DCR, ONNX DepthToSpace).
    const bool dcr = s.params.choice("mode") == QLatin1String("dcr");
    const qint64 plane = h * w;
    const TensorShape view = shapeOf({x.n(), c, h, r, w, r});
    const std::vector<qint64> strides = {
        x.c() * plane,        (dcr ? 1 : r * r) * plane, w, (dcr ? r * c : r) * plane, 1,
        (dcr ? c : 1) * plane};
    setGather(p, view, strides, 0);
    return {};
}

// ---- Split and Chunk: consecutive pieces along one axis, one output each ----
QString prepareSplit(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const int axis = x.axis(s.params.integer("axis", 1));
    if (axis < 0)
        return QCoreApplication::translate("naqsh::Exec", "the split axis is outside the tensor");
    // The pieces' sizes are the analysed outputs'.
    p.ints = {extent(x, 0, axis), extent(x, axis, x.rank)};
    for (const TensorShape &y : s.outputs)
        p.ints.push_back(extent(y, axis, y.rank));
    p.path = QStringLiteral("copy");
    return {};
}

void runSplit(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
              const CancelFlag &)
{
    const qint64 outer = p.ints[0], row = p.ints[1];
    qint64 at = 0;
    for (size_t k = 0; k < out.size(); ++k) {
        const qint64 piece = p.ints[2 + k];
        for (qint64 o = 0; o < outer; ++o)
            std::copy(in[0]->ptr() + o * row + at, in[0]->ptr() + o * row + at + piece,
                      out[k].ptr() + o * piece);
        at += piece;
    }
}

// ---- reductions ----
enum class Reduce { Mean, Sum, Max, L2 };

QString prepareReduce(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    QVector<qint64> axes = s.params.list("axes");
    if (axes.isEmpty())
        for (int i = 1; i < x.rank; ++i)
            axes << i;
    // ints: rank, input dims, output strides per input axis (0 on a reduced axis), count.
    std::vector<qint64> keep(size_t(x.rank), 1);
    qint64 count = 1;
    for (qint64 a : axes) {
        const int ax = x.axis(a);
        if (ax < 0)
            return QCoreApplication::translate("naqsh::Exec",
                                               "a reduced axis is outside the tensor");
        if (keep[size_t(ax)]) {
            keep[size_t(ax)] = 0;
            count *= x.dims[size_t(ax)];
        }
    }
    std::vector<qint64> strides(size_t(x.rank), 0);
    qint64 stride = 1;
    for (int i = x.rank - 1; i >= 0; --i)
        if (keep[size_t(i)]) {
            strides[size_t(i)] = stride;
            stride *= x.dims[size_t(i)];
        }
    p.ints = {x.rank};
    for (int i = 0; i < x.rank; ++i)
        p.ints.push_back(x.dims[size_t(i)]);
    p.ints.insert(p.ints.end(), strides.begin(), strides.end());
    p.ints.push_back(count);
    p.path = QStringLiteral("reduction");
    return {};
}

template<Reduce op>
void runReduce(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
               const CancelFlag &)
{
    const int rank = int(p.ints[0]);
    const qint64 *dims = p.ints.data() + 1;
    const qint64 *strides = dims + rank;
    const qint64 count = p.ints[size_t(1 + 2 * rank)];
    // Sums in double, as PyTorch's accurate (pairwise) float sums are closer to it than a
    // running float sum.
    std::vector<double> acc(size_t(out[0].size()),
                            op == Reduce::Max ? -std::numeric_limits<double>::infinity() : 0.0);
    std::vector<qint64> idx(size_t(rank), 0);
    qint64 offset = 0;
    const float *x = in[0]->ptr();
    for (qint64 i = 0; i < in[0]->size(); ++i) {
        if constexpr (op == Reduce::Max)
            acc[size_t(offset)] = std::max(acc[size_t(offset)], double(x[i]));
        else if constexpr (op == Reduce::L2)
            acc[size_t(offset)] += double(x[i]) * double(x[i]);
        else
            acc[size_t(offset)] += double(x[i]);
        for (int d = rank - 1; d >= 0; --d) {
            offset += strides[d];
            if (++idx[size_t(d)] < dims[d])
                break;
            offset -= strides[d] * dims[d];
            idx[size_t(d)] = 0;
        }
    }
    for (qint64 i = 0; i < out[0].size(); ++i)
        out[0].data[size_t(i)] = float(op == Reduce::Mean ? acc[size_t(i)] / double(count)
                                       : op == Reduce::L2 ? std::sqrt(acc[size_t(i)])
                                                          : acc[size_t(i)]);
}

} // namespace

void addTensorKernels(QHash<QString, Kernel> &table)
{
    table.insert(QStringLiteral("permute"), {preparePermute, runGather});
    table.insert(QStringLiteral("slice"), {prepareSlice, runGather});
    table.insert(QStringLiteral("channel_shuffle"), {prepareChannelShuffle, runGather});
    table.insert(QStringLiteral("pixel_shuffle"), {preparePixelShuffle, runGather});
    table.insert(QStringLiteral("split"), {prepareSplit, runSplit});
    table.insert(QStringLiteral("chunk"), {prepareSplit, runSplit});
    table.insert(QStringLiteral("reduce_mean"), {prepareReduce, runReduce<Reduce::Mean>});
    table.insert(QStringLiteral("reduce_sum"), {prepareReduce, runReduce<Reduce::Sum>});
    table.insert(QStringLiteral("reduce_max"), {prepareReduce, runReduce<Reduce::Max>});
    table.insert(QStringLiteral("reduce_l2"), {prepareReduce, runReduce<Reduce::L2>});
}

} // namespace naqsh::exec
