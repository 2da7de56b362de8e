#include "TensorShape.h"

#include <QStringList>

namespace naqsh {

TensorShape TensorShape::of(std::span<const qint64> d, TensorLayout layout)
{
    TensorShape s;
    s.valid = true;
    s.layout = layout;
    s.rank = qint8(std::min<size_t>(d.size(), kMaxRank));
    for (int i = 0; i < s.rank; ++i)
        s.dims[i] = d[i];
    return s;
}

CheckedInt TensorShape::sampleElements() const
{
    return product(1, rank);
}

CheckedInt TensorShape::product(int from, int to) const
{
    CheckedInt e = 1;
    for (int i = std::max(from, 0); i < std::min<int>(to, rank); ++i)
        e *= dims[i];
    return e;
}

QVector<qint64> TensorShape::toVector() const
{
    return QVector<qint64>(dims.begin(), dims.begin() + rank);
}

TensorLayout TensorShape::effectiveLayout() const
{
    if (layout != TensorLayout::Auto)
        return layout;
    switch (rank) {
    case 2:
        return TensorLayout::Features;
    case 3:
        return TensorLayout::Sequence;
    case 4:
        return TensorLayout::Image;
    case 5:
        return TensorLayout::Volume;
    default:
        return TensorLayout::Plain;
    }
}

QString TensorShape::layoutLetters() const
{
    const TensorLayout l = effectiveLayout();
    const char *letters = nullptr;
    int expected = 0;
    switch (l) {
    case TensorLayout::Features:
        letters = "NF", expected = 2;
        break;
    case TensorLayout::Sequence:
        letters = "NLD", expected = 3;
        break;
    case TensorLayout::Channels1d:
        letters = "NCL", expected = 3;
        break;
    case TensorLayout::Image:
        letters = "NCHW", expected = 4;
        break;
    case TensorLayout::Volume:
        letters = "NCDHW", expected = 5;
        break;
    default:
        return {};
    }
    if (rank != expected)
        return {};
    QStringList parts;
    for (int i = 0; i < expected; ++i)
        parts << QString(QLatin1Char(letters[i]));
    return parts.join(QChar(0x00D7));
}

QString TensorShape::toString() const
{
    if (!valid)
        return QStringLiteral("?");
    if (rank == 0)
        return QStringLiteral("scalar");
    QStringList parts;
    for (int i = 0; i < rank; ++i)
        parts << QString::number(dims[i]);
    return parts.join(QChar(0x00D7));
}

bool TensorShape::broadcast(const TensorShape &a, const TensorShape &b, TensorShape *out,
                            int *badAxis)
{
    TensorShape r;
    r.valid = true;
    r.rank = std::max(a.rank, b.rank);
    // Keep a layout only when the operands agree on it (Image × Image stays an image).
    r.layout = a.rank == r.rank ? a.layout : b.layout;
    for (int i = 0; i < r.rank; ++i) {
        const int ia = i - (r.rank - a.rank), ib = i - (r.rank - b.rank);
        const qint64 da = ia >= 0 ? a.dims[ia] : 1, db = ib >= 0 ? b.dims[ib] : 1;
        if (da == db || db == 1) {
            r.dims[i] = da;
        } else if (da == 1) {
            r.dims[i] = db;
        } else {
            if (badAxis)
                *badAxis = i;
            return false;
        }
    }
    if (out)
        *out = r;
    return true;
}

} // namespace naqsh
