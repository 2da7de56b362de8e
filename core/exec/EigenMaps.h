#pragma once

// A tensor's values as an Eigen array, for the kernels that work value by value.
#include "Tensor.h"

#include <Eigen/Core>

namespace naqsh::exec {

using ArrayMap = Eigen::Map<Eigen::ArrayXf>;
using ConstArrayMap = Eigen::Map<const Eigen::ArrayXf>;

inline ConstArrayMap arr(const Tensor &t)
{
    return ConstArrayMap(t.ptr(), Eigen::Index(t.size()));
}

inline ArrayMap arr(Tensor &t)
{
    return ArrayMap(t.ptr(), Eigen::Index(t.size()));
}

} // namespace naqsh::exec
