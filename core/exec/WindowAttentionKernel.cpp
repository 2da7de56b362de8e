// Swin's (shifted) window attention, as torchvision's ShiftedWindowAttention computes it on a
// channels-last map N×H×W×C: padded to whole windows, cyclically shifted, multi-head attention
// inside each window with the learned relative position bias (and, when shifted, the mask that
// keeps regions that were not neighbours apart), shifted back and cropped.
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

enum WinI { WN, WH, WW, WC, WSize, WShiftH, WShiftW, WHeads, WBias };

QString prepareWindow(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const qint64 ws = std::max<qint64>(s.params.integer("window", 7), 1);
    const qint64 heads = std::max<qint64>(s.params.integer("heads", 4), 1);
    if (x.rank != 4 || x.last() % heads != 0)
        return QCoreApplication::translate(
            "naqsh::Exec", "window attention needs N×H×W×C with C divisible by the heads");
    const qint64 c = x.last();
    const qint64 padH = (x.dims[1] + ws - 1) / ws * ws, padW = (x.dims[2] + ws - 1) / ws * ws;
    const qint64 shift = s.params.integer("shift", 0);
    const bool bias = s.params.flag("bias", true);
    const double bound = 1.0 / std::sqrt(double(c));
    addWeight(p, QStringLiteral("qkv.weight"), {3 * c, c}, bound, *s.rng);
    if (bias)
        addWeight(p, QStringLiteral("qkv.bias"), {3 * c}, bound, *s.rng);
    addWeight(p, QStringLiteral("proj.weight"), {c, c}, bound, *s.rng);
    if (bias)
        addWeight(p, QStringLiteral("proj.bias"), {c}, bound, *s.rng);
    addWeight(p, QStringLiteral("relative_position_bias_table"),
              {(2 * ws - 1) * (2 * ws - 1), heads}, 0.5, *s.rng);
    // As torchvision: no shift along an axis that a single window covers.
    p.ints = {x.n(), x.dims[1],   x.dims[2], c, ws, ws >= padH ? 0 : shift, ws >= padW ? 0 : shift,
              heads, bias ? 1 : 0};
    p.path = QStringLiteral("windows × (GEMM + softmax)");
    return {};
}

void runWindow(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
               const CancelFlag &cancel)
{
    const qint64 n = p.ints[WN], h = p.ints[WH], w = p.ints[WW], c = p.ints[WC];
    const qint64 ws = p.ints[WSize], sh = p.ints[WShiftH], sw = p.ints[WShiftW];
    const qint64 heads = p.ints[WHeads], hd = c / heads, l = ws * ws;
    const bool bias = p.ints[WBias] != 0;
    const qint64 padH = (h + ws - 1) / ws * ws, padW = (w + ws - 1) / ws * ws;
    const Tensor &wqkv = p.weights[0].tensor;
    const float *bqkv = bias ? p.weights[1].tensor.ptr() : nullptr;
    const Tensor &wproj = p.weights[bias ? 2 : 1].tensor;
    const float *bproj = bias ? p.weights[3].tensor.ptr() : nullptr;
    const float *table = p.weights[bias ? 4 : 2].tensor.ptr();
    const float scale = float(1.0 / std::sqrt(double(hd)));
    // Region of a shifted coordinate for the mask: 0 before the last window, 1 inside it before
    // the shift, 2 in the shifted-in strip; one region along an axis without a shift (as
    // torchvision's slices give).
    auto region = [](qint64 r, qint64 size, qint64 ws, qint64 shift) {
        if (shift == 0)
            return 0;
        return r < size - ws ? 0 : (r < size - shift ? 1 : 2);
    };
    RowMatrix xs(l, c), qkv(l, 3 * c), ctx(l, c), scores(l, l), y(l, c);
    std::vector<qint64> src(
        static_cast<size_t>(l)); // original (padded) position of each window token
    std::vector<int> id(static_cast<size_t>(l));
    for (qint64 b = 0; b < n; ++b)
        for (qint64 wy = 0; wy < padH / ws; ++wy)
            for (qint64 wx = 0; wx < padW / ws; ++wx) {
                if (cancel.cancelled())
                    return;
                for (qint64 t = 0; t < l; ++t) {
                    const qint64 r = wy * ws + t / ws, col = wx * ws + t % ws; // shifted map
                    const qint64 orow = (r + sh) % padH, ocol = (col + sw) % padW;
                    src[size_t(t)] = orow < h && ocol < w ? orow * w + ocol : -1;
                    id[size_t(t)] = int(region(r, padH, ws, sh) * 3 + region(col, padW, ws, sw));
                    if (src[size_t(t)] < 0)
                        xs.row(t).setZero(); // padding
                    else
                        xs.row(t) = Eigen::Map<const Eigen::RowVectorXf>(
                            in[0]->ptr() + (b * h * w + src[size_t(t)]) * c, c);
                }
                qkv.noalias() = xs * ConstMapRM(wqkv.ptr(), 3 * c, c).transpose();
                if (bqkv)
                    qkv.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(bqkv, 3 * c);
                for (qint64 hh = 0; hh < heads; ++hh) {
                    scores.noalias() = (qkv.middleCols(hh * hd, hd) * scale) *
                                       qkv.middleCols(c + hh * hd, hd).transpose();
                    for (qint64 i = 0; i < l; ++i) {
                        for (qint64 j = 0; j < l; ++j) {
                            const qint64 dy = i / ws - j / ws + ws - 1;
                            const qint64 dx = i % ws - j % ws + ws - 1;
                            scores(i, j) += table[(dy * (2 * ws - 1) + dx) * heads + hh];
                            if ((sh || sw) && id[size_t(i)] != id[size_t(j)])
                                scores(i, j) += -100.0f;
                        }
                        auto row = scores.row(i).array();
                        row = (row - row.maxCoeff()).exp();
                        row /= row.sum();
                    }
                    ctx.middleCols(hh * hd, hd).noalias() =
                        scores * qkv.middleCols(2 * c + hh * hd, hd);
                }
                y.noalias() = ctx * ConstMapRM(wproj.ptr(), c, c).transpose();
                if (bproj)
                    y.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(bproj, c);
                for (qint64 t = 0; t < l; ++t)
                    if (src[size_t(t)] >= 0)
                        Eigen::Map<Eigen::RowVectorXf>(
                            out[0].ptr() + (b * h * w + src[size_t(t)]) * c, c) = y.row(t);
            }
}

} // namespace

void addWindowAttentionKernel(QHash<QString, Kernel> &table)
{
    table.insert(QStringLiteral("window_attention"), {prepareWindow, runWindow});
}

} // namespace naqsh::exec
