#pragma once

#include "graph/Graph.h"
#include "layers/LayerType.h"

#include <QSet>
#include <QString>
#include <QVariant>
#include <QVector>

namespace naqsh {

class LayerRegistry;

/// The parameters of one layer being imported: starts from the type's defaults; every set() is
/// checked with validateParam, and the first refusal is kept as problem().
class LayerDraft
{
public:
    LayerDraft() = default;
    explicit LayerDraft(const LayerType *type);

    /// Sets the parameter @p key. An unknown key or an invalid value records a problem (the
    /// first one wins) and leaves the parameter unchanged.
    LayerDraft &set(QStringView key, const QVariant &value);

    bool isValid() const { return m_type != nullptr; }
    bool ok() const { return m_type && m_problem.isEmpty(); }
    /// "Kernel height must be between 1 and 1024, not 2000" (translated), or empty.
    const QString &problem() const { return m_problem; }
    const LayerType *type() const { return m_type; }
    const ParamValues &params() const { return m_params; }

private:
    const LayerType *m_type = nullptr;
    ParamValues m_params;
    QString m_problem;
};

/// Builds a Graph for an importer: drafts layers of registry types, adds them under unique
/// names and connects their inputs in order. Private to core/io's importers.
class ImportBuilder
{
public:
    explicit ImportBuilder(const LayerRegistry &registry);

    /// A draft of type @p typeId; invalid (isValid() false) when the registry lacks the type.
    LayerDraft draft(const char *typeId) const;
    /// Adds a layer from @p draft named @p name (made unique by a suffix "_2", "_3", ...) and
    /// connects @p inputs to its input slots in order, input k from output @p ports[k] of its
    /// layer (0 when not given). The draft must be valid.
    LayerId add(const LayerDraft &draft, const QString &name, const QVector<LayerId> &inputs,
                const QVector<int> &ports = {});
    /// Sets a parameter of an existing layer; false (and @p why) when refused.
    bool setParam(LayerId id, QStringView key, const QVariant &value, QString *why = nullptr);

    /// A name based on @p base that no layer has yet ("layer" when @p base is blank).
    QString uniqueName(const QString &base) const;

    Graph &graph() { return m_graph; }
    Graph takeGraph() { return std::move(m_graph); }

private:
    const LayerRegistry &m_registry;
    Graph m_graph;
    QSet<QString> m_names;
};

} // namespace naqsh
