#include "TorchCheck.h"

#include "Executor.h"
#include "io/PyTorchExport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace naqsh {

namespace {

QJsonArray dims(const TensorShape &s)
{
    QJsonArray a;
    for (int i = 0; i < s.rank; ++i)
        a.append(double(s.dims[size_t(i)]));
    return a;
}

bool writeTensor(const Tensor &t, const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    const qint64 bytes = t.size() * qint64(sizeof(float));
    if (f.write(reinterpret_cast<const char *>(t.ptr()), bytes) != bytes) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

bool writeTorchCheck(const Executor &executor, const LayerRegistry &registry,
                     const AnalysisResult &analysis, const QString &dir, QString *error)
{
    const Graph &graph = executor.graph();
    QDir d(dir);
    if (!d.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("%1: cannot create the folder").arg(dir);
        return false;
    }
    QFile code(d.filePath(QStringLiteral("model.py")));
    if (!code.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: %2").arg(code.fileName(), code.errorString());
        return false;
    }
    code.write(toPyTorch(graph, registry, analysis).toUtf8());
    code.close();

    // The same attribute names as the generated module.
    QStringList rawNames, fallbacks;
    for (LayerId id : graph.layerIds()) {
        rawNames << graph.layer(id)->name;
        fallbacks << graph.layer(id)->type;
    }
    const QStringList python = pythonNames(rawNames, fallbacks);

    QJsonArray inputs, weights, outputs;
    int file = 0;
    for (int i = 0; i < graph.layerIds().size(); ++i) {
        const LayerId id = graph.layerIds()[i];
        const Layer *layer = graph.layer(id);
        if (!executor.output(id))
            continue;
        // A layer with several outputs (Split, Chunk) is a tuple in forward(): one entry per
        // element, with its index.
        const bool several = executor.output(id, 1) != nullptr;
        for (int port = 0; const Tensor *out = executor.output(id, port); ++port) {
            const QString name = QStringLiteral("t%1.bin").arg(file++);
            if (!writeTensor(*out, d.filePath(name), error))
                return false;
            QJsonObject entry{{QStringLiteral("layer"), python[i]},
                              {QStringLiteral("type"), layer->type},
                              {QStringLiteral("file"), name},
                              {QStringLiteral("shape"), dims(out->shape)}};
            if (several)
                entry.insert(QStringLiteral("port"), port);
            (layer->type == QLatin1String("input") ? inputs : outputs).append(entry);
        }
        for (const NamedTensor &w : executor.weights(id)) {
            const QString wname = QStringLiteral("t%1.bin").arg(file++);
            if (!writeTensor(w.tensor, d.filePath(wname), error))
                return false;
            weights.append(QJsonObject{{QStringLiteral("layer"), python[i]},
                                       {QStringLiteral("param"), w.name},
                                       {QStringLiteral("file"), wname},
                                       {QStringLiteral("shape"), dims(w.tensor.shape)}});
        }
    }
    QFile manifest(d.filePath(QStringLiteral("manifest.json")));
    if (!manifest.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: %2").arg(manifest.fileName(), manifest.errorString());
        return false;
    }
    manifest.write(QJsonDocument(QJsonObject{{QStringLiteral("inputs"), inputs},
                                             {QStringLiteral("weights"), weights},
                                             {QStringLiteral("outputs"), outputs}})
                       .toJson());
    return true;
}

} // namespace naqsh
