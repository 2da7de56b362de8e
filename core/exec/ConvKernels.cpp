// Convolution, transposed convolution and linear layers: the GEMM-bound kernels.
// Conv2d runs as im2col + GEMM (Eigen), with direct paths where they move less memory: a 1×1
// convolution with stride 1 and no padding multiplies the input itself, and a depthwise
// convolution (one input channel per group) is a per-channel stencil.
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

void samePadding(qint64 in, qint64 k, qint64 s, qint64 d, qint64 *before, qint64 *after)
{
    const qint64 out = (in + s - 1) / s;
    const qint64 total = std::max<qint64>((out - 1) * s + d * (k - 1) + 1 - in, 0);
    *before = total / 2;
    *after = total - *before;
}

/// Weights drawn like PyTorch's default initialisation: U(-1/sqrt(fan_in), 1/sqrt(fan_in)),
/// which keeps activations of a deep random network in a readable range.
void initWeightAndBias(const KernelSetup &s, PreparedLayer &p, QVector<qint64> weightDims,
                       qint64 fanIn, qint64 biasCount, bool bias)
{
    const double bound = 1.0 / std::sqrt(double(std::max<qint64>(fanIn, 1)));
    Tensor w = Tensor::zeros(
        shapeOf(std::span<const qint64>(weightDims.constData(), size_t(weightDims.size()))));
    fillUniform(w, bound, *s.rng);
    p.weights.append({QStringLiteral("weight"), std::move(w)});
    if (bias) {
        Tensor b = Tensor::zeros(shapeOf({biasCount}));
        fillUniform(b, bound, *s.rng);
        p.weights.append({QStringLiteral("bias"), std::move(b)});
    }
}

enum ConvMode { Im2col, Pointwise, Depthwise };
enum ConvI { CN, CCin, CH, CW, CCout, CHo, CWo, CKh, CKw, CSh, CSw, CPt, CPl, CDh, CDw, CGroups };

QString prepareConv(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const TensorShape &y = s.outputs[0];
    if (x.rank != 4 || y.rank != 4)
        return QCoreApplication::translate("naqsh::Exec", "Conv2d needs N×C×H×W tensors");
    const ParamReader &v = s.params;
    const qint64 kh = v.integer("kernel_h", 1), kw = v.integer("kernel_w", 1);
    const qint64 sh = v.integer("stride_h", 1), sw = v.integer("stride_w", 1);
    const qint64 dh = v.integer("dilation_h", 1), dw = v.integer("dilation_w", 1);
    const qint64 groups = std::max<qint64>(v.integer("groups", 1), 1);
    qint64 top = v.integer("pad_top"), bottom = v.integer("pad_bottom");
    qint64 left = v.integer("pad_left"), right = v.integer("pad_right");
    const QString mode = v.choice("padding");
    if (mode == QLatin1String("same")) {
        samePadding(x.h(), kh, sh, dh, &top, &bottom);
        samePadding(x.w(), kw, sw, dw, &left, &right);
    } else if (mode == QLatin1String("valid")) {
        top = bottom = left = right = 0;
    }
    p.ints = {x.n(), x.c(), x.h(), x.w(), y.c(), y.h(), y.w(), kh,
              kw,    sh,    sw,    top,   left,  dh,    dw,    groups};
    const qint64 cinG = x.c() / groups;
    initWeightAndBias(s, p, {y.c(), cinG, kh, kw}, cinG * kh * kw, y.c(), v.flag("bias", true));
    if (cinG == 1 && y.c() % groups == 0) {
        p.mode = Depthwise;
        p.path = QStringLiteral("depthwise direct");
    } else if (kh == 1 && kw == 1 && sh == 1 && sw == 1 && top == 0 && left == 0 &&
               y.h() == x.h() && y.w() == x.w()) {
        p.mode = Pointwise;
        p.path = QStringLiteral("1×1 GEMM");
    } else {
        p.mode = Im2col;
        p.path = QStringLiteral("im2col + GEMM");
        p.scratch.assign(size_t(cinG * kh * kw * y.h() * y.w()), 0.0f);
    }
    return {};
}

void addBias(const PreparedLayer &p, Tensor &out, qint64 n, qint64 cout, qint64 plane)
{
    const Tensor *b = p.weight(QStringLiteral("bias"));
    if (!b)
        return;
    for (qint64 c = 0; c < cout; ++c) {
        float *o = out.ptr() + (n * cout + c) * plane;
        const float bc = b->data[size_t(c)];
        for (qint64 i = 0; i < plane; ++i)
            o[i] += bc;
    }
}

/// One image, one group: col[(c·kh + ky)·kw + kx][oy·Wo + ox] = x[c][oy·sh − pt + ky·dh][…].
void im2col(const float *x, qint64 cin, qint64 h, qint64 w, const qint64 *q, float *col)
{
    const qint64 ho = q[CHo], wo = q[CWo], kh = q[CKh], kw = q[CKw], sh = q[CSh], sw = q[CSw];
    const qint64 pt = q[CPt], pl = q[CPl], dh = q[CDh], dw = q[CDw];
    for (qint64 c = 0; c < cin; ++c) {
        const float *xc = x + c * h * w;
        for (qint64 ky = 0; ky < kh; ++ky)
            for (qint64 kx = 0; kx < kw; ++kx) {
                float *row = col + ((c * kh + ky) * kw + kx) * ho * wo;
                // The output columns whose input column is inside the image.
                const qint64 off = kx * dw - pl;
                qint64 oxLo = off >= 0 ? 0 : (-off + sw - 1) / sw;
                qint64 oxHi = w - off <= 0 ? 0 : (w - off + sw - 1) / sw; // first ox out of range
                oxLo = std::min(oxLo, wo);
                oxHi = std::clamp(oxHi, oxLo, wo);
                for (qint64 oy = 0; oy < ho; ++oy) {
                    float *r = row + oy * wo;
                    const qint64 iy = oy * sh - pt + ky * dh;
                    if (iy < 0 || iy >= h) {
                        std::fill(r, r + wo, 0.0f);
                        continue;
                    }
                    const float *xr = xc + iy * w + off;
                    std::fill(r, r + oxLo, 0.0f);
                    if (sw == 1)
                        std::copy(xr + oxLo, xr + oxHi, r + oxLo);
                    else
                        for (qint64 ox = oxLo; ox < oxHi; ++ox)
                            r[ox] = xr[ox * sw];
                    std::fill(r + oxHi, r + wo, 0.0f);
                }
            }
    }
}

void runConv(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
             const CancelFlag &cancel)
{
    const qint64 *q = p.ints.data();
    const qint64 n = q[CN], cin = q[CCin], h = q[CH], w = q[CW], cout = q[CCout];
    const qint64 ho = q[CHo], wo = q[CWo], kh = q[CKh], kw = q[CKw], groups = q[CGroups];
    const qint64 cinG = cin / groups, coutG = cout / groups, plane = ho * wo;
    const Tensor &x = *in[0];
    Tensor &y = out[0];
    const float *wt = p.weight(QStringLiteral("weight"))->ptr();

    if (p.mode == Depthwise) {
        const qint64 sh = q[CSh], sw = q[CSw], pt = q[CPt], pl = q[CPl], dh = q[CDh], dw = q[CDw];
        const qint64 mult = cout / groups; // outputs per input channel
        for (qint64 b = 0; b < n; ++b) {
            for (qint64 oc = 0; oc < cout; ++oc) {
                if (cancel.cancelled())
                    return;
                const float *xc = x.ptr() + (b * cin + oc / mult) * h * w;
                const float *k = wt + oc * kh * kw;
                float *yc = y.ptr() + (b * cout + oc) * plane;
                std::fill(yc, yc + plane, 0.0f);
                for (qint64 ky = 0; ky < kh; ++ky)
                    for (qint64 kx = 0; kx < kw; ++kx) {
                        const float kv = k[ky * kw + kx];
                        const qint64 off = kx * dw - pl;
                        qint64 oxLo = off >= 0 ? 0 : (-off + sw - 1) / sw;
                        qint64 oxHi = w - off <= 0 ? 0 : (w - off + sw - 1) / sw;
                        oxLo = std::min(oxLo, wo);
                        oxHi = std::clamp(oxHi, oxLo, wo);
                        for (qint64 oy = 0; oy < ho; ++oy) {
                            const qint64 iy = oy * sh - pt + ky * dh;
                            if (iy < 0 || iy >= h)
                                continue;
                            const float *xr = xc + iy * w + off;
                            float *yr = yc + oy * wo;
                            if (sw == 1)
                                for (qint64 ox = oxLo; ox < oxHi; ++ox)
                                    yr[ox] += kv * xr[ox];
                            else
                                for (qint64 ox = oxLo; ox < oxHi; ++ox)
                                    yr[ox] += kv * xr[ox * sw];
                        }
                    }
            }
            addBias(p, y, b, cout, plane);
        }
        return;
    }

    const bool direct = p.mode == Pointwise;
    const qint64 k = cinG * kh * kw;
    for (qint64 b = 0; b < n; ++b) {
        for (qint64 g = 0; g < groups; ++g) {
            if (cancel.cancelled())
                return;
            const float *xg = x.ptr() + (b * cin + g * cinG) * h * w;
            const float *col = xg;
            if (!direct) {
                im2col(xg, cinG, h, w, q, p.scratch.data());
                col = p.scratch.data();
            }
            ConstMapRM wm(wt + g * coutG * k, coutG, k);
            ConstMapRM cm(col, k, plane);
            MapRM ym(y.ptr() + (b * cout + g * coutG) * plane, coutG, plane);
            ym.noalias() = wm * cm;
        }
        addBias(p, y, b, cout, plane);
    }
}

// ---- transposed convolution: GEMM into columns, then col2im (scatter-add) ----
enum TI { TN, TCin, TH, TW, TCout, THo, TWo, TKh, TKw, TSh, TSw, TPh, TPw, TDh, TDw, TGroups };

QString prepareConvT(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const TensorShape &y = s.outputs[0];
    if (x.rank != 4 || y.rank != 4)
        return QCoreApplication::translate("naqsh::Exec", "ConvTranspose2d needs N×C×H×W tensors");
    const ParamReader &v = s.params;
    const qint64 kh = v.integer("kernel_h", 1), kw = v.integer("kernel_w", 1);
    const qint64 groups = std::max<qint64>(v.integer("groups", 1), 1);
    p.ints = {x.n(),
              x.c(),
              x.h(),
              x.w(),
              y.c(),
              y.h(),
              y.w(),
              kh,
              kw,
              v.integer("stride_h", 1),
              v.integer("stride_w", 1),
              v.integer("pad_h"),
              v.integer("pad_w"),
              v.integer("dilation_h", 1),
              v.integer("dilation_w", 1),
              groups};
    const qint64 coutG = y.c() / groups;
    // PyTorch's fan-in of a transposed conv weight (in × out/groups × kh × kw) is dim 1 × k.
    initWeightAndBias(s, p, {x.c(), coutG, kh, kw}, coutG * kh * kw, y.c(), v.flag("bias", true));
    p.path = QStringLiteral("GEMM + col2im");
    p.scratch.assign(size_t(coutG * kh * kw * x.h() * x.w()), 0.0f);
    return {};
}

void runConvT(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
              const CancelFlag &cancel)
{
    const qint64 *q = p.ints.data();
    const qint64 n = q[TN], cin = q[TCin], h = q[TH], w = q[TW], cout = q[TCout];
    const qint64 ho = q[THo], wo = q[TWo], kh = q[TKh], kw = q[TKw], sh = q[TSh], sw = q[TSw];
    const qint64 ph = q[TPh], pw = q[TPw], dh = q[TDh], dw = q[TDw], groups = q[TGroups];
    const qint64 cinG = cin / groups, coutG = cout / groups, k = coutG * kh * kw;
    const Tensor &x = *in[0];
    Tensor &y = out[0];
    std::fill(y.data.begin(), y.data.end(), 0.0f);
    const float *wt = p.weight(QStringLiteral("weight"))->ptr();
    float *col = p.scratch.data();
    for (qint64 b = 0; b < n; ++b) {
        for (qint64 g = 0; g < groups; ++g) {
            if (cancel.cancelled())
                return;
            // col[K × HW] = Wgᵀ[K × cinG] · xg[cinG × HW]
            ConstMapRM wm(wt + g * cinG * k, cinG, k);
            ConstMapRM xm(x.ptr() + (b * cin + g * cinG) * h * w, cinG, h * w);
            MapRM cm(col, k, h * w);
            cm.noalias() = wm.transpose() * xm;
            for (qint64 oc = 0; oc < coutG; ++oc) {
                float *yc = y.ptr() + (b * cout + g * coutG + oc) * ho * wo;
                for (qint64 ky = 0; ky < kh; ++ky)
                    for (qint64 kx = 0; kx < kw; ++kx) {
                        const float *row = col + ((oc * kh + ky) * kw + kx) * h * w;
                        for (qint64 iy = 0; iy < h; ++iy) {
                            const qint64 oy = iy * sh - ph + ky * dh;
                            if (oy < 0 || oy >= ho)
                                continue;
                            for (qint64 ix = 0; ix < w; ++ix) {
                                const qint64 ox = ix * sw - pw + kx * dw;
                                if (ox >= 0 && ox < wo)
                                    yc[oy * wo + ox] += row[iy * w + ix];
                            }
                        }
                    }
            }
        }
        addBias(p, y, b, cout, ho * wo);
    }
}

// ---- linear: over the last dimension ----
QString prepareLinear(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const TensorShape &y = s.outputs[0];
    if (x.rank < 1 || y.rank < 1)
        return QCoreApplication::translate("naqsh::Exec", "Linear needs an input with features");
    const qint64 inF = x.dims[x.rank - 1], outF = y.dims[y.rank - 1];
    p.ints = {x.elements().value() / std::max<qint64>(inF, 1), inF, outF};
    initWeightAndBias(s, p, {outF, inF}, inF, outF, s.params.flag("bias", true));
    p.path = QStringLiteral("GEMM");
    return {};
}

void runLinear(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
               const CancelFlag &)
{
    const qint64 rows = p.ints[0], inF = p.ints[1], outF = p.ints[2];
    ConstMapRM xm(in[0]->ptr(), rows, inF);
    ConstMapRM wm(p.weight(QStringLiteral("weight"))->ptr(), outF, inF);
    MapRM ym(out[0].ptr(), rows, outF);
    ym.noalias() = xm * wm.transpose();
    if (const Tensor *b = p.weight(QStringLiteral("bias")))
        ym.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(b->ptr(), outF);
}

} // namespace

void addConvKernels(QHash<QString, Kernel> &table)
{
    table.insert(QStringLiteral("conv2d"), {prepareConv, runConv});
    table.insert(QStringLiteral("conv_transpose2d"), {prepareConvT, runConvT});
    table.insert(QStringLiteral("linear"), {prepareLinear, runLinear});
}

} // namespace naqsh::exec
