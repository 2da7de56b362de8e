// Layers that move values without arithmetic (or with interpolation): Flatten, Reshape,
// Squeeze, Unsqueeze, Upsample, ZeroPad2d.
#include "Kernels.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace naqsh::exec {

namespace {

QString prepareReshape(const KernelSetup &s, PreparedLayer &p)
{
    if (s.inputs[0].elements().value() != s.outputs[0].elements().value())
        return QCoreApplication::translate("naqsh::Exec",
                                           "the reshape changes the number of values");
    p.path = QStringLiteral("copy");
    return {};
}

void runReshape(const PreparedLayer &, std::span<const Tensor *const> in, std::span<Tensor> out,
                const CancelFlag &)
{
    std::copy(in[0]->data.begin(), in[0]->data.end(), out[0].data.begin());
}

QString prepareUpsample(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const TensorShape &y = s.outputs[0];
    if (x.rank != 4 || y.rank != 4)
        return QCoreApplication::translate("naqsh::Exec", "Upsample needs N×C×H×W tensors");
    p.ints = {x.n() * x.c(), x.h(), x.w(),
              y.h(),         y.w(), s.params.choice("mode") == QLatin1String("bilinear") ? 1 : 0};
    // PyTorch with scale_factor given (recompute_scale_factor unset) maps with 1/scale.
    p.reals = {1.0 / s.params.real("scale_h", 2.0), 1.0 / s.params.real("scale_w", 2.0)};
    p.path = p.ints[5] ? QStringLiteral("bilinear") : QStringLiteral("nearest");
    return {};
}

void runUpsample(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
                 const CancelFlag &cancel)
{
    const qint64 planes = p.ints[0], h = p.ints[1], w = p.ints[2], ho = p.ints[3], wo = p.ints[4];
    const bool bilinear = p.ints[5] != 0;
    const double rh = p.reals[0], rw = p.reals[1];
    for (qint64 c = 0; c < planes; ++c) {
        if (cancel.cancelled())
            return;
        const float *x = in[0]->ptr() + c * h * w;
        float *y = out[0].ptr() + c * ho * wo;
        for (qint64 oy = 0; oy < ho; ++oy)
            for (qint64 ox = 0; ox < wo; ++ox) {
                if (!bilinear) {
                    const qint64 iy = std::min(qint64(std::floor(float(oy) * float(rh))), h - 1);
                    const qint64 ix = std::min(qint64(std::floor(float(ox) * float(rw))), w - 1);
                    y[oy * wo + ox] = x[iy * w + ix];
                    continue;
                }
                // align_corners=False: source = (dst + 0.5)·ratio − 0.5, clamped at 0.
                const double sy = std::max((oy + 0.5) * rh - 0.5, 0.0);
                const double sx = std::max((ox + 0.5) * rw - 0.5, 0.0);
                const qint64 y0 = std::min<qint64>(qint64(sy), h - 1),
                             x0 = std::min<qint64>(qint64(sx), w - 1);
                const qint64 y1 = std::min(y0 + 1, h - 1), x1 = std::min(x0 + 1, w - 1);
                const double ly = sy - double(y0), lx = sx - double(x0);
                y[oy * wo + ox] =
                    float((1 - ly) * ((1 - lx) * x[y0 * w + x0] + lx * x[y0 * w + x1]) +
                          ly * ((1 - lx) * x[y1 * w + x0] + lx * x[y1 * w + x1]));
            }
    }
}

QString preparePad(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const TensorShape &y = s.outputs[0];
    if (x.rank != 4 || y.rank != 4)
        return QCoreApplication::translate("naqsh::Exec", "ZeroPad2d needs N×C×H×W tensors");
    p.ints = {x.n() * x.c(),           x.h(), x.w(), y.h(), y.w(), s.params.integer("top"),
              s.params.integer("left")};
    p.path = QStringLiteral("copy");
    return {};
}

void runPad(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
            const CancelFlag &)
{
    const qint64 planes = p.ints[0], h = p.ints[1], w = p.ints[2], ho = p.ints[3], wo = p.ints[4];
    const qint64 top = p.ints[5], left = p.ints[6];
    std::fill(out[0].data.begin(), out[0].data.end(), 0.0f);
    // Negative padding crops, as in PyTorch.
    const qint64 x0 = std::max<qint64>(-left, 0), x1 = std::min(w, wo - left);
    for (qint64 c = 0; c < planes; ++c)
        for (qint64 iy = std::max<qint64>(-top, 0); iy < std::min(h, ho - top); ++iy)
            if (x1 > x0)
                std::copy(in[0]->ptr() + c * h * w + iy * w + x0,
                          in[0]->ptr() + c * h * w + iy * w + x1,
                          out[0].ptr() + c * ho * wo + (iy + top) * wo + x0 + left);
}

} // namespace

void addShapeKernels(QHash<QString, Kernel> &table)
{
    table.insert(QStringLiteral("flatten"), {prepareReshape, runReshape});
    // The same values in the same order under another shape.
    table.insert(QStringLiteral("reshape"), {prepareReshape, runReshape});
    table.insert(QStringLiteral("squeeze"), {prepareReshape, runReshape});
    table.insert(QStringLiteral("unsqueeze"), {prepareReshape, runReshape});
    table.insert(QStringLiteral("upsample"), {prepareUpsample, runUpsample});
    table.insert(QStringLiteral("zeropad2d"), {preparePad, runPad});
}

} // namespace naqsh::exec
