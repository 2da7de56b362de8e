#pragma once

#include "analysis/TensorShape.h"

#include <QStringList>
#include <QVector>

namespace naqsh::test {

/// "1x192x28x28", "2x784", "1x197x768" or "scalar" -> TensorShape (tests write shapes the
/// way students read them); anything else is an invalid shape.
inline TensorShape shape(const QString &text)
{
    if (text == QLatin1String("scalar"))
        return TensorShape::scalar();
    const QStringList parts = text.split(QLatin1Char('x'));
    QVector<qint64> dims;
    for (const QString &p : parts) {
        bool ok = false;
        dims.append(p.toLongLong(&ok));
        if (!ok)
            return {};
    }
    if (dims.size() > TensorShape::kMaxRank)
        return {};
    if (dims.size() == 4)
        return TensorShape::nchw(dims[0], dims[1], dims[2], dims[3]);
    if (dims.size() == 2)
        return TensorShape::nf(dims[0], dims[1]);
    return TensorShape::of(std::span<const qint64>(dims.data(), size_t(dims.size())));
}

inline QVector<TensorShape> shapes(const QString &text)
{
    QVector<TensorShape> out;
    if (text.isEmpty())
        return out;
    for (const QString &s : text.split(QLatin1Char(';')))
        out.append(shape(s));
    return out;
}

} // namespace naqsh::test
