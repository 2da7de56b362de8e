#include "OnnxFold.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace naqsh {

namespace {

// Sizes beyond this are refused (no real tensor comes near, and products of a few stay far from
// overflowing 64 bits).
constexpr qint64 kMaxDim = qint64(1) << 40;
constexpr int kMaxRank = 16;
constexpr qint64 kInt64Max = std::numeric_limits<qint64>::max();
constexpr qint64 kInt64Min = std::numeric_limits<qint64>::min();

bool isFloatType(int t)
{
    return t == 1 || t == 10 || t == 11 || t == 16;
}

/// Product of dims; -1 when one is unknown, negative, too large, or the product overflows.
qint64 countOf(const QVector<qint64> &dims)
{
    qint64 n = 1;
    for (qint64 d : dims) {
        if (d < 0 || d > kMaxDim || (d > 0 && n > kMaxDim / d))
            return -1;
        n *= d;
    }
    return n;
}

bool dimsKnown(const QVector<qint64> &dims)
{
    return countOf(dims) >= 0;
}

/// True when t's values are present and consistent with its dims.
bool valued(const OnnxTensorInfo *t)
{
    if (!t || !t->rankKnown || !t->hasValues || t->dims.size() > kMaxRank)
        return false;
    const qint64 n = countOf(t->dims);
    if (n < 0)
        return false;
    return isFloatType(t->elemType) ? t->floats.size() == n : t->ints.size() == n;
}

bool ranked(const OnnxTensorInfo *t)
{
    return t && t->rankKnown && t->dims.size() <= kMaxRank;
}

double floatAt(const OnnxTensorInfo &t, qint64 i)
{
    return isFloatType(t.elemType) ? t.floats[i] : double(t.ints[i]);
}

/// Integer value of element i; nullopt for a float that is not a representable integer.
std::optional<qint64> intAt(const OnnxTensorInfo &t, qint64 i)
{
    if (!isFloatType(t.elemType))
        return t.ints[i];
    const double v = std::trunc(t.floats[i]);
    if (!std::isfinite(v) || v < -9.2e18 || v > 9.2e18)
        return std::nullopt;
    return qint64(v);
}

/// The integer values of a valued tensor, or nullopt.
std::optional<QVector<qint64>> intsOf(const OnnxTensorInfo *t)
{
    if (!valued(t))
        return std::nullopt;
    QVector<qint64> out;
    const qint64 n = countOf(t->dims);
    out.reserve(n);
    for (qint64 i = 0; i < n; ++i) {
        const std::optional<qint64> v = intAt(*t, i);
        if (!v)
            return std::nullopt;
        out << *v;
    }
    return out;
}

OnnxTensorInfo shaped(const QVector<qint64> &dims, int elemType)
{
    OnnxTensorInfo t;
    t.rankKnown = true;
    t.dims = dims;
    t.elemType = elemType;
    return t;
}

/// Row-major strides of dims (all known).
QVector<qint64> stridesOf(const QVector<qint64> &dims)
{
    QVector<qint64> s(dims.size(), 1);
    for (qsizetype i = dims.size() - 2; i >= 0; --i)
        s[i] = s[i + 1] * dims[i + 1];
    return s;
}

/// Fills out's values (out.dims known, at most kOnnxMaxFoldedValues elements) with
/// source(outIndex) → index into @p from; copies from's values. False when not computable.
bool gatherValues(OnnxTensorInfo &out, const OnnxTensorInfo &from,
                  const std::function<qint64(const QVector<qint64> &)> &sourceOf)
{
    const qint64 n = countOf(out.dims);
    if (n < 0 || n > kOnnxMaxFoldedValues || !valued(&from))
        return false;
    const bool isFloat = isFloatType(from.elemType);
    const qint64 fromCount = countOf(from.dims);
    QVector<qint64> idx(out.dims.size(), 0);
    for (qint64 k = 0; k < n; ++k) {
        const qint64 src = sourceOf(idx);
        if (src < 0 || src >= fromCount)
            return false;
        if (isFloat)
            out.floats << from.floats[src];
        else
            out.ints << from.ints[src];
        for (qsizetype a = idx.size() - 1; a >= 0; --a) {
            if (++idx[a] < out.dims[a])
                break;
            idx[a] = 0;
        }
    }
    out.elemType = from.elemType;
    out.hasValues = true;
    return true;
}

/// NumPy broadcasting of dims (-1 unknown); nullopt when they do not broadcast.
std::optional<QVector<qint64>> broadcast(const QVector<qint64> &a, const QVector<qint64> &b)
{
    const qsizetype r = std::max(a.size(), b.size());
    QVector<qint64> out(r, 1);
    for (qsizetype i = 0; i < r; ++i) {
        const qint64 x = i < r - a.size() ? 1 : a[i - (r - a.size())];
        const qint64 y = i < r - b.size() ? 1 : b[i - (r - b.size())];
        if (x == y || y == 1)
            out[i] = x;
        else if (x == 1)
            out[i] = y;
        else if (x < 0 || y < 0)
            out[i] = x < 0 ? y : x; // unknown against a size > 1: the size, if it runs
        else
            return std::nullopt;
    }
    return out;
}

/// Index into a tensor of dims @p in broadcast to the output index @p idx.
qint64 broadcastSource(const QVector<qint64> &in, const QVector<qint64> &inStrides,
                       const QVector<qint64> &idx)
{
    const qsizetype off = idx.size() - in.size();
    qint64 src = 0;
    for (qsizetype a = 0; a < in.size(); ++a)
        src += (in[a] == 1 ? 0 : idx[a + off]) * inStrides[a];
    return src;
}

qint64 normAxis(qint64 axis, qint64 rank)
{
    return axis < 0 ? axis + rank : axis;
}

// --- element-wise ----------------------------------------------------------------------------

enum class Bin { Add, Sub, Mul, Div, Mod, FMod, Min, Max, Pow, Equal, Less, Greater, And, Or };

std::optional<qint64> intOp(Bin op, qint64 a, qint64 b)
{
    qint64 r = 0;
    switch (op) {
    case Bin::Add:
        return __builtin_add_overflow(a, b, &r) ? std::nullopt : std::optional<qint64>(r);
    case Bin::Sub:
        return __builtin_sub_overflow(a, b, &r) ? std::nullopt : std::optional<qint64>(r);
    case Bin::Mul:
        return __builtin_mul_overflow(a, b, &r) ? std::nullopt : std::optional<qint64>(r);
    case Bin::Div: // C-style truncation, as ONNX runtimes compute integer Div
        if (b == 0 || (a == kInt64Min && b == -1))
            return std::nullopt;
        return a / b;
    case Bin::Mod:
    case Bin::FMod: {
        if (b == 0 || (a == kInt64Min && b == -1))
            return std::nullopt;
        qint64 m = a % b;
        if (op == Bin::Mod && m != 0 && ((m < 0) != (b < 0)))
            m += b; // the divisor's sign, as Python
        return m;
    }
    case Bin::Min:
        return std::min(a, b);
    case Bin::Max:
        return std::max(a, b);
    case Bin::Pow: {
        if (b < 0)
            return std::nullopt;
        qint64 p = 1;
        for (qint64 i = 0; i < b; ++i) {
            if (__builtin_mul_overflow(p, a, &p))
                return std::nullopt;
            if (p == 0 || p == 1)
                break;
        }
        return p;
    }
    case Bin::Equal:
        return qint64(a == b);
    case Bin::Less:
        return qint64(a < b);
    case Bin::Greater:
        return qint64(a > b);
    case Bin::And:
        return qint64(a != 0 && b != 0);
    case Bin::Or:
        return qint64(a != 0 || b != 0);
    }
    return std::nullopt;
}

double floatOp(Bin op, double a, double b)
{
    switch (op) {
    case Bin::Add:
        return a + b;
    case Bin::Sub:
        return a - b;
    case Bin::Mul:
        return a * b;
    case Bin::Div:
        return a / b;
    case Bin::Mod:
    case Bin::FMod:
        return std::fmod(a, b);
    case Bin::Min:
        return std::min(a, b);
    case Bin::Max:
        return std::max(a, b);
    case Bin::Pow:
        return std::pow(a, b);
    case Bin::Equal:
        return a == b;
    case Bin::Less:
        return a < b;
    case Bin::Greater:
        return a > b;
    case Bin::And:
        return a != 0 && b != 0;
    case Bin::Or:
        return a != 0 || b != 0;
    }
    return 0;
}

std::optional<OnnxTensorInfo> binary(Bin op, const OnnxTensorInfo *a, const OnnxTensorInfo *b)
{
    if (!ranked(a) || !ranked(b))
        return std::nullopt;
    const std::optional<QVector<qint64>> dims = broadcast(a->dims, b->dims);
    if (!dims)
        return std::nullopt;
    const bool logical = op == Bin::Equal || op == Bin::Less || op == Bin::Greater ||
                         op == Bin::And || op == Bin::Or;
    OnnxTensorInfo out = shaped(*dims, logical ? 9 : a->elemType);
    const qint64 n = countOf(out.dims);
    if (!valued(a) || !valued(b) || n < 0 || n > kOnnxMaxFoldedValues)
        return out;
    const bool asFloat = isFloatType(a->elemType) || isFloatType(b->elemType);
    const QVector<qint64> sa = stridesOf(a->dims), sb = stridesOf(b->dims);
    QVector<qint64> idx(out.dims.size(), 0);
    QVector<qint64> ints;
    QVector<double> floats;
    for (qint64 k = 0; k < n; ++k) {
        const qint64 ia = broadcastSource(a->dims, sa, idx);
        const qint64 ib = broadcastSource(b->dims, sb, idx);
        if (asFloat) {
            const double v = floatOp(op, floatAt(*a, ia), floatAt(*b, ib));
            if (logical)
                ints << qint64(v != 0);
            else
                floats << v;
        } else {
            const std::optional<qint64> v = intOp(op, a->ints[ia], b->ints[ib]);
            if (!v)
                return out; // overflow or division by zero: the shape, without values
            ints << *v;
        }
        for (qsizetype x = idx.size() - 1; x >= 0; --x) {
            if (++idx[x] < out.dims[x])
                break;
            idx[x] = 0;
        }
    }
    if (!logical && asFloat != isFloatType(out.elemType))
        return out; // mixed integer and float operands: not valid ONNX, keep the shape only
    out.ints = ints;
    out.floats = floats;
    out.hasValues = true;
    return out;
}

std::optional<OnnxTensorInfo> unary(const QString &op, const OnnxTensorInfo *x)
{
    if (!ranked(x))
        return std::nullopt;
    OnnxTensorInfo out = shaped(x->dims, op == u"Not" ? 9 : x->elemType);
    if (!valued(x))
        return out;
    if (isFloatType(x->elemType)) {
        for (double v : x->floats) {
            if (op == u"Neg")
                v = -v;
            else if (op == u"Abs")
                v = std::fabs(v);
            else if (op == u"Floor")
                v = std::floor(v);
            else if (op == u"Ceil")
                v = std::ceil(v);
            else if (op == u"Sqrt")
                v = std::sqrt(v);
            else if (op == u"Reciprocal")
                v = 1.0 / v;
            else if (op == u"Not")
                v = v == 0;
            if (op == u"Not")
                out.ints << qint64(v);
            else
                out.floats << v;
        }
    } else {
        for (qint64 v : x->ints) {
            if ((op == u"Neg" || op == u"Abs") && v == kInt64Min)
                return out;
            if (op == u"Neg")
                v = -v;
            else if (op == u"Abs")
                v = v < 0 ? -v : v;
            else if (op == u"Not")
                v = v == 0;
            else if (op == u"Sqrt" || op == u"Reciprocal")
                return out; // integer results of these are not used for shapes
            out.ints << v;
        }
    }
    out.hasValues = true;
    return out;
}

std::optional<OnnxTensorInfo> cast(const OnnxNode &n, const OnnxTensorInfo *x)
{
    if (!ranked(x))
        return std::nullopt;
    const int to = int(n.attrInt(u"to", 0));
    OnnxTensorInfo out = shaped(x->dims, to);
    if (!valued(x) || to <= 0)
        return out;
    if (isFloatType(to)) {
        for (qint64 i = 0; i < countOf(x->dims); ++i)
            out.floats << floatAt(*x, i);
    } else if (to == 9) {
        for (qint64 i = 0; i < countOf(x->dims); ++i)
            out.ints << qint64(floatAt(*x, i) != 0);
    } else {
        const std::optional<QVector<qint64>> v = intsOf(x);
        if (!v)
            return out;
        out.ints = *v;
    }
    out.hasValues = true;
    return out;
}

// --- shape operators -------------------------------------------------------------------------

std::optional<OnnxTensorInfo> shapeOp(const OnnxNode &n, const OnnxTensorInfo *x)
{
    if (!ranked(x))
        return std::nullopt;
    const qint64 rank = x->dims.size();
    qint64 start = normAxis(n.attrInt(u"start", 0), rank);
    qint64 end = n.hasAttribute(u"end") ? normAxis(n.attrInt(u"end", rank), rank) : rank;
    start = std::clamp<qint64>(start, 0, rank);
    end = std::clamp<qint64>(end, 0, rank);
    const QVector<qint64> dims = x->dims.mid(start, std::max<qint64>(end - start, 0));
    OnnxTensorInfo out = shaped({qint64(dims.size())}, 7);
    if (std::all_of(dims.cbegin(), dims.cend(), [](qint64 d) { return d >= 0; })) {
        out.ints = dims;
        out.hasValues = true;
    }
    return out;
}

std::optional<OnnxTensorInfo> gather(const OnnxNode &n, const OnnxTensorInfo *data,
                                     const OnnxTensorInfo *indices)
{
    if (!ranked(data) || !ranked(indices) || data->dims.isEmpty())
        return std::nullopt;
    const qint64 rank = data->dims.size();
    const qint64 axis = normAxis(n.attrInt(u"axis", 0), rank);
    if (axis < 0 || axis >= rank || rank + indices->dims.size() - 1 > kMaxRank)
        return std::nullopt;
    QVector<qint64> dims = data->dims.mid(0, axis);
    dims += indices->dims;
    dims += data->dims.mid(axis + 1);
    OnnxTensorInfo out = shaped(dims, data->elemType);
    const std::optional<QVector<qint64>> idx = intsOf(indices);
    const qint64 size = data->dims[axis];
    if (!idx || !valued(data) || size < 1)
        return out;
    QVector<qint64> fixed;
    for (qint64 i : *idx) {
        if (i < -size || i >= size)
            return out; // out of range: the runtime would fail too
        fixed << (i < 0 ? i + size : i);
    }
    const QVector<qint64> strides = stridesOf(data->dims);
    const qsizetype ir = indices->dims.size();
    const QVector<qint64> istrides = stridesOf(indices->dims);
    gatherValues(out, *data, [&](const QVector<qint64> &o) {
        qint64 src = 0;
        for (qint64 a = 0; a < axis; ++a)
            src += o[a] * strides[a];
        qint64 flat = 0;
        for (qsizetype a = 0; a < ir; ++a)
            flat += o[axis + a] * istrides[a];
        src += fixed[flat] * strides[axis];
        for (qint64 a = axis + 1; a < rank; ++a)
            src += o[a + ir - 1] * strides[a];
        return src;
    });
    return out;
}

/// Axes from the attribute (older opsets) or input 1; nullopt when given but not constant.
std::optional<QVector<qint64>> axesOf(const OnnxNode &n, const QVector<const OnnxTensorInfo *> &in,
                                      int input, const char16_t *attr)
{
    if (in.size() > input && in[input])
        return intsOf(in[input]);
    return n.attrInts(attr);
}

std::optional<OnnxTensorInfo> withDims(const OnnxTensorInfo &x, const QVector<qint64> &dims)
{
    OnnxTensorInfo out = x;
    out.name.clear();
    out.dims = dims;
    out.rankKnown = true;
    out.dimParams.clear();
    if (countOf(dims) != countOf(x.dims) || countOf(dims) < 0) {
        out.hasValues = false;
        out.ints.clear();
        out.floats.clear();
    }
    return out;
}

std::optional<OnnxTensorInfo> unsqueeze(const OnnxNode &n,
                                        const QVector<const OnnxTensorInfo *> &in)
{
    const OnnxTensorInfo *x = in.value(0);
    const std::optional<QVector<qint64>> axes = axesOf(n, in, 1, u"axes");
    if (!ranked(x) || !axes || axes->isEmpty())
        return std::nullopt;
    const qint64 rank = x->dims.size() + axes->size();
    if (rank > kMaxRank)
        return std::nullopt;
    QVector<bool> inserted(rank, false);
    for (qint64 a : *axes) {
        a = normAxis(a, rank);
        if (a < 0 || a >= rank || inserted[a])
            return std::nullopt;
        inserted[a] = true;
    }
    QVector<qint64> dims;
    qsizetype next = 0;
    for (qint64 a = 0; a < rank; ++a)
        dims << (inserted[a] ? 1 : x->dims[next++]);
    return withDims(*x, dims);
}

std::optional<OnnxTensorInfo> squeeze(const OnnxNode &n, const QVector<const OnnxTensorInfo *> &in)
{
    const OnnxTensorInfo *x = in.value(0);
    const std::optional<QVector<qint64>> axes = axesOf(n, in, 1, u"axes");
    if (!ranked(x) || !axes)
        return std::nullopt;
    const qint64 rank = x->dims.size();
    QVector<bool> removed(rank, false);
    if (axes->isEmpty()) {
        for (qint64 a = 0; a < rank; ++a) {
            if (x->dims[a] < 0)
                return std::nullopt;
            removed[a] = x->dims[a] == 1;
        }
    }
    for (qint64 a : *axes) {
        a = normAxis(a, rank);
        if (a < 0 || a >= rank || x->dims[a] > 1 || x->dims[a] == 0)
            return std::nullopt;
        removed[a] = true;
    }
    QVector<qint64> dims;
    for (qint64 a = 0; a < rank; ++a) {
        if (!removed[a])
            dims << x->dims[a];
    }
    return withDims(*x, dims);
}

std::optional<OnnxTensorInfo> concat(const OnnxNode &n, const QVector<const OnnxTensorInfo *> &in)
{
    QVector<const OnnxTensorInfo *> parts;
    for (const OnnxTensorInfo *t : in) {
        if (!ranked(t))
            return std::nullopt;
        parts << t;
    }
    if (parts.isEmpty())
        return std::nullopt;
    const qint64 rank = parts[0]->dims.size();
    const qint64 axis = normAxis(n.attrInt(u"axis", 0), rank);
    if (axis < 0 || axis >= rank)
        return std::nullopt;
    QVector<qint64> dims = parts[0]->dims;
    dims[axis] = 0;
    QVector<qint64> offsets;
    for (const OnnxTensorInfo *t : parts) {
        if (t->dims.size() != rank)
            return std::nullopt;
        offsets << dims[axis];
        for (qint64 a = 0; a < rank; ++a) {
            if (a == axis)
                dims[a] = dims[a] < 0 || t->dims[a] < 0 ? -1 : dims[a] + t->dims[a];
            else if (dims[a] < 0)
                dims[a] = t->dims[a];
            else if (t->dims[a] >= 0 && t->dims[a] != dims[a])
                return std::nullopt;
        }
        if (dims[axis] > kMaxDim)
            return std::nullopt;
    }
    OnnxTensorInfo out = shaped(dims, parts[0]->elemType);
    const qint64 count = countOf(dims);
    if (count < 0 || count > kOnnxMaxFoldedValues)
        return out;
    for (const OnnxTensorInfo *t : parts) {
        if (!valued(t) || isFloatType(t->elemType) != isFloatType(out.elemType))
            return out;
    }
    // Walk the output; each position comes from the part whose range holds its axis index.
    QVector<qint64> idx(rank, 0);
    for (qint64 k = 0; k < count; ++k) {
        qsizetype p = parts.size() - 1;
        while (p > 0 && offsets[p] > idx[axis])
            --p;
        const OnnxTensorInfo *t = parts[p];
        const QVector<qint64> s = stridesOf(t->dims);
        qint64 src = 0;
        for (qint64 a = 0; a < rank; ++a)
            src += (a == axis ? idx[a] - offsets[p] : idx[a]) * s[a];
        if (isFloatType(out.elemType))
            out.floats << t->floats[src];
        else
            out.ints << t->ints[src];
        for (qint64 a = rank - 1; a >= 0; --a) {
            if (++idx[a] < dims[a])
                break;
            idx[a] = 0;
        }
    }
    out.hasValues = true;
    return out;
}

std::optional<OnnxTensorInfo> slice(const OnnxNode &n, const QVector<const OnnxTensorInfo *> &in,
                                    qint64 opset)
{
    const OnnxTensorInfo *x = in.value(0);
    if (!ranked(x))
        return std::nullopt;
    std::optional<QVector<qint64>> starts, ends, axes, steps;
    if (opset > 0 && opset < 10) {
        starts = n.attrInts(u"starts");
        ends = n.attrInts(u"ends");
        axes = n.attrInts(u"axes");
        steps = QVector<qint64>();
    } else {
        starts = intsOf(in.value(1));
        ends = intsOf(in.value(2));
        axes = in.value(3) ? intsOf(in.value(3)) : QVector<qint64>();
        steps = in.value(4) ? intsOf(in.value(4)) : QVector<qint64>();
    }
    if (!starts || !ends || !axes || !steps || starts->size() != ends->size())
        return std::nullopt;
    const qint64 rank = x->dims.size();
    if (axes->isEmpty()) {
        for (qint64 a = 0; a < starts->size(); ++a)
            axes->append(a);
    }
    if (steps->isEmpty())
        steps = QVector<qint64>(starts->size(), 1);
    if (axes->size() != starts->size() || steps->size() != starts->size())
        return std::nullopt;
    QVector<qint64> first(rank, 0), step(rank, 1), dims = x->dims;
    QVector<bool> seen(rank, false);
    for (qsizetype i = 0; i < axes->size(); ++i) {
        const qint64 a = normAxis(axes->at(i), rank);
        const qint64 st = steps->at(i), d = x->dims.value(a, -1);
        if (a < 0 || a >= rank || seen[a] || st == 0 || d < 0)
            return std::nullopt;
        seen[a] = true;
        qint64 s = starts->at(i), e = ends->at(i);
        if (s < 0)
            s = s < -d ? 0 : s + d; // no overflow: d >= 0 and s < 0
        if (e < 0)
            e = e < -d ? -1 : e + d;
        if (st > 0) {
            s = std::clamp<qint64>(s, 0, d);
            e = std::clamp<qint64>(e, 0, d);
            dims[a] = e > s ? (e - s - 1) / st + 1 : 0;
        } else {
            s = std::clamp<qint64>(s, 0, std::max<qint64>(d - 1, 0));
            e = std::clamp<qint64>(e, -1, d - 1);
            dims[a] = s > e && d > 0 ? (s - e - 1) / (st == kInt64Min ? kInt64Max : -st) + 1 : 0;
        }
        first[a] = s;
        step[a] = st;
    }
    OnnxTensorInfo out = shaped(dims, x->elemType);
    if (valued(x)) {
        const QVector<qint64> strides = stridesOf(x->dims);
        gatherValues(out, *x, [&](const QVector<qint64> &o) {
            qint64 src = 0;
            for (qint64 a = 0; a < rank; ++a)
                src += (first[a] + o[a] * step[a]) * strides[a];
            return src;
        });
    }
    return out;
}

std::optional<OnnxTensorInfo> reshape(const OnnxNode &n, const OnnxTensorInfo *x,
                                      const OnnxTensorInfo *shape)
{
    const std::optional<QVector<qint64>> target = intsOf(shape);
    if (!ranked(x) || !target || target->size() > kMaxRank)
        return std::nullopt;
    const bool allowZero = n.attrInt(u"allowzero", 0) != 0;
    QVector<qint64> dims;
    int inferred = -1;
    for (qsizetype i = 0; i < target->size(); ++i) {
        qint64 v = target->at(i);
        if (v == 0 && !allowZero)
            v = i < x->dims.size() ? x->dims[i] : -2;
        if (v == -1) {
            if (inferred >= 0)
                return std::nullopt;
            inferred = int(i);
        } else if (v < 0 || v > kMaxDim) {
            return std::nullopt;
        }
        dims << v;
    }
    if (inferred >= 0) {
        const qint64 total = countOf(x->dims);
        dims[inferred] = 1;
        const qint64 rest = countOf(dims);
        if (total < 0 || rest <= 0 || total % rest != 0)
            return std::nullopt;
        dims[inferred] = total / rest;
    }
    return withDims(*x, dims);
}

std::optional<OnnxTensorInfo> transpose(const OnnxNode &n, const OnnxTensorInfo *x)
{
    if (!ranked(x))
        return std::nullopt;
    const qint64 rank = x->dims.size();
    QVector<qint64> perm = n.attrInts(u"perm");
    if (perm.isEmpty()) {
        for (qint64 a = rank - 1; a >= 0; --a)
            perm << a;
    }
    if (perm.size() != rank)
        return std::nullopt;
    QVector<bool> seen(rank, false);
    QVector<qint64> dims;
    for (qint64 &p : perm) {
        p = normAxis(p, rank);
        if (p < 0 || p >= rank || seen[p])
            return std::nullopt;
        seen[p] = true;
        dims << x->dims[p];
    }
    OnnxTensorInfo out = shaped(dims, x->elemType);
    if (valued(x)) {
        const QVector<qint64> strides = stridesOf(x->dims);
        gatherValues(out, *x, [&](const QVector<qint64> &o) {
            qint64 src = 0;
            for (qint64 a = 0; a < rank; ++a)
                src += o[a] * strides[perm[a]];
            return src;
        });
    }
    return out;
}

std::optional<OnnxTensorInfo> expand(const OnnxTensorInfo *x, const OnnxTensorInfo *shape)
{
    const std::optional<QVector<qint64>> target = intsOf(shape);
    if (!ranked(x) || !target || target->size() > kMaxRank ||
        !std::all_of(target->cbegin(), target->cend(),
                     [](qint64 v) { return v >= 0 && v <= kMaxDim; }))
        return std::nullopt;
    const std::optional<QVector<qint64>> dims = broadcast(x->dims, *target);
    if (!dims)
        return std::nullopt;
    OnnxTensorInfo out = shaped(*dims, x->elemType);
    if (valued(x)) {
        const QVector<qint64> strides = stridesOf(x->dims);
        gatherValues(out, *x, [&](const QVector<qint64> &o) {
            return broadcastSource(x->dims, strides, o);
        });
    }
    return out;
}

std::optional<OnnxTensorInfo> constantOfShape(const OnnxNode &n, const OnnxTensorInfo *shape)
{
    const std::optional<QVector<qint64>> dims = intsOf(shape);
    if (!dims || dims->size() > kMaxRank || !dimsKnown(*dims))
        return std::nullopt;
    OnnxTensorInfo fill = shaped({1}, 1);
    fill.hasValues = true;
    fill.floats = {0.0};
    if (const OnnxAttribute *a = n.attribute(u"value");
        a && a->kind == OnnxAttribute::Kind::Tensor && valued(&a->tensor) &&
        countOf(a->tensor.dims) == 1)
        fill = a->tensor;
    OnnxTensorInfo out = shaped(*dims, fill.elemType);
    const qint64 count = countOf(*dims);
    if (count <= kOnnxMaxFoldedValues) {
        if (isFloatType(fill.elemType))
            out.floats = QVector<double>(count, fill.floats[0]);
        else
            out.ints = QVector<qint64>(count, fill.ints[0]);
        out.hasValues = true;
    }
    return out;
}

std::optional<OnnxTensorInfo> range(const QVector<const OnnxTensorInfo *> &in)
{
    for (int k = 0; k < 3; ++k) {
        if (!valued(in.value(k)) || countOf(in[k]->dims) != 1)
            return std::nullopt;
    }
    const int type = in[0]->elemType;
    const double start = floatAt(*in[0], 0), limit = floatAt(*in[1], 0), delta = floatAt(*in[2], 0);
    if (delta == 0 || !std::isfinite(start) || !std::isfinite(limit) || !std::isfinite(delta))
        return std::nullopt;
    const double count = std::max(std::ceil((limit - start) / delta), 0.0);
    if (count > double(kMaxDim))
        return std::nullopt;
    OnnxTensorInfo out = shaped({qint64(count)}, type);
    const bool ints = !isFloatType(type) && !isFloatType(in[2]->elemType);
    if (qint64(count) > kOnnxMaxFoldedValues || (!ints && !isFloatType(type)))
        return out;
    for (qint64 i = 0; i < qint64(count); ++i) {
        qint64 step = 0, v = 0;
        if (!ints)
            out.floats << start + double(i) * delta;
        else if (__builtin_mul_overflow(i, in[2]->ints[0], &step) ||
                 __builtin_add_overflow(in[0]->ints[0], step, &v))
            return out;
        else
            out.ints << v;
    }
    out.hasValues = true;
    return out;
}

std::optional<OnnxTensorInfo> where(const QVector<const OnnxTensorInfo *> &in)
{
    const OnnxTensorInfo *c = in.value(0), *x = in.value(1), *y = in.value(2);
    if (!ranked(c) || !ranked(x) || !ranked(y))
        return std::nullopt;
    std::optional<QVector<qint64>> dims = broadcast(c->dims, x->dims);
    if (dims)
        dims = broadcast(*dims, y->dims);
    if (!dims)
        return std::nullopt;
    OnnxTensorInfo out = shaped(*dims, x->elemType);
    const qint64 count = countOf(*dims);
    if (!valued(c) || !valued(x) || !valued(y) || count < 0 || count > kOnnxMaxFoldedValues ||
        isFloatType(x->elemType) != isFloatType(y->elemType))
        return out;
    const QVector<qint64> sc = stridesOf(c->dims), sx = stridesOf(x->dims), sy = stridesOf(y->dims);
    QVector<qint64> idx(dims->size(), 0);
    for (qint64 k = 0; k < count; ++k) {
        const bool pick = floatAt(*c, broadcastSource(c->dims, sc, idx)) != 0;
        const OnnxTensorInfo &from = pick ? *x : *y;
        const qint64 src = broadcastSource(from.dims, pick ? sx : sy, idx);
        if (isFloatType(out.elemType))
            out.floats << from.floats[src];
        else
            out.ints << from.ints[src];
        for (qsizetype a = idx.size() - 1; a >= 0; --a) {
            if (++idx[a] < out.dims[a])
                break;
            idx[a] = 0;
        }
    }
    out.hasValues = true;
    return out;
}

std::optional<OnnxTensorInfo> reduceProd(const OnnxNode &n, const OnnxTensorInfo *x)
{
    if (!ranked(x))
        return std::nullopt;
    const qint64 rank = x->dims.size();
    QVector<qint64> axes = n.attrInts(u"axes");
    QVector<bool> reduced(rank, axes.isEmpty());
    for (qint64 a : axes) {
        a = normAxis(a, rank);
        if (a < 0 || a >= rank)
            return std::nullopt;
        reduced[a] = true;
    }
    const bool keep = n.attrInt(u"keepdims", 1) != 0;
    QVector<qint64> dims;
    for (qint64 a = 0; a < rank; ++a) {
        if (!reduced[a])
            dims << x->dims[a];
        else if (keep)
            dims << 1;
    }
    OnnxTensorInfo out = shaped(dims, x->elemType);
    // Values only for the full product (the element count of a shape), the common case.
    if (valued(x) && std::all_of(reduced.cbegin(), reduced.cend(), [](bool r) { return r; })) {
        if (isFloatType(x->elemType)) {
            double p = 1;
            for (double v : x->floats)
                p *= v;
            out.floats = {p};
        } else {
            qint64 p = 1;
            for (qint64 v : x->ints) {
                if (__builtin_mul_overflow(p, v, &p))
                    return out;
            }
            out.ints = {p};
        }
        out.hasValues = true;
    }
    return out;
}

} // namespace

std::optional<OnnxTensorInfo> foldOnnxNode(const OnnxNode &n,
                                           const QVector<const OnnxTensorInfo *> &in, qint64 opset)
{
    if (!n.isStandardDomain() || n.outputs.isEmpty())
        return std::nullopt;
    const QString &op = n.opType;
    const OnnxTensorInfo *x = in.value(0);
    std::optional<OnnxTensorInfo> out;
    static const QHash<QString, Bin> binaries = {
        {QStringLiteral("Add"), Bin::Add},   {QStringLiteral("Sub"), Bin::Sub},
        {QStringLiteral("Mul"), Bin::Mul},   {QStringLiteral("Div"), Bin::Div},
        {QStringLiteral("Pow"), Bin::Pow},   {QStringLiteral("Equal"), Bin::Equal},
        {QStringLiteral("Less"), Bin::Less}, {QStringLiteral("Greater"), Bin::Greater},
        {QStringLiteral("And"), Bin::And},   {QStringLiteral("Or"), Bin::Or},
        {QStringLiteral("Min"), Bin::Min},   {QStringLiteral("Max"), Bin::Max},
        {QStringLiteral("Sum"), Bin::Add},   {QStringLiteral("Mod"), Bin::Mod},
    };
    if (auto it = binaries.constFind(op); it != binaries.cend()) {
        Bin b = it.value();
        if (b == Bin::Mod && n.attrInt(u"fmod", 0) != 0)
            b = Bin::FMod;
        const bool variadic = op == u"Min" || op == u"Max" || op == u"Sum";
        if (in.size() < 2 || (!variadic && in.size() != 2)) {
            if (variadic && in.size() == 1 && ranked(x))
                out = *x;
        } else {
            out = binary(b, in[0], in[1]);
            for (qsizetype k = 2; out && k < in.size(); ++k)
                out = binary(b, &*out, in[k]);
        }
    } else if (op == u"Neg" || op == u"Abs" || op == u"Floor" || op == u"Ceil" || op == u"Sqrt" ||
               op == u"Reciprocal" || op == u"Not") {
        out = unary(op, x);
    } else if (op == u"Identity") {
        if (ranked(x))
            out = *x;
    } else if (op == u"Cast") {
        out = cast(n, x);
    } else if (op == u"Shape") {
        out = shapeOp(n, x);
    } else if (op == u"Size") {
        if (ranked(x)) {
            out = shaped({}, 7);
            if (const qint64 c = countOf(x->dims); c >= 0) {
                out->ints = {c};
                out->hasValues = true;
            }
        }
    } else if (op == u"Gather") {
        out = gather(n, x, in.value(1));
    } else if (op == u"Unsqueeze") {
        out = unsqueeze(n, in);
    } else if (op == u"Squeeze") {
        out = squeeze(n, in);
    } else if (op == u"Concat") {
        out = concat(n, in);
    } else if (op == u"Slice") {
        out = slice(n, in, opset);
    } else if (op == u"Reshape") {
        out = reshape(n, x, in.value(1));
    } else if (op == u"Flatten") {
        if (ranked(x)) {
            const qint64 rank = x->dims.size();
            const qint64 axis = normAxis(n.attrInt(u"axis", 1), rank);
            if (axis >= 0 && axis <= rank)
                out = withDims(*x, {countOf(x->dims.mid(0, axis)), countOf(x->dims.mid(axis))});
        }
    } else if (op == u"Transpose") {
        out = transpose(n, x);
    } else if (op == u"Expand") {
        out = expand(x, in.value(1));
    } else if (op == u"ConstantOfShape") {
        out = constantOfShape(n, x);
    } else if (op == u"Range") {
        out = range(in);
    } else if (op == u"Where") {
        out = where(in);
    } else if (op == u"ReduceProd") {
        out = reduceProd(n, x);
    }
    if (out) {
        out->name = n.outputs[0];
        out->dimParams = QStringList();
        for (qsizetype i = 0; i < out->dims.size(); ++i)
            out->dimParams << QString();
    }
    return out;
}

} // namespace naqsh
