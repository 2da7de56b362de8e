// Activations, normalisation and merges: kernels that touch every value once or a few times.
#include "EigenMaps.h"
#include "Kernels.h"

#include "layers/ConstantOperand.h"

#include <QCoreApplication>
#include <QVarLengthArray>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>

namespace naqsh::exec {

namespace {

/// Product of dimensions [from, to) of @p s.
qint64 span(const TensorShape &s, int from, int to)
{
    qint64 p = 1;
    for (int i = std::max(from, 0); i < std::min(to, int(s.rank)); ++i)
        p *= s.dims[size_t(i)];
    return p;
}

QString prepareNothing(const KernelSetup &, PreparedLayer &p)
{
    p.path = QStringLiteral("copy");
    return {};
}

void runCopy(const PreparedLayer &, std::span<const Tensor *const> in, std::span<Tensor> out,
             const CancelFlag &)
{
    std::copy(in[0]->data.begin(), in[0]->data.end(), out[0].data.begin());
}

QString prepareActivation(const KernelSetup &, PreparedLayer &p)
{
    p.path = QStringLiteral("element-wise");
    return {};
}

void runRelu(const PreparedLayer &, std::span<const Tensor *const> in, std::span<Tensor> out,
             const CancelFlag &)
{
    arr(out[0]) = arr(*in[0]).max(0.0f);
}

void runRelu6(const PreparedLayer &, std::span<const Tensor *const> in, std::span<Tensor> out,
              const CancelFlag &)
{
    arr(out[0]) = arr(*in[0]).max(0.0f).min(6.0f);
}

QString prepareLeaky(const KernelSetup &s, PreparedLayer &p)
{
    p.reals = {s.params.real("negative_slope", 0.01)};
    p.path = QStringLiteral("element-wise");
    return {};
}

void runLeaky(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
              const CancelFlag &)
{
    const float a = float(p.reals[0]);
    arr(out[0]) = (arr(*in[0]) > 0.0f).select(arr(*in[0]), arr(*in[0]) * a);
}

QString preparePrelu(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const qint64 count = s.params.flag("channel_shared") || x.rank < 2 ? 1 : x.dims[1];
    Tensor w = Tensor::zeros(shapeOf({count}));
    fillRange(w, 0.05, 0.5, *s.rng);
    p.weights.append({QStringLiteral("weight"), std::move(w)});
    p.ints = {x.rank < 1 ? 1 : x.dims[0], x.rank < 2 ? 1 : x.dims[1], span(x, 2, x.rank), count};
    p.path = QStringLiteral("element-wise");
    return {};
}

void runPrelu(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
              const CancelFlag &)
{
    const qint64 n = p.ints[0], c = p.ints[1], plane = p.ints[2], count = p.ints[3];
    const float *w = p.weights[0].tensor.ptr();
    for (qint64 b = 0; b < n; ++b)
        for (qint64 ch = 0; ch < c; ++ch) {
            const float a = w[count == 1 ? 0 : ch];
            const qint64 base = (b * c + ch) * plane;
            ConstArrayMap xi(in[0]->ptr() + base, plane);
            ArrayMap yo(out[0].ptr() + base, plane);
            yo = (xi > 0.0f).select(xi, xi * a);
        }
}

void runSigmoid(const PreparedLayer &, std::span<const Tensor *const> in, std::span<Tensor> out,
                const CancelFlag &)
{
    arr(out[0]) = 1.0f / (1.0f + (-arr(*in[0])).exp());
}

void runTanh(const PreparedLayer &, std::span<const Tensor *const> in, std::span<Tensor> out,
             const CancelFlag &)
{
    arr(out[0]) = arr(*in[0]).tanh();
}

QString prepareSoftmax(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    qint64 axis = s.params.has("axis") ? s.params.integer("axis", 1) : s.params.integer("dim", 1);
    if (x.rank == 1)
        axis = 0;
    if (axis < 0)
        axis += x.rank;
    if (axis < 0 || axis >= x.rank)
        return QCoreApplication::translate("naqsh::Exec", "the softmax axis is outside the tensor");
    p.ints = {span(x, 0, int(axis)), x.dims[size_t(axis)], span(x, int(axis) + 1, x.rank)};
    p.path = QStringLiteral("element-wise");
    return {};
}

void runSoftmax(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
                const CancelFlag &)
{
    const qint64 outer = p.ints[0], len = p.ints[1], inner = p.ints[2];
    const float *x = in[0]->ptr();
    float *y = out[0].ptr();
    for (qint64 o = 0; o < outer; ++o)
        for (qint64 i = 0; i < inner; ++i) {
            const float *xs = x + o * len * inner + i;
            float *ys = y + o * len * inner + i;
            float m = -INFINITY;
            for (qint64 k = 0; k < len; ++k)
                m = std::max(m, xs[k * inner]);
            float sum = 0;
            for (qint64 k = 0; k < len; ++k) {
                ys[k * inner] = std::exp(xs[k * inner] - m);
                sum += ys[k * inner];
            }
            for (qint64 k = 0; k < len; ++k)
                ys[k * inner] /= sum;
        }
}

// ---- batch norm (inference: running statistics) ----
QString prepareBatchNorm(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    if (x.rank < 2)
        return QCoreApplication::translate("naqsh::Exec", "BatchNorm needs a channel dimension");
    const qint64 c = x.dims[1];
    auto make = [&](const char *name, double lo, double hi) {
        Tensor t = Tensor::zeros(shapeOf({c}));
        fillRange(t, lo, hi, *s.rng);
        p.weights.append({QString::fromLatin1(name), std::move(t)});
    };
    if (s.params.flag("affine", true)) {
        make("weight", 0.5, 1.5);
        make("bias", -0.5, 0.5);
    }
    make("running_mean", -0.5, 0.5);
    make("running_var", 0.5, 1.5);
    p.ints = {x.dims[0], c, span(x, 2, x.rank)};
    p.reals = {s.params.real("eps", 1e-5)};
    p.path = QStringLiteral("element-wise");
    // Folded scale and shift per channel, computed once.
    p.scratch.assign(size_t(2 * c), 0.0f);
    const Tensor *w = p.weight(QStringLiteral("weight"));
    const Tensor *b = p.weight(QStringLiteral("bias"));
    const Tensor *m = p.weight(QStringLiteral("running_mean"));
    const Tensor *v = p.weight(QStringLiteral("running_var"));
    for (qint64 i = 0; i < c; ++i) {
        const double scale =
            (w ? w->data[size_t(i)] : 1.0) / std::sqrt(double(v->data[size_t(i)]) + p.reals[0]);
        p.scratch[size_t(i)] = float(scale);
        p.scratch[size_t(c + i)] =
            float((b ? b->data[size_t(i)] : 0.0) - double(m->data[size_t(i)]) * scale);
    }
    return {};
}

void runBatchNorm(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
                  const CancelFlag &)
{
    const qint64 n = p.ints[0], c = p.ints[1], plane = p.ints[2];
    for (qint64 b = 0; b < n; ++b)
        for (qint64 ch = 0; ch < c; ++ch) {
            const qint64 base = (b * c + ch) * plane;
            ArrayMap(out[0].ptr() + base, plane) =
                ConstArrayMap(in[0]->ptr() + base, plane) * p.scratch[size_t(ch)] +
                p.scratch[size_t(c + ch)];
        }
}

// ---- LRN across channels, as torch.nn.LocalResponseNorm ----
QString prepareLrn(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    if (x.rank < 3)
        return QCoreApplication::translate("naqsh::Exec", "LRN needs N×C×… tensors");
    p.ints = {x.dims[0], x.dims[1], span(x, 2, x.rank), s.params.integer("size", 5)};
    p.reals = {s.params.real("alpha", 1e-4), s.params.real("beta", 0.75), s.params.real("k", 1.0)};
    p.path = QStringLiteral("element-wise");
    return {};
}

void runLrn(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
            const CancelFlag &)
{
    const qint64 n = p.ints[0], c = p.ints[1], plane = p.ints[2], size = p.ints[3];
    const float alpha = float(p.reals[0]), beta = float(p.reals[1]), k = float(p.reals[2]);
    const qint64 before = size / 2, after = (size - 1) / 2;
    Eigen::ArrayXf sum(plane);
    for (qint64 b = 0; b < n; ++b)
        for (qint64 ch = 0; ch < c; ++ch) {
            sum.setZero();
            for (qint64 j = std::max<qint64>(ch - before, 0); j <= std::min(ch + after, c - 1); ++j)
                sum += ConstArrayMap(in[0]->ptr() + (b * c + j) * plane, plane).square();
            const qint64 base = (b * c + ch) * plane;
            ArrayMap(out[0].ptr() + base, plane) = ConstArrayMap(in[0]->ptr() + base, plane) /
                                                   (sum * (alpha / float(size)) + k).pow(beta);
        }
}

// ---- broadcasting binary operations (Add of any number of inputs, Mul, Sub, Div) ----
enum class Binary { Add, Sub, Mul, Div };

template<Binary op> float apply(float a, float b)
{
    if constexpr (op == Binary::Add)
        return a + b;
    else if constexpr (op == Binary::Sub)
        return a - b;
    else if constexpr (op == Binary::Mul)
        return a * b;
    else
        return a / b;
}

QString prepareBroadcast(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &y = s.outputs[0];
    QVector<TensorShape> operands = s.inputs;
    if (s.params.flag("constant_operand")) {
        // The last operand is the layer's own: a learned tensor (ConvNeXt's layer scale) of
        // its broadcast shape, or one number (attention's 1/√d) if the file gave it.
        const qint64 count = s.params.integer("params");
        const double value = s.params.real("value");
        const TensorShape shape = count > 0 ? constantOperandShape(y, count) : shapeOf({1});
        if (!shape.isValid())
            return QCoreApplication::translate(
                       "naqsh::Exec", "its constant operand of %1 values does not broadcast to %2")
                .arg(count)
                .arg(y.toString());
        Tensor c = Tensor::zeros(shape);
        if (count == 0 && value != 0)
            std::fill(c.data.begin(), c.data.end(), float(value));
        else
            fillRange(c, 0.5, 1.5, *s.rng); // away from 0: it may divide
        if (count > 0)
            p.weights.append({QString(), std::move(c)});
        else
            p.scratch.assign(c.data.begin(), c.data.end());
        operands.append(shape);
    }
    // ints: rank, output dims, then for each operand its strides aligned to the output's rank.
    p.ints = {y.rank};
    for (int i = 0; i < y.rank; ++i)
        p.ints.push_back(y.dims[size_t(i)]);
    for (const TensorShape &x : operands) {
        if (x.rank > y.rank)
            return QCoreApplication::translate("naqsh::Exec",
                                               "an input has more dimensions than the output");
        std::vector<qint64> strides(size_t(y.rank), 0);
        qint64 stride = 1;
        for (int i = x.rank - 1; i >= 0; --i) {
            const int o = i + (y.rank - x.rank);
            strides[size_t(o)] = x.dims[size_t(i)] == 1 ? 0 : stride;
            stride *= x.dims[size_t(i)];
        }
        p.ints.insert(p.ints.end(), strides.begin(), strides.end());
    }
    p.path = QStringLiteral("element-wise");
    return {};
}

/// out = in[0] op in[1] op … (op the constant operand) with NumPy broadcasting.
template<Binary op>
void runBroadcast(const PreparedLayer &p, std::span<const Tensor *const> inputs,
                  std::span<Tensor> out, const CancelFlag &)
{
    QVarLengthArray<const Tensor *, 8> in(inputs.begin(), inputs.end());
    Tensor scalar;
    if (!p.weights.isEmpty()) {
        in.append(&p.weights[0].tensor);
    } else if (!p.scratch.empty()) {
        scalar.shape = shapeOf({1});
        scalar.data = p.scratch;
        in.append(&scalar);
    }
    Tensor &y = out[0];
    const int rank = int(p.ints[0]);
    const qint64 *dims = p.ints.data() + 1;
    for (qsizetype k = 0; k < in.size(); ++k) {
        const Tensor &x = *in[k];
        if (x.size() == y.size()) { // same shape: a flat loop
            if (k == 0)
                arr(y) = arr(x);
            else
                for (qint64 i = 0; i < y.size(); ++i)
                    y.data[size_t(i)] = apply<op>(y.data[size_t(i)], x.data[size_t(i)]);
            continue;
        }
        const qint64 *strides = p.ints.data() + 1 + rank + qint64(k) * rank;
        std::vector<qint64> idx(size_t(rank), 0);
        qint64 offset = 0;
        for (qint64 i = 0; i < y.size(); ++i) {
            const float v = x.data[size_t(offset)];
            y.data[size_t(i)] = k == 0 ? v : apply<op>(y.data[size_t(i)], v);
            for (int d = rank - 1; d >= 0; --d) { // odometer increment
                offset += strides[d];
                if (++idx[size_t(d)] < dims[d])
                    break;
                offset -= strides[d] * dims[d];
                idx[size_t(d)] = 0;
            }
        }
    }
}

// ---- concat on any axis ----
QString prepareConcat(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &y = s.outputs[0];
    qint64 axis = s.params.integer("axis", 1);
    if (axis < 0)
        axis += y.rank;
    if (axis < 0 || axis >= y.rank)
        return QCoreApplication::translate("naqsh::Exec", "the concat axis is outside the tensor");
    p.ints = {span(y, 0, int(axis)), span(y, int(axis), y.rank)};
    for (const TensorShape &x : s.inputs)
        p.ints.push_back(span(x, int(axis), x.rank)); // values per outer index
    p.path = QStringLiteral("copy");
    return {};
}

void runConcat(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
               const CancelFlag &)
{
    const qint64 outer = p.ints[0], row = p.ints[1];
    qint64 at = 0;
    for (size_t k = 0; k < in.size(); ++k) {
        const qint64 chunk = p.ints[2 + k];
        for (qint64 o = 0; o < outer; ++o)
            std::copy(in[k]->ptr() + o * chunk, in[k]->ptr() + (o + 1) * chunk,
                      out[0].ptr() + o * row + at);
        at += chunk;
    }
}

} // namespace

void addElementwiseKernels(QHash<QString, Kernel> &table)
{
    table.insert(QStringLiteral("identity"), {prepareNothing, runCopy});
    table.insert(QStringLiteral("dropout"), {prepareNothing, runCopy}); // inference: identity
    table.insert(QStringLiteral("relu"), {prepareActivation, runRelu});
    table.insert(QStringLiteral("relu6"), {prepareActivation, runRelu6});
    table.insert(QStringLiteral("leaky_relu"), {prepareLeaky, runLeaky});
    table.insert(QStringLiteral("prelu"), {preparePrelu, runPrelu});
    table.insert(QStringLiteral("sigmoid"), {prepareActivation, runSigmoid});
    table.insert(QStringLiteral("tanh"), {prepareActivation, runTanh});
    table.insert(QStringLiteral("softmax"), {prepareSoftmax, runSoftmax});
    table.insert(QStringLiteral("batchnorm2d"), {prepareBatchNorm, runBatchNorm});
    table.insert(QStringLiteral("lrn"), {prepareLrn, runLrn});
    table.insert(QStringLiteral("add"), {prepareBroadcast, runBroadcast<Binary::Add>});
    table.insert(QStringLiteral("mul"), {prepareBroadcast, runBroadcast<Binary::Mul>});
    table.insert(QStringLiteral("sub"), {prepareBroadcast, runBroadcast<Binary::Sub>});
    table.insert(QStringLiteral("div"), {prepareBroadcast, runBroadcast<Binary::Div>});
    table.insert(QStringLiteral("concat"), {prepareConcat, runConcat});
}

} // namespace naqsh::exec
