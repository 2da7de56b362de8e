// MatMul between two activations with broadcast batch dimensions (attention's Q·Kᵀ and A·V),
// and Conv1d / Conv3d as im2col + GEMM over up to three spatial axes.
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

// ---- MatMul ----
/// ints: n, k, m, batch rank, batch dims, A's batch strides, B's batch strides (in matrices).
QString prepareMatmul(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &a = s.inputs[0], &b = s.inputs[1], &y = s.outputs[0];
    if (s.inputs.size() != 2 || a.rank < 2 || b.rank < 2 || y.rank < 2)
        return QCoreApplication::translate("naqsh::Exec", "MatMul needs two matrices");
    const int br = y.rank - 2;
    p.ints = {a.dim(-2), a.dim(-1), b.dim(-1), br};
    for (int i = 0; i < br; ++i)
        p.ints.push_back(y.dims[size_t(i)]);
    for (const TensorShape *x : {&a, &b}) {
        std::vector<qint64> strides(size_t(br), 0);
        qint64 stride = 1;
        for (int i = x->rank - 3; i >= 0; --i) {
            const int o = i + (br - (x->rank - 2));
            strides[size_t(o)] = x->dims[size_t(i)] == 1 ? 0 : stride;
            stride *= x->dims[size_t(i)];
        }
        p.ints.insert(p.ints.end(), strides.begin(), strides.end());
    }
    p.path = QStringLiteral("batched GEMM");
    return {};
}

void runMatmul(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
               const CancelFlag &cancel)
{
    const qint64 n = p.ints[0], k = p.ints[1], m = p.ints[2];
    const int br = int(p.ints[3]);
    const qint64 *dims = p.ints.data() + 4;
    const qint64 *sa = dims + br, *sb = sa + br;
    qint64 batches = 1;
    for (int i = 0; i < br; ++i)
        batches *= dims[i];
    std::vector<qint64> idx(size_t(br), 0);
    qint64 oa = 0, ob = 0;
    for (qint64 t = 0; t < batches; ++t) {
        if (cancel.cancelled())
            return;
        MapRM(out[0].ptr() + t * n * m, n, m).noalias() =
            ConstMapRM(in[0]->ptr() + oa * n * k, n, k) *
            ConstMapRM(in[1]->ptr() + ob * k * m, k, m);
        for (int d = br - 1; d >= 0; --d) {
            oa += sa[d];
            ob += sb[d];
            if (++idx[size_t(d)] < dims[d])
                break;
            oa -= sa[d] * dims[d];
            ob -= sb[d] * dims[d];
            idx[size_t(d)] = 0;
        }
    }
}

// ---- Conv1d and Conv3d: three spatial axes (a signal is 1×1×L) ----
enum NdI {
    NN,
    NCin,
    NCout,
    NGroups,
    NDil,
    NIn,
    NOut = NIn + 3,
    NK = NOut + 3,
    NS = NK + 3,
    NP = NS + 3,
    NEnd = NP + 3
};

QString prepareConvNd(const KernelSetup &s, PreparedLayer &p)
{
    const TensorShape &x = s.inputs[0], &y = s.outputs[0];
    const bool one = s.params.has("kernel");
    const int sp = one ? 1 : 3;
    if (x.rank != 2 + sp || y.rank != 2 + sp)
        return QCoreApplication::translate("naqsh::Exec", "the convolution's input has %1 "
                                                          "dimensions instead of %2")
            .arg(x.rank)
            .arg(2 + sp);
    const qint64 groups = std::max<qint64>(s.params.integer("groups", 1), 1);
    p.ints.assign(NEnd, 1);
    p.ints[NN] = x.n();
    p.ints[NCin] = x.c();
    p.ints[NCout] = y.c();
    p.ints[NGroups] = groups;
    p.ints[NDil] = std::max<qint64>(s.params.integer("dilation", 1), 1);
    static const char *const keys[3][3] = {{"kernel_d", "stride_d", "pad_d"},
                                           {"kernel_h", "stride_h", "pad_h"},
                                           {"kernel_w", "stride_w", "pad_w"}};
    for (int a = 0; a < 3; ++a) {
        const int from = a - (3 - sp); // the signal's axis is the last one
        if (from < 0) {
            p.ints[size_t(NP + a)] = 0;
            continue;
        }
        p.ints[size_t(NIn + a)] = x.dims[size_t(2 + from)];
        p.ints[size_t(NOut + a)] = y.dims[size_t(2 + from)];
        p.ints[size_t(NK + a)] = s.params.integer(one ? "kernel" : keys[a][0], 1);
        p.ints[size_t(NS + a)] = s.params.integer(one ? "stride" : keys[a][1], 1);
        p.ints[size_t(NP + a)] = s.params.integer(one ? "padding" : keys[a][2], 0);
    }
    const qint64 cinG = x.c() / groups;
    const qint64 taps = p.ints[NK] * p.ints[NK + 1] * p.ints[NK + 2];
    const double bound = 1.0 / std::sqrt(double(std::max<qint64>(cinG * taps, 1)));
    Tensor w =
        Tensor::zeros(one ? shapeOf({y.c(), cinG, p.ints[NK + 2]})
                          : shapeOf({y.c(), cinG, p.ints[NK], p.ints[NK + 1], p.ints[NK + 2]}));
    fillUniform(w, bound, *s.rng);
    p.weights.append({QStringLiteral("weight"), std::move(w)});
    if (s.params.flag("bias", true))
        addWeight(p, QStringLiteral("bias"), {y.c()}, bound, *s.rng);
    p.path = QStringLiteral("im2col + GEMM");
    return {};
}

void runConvNd(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
               const CancelFlag &cancel)
{
    const auto &v = p.ints;
    const qint64 groups = v[NGroups], cinG = v[NCin] / groups, coutG = v[NCout] / groups;
    const qint64 dil = v[NDil];
    const qint64 inPlane = v[NIn] * v[NIn + 1] * v[NIn + 2];
    const qint64 outPlane = v[NOut] * v[NOut + 1] * v[NOut + 2];
    const qint64 taps = v[NK] * v[NK + 1] * v[NK + 2];
    const qint64 rows = cinG * taps;
    std::vector<float> &col = p.scratch;
    col.assign(size_t(rows * outPlane), 0.0f);
    const Tensor &wt = p.weights[0].tensor;
    const Tensor *bias = p.weights.size() > 1 ? &p.weights[1].tensor : nullptr;
    for (qint64 n = 0; n < v[NN]; ++n)
        for (qint64 g = 0; g < groups; ++g) {
            if (cancel.cancelled())
                return;
            const float *x = in[0]->ptr() + (n * v[NCin] + g * cinG) * inPlane;
            qint64 r = 0;
            for (qint64 c = 0; c < cinG; ++c)
                for (qint64 kd = 0; kd < v[NK]; ++kd)
                    for (qint64 kh = 0; kh < v[NK + 1]; ++kh)
                        for (qint64 kw = 0; kw < v[NK + 2]; ++kw, ++r) {
                            float *dst = col.data() + r * outPlane;
                            qint64 o = 0;
                            for (qint64 od = 0; od < v[NOut]; ++od) {
                                const qint64 id = od * v[NS] - v[NP] + kd * dil;
                                for (qint64 oh = 0; oh < v[NOut + 1]; ++oh) {
                                    const qint64 ih = oh * v[NS + 1] - v[NP + 1] + kh * dil;
                                    for (qint64 ow = 0; ow < v[NOut + 2]; ++ow, ++o) {
                                        const qint64 iw = ow * v[NS + 2] - v[NP + 2] + kw * dil;
                                        const bool inside = id >= 0 && id < v[NIn] && ih >= 0 &&
                                                            ih < v[NIn + 1] && iw >= 0 &&
                                                            iw < v[NIn + 2];
                                        dst[o] = inside
                                                     ? x[c * inPlane +
                                                         (id * v[NIn + 1] + ih) * v[NIn + 2] + iw]
                                                     : 0.0f;
                                    }
                                }
                            }
                        }
            MapRM y(out[0].ptr() + (n * v[NCout] + g * coutG) * outPlane, coutG, outPlane);
            y.noalias() = ConstMapRM(wt.ptr() + g * coutG * rows, coutG, rows) *
                          ConstMapRM(col.data(), rows, outPlane);
            if (bias)
                for (qint64 c = 0; c < coutG; ++c)
                    y.row(c).array() += bias->data[size_t(g * coutG + c)];
        }
}

} // namespace

void addMatmulKernels(QHash<QString, Kernel> &table)
{
    table.insert(QStringLiteral("matmul"), {prepareMatmul, runMatmul});
    table.insert(QStringLiteral("conv1d"), {prepareConvNd, runConvNd});
    table.insert(QStringLiteral("conv3d"), {prepareConvNd, runConvNd});
}

} // namespace naqsh::exec
