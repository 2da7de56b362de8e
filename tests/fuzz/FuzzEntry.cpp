#include "FuzzEntry.h"

#include "analysis/AnalysisEngine.h"
#include "io/CaffeImporter.h"
#include "io/NaqshFile.h"
#include "io/OnnxImporter.h"
#include "io/OnnxReader.h"
#include "io/PrototxtParser.h"
#include "layers/LayerRegistry.h"
#include "layout/GraphLayout.h"

#include <QByteArray>

#include <cstdio>
#include <cstdlib>

namespace naqsh::fuzz {

namespace {

[[noreturn]] void broken(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "naqsh fuzz: invariant broken: %s %s\n", what,
                 detail.toLocal8Bit().constData());
    std::abort();
}

QByteArrayView view(const std::uint8_t *data, std::size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}

void analyseImported(const ImportResult &r)
{
    if (!r.ok())
        return;
    Graph g = r.graph;
    AnalysisEngine::analyze(g, LayerRegistry::builtin());
    layoutGraph(g);
    // An imported graph must save as a document that reads back.
    const QByteArray json = NaqshFile::toJson(g, LayerRegistry::builtin());
    const NaqshFile::ReadResult again = NaqshFile::fromJson(json, LayerRegistry::builtin());
    if (!again.ok())
        broken("an imported graph saved as a document that does not read back:", again.error);
}

} // namespace

void naqshDocument(const std::uint8_t *data, std::size_t size)
{
    const LayerRegistry &registry = LayerRegistry::builtin();
    const NaqshFile::ReadResult r = NaqshFile::fromJson(
        QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), registry);
    if (!r.ok())
        return;
    Graph g = r.graph;
    AnalysisEngine::analyze(g, registry);
    layoutGraph(g);
    const QByteArray json = NaqshFile::toJson(r.graph, registry);
    const NaqshFile::ReadResult again = NaqshFile::fromJson(json, registry);
    if (!again.ok())
        broken("a document that read saved as one that does not:", again.error);
}

void prototxt(const std::uint8_t *data, std::size_t size)
{
    const PrototxtParseResult parsed = parsePrototxt(view(data, size));
    (void)parsed;
    analyseImported(importPrototxt(view(data, size), LayerRegistry::builtin()));
}

void onnx(const std::uint8_t *data, std::size_t size)
{
    OnnxReadOptions options;
    options.inferenceTimeoutMs = 10000;
    // In process: a crash or a hang in libonnx after OnnxValidate is then the fuzzer's finding
    // (libFuzzer's -timeout catches hangs), and no fork per input slows it down.
    options.isolateInference = false;
    const OnnxReadResult read = readOnnxBytes(view(data, size), {}, options);
    if (read.inference == OnnxInferenceStatus::Crashed)
        broken("ONNX shape inference crashed on a model OnnxValidate let through");
    if (read.inference == OnnxInferenceStatus::TimedOut)
        broken("ONNX shape inference hung on a model OnnxValidate let through");
    if (!read.ok())
        return;
    analyseImported(importOnnx(read.model, LayerRegistry::builtin()));
}

} // namespace naqsh::fuzz
