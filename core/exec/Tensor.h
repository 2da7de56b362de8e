#pragma once

#include "analysis/TensorShape.h"

#include <QString>
#include <algorithm>
#include <initializer_list>
#include <span>
#include <vector>

namespace naqsh {

/// N-d shapes carry a validity flag; set it where there is one.
template<typename S> void markValid(S &s)
{
    if constexpr (requires { s.valid; })
        s.valid = true;
}

/// A shape of the given dimensions (weights and test tensors).
inline TensorShape shapeOf(std::span<const qint64> d)
{
    TensorShape s;
    s.rank = decltype(s.rank)(std::min<size_t>(d.size(), s.dims.size()));
    for (int i = 0; i < s.rank; ++i)
        s.dims[size_t(i)] = d[size_t(i)];
    markValid(s);
    return s;
}
inline TensorShape shapeOf(std::initializer_list<qint64> d)
{
    return shapeOf(std::span<const qint64>(d.begin(), d.size()));
}

/// A dense float32 tensor in row-major (C) order, as PyTorch lays out a contiguous tensor.
struct Tensor
{
    TensorShape shape;
    std::vector<float> data;

    static Tensor zeros(const TensorShape &s)
    {
        Tensor t;
        t.shape = s;
        t.data.assign(size_t(std::max<qint64>(s.elements().value(), 0)), 0.0f);
        return t;
    }
    qint64 size() const { return qint64(data.size()); }
    float *ptr() { return data.data(); }
    const float *ptr() const { return data.data(); }
};

/// A weight tensor of a layer under its PyTorch state-dict name below the layer's module
/// ("weight", "bias", "running_mean", "fc1.weight", "in_proj_weight"), in PyTorch's layout
/// (Conv2d: out×in/groups×kh×kw). An empty name: the layer's attribute is itself the parameter
/// (self.<layer> = nn.Parameter(...), as a learned constant operand or ViT's class token).
struct NamedTensor
{
    QString name;
    Tensor tensor;
};

} // namespace naqsh
