#include "Measurement.h"

#include "analysis/CheckedInt.h"
#include "io/NaqshFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>

namespace naqsh {

namespace {

const char *const kPathNames[] = {
    QT_TRANSLATE_NOOP("naqsh::ExecPath", "im2col + GEMM"),
    QT_TRANSLATE_NOOP("naqsh::ExecPath", "1×1 GEMM"),
    QT_TRANSLATE_NOOP("naqsh::ExecPath", "depthwise direct"),
    QT_TRANSLATE_NOOP("naqsh::ExecPath", "GEMM + col2im"),
    QT_TRANSLATE_NOOP("naqsh::ExecPath", "GEMM"),
    QT_TRANSLATE_NOOP("naqsh::ExecPath", "copy"),
    QT_TRANSLATE_NOOP("naqsh::ExecPath", "element-wise"),
    QT_TRANSLATE_NOOP("naqsh::ExecPath", "direct"),
    QT_TRANSLATE_NOOP("naqsh::ExecPath", "bilinear"),
    QT_TRANSLATE_NOOP("naqsh::ExecPath", "nearest"),
    QT_TRANSLATE_NOOP("naqsh::ExecPath", "random input"),
};

QJsonArray dims(const TensorShape &s)
{
    QJsonArray a;
    for (int i = 0; i < s.rank; ++i)
        a.append(double(s.dims[size_t(i)]));
    return a;
}

TensorShape shapeFrom(const QJsonArray &a)
{
    std::vector<qint64> d;
    for (const QJsonValue &v : a) {
        const double x = v.toDouble(-1);
        d.push_back(isWholeInt64(x) ? qint64(x) : -1); // -1: not a dimension, the shape is invalid
    }
    return shapeOf(std::span<const qint64>(d.data(), d.size()));
}

QString where(const QString &path, const QString &message)
{
    return QStringLiteral("measurement.%1: %2").arg(path, message);
}

} // namespace

const LayerMeasurement *StoredMeasurement::layer(LayerId id) const
{
    const int i = rowOf.value(id, -1);
    return i >= 0 && i < report.layers.size() ? &report.layers[i] : nullptr;
}

void StoredMeasurement::reindex()
{
    rowOf.clear();
    rowOf.reserve(report.layers.size());
    for (int i = 0; i < report.layers.size(); ++i)
        rowOf.insert(report.layers[i].id, i);
}

QString networkFingerprint(const Graph &graph, const LayerRegistry &registry)
{
    // The file's own serialisation of parameters (one place that knows every parameter kind),
    // without what the executor ignores.
    QJsonObject root = QJsonDocument::fromJson(NaqshFile::toJson(graph, registry)).object();
    QJsonArray layers;
    for (const QJsonValue &v : root.value(QStringLiteral("layers")).toArray()) {
        QJsonObject o = v.toObject();
        o.remove(QStringLiteral("name"));
        o.remove(QStringLiteral("position"));
        layers.append(o);
    }
    const QJsonObject kept{
        {QStringLiteral("layers"), layers},
        {QStringLiteral("connections"), root.value(QStringLiteral("connections"))}};
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(kept).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha1)
            .toHex());
}

QString machineName()
{
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = cpuinfo.read(1 << 20).split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("model name")) {
                const int colon = line.indexOf(':');
                if (colon > 0)
                    return QString::fromUtf8(line.mid(colon + 1)).simplified();
            }
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

QString translatedExecPath(const QString &key)
{
    for (const char *name : kPathNames)
        if (key == QString::fromUtf8(name))
            return QCoreApplication::translate("naqsh::ExecPath", name);
    return key;
}

PathTime pathTime(const StoredMeasurement &m, const QVector<LayerId> &layers)
{
    PathTime t;
    QVector<double> perRun(std::max(m.report.repeat, 1), 0.0);
    for (LayerId id : layers) {
        const LayerMeasurement *l = m.layer(id);
        if (!l || (!l->executed)) {
            ++t.missing;
            continue;
        }
        t.macs += l->macs;
        if (l->timesMs.isEmpty())
            continue; // inputs and markers: nothing to time
        ++t.measured;
        for (int run = 0; run < l->timesMs.size() && run < perRun.size(); ++run)
            perRun[run] += l->timesMs[run];
    }
    if (t.measured > 0) {
        t.medianMs = median(perRun);
        t.iqrMs = interquartileRange(perRun);
    }
    return t;
}

QJsonObject measurementToJson(const StoredMeasurement &m)
{
    const ExecReport &r = m.report;
    QJsonArray layers;
    for (const LayerMeasurement &l : r.layers) {
        QJsonArray times;
        for (double t : l.timesMs)
            times.append(t);
        QJsonObject o{{QStringLiteral("id"), qint64(l.id.value)},
                      {QStringLiteral("name"), l.name},
                      {QStringLiteral("type"), l.type},
                      {QStringLiteral("path"), l.path},
                      {QStringLiteral("executed"), l.executed},
                      {QStringLiteral("shape"), dims(l.produced)},
                      {QStringLiteral("analysed_shape"), dims(l.analysed)},
                      {QStringLiteral("shape_matches"), l.shapeMatches},
                      {QStringLiteral("macs"), double(l.macs)},
                      {QStringLiteral("bytes"), double(l.bytes)},
                      {QStringLiteral("times_ms"), times}};
        if (!l.problem.isEmpty())
            o.insert(QStringLiteral("problem"), l.problem);
        layers.append(o);
    }
    return QJsonObject{
        {QStringLiteral("fingerprint"), m.fingerprint},
        {QStringLiteral("measured_at"), m.measuredAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("machine"), m.machine},
        {QStringLiteral("threads"), r.threads},
        {QStringLiteral("repeat"), r.repeat},
        {QStringLiteral("warmup"), r.warmup},
        {QStringLiteral("seed"), QString::number(r.seed)},
        {QStringLiteral("flush_caches"), m.flushCaches},
        {QStringLiteral("unsupported_types"), QJsonArray::fromStringList(r.unsupportedTypes)},
        {QStringLiteral("layers"), layers}};
}

bool measurementFromJson(const QJsonObject &o, StoredMeasurement *out, QString *error)
{
    auto fail = [&](const QString &path, const QString &message) {
        if (error)
            *error = where(path, message);
        return false;
    };
    StoredMeasurement m;
    ExecReport &r = m.report;
    m.fingerprint = o.value(QStringLiteral("fingerprint")).toString();
    if (m.fingerprint.isEmpty())
        return fail(QStringLiteral("fingerprint"),
                    QCoreApplication::translate("naqsh::Measurement", "expected a text"));
    m.measuredAt =
        QDateTime::fromString(o.value(QStringLiteral("measured_at")).toString(), Qt::ISODate);
    m.machine = o.value(QStringLiteral("machine")).toString();
    m.flushCaches = o.value(QStringLiteral("flush_caches")).toBool();
    r.threads = o.value(QStringLiteral("threads")).toInt(1);
    r.repeat = o.value(QStringLiteral("repeat")).toInt(0);
    r.warmup = o.value(QStringLiteral("warmup")).toInt(0);
    r.seed = o.value(QStringLiteral("seed")).toString().toULongLong();
    if (r.threads < 1 || r.repeat < 1 || r.repeat > 100000)
        return fail(QStringLiteral("repeat"),
                    QCoreApplication::translate("naqsh::Measurement",
                                                "threads and repeat must be positive numbers"));
    for (const QJsonValue &v : o.value(QStringLiteral("unsupported_types")).toArray())
        r.unsupportedTypes << v.toString();
    const QJsonValue layersValue = o.value(QStringLiteral("layers"));
    if (!layersValue.isArray())
        return fail(QStringLiteral("layers"),
                    QCoreApplication::translate("naqsh::Measurement", "expected a list"));
    const QJsonArray layers = layersValue.toArray();
    QVector<double> totalPerRun(r.repeat, 0.0);
    for (int i = 0; i < layers.size(); ++i) {
        const QString at = QStringLiteral("layers[%1]").arg(i);
        if (!layers[i].isObject())
            return fail(at,
                        QCoreApplication::translate("naqsh::Measurement", "expected an object"));
        const QJsonObject lo = layers[i].toObject();
        LayerMeasurement l;
        const double id = lo.value(QStringLiteral("id")).toDouble(-1);
        if (id < 1 || !isWholeInt64(id))
            return fail(at + QStringLiteral(".id"),
                        QCoreApplication::translate("naqsh::Measurement",
                                                    "expected a layer id (a whole number)"));
        l.id = LayerId(quint64(id));
        l.name = lo.value(QStringLiteral("name")).toString();
        l.type = lo.value(QStringLiteral("type")).toString();
        l.path = lo.value(QStringLiteral("path")).toString();
        l.executed = lo.value(QStringLiteral("executed")).toBool();
        l.problem = lo.value(QStringLiteral("problem")).toString();
        l.produced = shapeFrom(lo.value(QStringLiteral("shape")).toArray());
        l.analysed = shapeFrom(lo.value(QStringLiteral("analysed_shape")).toArray());
        l.shapeMatches = lo.value(QStringLiteral("shape_matches")).toBool();
        l.macs = qint64(lo.value(QStringLiteral("macs")).toDouble());
        l.bytes = qint64(lo.value(QStringLiteral("bytes")).toDouble());
        const QJsonArray times = lo.value(QStringLiteral("times_ms")).toArray();
        if (!times.isEmpty() && times.size() != r.repeat)
            return fail(
                at + QStringLiteral(".times_ms"),
                QCoreApplication::translate("naqsh::Measurement", "expected one time per run (%1)")
                    .arg(r.repeat));
        for (const QJsonValue &t : times) {
            if (!t.isDouble() || t.toDouble() < 0)
                return fail(at + QStringLiteral(".times_ms"),
                            QCoreApplication::translate("naqsh::Measurement",
                                                        "expected times in milliseconds"));
            l.timesMs.append(t.toDouble());
        }
        if (!l.timesMs.isEmpty()) {
            QVector<double> s = l.timesMs;
            std::sort(s.begin(), s.end());
            l.medianMs = median(s);
            l.iqrMs = interquartileRange(s);
            l.minMs = s.first();
            l.maxMs = s.last();
            for (int run = 0; run < l.timesMs.size(); ++run)
                totalPerRun[run] += l.timesMs[run];
        }
        if (!l.executed)
            ++r.notExecuted;
        else if (!l.shapeMatches)
            ++r.shapeMismatches;
        r.totalMacs += l.macs;
        r.layers.append(l);
    }
    r.totalMedianMs = median(totalPerRun);
    m.reindex();
    *out = std::move(m);
    return true;
}

} // namespace naqsh
