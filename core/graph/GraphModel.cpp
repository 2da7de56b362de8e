#include "GraphModel.h"

#include "layers/LayerRegistry.h"

#include <QCoreApplication>

namespace naqsh {

GraphModel::GraphModel(const LayerRegistry &registry, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
{
}

QString GraphModel::layerLabel(LayerId id) const
{
    const Layer *l = m_graph.layer(id);
    return l ? QStringLiteral("'%1'").arg(l->name) : QStringLiteral("#%1").arg(id.value);
}

QString GraphModel::uniqueName(const QString &base) const
{
    QString stem = base.isEmpty() ? QStringLiteral("layer") : base;
    if (!m_graph.findByName(stem).isValid())
        return stem;
    for (int i = 2;; ++i) {
        const QString candidate = QStringLiteral("%1_%2").arg(stem).arg(i);
        if (!m_graph.findByName(candidate).isValid())
            return candidate;
    }
}

LayerId GraphModel::addLayer(const QString &typeId, const QString &name, QPointF position,
                             const ParamValues &params, LayerId id, QString *why, int slot)
{
    const LayerType *type = m_registry.find(typeId);
    if (!type) {
        if (why)
            *why = tr("unknown layer type \"%1\"").arg(typeId);
        return {};
    }
    Layer layer;
    layer.id = id;
    layer.type = type->id; // share the registry's string: the analysis matches types by pointer
    layer.name = name.isEmpty() ? uniqueName(typeId) : name;
    layer.params = params.size() == type->params.size() ? params : type->defaultParams();
    layer.position = position;
    const LayerId added = m_graph.addLayer(layer, slot);
    if (!added.isValid()) {
        if (why)
            *why = tr("a layer with id %1 already exists").arg(id.value);
        return {};
    }
    emit layerAdded(added);
    return added;
}

bool GraphModel::insertLayer(const Layer &layer, int slot, QString *why)
{
    const LayerType *type = m_registry.find(layer.type);
    if (!type || layer.params.size() != type->params.size()) {
        if (why)
            *why = tr("unknown layer type \"%1\"").arg(layer.type);
        return false;
    }
    return addLayer(layer.type, layer.name, layer.position, layer.params, layer.id, why, slot)
        .isValid();
}

bool GraphModel::removeLayer(LayerId id)
{
    const Layer *l = m_graph.layer(id);
    if (!l)
        return false;
    emit layerAboutToBeRemoved(id);
    // Disconnect first, one signal per edge, so that views never see a dangling edge.
    const QVector<Connection> all = m_graph.connections();
    for (int i = int(all.size()) - 1; i >= 0; --i) {
        const Connection &c = all[i];
        if (c.from == id || c.to == id) {
            m_graph.removeConnection(c);
            emit disconnected(c);
        }
    }
    bool blocksChanged = false;
    m_graph.removeLayer(id, &blocksChanged);
    emit layerRemoved(id);
    if (blocksChanged)
        emit this->blocksChanged();
    return true;
}

bool GraphModel::setParam(LayerId id, const QString &key, const QVariant &value, QString *why)
{
    Layer *l = m_graph.mutableLayer(id);
    if (!l)
        return false;
    const LayerType *type = m_registry.find(l->type);
    const int index = type ? type->paramIndex(key) : -1;
    if (index < 0) {
        if (why)
            *why = tr("layer %1 has no parameter \"%2\"").arg(layerLabel(id), key);
        return false;
    }
    const QVariant checked = validateParam(type->params[index], value, why);
    if (!checked.isValid())
        return false;
    if (l->params.value(index) == checked)
        return true;
    l->params.set(index, checked);
    emit paramsChanged(id);
    return true;
}

bool GraphModel::setParams(LayerId id, const ParamValues &params)
{
    Layer *l = m_graph.mutableLayer(id);
    if (!l || l->params.size() != params.size())
        return false;
    if (l->params == params)
        return true;
    l->params = params;
    emit paramsChanged(id);
    return true;
}

bool GraphModel::renameLayer(LayerId id, const QString &name, QString *why)
{
    Layer *l = m_graph.mutableLayer(id);
    if (!l)
        return false;
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        if (why)
            *why = tr("a layer name cannot be empty");
        return false;
    }
    if (l->name == trimmed)
        return true;
    l->name = trimmed;
    emit layerRenamed(id);
    return true;
}

bool GraphModel::moveLayer(LayerId id, QPointF position)
{
    Layer *l = m_graph.mutableLayer(id);
    if (!l)
        return false;
    if (l->position == position)
        return true;
    l->position = position;
    emit layerMoved(id);
    return true;
}

bool GraphModel::canConnect(const PortRef &a, const PortRef &b, QString *why) const
{
    auto fail = [&](const QString &message) {
        if (why)
            *why = message;
        return false;
    };
    if (a.side == b.side)
        return fail(a.side == PortRef::Side::Output
                        ? tr("cannot join an output to an output: drag from an output to an input")
                        : tr("cannot join an input to an input: drag from an output to an input"));
    const PortRef &out = a.side == PortRef::Side::Output ? a : b;
    const PortRef &in = a.side == PortRef::Side::Output ? b : a;
    const Layer *from = m_graph.layer(out.layer);
    const Layer *to = m_graph.layer(in.layer);
    if (!from || !to)
        return fail(tr("that layer no longer exists"));
    const LayerType *fromType = m_registry.find(from->type);
    const LayerType *toType = m_registry.find(to->type);
    if (!fromType || !toType)
        return fail(tr("unknown layer type"));
    if (!fromType->hasOutput)
        return fail(tr("%1 has no output").arg(layerLabel(from->id)));
    if (out.output < 0 || out.output >= fromType->outputs(from->params))
        return fail(tr("%1 has no output %2").arg(layerLabel(from->id)).arg(out.output + 1));
    if (toType->maxInputs == 0)
        return fail(tr("%1 takes no input").arg(layerLabel(to->id)));
    if (from->id == to->id)
        return fail(tr("a layer cannot feed itself"));
    if (toType->maxInputs > 0 && to->inputs.size() >= toType->maxInputs)
        return fail(tr("the input of %1 is already connected; it takes %n input(s)", nullptr,
                       toType->maxInputs)
                        .arg(layerLabel(to->id)));
    if (m_graph.reaches(to->id, from->id))
        return fail(tr("connecting %1 to %2 would make a cycle: %2 already feeds %1")
                        .arg(layerLabel(from->id), layerLabel(to->id)));
    return true;
}

bool GraphModel::connectLayers(LayerId from, LayerId to, int slot, QString *why, int output)
{
    if (!canConnect({from, PortRef::Side::Output, output}, {to, PortRef::Side::Input}, why))
        return false;
    const Layer *target = m_graph.layer(to);
    const int s = slot < 0 || slot > target->inputs.size() ? int(target->inputs.size()) : slot;
    const Connection c{from, to, s, output};
    m_graph.insertConnection(c);
    emit connected(c);
    return true;
}

bool GraphModel::disconnect(const Connection &c)
{
    if (!m_graph.removeConnection(c))
        return false;
    emit disconnected(c);
    return true;
}

void GraphModel::setVariants(const QVector<Variant> &variants)
{
    if (m_graph.variants == variants)
        return;
    m_graph.variants = variants;
    emit variantsChanged();
}

void GraphModel::setName(const QString &name)
{
    if (m_graph.name == name)
        return;
    m_graph.name = name;
    emit nameChanged();
}

void GraphModel::resetGraph(const Graph &graph)
{
    m_graph = graph;
    emit graphReset();
}

void GraphModel::clear()
{
    m_graph.clear();
    emit graphReset();
}

} // namespace naqsh
