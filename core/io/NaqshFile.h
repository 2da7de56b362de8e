#pragma once

#include "graph/Graph.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace naqsh {

class LayerRegistry;

/// The native .naqsh format: JSON with "format": "naqsh" and a "version". See README.
namespace NaqshFile {

/// The newest version read and written. Version 2 added the output index of a connection
/// ("output", for layers with several outputs); version 3 added blocks ("blocks": named,
/// nested groups of layers). A file is written with the oldest version that holds what it uses
/// (version 1 without either), so older Naqsh versions read it.
inline constexpr int kVersion = 3;
/// Larger files are refused before they are parsed (counted on the bytes read).
inline constexpr qint64 kMaxFileBytes = qint64(128) * 1024 * 1024;

/// Outcome of reading: the graph, or an error naming the JSON location
/// ("layers[2].params.stride_h").
struct ReadResult
{
    Graph graph;
    QString error;
    /// What was left out of a readable document (a comparison naming a missing layer).
    QStringList warnings;
    /// The measurement kept with the document ("measurement", written by the designer after
    /// Run › Measure on This Computer), or empty. Read by core/exec; older files have none.
    QJsonObject measurement;
    bool ok() const { return error.isEmpty(); }
};

/// @p measurement, if not empty, is stored as the document's "measurement" object (older
/// versions of Naqsh ignore it, so the format version does not change).
QByteArray toJson(const Graph &graph, const LayerRegistry &registry,
                  const QJsonObject &measurement = {});
/// Parses and fully validates; nothing half-read is ever returned as ok.
ReadResult fromJson(const QByteArray &bytes, const LayerRegistry &registry);

ReadResult read(const QString &path, const LayerRegistry &registry);
/// Writes through SafeFile::write: on any failure the existing file is byte-identical and
/// @p error gives the reason.
bool write(const QString &path, const Graph &graph, const LayerRegistry &registry,
           QString *error = nullptr, const QJsonObject &measurement = {});

} // namespace NaqshFile
} // namespace naqsh
