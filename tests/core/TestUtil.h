#pragma once

#include "analysis/TensorShape.h"

#include <QStringList>
#include <QVector>

namespace naqsh::test {

/// "1x192x28x28" or "2x784" -> TensorShape (tests write shapes the way students read them).
inline TensorShape shape(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    if (parts.size() == 4)
        return TensorShape::nchw(parts[0].toLongLong(), parts[1].toLongLong(),
                                 parts[2].toLongLong(), parts[3].toLongLong());
    if (parts.size() == 2)
        return TensorShape::nf(parts[0].toLongLong(), parts[1].toLongLong());
    return {};
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
