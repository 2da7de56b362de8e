#include "VariantResolver.h"

#include "Document.h"
#include "analysis/AnalysisEngine.h"
#include "analysis/Analyzer.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace naqsh {

namespace {

QVector<VariantPart> partsOf(const Graph &graph, const AnalysisResult &result,
                             const QVector<LayerId> &layers)
{
    QVector<VariantPart> parts;
    for (LayerId id : layers) {
        const LayerResult *r = result.layer(id);
        const Layer *l = graph.layer(id);
        if (l && r && r->hasNumbers())
            parts.append({id, l->name, r->costs});
    }
    return parts;
}

} // namespace

QVector<ResolvedVariant> VariantResolver::resolve(const Document &document)
{
    return resolve(document.model()->graph(), document.analyzer()->result(), document.filePath(),
                   document.analyzer()->context());
}

QVector<ResolvedVariant> VariantResolver::resolve(const Graph &graph, const AnalysisResult &result,
                                                  const QString &documentFile,
                                                  const RuleContext &context)
{
    QVector<ResolvedVariant> out;
    out.reserve(graph.variants.size());
    for (const Variant &v : graph.variants) {
        ResolvedVariant r;
        r.variant = v;
        if (v.kind != Variant::Kind::Document) {
            r.summary = summarizeVariant(graph, result, v);
            if (r.ok())
                r.parts = partsOf(graph, result, r.summary.layers);
        } else {
            const Loaded &other = load(absolutePath(documentFile, v.documentPath), context);
            if (!other.error.isEmpty()) {
                r.summary.name = v.name;
                r.summary.error = other.error;
            } else {
                r.summary = summarizeGraph(other.graph, other.result, v.name);
                r.parts = partsOf(other.graph, other.result, r.summary.layers);
            }
        }
        out.append(r);
    }
    return out;
}

const VariantResolver::Loaded &VariantResolver::load(const QString &file,
                                                     const RuleContext &context)
{
    const QFileInfo info(file);
    auto it = m_cache.find(file);
    if (it != m_cache.end() && it->modified == info.lastModified() &&
        it->batch == context.batchOverride)
        return *it;
    Loaded loaded;
    loaded.modified = info.lastModified();
    loaded.batch = context.batchOverride;
    const NaqshFile::ReadResult read = NaqshFile::read(file, m_registry);
    if (!read.ok()) {
        loaded.error = QCoreApplication::translate("naqsh::VariantResolver", "cannot read %1: %2")
                           .arg(info.fileName(), read.error);
    } else {
        loaded.graph = read.graph;
        loaded.result = AnalysisEngine::analyze(loaded.graph, m_registry, context);
    }
    return *m_cache.insert(file, loaded);
}

QString VariantResolver::absolutePath(const QString &documentFile, const QString &variantPath)
{
    if (QFileInfo(variantPath).isAbsolute())
        return QDir::cleanPath(variantPath);
    const QDir base =
        documentFile.isEmpty() ? QDir::current() : QFileInfo(documentFile).absoluteDir();
    return QDir::cleanPath(base.absoluteFilePath(variantPath));
}

QString VariantResolver::storedPath(const QString &documentFile, const QString &otherFile)
{
    const QString absolute = QFileInfo(otherFile).absoluteFilePath();
    if (documentFile.isEmpty())
        return absolute;
    return QFileInfo(documentFile).absoluteDir().relativeFilePath(absolute);
}

} // namespace naqsh
