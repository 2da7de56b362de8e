// The activations of the modern vocabulary (SiLU, HardSwish, HardSigmoid, Mish, Softplus, ELU,
// GELU in both forms): one pass over the values each, with PyTorch's formulas.
#include "EigenMaps.h"
#include "Kernels.h"

#include <Eigen/Core>
#include <cmath>

namespace naqsh::exec {

namespace {

QString prepareElementwise(const KernelSetup &, PreparedLayer &p)
{
    p.path = QStringLiteral("element-wise");
    return {};
}

void runSilu(const PreparedLayer &, std::span<const Tensor *const> in, std::span<Tensor> out,
             const CancelFlag &)
{
    arr(out[0]) = arr(*in[0]) / (1.0f + (-arr(*in[0])).exp());
}

void runHardswish(const PreparedLayer &, std::span<const Tensor *const> in, std::span<Tensor> out,
                  const CancelFlag &)
{
    arr(out[0]) = arr(*in[0]) * (arr(*in[0]) + 3.0f).max(0.0f).min(6.0f) / 6.0f;
}

void runHardsigmoid(const PreparedLayer &, std::span<const Tensor *const> in, std::span<Tensor> out,
                    const CancelFlag &)
{
    arr(out[0]) = (arr(*in[0]) + 3.0f).max(0.0f).min(6.0f) / 6.0f;
}

/// PyTorch's Softplus (beta 1): the input itself above the threshold 20, where log(1 + eˣ) = x
/// in float.
float softplus(float x)
{
    return x > 20.0f ? x : std::log1p(std::exp(x));
}

void runSoftplus(const PreparedLayer &, std::span<const Tensor *const> in, std::span<Tensor> out,
                 const CancelFlag &)
{
    const float *x = in[0]->ptr();
    float *y = out[0].ptr();
    for (qint64 i = 0; i < out[0].size(); ++i)
        y[i] = softplus(x[i]);
}

void runMish(const PreparedLayer &, std::span<const Tensor *const> in, std::span<Tensor> out,
             const CancelFlag &)
{
    const float *x = in[0]->ptr();
    float *y = out[0].ptr();
    for (qint64 i = 0; i < out[0].size(); ++i)
        y[i] = x[i] * std::tanh(softplus(x[i]));
}

QString prepareElu(const KernelSetup &s, PreparedLayer &p)
{
    p.reals = {s.params.real("alpha", 1.0)};
    p.path = QStringLiteral("element-wise");
    return {};
}

void runElu(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
            const CancelFlag &)
{
    const float alpha = float(p.reals[0]);
    const float *x = in[0]->ptr();
    float *y = out[0].ptr();
    for (qint64 i = 0; i < out[0].size(); ++i)
        y[i] = x[i] > 0.0f ? x[i] : alpha * std::expm1(x[i]);
}

QString prepareGelu(const KernelSetup &s, PreparedLayer &p)
{
    p.mode = s.params.choice("approximate") == QLatin1String("tanh") ? 1 : 0;
    p.path = p.mode ? QStringLiteral("element-wise (tanh)") : QStringLiteral("element-wise (erf)");
    return {};
}

void runGelu(const PreparedLayer &p, std::span<const Tensor *const> in, std::span<Tensor> out,
             const CancelFlag &)
{
    const float *x = in[0]->ptr();
    float *y = out[0].ptr();
    if (p.mode == 1) { // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
        const float k = float(std::sqrt(2.0 / M_PI));
        for (qint64 i = 0; i < out[0].size(); ++i)
            y[i] = 0.5f * x[i] * (1.0f + std::tanh(k * (x[i] + 0.044715f * x[i] * x[i] * x[i])));
        return;
    }
    for (qint64 i = 0; i < out[0].size(); ++i) // x · Φ(x) with the exact error function
        y[i] = 0.5f * x[i] * (1.0f + std::erf(x[i] * float(M_SQRT1_2)));
}

} // namespace

void addActivationKernels(QHash<QString, Kernel> &table)
{
    table.insert(QStringLiteral("silu"), {prepareElementwise, runSilu});
    table.insert(QStringLiteral("hardswish"), {prepareElementwise, runHardswish});
    table.insert(QStringLiteral("hardsigmoid"), {prepareElementwise, runHardsigmoid});
    table.insert(QStringLiteral("mish"), {prepareElementwise, runMish});
    table.insert(QStringLiteral("softplus"), {prepareElementwise, runSoftplus});
    table.insert(QStringLiteral("elu"), {prepareElu, runElu});
    table.insert(QStringLiteral("gelu"), {prepareGelu, runGelu});
}

} // namespace naqsh::exec
