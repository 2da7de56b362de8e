#pragma once

#include "CheckedInt.h"

#include <QString>
#include <QVector>
#include <array>

namespace naqsh {

/// A tensor shape with the batch explicit: rank 4 is N,C,H,W; rank 2 is N,F (features).
struct TensorShape
{
    int rank = 0;
    std::array<qint64, 4> dims{0, 0, 0, 0};

    static TensorShape nchw(qint64 n, qint64 c, qint64 h, qint64 w) { return {4, {n, c, h, w}}; }
    static TensorShape nf(qint64 n, qint64 f) { return {2, {n, f, 0, 0}}; }

    bool isValid() const { return rank > 0; }
    bool isImage() const { return rank == 4; }
    qint64 n() const { return dims[0]; }
    qint64 c() const { return dims[1]; }
    qint64 h() const { return dims[2]; }
    qint64 w() const { return dims[3]; }
    qint64 features() const { return dims[1]; }
    /// Elements including the batch; overflow is reported through CheckedInt.
    CheckedInt elements() const
    {
        CheckedInt e = dims[0];
        for (int i = 1; i < rank; ++i)
            e *= dims[i];
        return rank > 0 ? e : CheckedInt(1);
    }
    /// Elements of one sample (without the batch).
    CheckedInt sampleElements() const;
    QVector<qint64> toVector() const;

    /// "1×192×28×28" with Latin digits (for machines: tests, JSON-adjacent text, CLI).
    QString toString() const;

    bool operator==(const TensorShape &o) const { return rank == o.rank && dims == o.dims; }
};

} // namespace naqsh
