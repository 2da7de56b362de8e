#pragma once

#include "analysis/VariantSummary.h"
#include "graph/Graph.h"
#include "layers/LayerType.h"

#include <QDateTime>
#include <QHash>

namespace naqsh {

class Document;
class LayerRegistry;

/// One layer's share of a variant, for stacked bars and breakdowns.
struct VariantPart
{
    LayerId id; ///< in the variant's own graph (another document's ids for Document variants)
    QString name;
    Costs costs;
};

/// A comparison variant resolved against its graph: the totals (with an error when it cannot be
/// summed) and the layers that make them up, in data-flow order.
struct ResolvedVariant
{
    Variant variant;
    VariantSummary summary;
    QVector<VariantPart> parts; ///< layers with numbers
    bool ok() const { return summary.error.isEmpty(); }
};

/// Sums a document's comparison variants for the compare panel and the charts. Path and Layers
/// variants are summed over the document's live analysis; Document variants read the other
/// .naqsh file (a relative path is taken from the document's folder), analyse it with the
/// document's rule context, and keep it cached until the file changes on disk.
class VariantResolver
{
public:
    explicit VariantResolver(const LayerRegistry &registry)
        : m_registry(registry)
    {
    }

    /// Every variant of @p document, in the document's order.
    QVector<ResolvedVariant> resolve(const Document &document);
    QVector<ResolvedVariant> resolve(const Graph &graph, const AnalysisResult &result,
                                     const QString &documentFile, const RuleContext &context);

    /// The absolute file a Document variant names, relative to @p documentFile's folder (or
    /// the working folder for a document never saved).
    static QString absolutePath(const QString &documentFile, const QString &variantPath);
    /// The path to store for @p otherFile: relative to @p documentFile's folder when the
    /// document has a file, absolute otherwise.
    static QString storedPath(const QString &documentFile, const QString &otherFile);

private:
    struct Loaded
    {
        QDateTime modified;
        qint64 batch = 0;
        Graph graph;
        AnalysisResult result;
        QString error;
    };
    const Loaded &load(const QString &file, const RuleContext &context);

    const LayerRegistry &m_registry;
    QHash<QString, Loaded> m_cache;
};

} // namespace naqsh
