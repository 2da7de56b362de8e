// Composite blocks run as the PyTorch modules they stand for, with those modules' weight names:
// squeeze-and-excitation (torchvision.ops.SqueezeExcitation), multi-head self-attention
// (nn.MultiheadAttention), ViT's patch embedding (a P×P convolution with stride P, flattened to
// tokens), its class token and its position embedding.
#include "Kernels.h"

#include <QCoreApplication>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>

namespace naqsh::exec {

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MapRM = Eigen::Map<RowMatrix>;
using ConstMapRM = Eigen::Map<const RowMatrix>;

double boundFor(qint64 fanIn)
{
    return 1.0 / std::sqrt(double(std::max<qint64>(fanIn, 1)));
}

// ---- squeeze-and-excitation ----
QString prepareSe(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    if (x.rank < 3)
        return QCoreApplication::translate("naqsh::Exec",
                                           "squeeze-and-excitation needs N×C×H×W tensors");
    const qint64 c = x.c();
    qint64 sq = s.params.integer("squeeze_channels");
    if (sq <= 0)
        sq = std::max<qint64>(c / std::max<qint64>(s.params.integer("reduction", 4), 1), 1);
    addWeight(p, QStringLiteral("fc1.weight"), {sq, c, 1, 1}, boundFor(c), *s.rng);
    addWeight(p, QStringLiteral("fc1.bias"), {sq}, boundFor(c), *s.rng);
    addWeight(p, QStringLiteral("fc2.weight"), {c, sq, 1, 1}, boundFor(sq), *s.rng);
    addWeight(p, QStringLiteral("fc2.bias"), {c}, boundFor(sq), *s.rng);
    p.ints = {x.n(),
              c,
              extent(x, 2, x.rank),
              sq,
              s.params.choice("activation") == QLatin1String("silu") ? 1 : 0,
              s.params.choice("gate") == QLatin1String("hardsigmoid") ? 1 : 0};
    p.path = QStringLiteral("pool + 2 GEMV + scale");
    return {};
}

void runSe(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
           const CancelFlag &)
{
    const qint64 n = p.ints[0], c = p.ints[1], plane = p.ints[2], sq = p.ints[3];
    const bool silu = p.ints[4] != 0, hard = p.ints[5] != 0;
    Eigen::VectorXf pooled(c), gate(c), mid(sq);
    for (qint64 b = 0; b < n; ++b) {
        const float *x = in[0]->ptr() + b * c * plane;
        for (qint64 ch = 0; ch < c; ++ch)
            pooled[ch] = Eigen::Map<const Eigen::ArrayXf>(x + ch * plane, plane).mean();
        mid = ConstMapRM(p.weights[0].tensor.ptr(), sq, c) * pooled +
              Eigen::Map<const Eigen::VectorXf>(p.weights[1].tensor.ptr(), sq);
        for (qint64 i = 0; i < sq; ++i)
            mid[i] = silu ? mid[i] / (1.0f + std::exp(-mid[i])) : std::max(mid[i], 0.0f);
        gate = ConstMapRM(p.weights[2].tensor.ptr(), c, sq) * mid +
               Eigen::Map<const Eigen::VectorXf>(p.weights[3].tensor.ptr(), c);
        for (qint64 ch = 0; ch < c; ++ch) {
            const float g = hard ? std::clamp(gate[ch] + 3.0f, 0.0f, 6.0f) / 6.0f
                                 : 1.0f / (1.0f + std::exp(-gate[ch]));
            Eigen::Map<Eigen::ArrayXf>(out[0].ptr() + (b * c + ch) * plane, plane) =
                Eigen::Map<const Eigen::ArrayXf>(x + ch * plane, plane) * g;
        }
    }
}

// ---- multi-head self-attention over N×L×D ----
QString prepareMha(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const qint64 heads = std::max<qint64>(s.params.integer("heads", 8), 1);
    if (x.rank != 3 || x.last() % heads != 0)
        return QCoreApplication::translate(
            "naqsh::Exec", "attention needs N×L×D tokens with D divisible by the heads");
    const qint64 d = x.last();
    const bool bias = s.params.flag("bias", true);
    addWeight(p, QStringLiteral("in_proj_weight"), {3 * d, d}, boundFor(d), *s.rng);
    if (bias)
        addWeight(p, QStringLiteral("in_proj_bias"), {3 * d}, boundFor(d), *s.rng);
    addWeight(p, QStringLiteral("out_proj.weight"), {d, d}, boundFor(d), *s.rng);
    if (bias)
        addWeight(p, QStringLiteral("out_proj.bias"), {d}, boundFor(d), *s.rng);
    p.ints = {x.n(), x.dims[1], d, heads, bias ? 1 : 0};
    p.path = QStringLiteral("GEMM + softmax");
    return {};
}

void runMha(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
            const CancelFlag &cancel)
{
    const qint64 n = p.ints[0], l = p.ints[1], d = p.ints[2], heads = p.ints[3];
    const bool bias = p.ints[4] != 0;
    const qint64 hd = d / heads;
    const float scale = float(1.0 / std::sqrt(double(hd)));
    const Tensor &win = p.weights[0].tensor;
    const Tensor &wout = p.weights[bias ? 2 : 1].tensor;
    RowMatrix qkv(l, 3 * d), ctx(l, d), scores(l, l);
    for (qint64 b = 0; b < n; ++b) {
        if (cancel.cancelled())
            return;
        ConstMapRM x(in[0]->ptr() + b * l * d, l, d);
        qkv.noalias() = x * ConstMapRM(win.ptr(), 3 * d, d).transpose();
        if (bias)
            qkv.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(p.weights[1].tensor.ptr(), 3 * d);
        for (qint64 h = 0; h < heads; ++h) {
            const auto q = qkv.middleCols(h * hd, hd);
            const auto k = qkv.middleCols(d + h * hd, hd);
            const auto v = qkv.middleCols(2 * d + h * hd, hd);
            scores.noalias() = (q * scale) * k.transpose();
            for (qint64 r = 0; r < l; ++r) {
                auto row = scores.row(r).array();
                row = (row - row.maxCoeff()).exp();
                row /= row.sum();
            }
            ctx.middleCols(h * hd, hd).noalias() = scores * v;
        }
        MapRM y(out[0].ptr() + b * l * d, l, d);
        y.noalias() = ctx * ConstMapRM(wout.ptr(), d, d).transpose();
        if (bias)
            y.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(p.weights[3].tensor.ptr(), d);
    }
}

// ---- patch embedding: N×C×H×W → N×L×D ----
QString preparePatch(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0], &y = s.outputs[0];
    const qint64 ps = std::max<qint64>(s.params.integer("patch_size", 16), 1);
    if (x.rank != 4 || y.rank != 3)
        return QCoreApplication::translate("naqsh::Exec", "patch embedding needs N×C×H×W images");
    const qint64 d = y.last(), fan = x.c() * ps * ps;
    addWeight(p, QStringLiteral("weight"), {d, x.c(), ps, ps}, boundFor(fan), *s.rng);
    if (s.params.flag("bias", true))
        addWeight(p, QStringLiteral("bias"), {d}, boundFor(fan), *s.rng);
    p.ints = {x.n(), x.c(), x.h(), x.w(), ps, x.h() / ps, x.w() / ps, d};
    p.path = QStringLiteral("patches + GEMM");
    return {};
}

void runPatch(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
              const CancelFlag &cancel)
{
    const qint64 n = p.ints[0], c = p.ints[1], h = p.ints[2], w = p.ints[3], ps = p.ints[4];
    const qint64 gh = p.ints[5], gw = p.ints[6], d = p.ints[7];
    const qint64 l = gh * gw, fan = c * ps * ps;
    std::vector<float> &cols = p.scratch;
    cols.assign(size_t(l * fan), 0.0f);
    for (qint64 b = 0; b < n; ++b) {
        if (cancel.cancelled())
            return;
        const float *x = in[0]->ptr() + b * c * h * w;
        for (qint64 py = 0; py < gh; ++py)
            for (qint64 px = 0; px < gw; ++px) {
                float *dst = cols.data() + (py * gw + px) * fan;
                for (qint64 ch = 0; ch < c; ++ch)
                    for (qint64 ky = 0; ky < ps; ++ky)
                        std::copy_n(x + (ch * h + py * ps + ky) * w + px * ps, ps,
                                    dst + (ch * ps + ky) * ps);
            }
        MapRM y(out[0].ptr() + b * l * d, l, d);
        y.noalias() = ConstMapRM(cols.data(), l, fan) *
                      ConstMapRM(p.weights[0].tensor.ptr(), d, fan).transpose();
        if (p.weights.size() > 1)
            y.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(p.weights[1].tensor.ptr(), d);
    }
}

// ---- ViT's class token and position embedding: learned tensors of the module itself ----
QString prepareClassToken(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const qint64 tokens = std::max<qint64>(s.params.integer("tokens", 1), 1);
    if (x.rank != 3)
        return QCoreApplication::translate("naqsh::Exec", "the class token needs N×L×D tokens");
    addWeight(p, QString(), {1, tokens, x.last()}, 1.0, *s.rng);
    p.ints = {x.n(), x.dims[1] * x.last(), tokens * x.last()};
    p.path = QStringLiteral("copy");
    return {};
}

void runClassToken(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
                   const CancelFlag &)
{
    const qint64 n = p.ints[0], rest = p.ints[1], cls = p.ints[2];
    for (qint64 b = 0; b < n; ++b) {
        float *y = out[0].ptr() + b * (cls + rest);
        std::copy_n(p.weights[0].tensor.ptr(), cls, y);
        std::copy_n(in[0]->ptr() + b * rest, rest, y + cls);
    }
}

QString preparePosition(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    if (x.rank != 3)
        return QCoreApplication::translate("naqsh::Exec",
                                           "the position embedding needs N×L×D tokens");
    addWeight(p, QString(), {1, x.dims[1], x.last()}, 1.0, *s.rng);
    p.ints = {x.n(), x.dims[1] * x.last()};
    p.path = QStringLiteral("element-wise");
    return {};
}

void runPosition(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
                 const CancelFlag &)
{
    const qint64 n = p.ints[0], per = p.ints[1];
    const Eigen::Map<const Eigen::ArrayXf> pos(p.weights[0].tensor.ptr(), per);
    for (qint64 b = 0; b < n; ++b)
        Eigen::Map<Eigen::ArrayXf>(out[0].ptr() + b * per, per) =
            Eigen::Map<const Eigen::ArrayXf>(in[0]->ptr() + b * per, per) + pos;
}

} // namespace

void addCompositeKernels(QHash<QString, Kernel> &table)
{
    table.insert(QStringLiteral("squeeze_excitation"), {prepareSe, runSe});
    table.insert(QStringLiteral("multihead_attention"), {prepareMha, runMha});
    table.insert(QStringLiteral("patch_embedding"), {preparePatch, runPatch});
    table.insert(QStringLiteral("class_token"), {prepareClassToken, runClassToken});
    table.insert(QStringLiteral("position_embedding"), {preparePosition, runPosition});
}

} // namespace naqsh::exec
