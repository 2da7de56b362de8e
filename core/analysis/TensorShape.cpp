#include "TensorShape.h"

#include <QStringList>

namespace naqsh {

CheckedInt TensorShape::sampleElements() const
{
    CheckedInt e = 1;
    for (int i = 1; i < rank; ++i)
        e *= dims[i];
    return e;
}

QVector<qint64> TensorShape::toVector() const
{
    return QVector<qint64>(dims.begin(), dims.begin() + rank);
}

QString TensorShape::toString() const
{
    QStringList parts;
    for (int i = 0; i < rank; ++i)
        parts << QString::number(dims[i]);
    return parts.join(QChar(0x00D7));
}

} // namespace naqsh
