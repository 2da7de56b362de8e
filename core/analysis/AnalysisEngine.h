#pragma once

#include "AnalysisResult.h"
#include "layers/LayerType.h"

#include <QSet>

namespace naqsh {

class Graph;
class LayerRegistry;

/// Computes shapes and costs over a Graph, fully or incrementally. Not a QObject: the Analyzer
/// drives it from model signals, and the CLI and tests call it directly.
///
/// Incremental contract: after markDirty / markStructureChanged / markRemoved calls describing
/// every change since the last update, update() leaves result() exactly equal to a full
/// analysis of the graph, and returns the ids whose result changed.
class AnalysisEngine
{
public:
    AnalysisEngine(const LayerRegistry &registry, RuleContext context = {});

    const AnalysisResult &result() const { return m_result; }
    const RuleContext &context() const { return m_context; }
    void setContext(const RuleContext &context) { m_context = context; }

    /// Analyses everything from scratch. Returns every layer id.
    QVector<LayerId> analyzeAll(const Graph &graph);

    void markDirty(LayerId id) { m_dirty.insert(id); }
    void markStructureChanged() { m_structureDirty = true; }
    void markRemoved(LayerId id);
    bool hasPendingWork() const { return m_structureDirty || !m_dirty.isEmpty(); }
    /// Recomputes the dirty layers and what lies downstream of a changed output shape.
    QVector<LayerId> update(const Graph &graph);

    /// One-shot analysis of a graph.
    static AnalysisResult analyze(const Graph &graph, const LayerRegistry &registry,
                                  const RuleContext &context = {});

private:
    /// Recomputes one layer; returns true if its outcome (shape or error) changed, so that
    /// consumers must be recomputed too. @p changed is set if anything at all changed.
    bool compute(const Graph &graph, LayerId id, bool *changed);
    void rebuildOrder(const Graph &graph);
    void recomputePeak(const Graph &graph);
    void addToTotals(const LayerResult &r, int sign);
    void recomputeTotals();

    const LayerRegistry &m_registry;
    RuleContext m_context;
    AnalysisResult m_result;
    QHash<LayerId, int> m_position;
    QSet<LayerId> m_cyclic;
    QSet<LayerId> m_dirty;
    bool m_structureDirty = true;
};

} // namespace naqsh
