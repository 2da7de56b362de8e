// Max and average pooling (PyTorch's window and divisor rules), global and adaptive average.
#include "Kernels.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace naqsh::exec {

namespace {

enum PI { PN, PC, PH, PW, PHo, PWo, PKh, PKw, PSh, PSw, PPh, PPw };

QString preparePool(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const TensorShape &y = s.outputs[0];
    if (x.rank != 4 || y.rank != 4)
        return QCoreApplication::translate("naqsh::Exec", "pooling needs N×C×H×W tensors");
    const ParamReader &v = s.params;
    p.ints = {x.n(),
              x.c(),
              x.h(),
              x.w(),
              y.h(),
              y.w(),
              v.integer("kernel_h", 1),
              v.integer("kernel_w", 1),
              v.integer("stride_h", 1),
              v.integer("stride_w", 1),
              v.integer("pad_h"),
              v.integer("pad_w")};
    p.path = QStringLiteral("direct");
    return {};
}

template<bool isMax>
void runPool(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
             const CancelFlag &cancel)
{
    const qint64 *q = p.ints.data();
    const qint64 planes = q[PN] * q[PC], h = q[PH], w = q[PW], ho = q[PHo], wo = q[PWo];
    const qint64 kh = q[PKh], kw = q[PKw], sh = q[PSh], sw = q[PSw], ph = q[PPh], pw = q[PPw];
    for (qint64 c = 0; c < planes; ++c) {
        if (cancel.cancelled())
            return;
        const float *x = in[0]->ptr() + c * h * w;
        float *y = out[0].ptr() + c * ho * wo;
        for (qint64 oy = 0; oy < ho; ++oy) {
            qint64 y0 = oy * sh - ph;
            qint64 y1 = std::min(y0 + kh, h + ph);
            const qint64 hSpan = y1 - y0;
            y0 = std::max<qint64>(y0, 0);
            y1 = std::min(y1, h);
            for (qint64 ox = 0; ox < wo; ++ox) {
                qint64 x0 = ox * sw - pw;
                qint64 x1 = std::min(x0 + kw, w + pw);
                const qint64 area = hSpan * (x1 - x0); // PyTorch: count_include_pad=True
                x0 = std::max<qint64>(x0, 0);
                x1 = std::min(x1, w);
                if constexpr (isMax) {
                    float m = -std::numeric_limits<float>::infinity();
                    for (qint64 iy = y0; iy < y1; ++iy)
                        for (qint64 ix = x0; ix < x1; ++ix)
                            m = std::max(m, x[iy * w + ix]);
                    y[oy * wo + ox] = m;
                } else {
                    float sum = 0;
                    for (qint64 iy = y0; iy < y1; ++iy)
                        for (qint64 ix = x0; ix < x1; ++ix)
                            sum += x[iy * w + ix];
                    y[oy * wo + ox] = sum / float(area);
                }
            }
        }
    }
}

/// Global and adaptive average pooling: window i spans [floor(i·in/out), ceil((i+1)·in/out)).
QString prepareAdaptive(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0];
    const TensorShape &y = s.outputs[0];
    if (x.rank != 4 || y.rank != 4)
        return QCoreApplication::translate("naqsh::Exec", "pooling needs N×C×H×W tensors");
    p.ints = {x.n(), x.c(), x.h(), x.w(), y.h(), y.w()};
    p.path = QStringLiteral("direct");
    return {};
}

void runAdaptive(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
                 const CancelFlag &cancel)
{
    const qint64 *q = p.ints.data();
    const qint64 planes = q[0] * q[1], h = q[2], w = q[3], ho = q[4], wo = q[5];
    for (qint64 c = 0; c < planes; ++c) {
        if (cancel.cancelled())
            return;
        const float *x = in[0]->ptr() + c * h * w;
        float *y = out[0].ptr() + c * ho * wo;
        for (qint64 oy = 0; oy < ho; ++oy) {
            const qint64 y0 = oy * h / ho, y1 = ((oy + 1) * h + ho - 1) / ho;
            for (qint64 ox = 0; ox < wo; ++ox) {
                const qint64 x0 = ox * w / wo, x1 = ((ox + 1) * w + wo - 1) / wo;
                float sum = 0;
                for (qint64 iy = y0; iy < y1; ++iy)
                    for (qint64 ix = x0; ix < x1; ++ix)
                        sum += x[iy * w + ix];
                y[oy * wo + ox] = sum / float((y1 - y0) * (x1 - x0));
            }
        }
    }
}

} // namespace

void addPoolingKernels(QHash<QString, Kernel> &table)
{
    table.insert(QStringLiteral("maxpool2d"), {preparePool, runPool<true>});
    table.insert(QStringLiteral("avgpool2d"), {preparePool, runPool<false>});
    table.insert(QStringLiteral("global_avgpool"), {prepareAdaptive, runAdaptive});
    table.insert(QStringLiteral("adaptive_avgpool2d"), {prepareAdaptive, runAdaptive});
}

} // namespace naqsh::exec
