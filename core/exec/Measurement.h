#pragma once

#include "Executor.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace naqsh {

class LayerRegistry;

/// A measurement kept with a document: the executor's report, when and where it ran, and a
/// fingerprint of the network it ran (layers, types, parameters, connections; not names,
/// positions or comparisons). The measurement is stale when the document's fingerprint differs.
struct StoredMeasurement
{
    ExecReport report;
    QString fingerprint;
    QDateTime measuredAt; ///< UTC
    QString machine;      ///< the CPU's model name ("AMD EPYC 7B13"), as /proc/cpuinfo gives it
    bool flushCaches = false;

    QHash<LayerId, int> rowOf; ///< index into report.layers (reindex() fills it)

    bool isEmpty() const { return report.layers.isEmpty(); }
    /// The layer's measurement, or nullptr.
    const LayerMeasurement *layer(LayerId id) const;
    void reindex();
};

/// Fingerprint of what the executor runs: two graphs with the same layers (ids, types,
/// parameters) and connections have the same fingerprint, whatever their names, positions or
/// comparisons.
QString networkFingerprint(const Graph &graph, const LayerRegistry &registry);

/// This computer's CPU as a short name (model name from /proc/cpuinfo, else the architecture).
QString machineName();

/// The translated name of an executor path key ("im2col + GEMM", "depthwise direct", …):
/// the keys are stable (files and the CLI's JSON keep them); the UI shows the translation.
QString translatedExecPath(const QString &key);

/// Time of a set of layers: per timed run, the sum of their times; median and spread over
/// the runs. Layers that were not measured add nothing (@p missing counts them).
struct PathTime
{
    double medianMs = 0;
    double iqrMs = 0;
    qint64 macs = 0;
    int measured = 0; ///< layers with times
    int missing = 0;  ///< layers without (added after the run, or not run)
    bool valid() const { return measured > 0 && missing == 0; }
};
PathTime pathTime(const StoredMeasurement &m, const QVector<LayerId> &layers);

/// The "measurement" object of a .naqsh file.
QJsonObject measurementToJson(const StoredMeasurement &m);
/// Reads what measurementToJson wrote; false with @p error ("layers[3].times_ms: …") when
/// the object is malformed (the document stays readable: the caller drops the measurement).
bool measurementFromJson(const QJsonObject &o, StoredMeasurement *out, QString *error);

} // namespace naqsh
