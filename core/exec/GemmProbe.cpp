#include "GemmProbe.h"

#include <Eigen/Core>
#include <QElapsedTimer>
#include <QVector>
#include <algorithm>

namespace naqsh::exec {

double measureGemmMs(qint64 m, qint64 k, qint64 n, int repeat)
{
    using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const RowMatrix a = RowMatrix::Random(m, k);
    const RowMatrix b = RowMatrix::Random(k, n);
    RowMatrix c(m, n);
    c.noalias() = a * b; // warm-up
    QVector<double> times;
    for (int i = 0; i < std::max(repeat, 1); ++i) {
        QElapsedTimer t;
        t.start();
        c.noalias() = a * b;
        times.append(double(t.nsecsElapsed()) / 1e6);
    }
    volatile float sink = c(0, 0);
    (void)sink;
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace naqsh::exec
