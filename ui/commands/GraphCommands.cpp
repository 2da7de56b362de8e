#include "GraphCommands.h"

#include "graph/VariantUpdate.h"

#include "CommandIds.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "layers/Composite.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <QSet>

namespace naqsh {

namespace {
/// A layer name inside a command's text, isolated (FSI … PDI) so that a Latin name keeps its
/// quotation marks around it in a right-to-left sentence («conv1» in Persian), whatever
/// characters it starts or ends with.
QString isolated(const QString &name)
{
    return QChar(0x2068) + name + QChar(0x2069);
}
} // namespace

// ---- AddItemsCommand ----

AddItemsCommand::AddItemsCommand(GraphModel *model, QVector<Layer> layers,
                                 QVector<Connection> connections, const QString &text,
                                 QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_model(model)
    , m_layers(std::move(layers))
    , m_connections(std::move(connections))
{
}

void AddItemsCommand::redo()
{
    for (Layer &l : m_layers) {
        if (!m_done) {
            const LayerId id = m_model->addLayer(
                l.type, l.name.isEmpty() ? QString() : m_model->uniqueName(l.name), l.position,
                l.params, l.id);
            if (!id.isValid()) {
                setObsolete(true);
                return;
            }
            l = *m_model->graph().layer(id);
        } else {
            m_model->insertLayer(l);
        }
    }
    for (const Connection &c : std::as_const(m_connections))
        m_model->connectLayers(c);
    m_done = true;
}

void AddItemsCommand::undo()
{
    for (int i = int(m_layers.size()) - 1; i >= 0; --i)
        m_model->removeLayer(m_layers[i].id);
    // Connections to layers that existed before are removed with the added layers.
}

QVector<LayerId> AddItemsCommand::layerIds() const
{
    QVector<LayerId> ids;
    for (const Layer &l : m_layers)
        ids.append(l.id);
    return ids;
}

// ---- RemoveItemsCommand ----

RemoveItemsCommand::RemoveItemsCommand(GraphModel *model, const QVector<LayerId> &layers,
                                       const QVector<Connection> &connections, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_layerIds(layers)
    , m_requestedConnections(connections)
{
    if (layers.size() == 1 && connections.isEmpty())
        setText(QCoreApplication::translate("naqsh::Commands", "Delete “%1”")
                    .arg(isolated(model->graph().layer(layers[0])->name)));
    else if (connections.size() == 1 && layers.isEmpty())
        setText(QCoreApplication::translate("naqsh::Commands", "Delete connection"));
    else
        setText(QCoreApplication::translate("naqsh::Commands", "Delete %n item(s)", nullptr,
                                            int(layers.size() + connections.size())));
}

void RemoveItemsCommand::redo()
{
    const Graph &g = m_model->graph();
    const QSet<LayerId> removing(m_layerIds.begin(), m_layerIds.end());
    m_layers.clear();
    m_slots.clear();
    m_connections.clear();
    for (LayerId id : g.layerIds())
        if (removing.contains(id)) {
            m_layers.append(*g.layer(id));
            m_slots.append(g.slotOf(id));
        }
    for (const Connection &c : g.connections())
        if (removing.contains(c.from) || removing.contains(c.to) ||
            m_requestedConnections.contains(c))
            m_connections.append(c);
    m_variants = g.variants;
    m_blocks = g.blocks();
    // Remove connections from the highest slot down, so that the recorded slots stay right.
    for (int i = int(m_connections.size()) - 1; i >= 0; --i)
        m_model->disconnect(m_connections[i]);
    for (const Layer &l : std::as_const(m_layers))
        m_model->removeLayer(l.id);
    // Comparisons that used the removed layers change in the same step (undo restores them).
    m_model->setVariants(variantsWithout(m_variants, removing));
}

void RemoveItemsCommand::undo()
{
    // Ascending slots: each insert lands exactly where the layer was.
    for (int i = 0; i < m_layers.size(); ++i)
        m_model->insertLayer(m_layers[i], m_slots[i]);
    // Graph order is by target layer, then slot: re-inserting in that order restores each
    // input list exactly.
    for (const Connection &c : std::as_const(m_connections))
        m_model->connectLayers(c);
    m_model->setVariants(m_variants);
    m_model->setBlocks(m_blocks);
}

// ---- ConnectPortsCommand / DisconnectPortsCommand ----

ConnectPortsCommand::ConnectPortsCommand(GraphModel *model, LayerId from, LayerId to, int slot,
                                         QUndoCommand *parent, int output)
    : QUndoCommand(parent)
    , m_model(model)
    , m_connection{from, to, slot, output}
{
    setText(QCoreApplication::translate("naqsh::Commands", "Connect “%1” to “%2”")
                .arg(isolated(model->graph().layer(from)->name),
                     isolated(model->graph().layer(to)->name)));
}

void ConnectPortsCommand::redo()
{
    const Layer *to = m_model->graph().layer(m_connection.to);
    if (!to) {
        setObsolete(true);
        return;
    }
    if (m_connection.slot < 0 || m_connection.slot > to->inputs.size())
        m_connection.slot = int(to->inputs.size());
    if (!m_model->connectLayers(m_connection))
        setObsolete(true);
}

void ConnectPortsCommand::undo()
{
    m_model->disconnect(m_connection);
}

DisconnectPortsCommand::DisconnectPortsCommand(GraphModel *model, const Connection &connection,
                                               QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("naqsh::Commands", "Disconnect"), parent)
    , m_model(model)
    , m_connection(connection)
{
}

void DisconnectPortsCommand::redo()
{
    if (!m_model->disconnect(m_connection))
        setObsolete(true);
}

void DisconnectPortsCommand::undo()
{
    m_model->connectLayers(m_connection);
}

// ---- SetLayerParamCommand ----

SetLayerParamCommand::SetLayerParamCommand(GraphModel *model, LayerId id, const QVariantMap &values,
                                           QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_layer(id)
    , m_values(values)
{
    const Layer *l = model->graph().layer(id);
    const LayerType *type = l ? model->registry().find(l->type) : nullptr;
    QStringList labels;
    for (auto it = values.begin(); it != values.end() && type; ++it) {
        const int i = type->paramIndex(it.key());
        labels << (i >= 0 ? layerTr(type->params[i].label) : it.key());
    }
    setText(QCoreApplication::translate("naqsh::Commands", "Set %1 of “%2”")
                .arg(labels.join(QStringLiteral(", ")), isolated(l ? l->name : QString())));
}

void SetLayerParamCommand::redo()
{
    const Layer *l = m_model->graph().layer(m_layer);
    if (!l) {
        setObsolete(true);
        return;
    }
    if (!m_captured) {
        m_before = l->params;
        for (auto it = m_values.begin(); it != m_values.end(); ++it)
            if (!m_model->setParam(m_layer, it.key(), it.value())) {
                m_model->setParams(m_layer, m_before);
                setObsolete(true);
                return;
            }
        m_after = m_model->graph().layer(m_layer)->params;
        m_captured = true;
        if (m_after == m_before)
            setObsolete(true);
        return;
    }
    m_model->setParams(m_layer, m_after);
}

void SetLayerParamCommand::undo()
{
    m_model->setParams(m_layer, m_before);
}

int SetLayerParamCommand::id() const
{
    return int(CommandId::SetLayerParam);
}

bool SetLayerParamCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetLayerParamCommand *>(other);
    if (o->m_layer != m_layer || o->m_values.keys() != m_values.keys())
        return false;
    m_values = o->m_values;
    m_after = o->m_after;
    if (m_after == m_before)
        setObsolete(true);
    return true;
}

// ---- RenameLayerCommand ----

RenameLayerCommand::RenameLayerCommand(GraphModel *model, LayerId id, const QString &name,
                                       QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_layer(id)
    , m_new(name.trimmed())
{
    const Layer *l = model->graph().layer(id);
    m_old = l ? l->name : QString();
    setText(QCoreApplication::translate("naqsh::Commands", "Rename “%1” to “%2”")
                .arg(isolated(m_old), isolated(m_new)));
}

void RenameLayerCommand::redo()
{
    if (!m_model->renameLayer(m_layer, m_new))
        setObsolete(true);
}

void RenameLayerCommand::undo()
{
    m_model->renameLayer(m_layer, m_old);
}

// ---- MoveLayersCommand ----

MoveLayersCommand::MoveLayersCommand(GraphModel *model, const QHash<LayerId, QPointF> &from,
                                     const QHash<LayerId, QPointF> &to, const QString &text,
                                     QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_from(from)
    , m_to(to)
{
    setText(text.isEmpty() ? QCoreApplication::translate("naqsh::Commands", "Move %n layer(s)",
                                                         nullptr, int(to.size()))
                           : text);
}

void MoveLayersCommand::redo()
{
    for (auto it = m_to.begin(); it != m_to.end(); ++it)
        m_model->moveLayer(it.key(), it.value());
}

void MoveLayersCommand::undo()
{
    for (auto it = m_from.begin(); it != m_from.end(); ++it)
        m_model->moveLayer(it.key(), it.value());
}

// ---- SetVariantsCommand ----

SetVariantsCommand::SetVariantsCommand(GraphModel *model, const QVector<Variant> &variants,
                                       const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_model(model)
    , m_old(model->graph().variants)
    , m_new(variants)
{
}

void SetVariantsCommand::redo()
{
    m_model->setVariants(m_new);
}

void SetVariantsCommand::undo()
{
    m_model->setVariants(m_old);
}

// ---- helpers ----

QUndoCommand *makeInsertOnEdgeCommand(GraphModel *model, const Connection &edge, LayerId layer,
                                      QString *why)
{
    const Graph &g = model->graph();
    const Layer *l = g.layer(layer);
    const LayerType *type = l ? model->registry().find(l->type) : nullptr;
    if (!l || !type)
        return nullptr;
    if (layer == edge.from || layer == edge.to)
        return nullptr;
    if (!l->inputs.isEmpty() || !l->consumers.isEmpty()) {
        if (why)
            *why = QCoreApplication::translate(
                "naqsh::Commands", "only an unconnected layer can be dropped onto a connection");
        return nullptr;
    }
    if (type->maxInputs == 0 || !type->hasOutput) {
        if (why)
            *why =
                QCoreApplication::translate("naqsh::Commands", "%1 cannot sit inside a connection")
                    .arg(type->translatedName());
        return nullptr;
    }
    auto *parent = new QUndoCommand(
        QCoreApplication::translate("naqsh::Commands", "Insert “%1”").arg(isolated(l->name)));
    new DisconnectPortsCommand(model, edge, parent);
    new ConnectPortsCommand(model, edge.from, layer, 0, parent);
    new ConnectPortsCommand(model, layer, edge.to, edge.slot, parent);
    return parent;
}

QUndoCommand *makeExpandCompositeCommand(GraphModel *model, const AnalysisResult &analysis,
                                         LayerId layer, QString *why)
{
    QVector<Layer> layers;
    QVector<Connection> connections;
    const QString error = planCompositeExpansion(model->graph(), model->registry(), analysis, layer,
                                                 &layers, &connections);
    if (!error.isEmpty()) {
        if (why)
            *why = error;
        return nullptr;
    }
    auto *parent =
        new QUndoCommand(QCoreApplication::translate("naqsh::Commands", "Expand “%1” into layers")
                             .arg(isolated(model->graph().layer(layer)->name)));
    new RemoveItemsCommand(model, {layer}, {}, parent);
    new AddItemsCommand(model, layers, connections, QString(), parent);
    return parent;
}

QByteArray copyLayers(const GraphModel &model, const QVector<LayerId> &layers)
{
    Graph fragment;
    const QSet<LayerId> chosen(layers.begin(), layers.end());
    for (LayerId id : model.graph().layerIds())
        if (chosen.contains(id))
            fragment.addLayer(*model.graph().layer(id));
    for (const Connection &c : model.graph().connections())
        if (chosen.contains(c.from) && chosen.contains(c.to))
            fragment.insertConnection({c.from, c.to, int(fragment.layer(c.to)->inputs.size())});
    return NaqshFile::toJson(fragment, model.registry());
}

bool parseCopiedLayers(const GraphModel &model, const QByteArray &data, QPointF offset,
                       QVector<Layer> *layers, QVector<Connection> *connections)
{
    const NaqshFile::ReadResult r = NaqshFile::fromJson(data, model.registry());
    if (!r.ok() || r.graph.isEmpty())
        return false;
    // Fresh ids continue after the document's own, in the order of the fragment.
    quint64 next = model.graph().nextId();
    QHash<LayerId, LayerId> remap;
    for (LayerId id : r.graph.layerIds()) {
        Layer l = *r.graph.layer(id);
        remap.insert(id, LayerId(next));
        l.id = LayerId(next++);
        l.position += offset;
        layers->append(l);
    }
    for (const Connection &c : r.graph.connections())
        connections->append({remap.value(c.from), remap.value(c.to), c.slot, c.output});
    return true;
}

} // namespace naqsh
