#pragma once

#include <QtGlobal>

namespace naqsh::exec {

/// Median milliseconds of this machine's Eigen float GEMM C[m×n] = A[m×k]·B[k×n], compiled as
/// the executor's kernels are (same flags), on the current Eigen thread count. The yardstick
/// for "how close to the machine's own GEMM does a convolution get".
double measureGemmMs(qint64 m, qint64 k, qint64 n, int repeat);

} // namespace naqsh::exec
