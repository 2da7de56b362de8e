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
/// Incremental contract: after markDirty / markStructureChanged calls describing every change
/// since the last update (a removal or a connection is a structure change), update() leaves
/// result() exactly equal to a full analysis of the graph, and returns the ids whose result
/// changed.
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
    bool hasPendingWork() const { return m_structureDirty || !m_dirty.isEmpty(); }
    /// Recomputes the dirty layers and what lies downstream of a changed output shape.
    QVector<LayerId> update(const Graph &graph);

    /// One-shot analysis of a graph.
    static AnalysisResult analyze(const Graph &graph, const LayerRegistry &registry,
                                  const RuleContext &context = {});

private:
    /// Recomputes the layer in @p slot; returns true if its outcome (shape or error) changed, so
    /// that consumers must be recomputed too. @p changed is set if anything at all changed.
    bool compute(const Graph &graph, int slot, bool fresh, bool *changed);
    /// Re-aligns results with the graph's slots after layers were added or removed, and
    /// rebuilds the schedule.
    void restructure(const Graph &graph);
    /// Recomputes the schedule, positions and cycle flags; returns the slots on cycles.
    QVector<int> rebuildSchedule(const Graph &graph);
    void recomputePeak(const Graph &graph);
    const LayerType *typeOf(const QString &id);
    void addToTotals(const LayerResult &r, int sign);
    void recomputeTotals();

    const LayerRegistry &m_registry;
    RuleContext m_context;
    AnalysisResult m_result;
    QVector<LayerId> m_resultIds; ///< id of each entry of m_result.results
    QVector<int> m_orderSlots;    ///< schedule as slots
    QVector<int> m_position;      ///< slot -> position in the schedule (-1: on a cycle)
    QVector<bool> m_cyclic;       ///< by slot
    QVector<bool> m_fresh;        ///< by slot: added since the last update, not yet counted
    QHash<const void *, const LayerType *> m_typeCache;
    QSet<LayerId> m_dirty;
    bool m_structureDirty = true;
};

} // namespace naqsh
