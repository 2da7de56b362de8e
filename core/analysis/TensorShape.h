#pragma once

#include "CheckedInt.h"

#include <QString>
#include <QVector>
#include <array>
#include <initializer_list>
#include <span>

namespace naqsh {

/// How the dimensions of a shape are read. Auto names a shape by its rank (2: N×F, 3: N×L×D,
/// 4: N×C×H×W, 5: N×C×D×H×W); rules set another layout where they know better (Conv1d makes
/// N×C×L; Permute makes a plain tensor, whose dimensions have no names).
enum class TensorLayout : quint8 {
    Auto,
    Features,   ///< N×F
    Sequence,   ///< N×L×D: a batch of token sequences
    Channels1d, ///< N×C×L: a batch of 1-D signals
    Image,      ///< N×C×H×W
    Volume,     ///< N×C×D×H×W
    Plain,      ///< no names: d0×d1×…
};

/// A tensor shape of rank 0 to kMaxRank with the batch explicit (dimension 0 for rank ≥ 1). A
/// small fixed-size value: no heap allocation, so the analysis copies it freely. A
/// default-constructed shape is invalid ("no shape"); rank 0 is a valid scalar.
struct TensorShape
{
    static constexpr int kMaxRank = 8;

    std::array<qint64, kMaxRank> dims{};
    qint8 rank = 0;
    bool valid = false;
    TensorLayout layout = TensorLayout::Auto;

    static TensorShape nchw(qint64 n, qint64 c, qint64 h, qint64 w)
    {
        return of({n, c, h, w}, TensorLayout::Image);
    }
    static TensorShape nf(qint64 n, qint64 f) { return of({n, f}, TensorLayout::Features); }
    static TensorShape nld(qint64 n, qint64 l, qint64 d)
    {
        return of({n, l, d}, TensorLayout::Sequence);
    }
    /// A shape of the given dimensions (at most kMaxRank; further ones are dropped).
    static TensorShape of(std::initializer_list<qint64> d, TensorLayout layout = TensorLayout::Auto)
    {
        return of(std::span<const qint64>(d.begin(), d.size()), layout);
    }
    static TensorShape of(std::span<const qint64> d, TensorLayout layout = TensorLayout::Auto);
    static TensorShape scalar() { return of(std::span<const qint64>(), TensorLayout::Auto); }

    bool isValid() const { return valid; }
    bool isImage() const { return valid && rank == 4; }
    qint64 n() const { return dims[0]; }
    qint64 c() const { return dims[1]; }
    qint64 h() const { return dims[2]; }
    qint64 w() const { return dims[3]; }
    qint64 features() const { return dims[1]; }
    /// The last dimension (features of N×F, D of N×L×D, W of N×C×H×W); 1 for a scalar.
    qint64 last() const { return rank > 0 ? dims[rank - 1] : 1; }
    /// Dimension @p axis, negative counting from the end (-1 is the last).
    qint64 dim(int axis) const { return dims[axis < 0 ? axis + rank : axis]; }
    /// Normalises @p axis (negative from the end) to 0..rank-1, or -1 if out of range.
    int axis(qint64 a) const
    {
        const qint64 r = a < 0 ? a + rank : a;
        return r >= 0 && r < rank ? int(r) : -1;
    }

    /// Elements including the batch; overflow is reported through CheckedInt.
    CheckedInt elements() const
    {
        CheckedInt e = 1;
        for (int i = 0; i < rank; ++i)
            e *= dims[i];
        return e;
    }
    /// Elements of one sample (without the batch).
    CheckedInt sampleElements() const;
    /// Product of dimensions [from, to) (clamped to the rank).
    CheckedInt product(int from, int to) const;
    QVector<qint64> toVector() const;

    /// The layout this shape is read in: an explicit one, or by rank for Auto.
    TensorLayout effectiveLayout() const;
    /// Letters naming the dimensions, "N×C×H×W", "N×L×D", "N×F"; empty for a plain tensor.
    QString layoutLetters() const;

    /// "1×192×28×28" with Latin digits (for machines: tests, JSON-adjacent text, CLI); "scalar"
    /// for rank 0 and "?" for an invalid shape.
    QString toString() const;

    /// NumPy broadcasting of @p a and @p b (dimensions aligned from the right; each pair equal,
    /// or one of them 1). On failure returns false and sets @p badAxis to the output axis that
    /// cannot be broadcast.
    static bool broadcast(const TensorShape &a, const TensorShape &b, TensorShape *out,
                          int *badAxis = nullptr);

    /// Equal dimensions (the layout is a reading, compared by sameLayout).
    bool operator==(const TensorShape &o) const
    {
        if (valid != o.valid || rank != o.rank)
            return false;
        for (int i = 0; i < rank; ++i)
            if (dims[i] != o.dims[i])
                return false;
        return true;
    }
    bool sameLayout(const TensorShape &o) const { return effectiveLayout() == o.effectiveLayout(); }
};

} // namespace naqsh
