#pragma once

// The shape of a learned constant operand of Mul, Add, Sub or Div (ConvNeXt's layer scale, an
// imported file's per-channel scale or shift): used by the PyTorch export, which declares it as
// an nn.Parameter, and by the executor, which draws it.
#include "analysis/TensorShape.h"

namespace naqsh {

/// A shape of @p params elements that broadcasts against @p out as the learned tensor does:
/// {1} for one value; C×1×…×1 for one value per channel of an image, a signal or a volume (as
/// torchvision's ConvNeXt declares its layer scale, dim×1×1); the trailing dimensions whose
/// product is @p params otherwise (D for tokens N×L×D); an invalid shape if none fits.
inline TensorShape constantOperandShape(const TensorShape &out, qint64 params)
{
    if (params <= 0 || !out.isValid())
        return {};
    if (params == 1)
        return TensorShape::of({1});
    const TensorLayout layout = out.effectiveLayout();
    const bool channels = layout == TensorLayout::Image || layout == TensorLayout::Volume ||
                          layout == TensorLayout::Channels1d;
    auto perAxis = [&](int axis) {
        TensorShape s;
        s.rank = qint8(out.rank - axis);
        s.valid = true;
        s.dims[0] = params;
        for (int i = 1; i < s.rank; ++i)
            s.dims[size_t(i)] = 1;
        return s;
    };
    if (channels && out.rank >= 2 && out.dims[1] == params)
        return perAxis(1);
    for (int k = out.rank - 1; k >= 1; --k) {
        qint64 product = 1;
        for (int i = k; i < out.rank; ++i)
            product *= out.dims[size_t(i)];
        if (product == params) {
            TensorShape s;
            s.rank = qint8(out.rank - k);
            s.valid = true;
            for (int i = k; i < out.rank; ++i)
                s.dims[size_t(i - k)] = out.dims[size_t(i)];
            return s;
        }
        if (product > params)
            break;
    }
    for (int axis = 1; axis < out.rank; ++axis)
        if (out.dims[size_t(axis)] == params)
            return perAxis(axis);
    return {};
}

} // namespace naqsh
