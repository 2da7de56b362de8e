#include "Kernels.h"

#include "graph/Layer.h"
#include "layers/LayerType.h"

namespace naqsh::exec {

namespace {
int indexOf(const ParamReader &r, const char *key)
{
    if (!r.layer || !r.type)
        return -1;
    const int i = r.type->paramIndex(QString::fromLatin1(key));
    return i >= 0 && i < r.layer->params.size() ? i : -1;
}
} // namespace

bool ParamReader::has(const char *key) const
{
    return indexOf(*this, key) >= 0;
}

qint64 ParamReader::integer(const char *key, qint64 fallback) const
{
    const int i = indexOf(*this, key);
    return i < 0 ? fallback : layer->params.integer(i);
}

double ParamReader::real(const char *key, double fallback) const
{
    const int i = indexOf(*this, key);
    return i < 0 ? fallback : layer->params.real(i);
}

bool ParamReader::flag(const char *key, bool fallback) const
{
    const int i = indexOf(*this, key);
    return i < 0 ? fallback : layer->params.flag(i);
}

QString ParamReader::choice(const char *key) const
{
    const int i = indexOf(*this, key);
    return i < 0 ? QString() : type->params[i].choices.value(layer->params.choice(i));
}

QVector<qint64> ParamReader::list(const char *key) const
{
    const int i = indexOf(*this, key);
    if (i < 0)
        return {};
    QString t = layer->params.value(i).toString();
    t.replace(QChar(0x00D7), QLatin1Char(',')).replace(QLatin1Char(' '), QLatin1Char(','));
    QVector<qint64> out;
    for (const QString &part : t.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << part.toLongLong();
    return out;
}

const QHash<QString, Kernel> &kernelTable()
{
    static const QHash<QString, Kernel> table = [] {
        QHash<QString, Kernel> t;
        addConvKernels(t);
        addElementwiseKernels(t);
        addPoolingKernels(t);
        addShapeKernels(t);
        addActivationKernels(t);
        addNormKernels(t);
        addTensorKernels(t);
        addMatmulKernels(t);
        addCompositeKernels(t);
        addWindowAttentionKernel(t);
        return t;
    }();
    return table;
}

void fillUniform(Tensor &t, double bound, std::mt19937_64 &rng)
{
    fillRange(t, -bound, bound, rng);
}

void fillRange(Tensor &t, double lo, double hi, std::mt19937_64 &rng)
{
    // Our own mapping from 64 random bits (std::uniform_real_distribution is not specified
    // bit-for-bit across standard libraries; this is).
    const double scale = (hi - lo) / double(1ULL << 53);
    for (float &v : t.data)
        v = float(lo + double(rng() >> 11) * scale);
}

void addWeight(PreparedLayer &p, const QString &name, std::initializer_list<qint64> dims,
               double bound, std::mt19937_64 &rng)
{
    Tensor t = Tensor::zeros(shapeOf(dims));
    fillUniform(t, bound, rng);
    p.weights.append({name, std::move(t)});
}

qint64 extent(const TensorShape &s, int from, int to)
{
    qint64 p = 1;
    for (int i = std::max(from, 0); i < std::min(to, int(s.rank)); ++i)
        p *= s.dims[size_t(i)];
    return p;
}

} // namespace naqsh::exec
