#include "GraphScene.h"

#include "BlockItem.h"
#include "BlockOverlay.h"
#include "DisplayContext.h"
#include "Document.h"
#include "EdgeItem.h"
#include "GraphView.h"
#include "LayerSelection.h"
#include "NameEditor.h"
#include "NodeItem.h"
#include "PortItem.h"
#include "analysis/Analyzer.h"
#include "commands/GraphCommands.h"
#include "layers/LayerRegistry.h"
#include "layout/EdgeRouter.h"

#include <QClipboard>
#include <QCursor>
#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QSet>
#include <QStyleOptionGraphicsItem>
#include <QTimer>
#include <QUndoStack>
#include <QtMath>
#include <algorithm>
#include <memory>

namespace naqsh {

namespace {

QTransform viewTransform(const QGraphicsSceneMouseEvent *event)
{
    const QWidget *viewport = event->widget();
    const auto *view =
        viewport ? qobject_cast<const QGraphicsView *>(viewport->parentWidget()) : nullptr;
    return view ? view->transform() : QTransform();
}

/// Layer types offered by an edge's "Insert layer" menu, in menu order (those the registry
/// knows). A UI choice of common layers, not a rule about types.
const char *const kInsertTypes[] = {"relu",      "batchnorm2d", "conv2d",
                                    "maxpool2d", "dropout",     "identity"};

} // namespace

GraphScene::GraphScene(Document *doc, LayerSelection *selection, DisplayContext *display,
                       QObject *parent)
    : QGraphicsScene(parent)
    , m_doc(doc)
    , m_model(doc->model())
    , m_analyzer(doc->analyzer())
    , m_selection(selection)
    , m_display(display)
    , m_blocks(std::make_unique<BlockOverlay>(this))
{
    setItemIndexMethod(BspTreeIndex);
    m_style = CanvasStyle::fromPalette(palette(), font());
    m_rerouteTimer = new QTimer(this);
    m_rerouteTimer->setSingleShot(true);
    m_rerouteTimer->setInterval(0);
    connect(m_rerouteTimer, &QTimer::timeout, this, &GraphScene::rerouteEdges);

    connect(m_model, &GraphModel::layerAdded, this, &GraphScene::onLayerAdded);
    connect(m_model, &GraphModel::layerRemoved, this, &GraphScene::onLayerRemoved);
    connect(m_model, &GraphModel::paramsChanged, this, &GraphScene::onParamsChanged);
    connect(m_model, &GraphModel::layerRenamed, this, &GraphScene::onLayerRenamed);
    connect(m_model, &GraphModel::layerMoved, this, &GraphScene::onLayerMoved);
    connect(m_model, &GraphModel::connected, this, &GraphScene::onConnected);
    connect(m_model, &GraphModel::disconnected, this, &GraphScene::onDisconnected);
    connect(m_model, &GraphModel::graphReset, this, &GraphScene::onGraphReset);
    connect(m_model, &GraphModel::blocksChanged, this, &GraphScene::onBlocksChanged);
    connect(m_analyzer, &Analyzer::analysisUpdated, this, &GraphScene::onAnalysisUpdated);
    connect(m_display, &DisplayContext::changed, this, &GraphScene::onDisplayChanged);
    connect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::onSceneSelectionChanged);
    connect(m_selection, &LayerSelection::selectionChanged, this,
            &GraphScene::onLayerSelectionChanged);
    rebuild();
}

GraphScene::~GraphScene()
{
    // Items die with the scene; their focus and selection changes must not reach the model.
    closeEditor();
    disconnect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::onSceneSelectionChanged);
}

const AnalysisResult &GraphScene::analysis() const
{
    return m_analyzer->result();
}

bool GraphScene::heatOn() const
{
    return m_display->heatMode() != DisplayContext::HeatMode::Off;
}

EdgeItem *GraphScene::edgeItem(LayerId from, LayerId to) const
{
    if (const NodeItem *n = m_nodes.value(from))
        for (EdgeItem *e : n->edges())
            if (e->connection().from == from && e->connection().to == to)
                return e;
    return nullptr;
}

void GraphScene::setGridSnap(bool on)
{
    m_gridSnap = on;
}

QPointF GraphScene::snapped(QPointF p) const
{
    if (!m_gridSnap)
        return p;
    const qreal g = m_style.gridSize;
    return QPointF(qRound(p.x() / g) * g, qRound(p.y() / g) * g);
}

// ---- building items from the model ----

NodeItem *GraphScene::createNode(LayerId id)
{
    const Layer *layer = m_model->graph().layer(id);
    if (!layer)
        return nullptr;
    auto *node = new NodeItem(this, id);
    node->setPos(toScene(layer->position));
    m_nodes.insert(id, node);
    addItem(node);
    invalidateRoutes();
    node->refresh();
    growSceneRect(node->sceneBoundingRect());
    return node;
}

void GraphScene::growSceneRect(const QRectF &itemRect)
{
    if (sceneRect().contains(itemRect))
        return;
    const qreal margin = 400;
    setSceneRect(sceneRect().united(itemRect.adjusted(-margin, -margin, margin, margin)));
}

void GraphScene::rebuild()
{
    m_syncingSelection = true;
    closeEditor();
    cancelConnect();
    m_moving = false;
    m_moveStart.clear();
    m_dragNode = nullptr;
    m_dropEdge = nullptr;
    m_dragOpacity = -1;
    clear();
    m_nodes.clear();
    m_blocks->forget();
    const Graph &g = m_model->graph();
    QRectF bounds;
    for (LayerId id : g.layerIds())
        bounds |=
            QRectF(toScene(g.layer(id)->position), QSizeF(m_style.nodeWidth, m_style.nodeHeight));
    // A fresh document gets a fresh (possibly smaller) scene rect.
    setSceneRect(bounds.adjusted(-400, -400, 400, 400));
    m_nodes.reserve(g.size());
    for (LayerId id : g.layerIds())
        createNode(id);
    QVector<EdgeItem *> edges;
    for (const Connection &c : g.connections()) {
        NodeItem *from = m_nodes.value(c.from);
        NodeItem *to = m_nodes.value(c.to);
        if (!from || !to)
            continue;
        auto *e = new EdgeItem(this, c);
        from->addEdge(e);
        to->addEdge(e);
        addItem(e);
        edges.append(e);
    }
    for (NodeItem *n : std::as_const(m_nodes))
        n->updatePorts();
    for (EdgeItem *e : std::as_const(edges)) {
        e->adjust();
        e->refresh();
    }
    m_blocks->sync();
    rerouteEdges();
    m_syncingSelection = false;
    onLayerSelectionChanged();
}

void GraphScene::syncInputEdges(LayerId to)
{
    NodeItem *target = m_nodes.value(to);
    if (!target)
        return;
    const Layer *layer = m_model->graph().layer(to);
    const QVector<LayerId> inputs = layer ? layer->inputs : QVector<LayerId>();
    const QVector<int> ports = layer ? layer->inputPorts : QVector<int>();
    QVector<EdgeItem *> existing;
    for (EdgeItem *e : target->edges())
        if (e->connection().to == to)
            existing.append(e);

    // Keep the items of surviving connections (their selection too); slots may have shifted.
    QVector<EdgeItem *> kept(inputs.size(), nullptr);
    for (int i = 0; i < inputs.size(); ++i)
        for (int k = 0; k < existing.size(); ++k)
            if (existing[k]->connection().from == inputs[i] &&
                existing[k]->connection().slot == i &&
                existing[k]->connection().output == ports.value(i)) {
                kept[i] = existing.takeAt(k);
                break;
            }
    for (int i = 0; i < inputs.size(); ++i)
        for (int k = 0; !kept[i] && k < existing.size(); ++k)
            if (existing[k]->connection().from == inputs[i] &&
                existing[k]->connection().output == ports.value(i))
                kept[i] = existing.takeAt(k);

    QSet<NodeItem *> touched{target};
    for (EdgeItem *e : std::as_const(existing)) {
        NodeItem *from = m_nodes.value(e->connection().from);
        if (from) {
            from->removeEdge(e);
            touched.insert(from);
        }
        target->removeEdge(e);
        if (m_dropEdge == e)
            m_dropEdge = nullptr;
        delete e;
    }
    for (int i = 0; i < inputs.size(); ++i) {
        if (kept[i]) {
            kept[i]->setSlot(i);
            continue;
        }
        NodeItem *from = m_nodes.value(inputs[i]);
        if (!from)
            continue;
        auto *e = new EdgeItem(this, Connection{inputs[i], to, i, ports.value(i)});
        from->addEdge(e);
        target->addEdge(e);
        touched.insert(from);
        addItem(e);
        kept[i] = e;
    }
    for (NodeItem *n : std::as_const(touched))
        n->updatePorts();
    // The input port's width follows its edge count: every entering edge moves.
    for (EdgeItem *e : std::as_const(kept))
        if (e) {
            e->adjust();
            e->refresh();
        }
    invalidateRoutes();
}

void GraphScene::refreshAll()
{
    for (NodeItem *n : std::as_const(m_nodes)) {
        n->refresh();
        for (EdgeItem *e : n->edges())
            if (e->connection().from == n->layerId())
                e->refresh();
    }
}

void GraphScene::setSpread(qreal sx, qreal sy)
{
    const QPointF spread(sx > 0 ? sx : 1.0, sy > 0 ? sy : 1.0);
    if (spread == m_spread)
        return;
    m_spread = spread;
    const Graph &g = m_model->graph();
    QRectF bounds;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        if (const Layer *layer = g.layer(it.key())) {
            it.value()->setPos(toScene(layer->position));
            bounds |= it.value()->sceneBoundingRect();
        }
    }
    growSceneRect(bounds);
    m_blocks->updateGeometry();
}

void GraphScene::setViewZoom(double zoom)
{
    if (zoom <= 0 || qFuzzyCompare(zoom, m_viewZoom))
        return;
    const qreal before = portHitRadius();
    m_viewZoom = zoom;
    if (qFuzzyCompare(before, portHitRadius()))
        return;
    for (NodeItem *n : std::as_const(m_nodes)) {
        if (PortItem *p = n->inputPort())
            p->hitAreaChanged();
        for (PortItem *p : n->outputPorts())
            p->hitAreaChanged();
    }
}

qreal GraphScene::portHitRadius() const
{
    // Zoomed out to boxes alone, no port is drawn to aim at.
    if (m_viewZoom < CanvasStyle::kBoxesOnlyLod)
        return m_style.portHitRadius;
    const qreal half = kPortHitPixels / 2;
    return qMax(m_style.portHitRadius, half / m_viewZoom);
}

void GraphScene::restyle()
{
    m_style = CanvasStyle::fromPalette(palette(), font());
    for (NodeItem *n : std::as_const(m_nodes)) {
        n->styleChanged();
        n->refresh(true);
    }
    invalidateRoutes();
    for (NodeItem *n : std::as_const(m_nodes))
        for (EdgeItem *e : n->edges())
            if (e->connection().from == n->layerId())
                e->styleChanged();
    m_blocks->refreshText();
    m_blocks->updateGeometry();
    // Views cache the background (the grid); a null rect would not reach those caches.
    for (QGraphicsView *v : views())
        v->resetCachedContent();
    update();
}

bool GraphScene::event(QEvent *event)
{
    const bool handled = QGraphicsScene::event(event);
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::FontChange:
    case QEvent::ApplicationPaletteChange:
    case QEvent::ApplicationFontChange:
        restyle();
        break;
    default:
        break;
    }
    return handled;
}

// ---- model signals ----

void GraphScene::onLayerAdded(LayerId id)
{
    if (!m_nodes.contains(id))
        createNode(id);
}

void GraphScene::onLayerRemoved(LayerId id)
{
    NodeItem *node = m_nodes.take(id);
    if (!node)
        return;
    if (m_editor && m_editor->node() == node)
        closeEditor();
    if (m_connectSource && m_connectSource->node() == node)
        cancelConnect();
    if (m_dragNode == node) {
        m_dragNode = nullptr;
        m_dragOpacity = -1;
        m_moving = false;
    }
    m_moveStart.remove(id);
    // Connections were removed (with a signal each) before the layer; drop any stragglers.
    const QVector<EdgeItem *> left = node->edges();
    for (EdgeItem *e : left) {
        const LayerId other =
            e->connection().from == id ? e->connection().to : e->connection().from;
        if (NodeItem *o = m_nodes.value(other))
            o->removeEdge(e);
        if (m_dropEdge == e)
            m_dropEdge = nullptr;
        delete e;
    }
    delete node;
    invalidateRoutes();
}

void GraphScene::onParamsChanged(LayerId id)
{
    // The key parameters change now; the numbers follow with analysisUpdated.
    if (NodeItem *n = m_nodes.value(id))
        n->refresh();
}

void GraphScene::onLayerRenamed(LayerId id)
{
    if (NodeItem *n = m_nodes.value(id)) {
        n->refresh();
        for (EdgeItem *e : n->edges())
            e->refresh();
    }
    // Downstream "no numbers" messages name the layer at fault.
    for (NodeItem *n : std::as_const(m_nodes))
        if (n->isDimmed())
            n->refresh();
}

void GraphScene::onLayerMoved(LayerId id)
{
    NodeItem *n = m_nodes.value(id);
    const Layer *layer = m_model->graph().layer(id);
    if (n && layer && n->pos() != toScene(layer->position))
        n->setPos(toScene(layer->position));
    if (m_blocks->count() > 0)
        m_blocks->updateGeometry();
}

void GraphScene::onConnected(const Connection &c)
{
    syncInputEdges(c.to);
}

void GraphScene::onDisconnected(const Connection &c)
{
    syncInputEdges(c.to);
}

void GraphScene::onGraphReset()
{
    // Another document: what was selected in the old one means nothing here.
    m_selection->clear();
    rebuild();
}

void GraphScene::onAnalysisUpdated(const QVector<LayerId> &changed)
{
    // Only the changed layers and their out-edges re-read, except that with heat on every share
    // depends on the totals: when they moved, all nodes re-read their share (and repaint only
    // if the tint or the percentage changed).
    const AnalysisResult &result = analysis();
    const bool totalsMoved = result.totals.macs.value() != m_heatTotals[0] ||
                             result.totals.params().value() != m_heatTotals[1];
    m_heatTotals[0] = result.totals.macs.value();
    m_heatTotals[1] = result.totals.params().value();
    if (heatOn() && totalsMoved)
        for (NodeItem *n : std::as_const(m_nodes))
            n->refreshHeat();
    for (LayerId id : changed) {
        NodeItem *n = m_nodes.value(id);
        if (!n)
            continue;
        n->refresh();
        for (EdgeItem *e : n->edges())
            if (e->connection().from == id)
                e->refresh();
    }
    if (m_blocks->count() > 0)
        m_blocks->refreshText();
}

void GraphScene::onDisplayChanged()
{
    refreshAll();
    m_blocks->refreshText();
}

// ---- selection ----

QVector<LayerId> GraphScene::selectedLayers() const
{
    QSet<LayerId> chosen;
    for (QGraphicsItem *i : selectedItems()) {
        if (auto *n = qgraphicsitem_cast<NodeItem *>(i))
            chosen.insert(n->layerId());
        else if (auto *b = qgraphicsitem_cast<BlockItem *>(i))
            for (LayerId l : m_model->graph().blockLayers(b->blockId()))
                chosen.insert(l);
    }
    // Keep the shared selection's order (its first layer is the inspector's), then graph order.
    QVector<LayerId> ids;
    ids.reserve(chosen.size());
    for (LayerId id : m_selection->layers())
        if (chosen.remove(id))
            ids.append(id);
    if (!chosen.isEmpty()) {
        QVector<LayerId> rest(chosen.begin(), chosen.end());
        const Graph &g = m_model->graph();
        std::sort(rest.begin(), rest.end(),
                  [&g](LayerId a, LayerId b) { return g.slotOf(a) < g.slotOf(b); });
        ids += rest;
    }
    return ids;
}

void GraphScene::onSceneSelectionChanged()
{
    if (m_syncingSelection)
        return;
    // A rubber band selects layers, not the connections it happens to cross.
    bool banding = false;
    for (QGraphicsView *v : views())
        banding = banding || !v->rubberBandRect().isNull();
    m_syncingSelection = true;
    if (banding)
        for (QGraphicsItem *i : selectedItems())
            if (i->type() == EdgeItem::Type)
                i->setSelected(false);
    m_selection->setSelection(selectedLayers());
    m_syncingSelection = false;
}

void GraphScene::onLayerSelectionChanged()
{
    if (m_syncingSelection)
        return;
    m_syncingSelection = true;
    const QVector<LayerId> &ids = m_selection->layers();
    const QSet<LayerId> wanted(ids.begin(), ids.end());
    for (QGraphicsItem *i : selectedItems()) {
        auto *n = qgraphicsitem_cast<NodeItem *>(i);
        if ((!n && i->type() != BlockItem::Type) || (n && !wanted.contains(n->layerId())))
            i->setSelected(false);
    }
    for (LayerId id : ids)
        if (NodeItem *n = m_nodes.value(id); n && !n->isSelected() && n->isVisible())
            n->setSelected(true);
    selectCollapsedCards(wanted);
    m_syncingSelection = false;
    if (NodeItem *first = ids.isEmpty() ? nullptr : m_nodes.value(ids.first()))
        for (QGraphicsView *v : views())
            v->ensureVisible(first, 40, 40);
}

void GraphScene::selectLayers(const QVector<LayerId> &ids)
{
    m_syncingSelection = true;
    clearSelection();
    for (LayerId id : ids)
        if (NodeItem *n = m_nodes.value(id))
            n->setSelected(true);
    m_syncingSelection = false;
    m_selection->setSelection(selectedLayers());
    if (NodeItem *first = ids.isEmpty() ? nullptr : m_nodes.value(ids.first()))
        for (QGraphicsView *v : views())
            v->ensureVisible(first, 40, 40);
}

void GraphScene::selectAllLayers()
{
    m_syncingSelection = true;
    for (NodeItem *n : std::as_const(m_nodes))
        n->setSelected(true);
    m_syncingSelection = false;
    m_selection->setSelection(selectedLayers());
}

// ---- adding ----

bool GraphScene::acceptsOutputOf(const QString &typeId, LayerId producer) const
{
    const LayerRegistry &reg = m_model->registry();
    const LayerType *type = reg.find(typeId);
    const Layer *p = m_model->graph().layer(producer);
    const LayerType *ptype = p ? reg.find(p->type) : nullptr;
    if (!type || !type->shape || type->maxInputs == 0 || !ptype || !ptype->hasOutput)
        return false;
    m_analyzer->flush();
    const LayerResult *r = analysis().layer(producer);
    if (!r || !r->hasNumbers())
        return false;
    const TensorShape inputs[1] = {r->output};
    return type
        ->shape(type->defaultParams(), std::span<const TensorShape>(inputs, 1),
                m_analyzer->context())
        .isOk();
}

LayerId GraphScene::addLayerAt(const QString &typeId, QPointF scenePos, LayerId connectAfter,
                               const QVariantMap &params)
{
    const LayerType *type = m_model->registry().find(typeId);
    if (!type) {
        emit statusMessage(tr("Unknown layer type \"%1\"").arg(typeId));
        return {};
    }
    Layer layer;
    // The id is fixed before the push so that the connection can name it; AddItemsCommand
    // keeps it for redo.
    layer.id = LayerId(m_model->graph().nextId());
    layer.type = type->id;
    layer.params = type->defaultParams();
    for (auto it = params.begin(); it != params.end(); ++it) {
        const int index = type->paramIndex(it.key());
        if (index >= 0 && validateParam(type->params[index], it.value(), nullptr).isValid())
            layer.params.set(index, validateParam(type->params[index], it.value(), nullptr));
    }
    layer.position =
        snapped(toModel(scenePos - QPointF(m_style.nodeWidth / 2, m_style.nodeHeight / 2)));
    QVector<Connection> connections;
    if (connectAfter.isValid() && acceptsOutputOf(type->id, connectAfter))
        connections.append(Connection{connectAfter, layer.id, -1});
    m_doc->undoStack()->push(new AddItemsCommand(m_model, {layer}, connections,
                                                 tr("Add %1").arg(type->translatedName())));
    if (!m_model->graph().contains(layer.id))
        return {};
    selectLayers({layer.id});
    return layer.id;
}

LayerId GraphScene::dropLayerType(const QString &typeId, QPointF scenePos,
                                  const QTransform &deviceTransform)
{
    // Onto an edge: inserted on it. Onto a node: added after it and connected when the shapes
    // fit. Elsewhere: added where it was dropped.
    const QRectF around(scenePos - QPointF(6, 6), QSizeF(12, 12));
    for (QGraphicsItem *i :
         items(around, Qt::IntersectsItemShape, Qt::DescendingOrder, deviceTransform)) {
        if (auto *node = qgraphicsitem_cast<NodeItem *>(i)) {
            const LayerId after = node->layerId();
            const QPointF below =
                node->pos() + QPointF(m_style.nodeWidth / 2, m_style.nodeHeight * 1.5 + 60);
            return addLayerAt(typeId, below, acceptsOutputOf(typeId, after) ? after : LayerId());
        }
        if (auto *e = qgraphicsitem_cast<EdgeItem *>(i)) {
            insertLayerOnEdge(typeId, e->connection());
            return m_selection->current();
        }
    }
    return addLayerAt(typeId, scenePos);
}

void GraphScene::insertLayerOnEdge(const QString &typeId, const Connection &edge)
{
    const LayerType *type = m_model->registry().find(typeId);
    if (!type || type->maxInputs == 0 || !type->hasOutput)
        return;
    const EdgeItem *item = edgeItem(edge.from, edge.to);
    const QPointF mid = item ? item->midPoint() : QPointF();
    Layer layer;
    layer.id = LayerId(m_model->graph().nextId());
    layer.type = type->id;
    layer.params = type->defaultParams();
    layer.position = snapped(toModel(mid - QPointF(m_style.nodeWidth / 2, m_style.nodeHeight / 2)));
    // Disconnect first so that a single-input consumer has room; undo runs backwards.
    auto *parent = new QUndoCommand(tr("Insert %1").arg(type->translatedName()));
    new DisconnectPortsCommand(m_model, edge, parent);
    // Make room: when the edge is too short for a node between its ends, the consumer and
    // everything beyond it move one node further along the edge (same undo step).
    const Graph &g = m_model->graph();
    const Layer *from = g.layer(edge.from);
    const Layer *to = g.layer(edge.to);
    if (from && to) {
        const QPointF d = to->position - from->position;
        const bool vertical = qAbs(d.y()) >= qAbs(d.x());
        const qreal size =
            vertical ? m_style.nodeHeight / m_spread.y() : m_style.nodeWidth / m_spread.x();
        const qreal gap = 40;
        const qreal along = vertical ? d.y() : d.x();
        if (along > 0 && along < 2 * (size + gap)) {
            const qreal shift = 2 * (size + gap) - along;
            const qreal start = vertical ? to->position.y() : to->position.x();
            QHash<LayerId, QPointF> was, now;
            for (LayerId id : g.layerIds()) {
                const QPointF p = g.layer(id)->position;
                if ((vertical ? p.y() : p.x()) >= start - 1) {
                    was.insert(id, p);
                    now.insert(id, vertical ? p + QPointF(0, shift) : p + QPointF(shift, 0));
                }
            }
            new MoveLayersCommand(m_model, was, now, QString(), parent);
            layer.position = vertical
                                 ? QPointF(layer.position.x(), from->position.y() + size + gap)
                                 : QPointF(from->position.x() + size + gap, layer.position.y());
        }
    }
    new AddItemsCommand(
        m_model, {layer},
        {Connection{edge.from, layer.id, 0, edge.output}, Connection{layer.id, edge.to, edge.slot}},
        QString(), parent);
    m_doc->undoStack()->push(parent);
    if (m_model->graph().contains(layer.id))
        selectLayers({layer.id});
}

// ---- deleting, clipboard ----

void GraphScene::deleteSelection()
{
    const QVector<LayerId> layers = selectedLayers();
    const QSet<LayerId> removing(layers.begin(), layers.end());
    QVector<Connection> connections;
    for (QGraphicsItem *i : selectedItems())
        if (auto *e = qgraphicsitem_cast<EdgeItem *>(i))
            if (!removing.contains(e->connection().from) && !removing.contains(e->connection().to))
                connections.append(e->connection());
    if (layers.isEmpty() && connections.isEmpty())
        return;
    m_doc->undoStack()->push(new RemoveItemsCommand(m_model, layers, connections));
}

void GraphScene::copySelection()
{
    const QVector<LayerId> layers = selectedLayers();
    if (layers.isEmpty())
        return;
    const QByteArray data = copyLayers(*m_model, layers);
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(kFragmentMime), data);
    mime->setText(QString::fromUtf8(data));
    QGuiApplication::clipboard()->setMimeData(mime);
    m_lastPasted.clear();
    m_pasteCount = 0;
    emit statusMessage(tr("Copied %n layer(s)", nullptr, int(layers.size())));
}

void GraphScene::expandLayer(LayerId id)
{
    m_doc->analyzer()->flush();
    QString why;
    if (QUndoCommand *cmd =
            makeExpandCompositeCommand(m_model, m_doc->analyzer()->result(), id, &why))
        m_doc->undoStack()->push(cmd);
    else
        emit statusMessage(why);
}

void GraphScene::cutSelection()
{
    const QVector<LayerId> layers = selectedLayers();
    if (layers.isEmpty())
        return;
    copySelection();
    auto *cmd = new RemoveItemsCommand(m_model, layers, {});
    cmd->setText(tr("Cut %n layer(s)", nullptr, int(layers.size())));
    m_doc->undoStack()->push(cmd);
}

QByteArray GraphScene::clipboardFragment() const
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (!mime)
        return {};
    if (mime->hasFormat(QLatin1String(kFragmentMime)))
        return mime->data(QLatin1String(kFragmentMime));
    // Plain text from another Naqsh window or a file opened in an editor.
    const QString text = mime->text().trimmed();
    return text.startsWith(QLatin1Char('{')) ? text.toUtf8() : QByteArray();
}

QRectF GraphScene::fragmentBounds(const QVector<Layer> &layers) const
{
    QRectF bounds;
    for (const Layer &l : layers)
        bounds |= QRectF(l.position, QSizeF(m_style.nodeWidth / m_spread.x(),
                                            m_style.nodeHeight / m_spread.y()));
    return bounds;
}

void GraphScene::pasteFragment(const QByteArray &data, const QPointF *centre)
{
    QPointF offset;
    if (!centre) {
        // Repeated pastes of the same layers step further away instead of piling up.
        m_pasteCount = data == m_lastPasted ? m_pasteCount + 1 : 1;
        m_lastPasted = data;
        offset = QPointF(30, 30) * m_pasteCount;
    }
    QVector<Layer> layers;
    QVector<Connection> connections;
    if (data.isEmpty() || !parseCopiedLayers(*m_model, data, offset, &layers, &connections)) {
        emit statusMessage(tr("The clipboard holds no layers to paste"));
        return;
    }
    if (centre) {
        const QPointF shift = toModel(*centre) - fragmentBounds(layers).center();
        for (Layer &l : layers)
            l.position = snapped(l.position + shift);
    }
    auto *cmd = new AddItemsCommand(m_model, layers, connections,
                                    tr("Paste %n layer(s)", nullptr, int(layers.size())));
    m_doc->undoStack()->push(cmd);
    QVector<LayerId> ids;
    for (const Layer &l : std::as_const(layers))
        if (m_model->graph().contains(l.id))
            ids.append(l.id);
    selectLayers(ids);
}

void GraphScene::paste()
{
    const QByteArray data = clipboardFragment();
    if (data.isEmpty()) {
        emit statusMessage(tr("The clipboard holds no layers to paste"));
        return;
    }
    const QPoint global = QCursor::pos();
    for (QGraphicsView *v : views()) {
        const QPoint local = v->viewport()->mapFromGlobal(global);
        if (v->isVisible() && v->viewport()->rect().contains(local)) {
            const QPointF centre = v->mapToScene(local);
            pasteFragment(data, &centre);
            return;
        }
    }
    pasteFragment(data, nullptr);
}

void GraphScene::pasteAt(QPointF scenePos)
{
    pasteFragment(clipboardFragment(), &scenePos);
}

void GraphScene::duplicateSelection()
{
    const QVector<LayerId> ids = selectedLayers();
    if (ids.isEmpty())
        return;
    QVector<Layer> layers;
    QVector<Connection> connections;
    if (!parseCopiedLayers(*m_model, copyLayers(*m_model, ids), QPointF(30, 30), &layers,
                           &connections))
        return;
    for (Layer &l : layers)
        l.position = snapped(l.position);
    m_doc->undoStack()->push(new AddItemsCommand(
        m_model, layers, connections, tr("Duplicate %n layer(s)", nullptr, int(layers.size()))));
    QVector<LayerId> added;
    for (const Layer &l : std::as_const(layers))
        if (m_model->graph().contains(l.id))
            added.append(l.id);
    selectLayers(added);
}

void GraphScene::disconnectSelected()
{
    const QVector<LayerId> ids = selectedLayers();
    const QSet<LayerId> chosen(ids.begin(), ids.end());
    QVector<Connection> connections;
    for (const Connection &c : m_model->graph().connections())
        if (chosen.contains(c.from) || chosen.contains(c.to))
            connections.append(c);
    if (connections.isEmpty())
        return;
    auto *cmd = new RemoveItemsCommand(m_model, {}, connections);
    cmd->setText(tr("Disconnect %n connection(s)", nullptr, int(connections.size())));
    m_doc->undoStack()->push(cmd);
}

// ---- rename in place ----

void GraphScene::renameSelected()
{
    const QVector<LayerId> ids = selectedLayers();
    NodeItem *node = ids.isEmpty() ? nullptr : m_nodes.value(ids.first());
    const Layer *layer = node ? m_model->graph().layer(node->layerId()) : nullptr;
    if (!layer)
        return;
    closeEditor();
    const LayerId id = layer->id;
    m_editor = new NameEditor(node, layer->name);
    node->setEditingName(true);
    connect(m_editor, &NameEditor::committed, this,
            [this, id](const QString &name) { commitRename(id, name); });
    connect(m_editor, &NameEditor::cancelled, this, &GraphScene::closeEditor);
    for (QGraphicsView *v : views())
        v->ensureVisible(node, 40, 40);
    setFocusItem(m_editor, Qt::OtherFocusReason);
}

void GraphScene::closeEditor()
{
    if (!m_editor)
        return;
    NameEditor *editor = m_editor;
    m_editor = nullptr;
    // No late commit from the focus loss that deleting it causes.
    disconnect(editor, nullptr, this, nullptr);
    editor->node()->setEditingName(false);
    editor->hide();
    editor->deleteLater();
}

void GraphScene::commitRename(LayerId id, const QString &name)
{
    closeEditor();
    const Layer *layer = m_model->graph().layer(id);
    if (!layer || name.isEmpty() || name == layer->name)
        return;
    m_doc->undoStack()->push(new RenameLayerCommand(m_model, id, name));
}

// ---- connecting and moving by drag ----

PortItem *GraphScene::portAt(QPointF scenePos, const QTransform &deviceTransform) const
{
    for (QGraphicsItem *i :
         items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder, deviceTransform)) {
        if (i == m_rubber)
            continue;
        return qgraphicsitem_cast<PortItem *>(i);
    }
    return nullptr;
}

bool GraphScene::targetAt(QPointF scenePos, const QTransform &deviceTransform, PortRef *target,
                          PortItem **port) const
{
    *port = nullptr;
    const PortRef::Side wanted = m_connectSource->side() == PortRef::Side::Output
                                     ? PortRef::Side::Input
                                     : PortRef::Side::Output;
    for (QGraphicsItem *i :
         items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder, deviceTransform)) {
        if (auto *p = qgraphicsitem_cast<PortItem *>(i)) {
            *port = p;
            *target = p->portRef();
            return true;
        }
        if (auto *n = qgraphicsitem_cast<NodeItem *>(i)) {
            // Dropping on a node's body means its port on the other side (the nearest output
            // of a layer with several).
            *port =
                wanted == PortRef::Side::Input ? n->inputPort() : n->nearestOutputPort(scenePos);
            *target = *port ? (*port)->portRef() : PortRef{n->layerId(), wanted};
            return true;
        }
    }
    return false;
}

void GraphScene::beginConnect(PortItem *source, QPointF scenePos)
{
    cancelConnect();
    m_connectSource = source;
    m_rubber = new QGraphicsPathItem;
    QPen pen(m_style.selection, 2, Qt::DashLine, Qt::RoundCap);
    m_rubber->setPen(pen);
    m_rubber->setZValue(1000);
    m_rubber->setAcceptedMouseButtons(Qt::NoButton);
    addItem(m_rubber);
    const PortRef ref = source->portRef();
    for (NodeItem *n : std::as_const(m_nodes)) {
        const QVector<PortItem *> candidates = source->side() == PortRef::Side::Output
                                                   ? QVector<PortItem *>{n->inputPort()}
                                                   : n->outputPorts();
        for (PortItem *p : candidates) {
            if (p && m_model->canConnect(ref, p->portRef())) {
                p->setHighlight(PortItem::Highlight::Valid);
                m_highlighted.append(p);
            }
        }
    }
    updateConnect(scenePos, QTransform());
}

void GraphScene::updateConnect(QPointF scenePos, const QTransform &deviceTransform)
{
    m_connectPos = scenePos;
    PortRef ref;
    PortItem *port = nullptr;
    if (!targetAt(scenePos, deviceTransform, &ref, &port) || port == m_connectSource)
        port = nullptr;
    if (port && !m_highlighted.contains(port))
        port = nullptr;
    if (port != m_connectTarget) {
        if (m_connectTarget)
            m_connectTarget->setHighlight(PortItem::Highlight::Valid);
        m_connectTarget = port;
        if (port)
            port->setHighlight(PortItem::Highlight::Target);
    }
    QPointF end = scenePos;
    if (port) {
        const NodeItem *n = port->node();
        end = port->side() == PortRef::Side::Input
                  ? port->anchor(n->inputEdgeCount(), n->inputEdgeCount() + 1)
                  : port->anchor();
    }
    const bool fromOutput = m_connectSource->side() == PortRef::Side::Output;
    const NodeItem *src = m_connectSource->node();
    const QPointF start =
        fromOutput ? m_connectSource->anchor()
                   : m_connectSource->anchor(src->inputEdgeCount(), src->inputEdgeCount() + 1);
    m_rubber->setPath(fromOutput ? EdgeItem::curve(start, end) : EdgeItem::curve(end, start));
}

void GraphScene::cancelConnect()
{
    for (PortItem *p : std::as_const(m_highlighted))
        p->setHighlight(PortItem::Highlight::None);
    m_highlighted.clear();
    delete m_rubber;
    m_rubber = nullptr;
    m_connectSource = nullptr;
    m_connectTarget = nullptr;
}

void GraphScene::finishConnect(QPointF scenePos, const QTransform &deviceTransform)
{
    PortItem *source = m_connectSource;
    PortRef target;
    PortItem *port = nullptr;
    const bool found = targetAt(scenePos, deviceTransform, &target, &port);
    const PortRef from = source->portRef();
    cancelConnect();
    // Empty space, or a click on the port itself: nothing to say.
    if (!found || port == source)
        return;
    QString why;
    if (!m_model->canConnect(from, target, &why)) {
        emit statusMessage(tr("Cannot connect: %1").arg(why));
        return;
    }
    const bool fromOutput = from.side == PortRef::Side::Output;
    m_doc->undoStack()->push(new ConnectPortsCommand(
        m_model, fromOutput ? from.layer : target.layer, fromOutput ? target.layer : from.layer, -1,
        nullptr, fromOutput ? from.output : target.output));
}

void GraphScene::nodeMoved(NodeItem *node)
{
    growSceneRect(node->sceneBoundingRect());
    if (m_blocks->count() > 0 && m_moving)
        m_blocks->updateGeometry();
    if (m_moving && node == m_dragNode && m_moveStart.size() == 1)
        setDropEdge(dropEdgeFor(node));
}

EdgeItem *GraphScene::dropEdgeFor(NodeItem *node) const
{
    if (!node->edges().isEmpty())
        return nullptr;
    const Layer *layer = m_model->graph().layer(node->layerId());
    const LayerType *type = layer ? m_model->registry().find(layer->type) : nullptr;
    if (!type || type->maxInputs == 0 || !type->hasOutput)
        return nullptr;
    const QPointF centre = node->mapToScene(node->cardRect().center());
    for (QGraphicsItem *i : items(centre, Qt::IntersectsItemShape, Qt::DescendingOrder))
        if (auto *e = qgraphicsitem_cast<EdgeItem *>(i))
            return e;
    return nullptr;
}

void GraphScene::setDropEdge(EdgeItem *edge)
{
    if (edge == m_dropEdge)
        return;
    if (m_dropEdge) {
        m_dropEdge->setDropTarget(false);
        m_dropEdge->setZValue(-1);
    }
    m_dropEdge = edge;
    if (edge) {
        // The edge is usually hidden under the node being dropped on it: lift the edge above
        // the other nodes and let it show through the dragged one.
        edge->setDropTarget(true);
        edge->setZValue(1);
    }
    if (!m_dragNode)
        return;
    // Others may dim nodes too (the step-through): restore what was there.
    if (edge) {
        if (m_dragOpacity < 0)
            m_dragOpacity = m_dragNode->opacity();
        m_dragNode->setZValue(2);
        m_dragNode->setOpacity(m_dragOpacity * 0.72);
    } else if (m_dragOpacity >= 0) {
        m_dragNode->setZValue(0);
        m_dragNode->setOpacity(m_dragOpacity);
        m_dragOpacity = -1;
    }
}

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_connectSource) {
        if (PortItem *p = portAt(event->scenePos(), viewTransform(event))) {
            beginConnect(p, event->scenePos());
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    if (auto *node = qgraphicsitem_cast<NodeItem *>(mouseGrabberItem())) {
        // Start positions of everything that will move with it, for the one move command.
        m_moveStart.clear();
        for (QGraphicsItem *i : selectedItems())
            if (auto *n = qgraphicsitem_cast<NodeItem *>(i))
                m_moveStart.insert(n->layerId(), toModel(n->pos()));
        m_moveStart.insert(node->layerId(), toModel(node->pos()));
        m_dragNode = node;
        m_moving = true;
    }
}

void GraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_connectSource) {
        updateConnect(event->scenePos(), viewTransform(event));
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_connectSource) {
        if (event->button() == Qt::LeftButton)
            finishConnect(event->scenePos(), viewTransform(event));
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (!m_moving || event->button() != Qt::LeftButton)
        return;
    m_moving = false;
    invalidateRoutes(); // while dragging only the moved nodes' edges were routed again
    QHash<LayerId, QPointF> from, to;
    for (auto it = m_moveStart.cbegin(); it != m_moveStart.cend(); ++it) {
        const NodeItem *n = m_nodes.value(it.key());
        if (n && toModel(n->pos()) != it.value()) {
            from.insert(it.key(), it.value());
            to.insert(it.key(), toModel(n->pos()));
        }
    }
    const LayerId dragged = m_dragNode ? m_dragNode->layerId() : LayerId();
    const EdgeItem *drop = m_dropEdge;
    const Connection edge = drop ? drop->connection() : Connection();
    setDropEdge(nullptr);
    m_moveStart.clear();
    m_dragNode = nullptr;
    if (to.isEmpty())
        return;
    QUndoStack *stack = m_doc->undoStack();
    if (drop) {
        QString why;
        if (QUndoCommand *insert = makeInsertOnEdgeCommand(m_model, edge, dragged, &why)) {
            // The move and the insertion are one step: undo puts the layer back where it was.
            stack->beginMacro(insert->text());
            stack->push(new MoveLayersCommand(m_model, from, to));
            stack->push(insert);
            stack->endMacro();
            return;
        }
        if (!why.isEmpty())
            emit statusMessage(why);
    }
    stack->push(new MoveLayersCommand(m_model, from, to));
}

void GraphScene::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_connectSource) {
        cancelConnect();
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

// ---- context menus ----

QMenu *GraphScene::createContextMenu(QPointF scenePos, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    NodeItem *node = nullptr;
    EdgeItem *edge = nullptr;
    BlockItem *block = nullptr;
    for (QGraphicsItem *i : items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder)) {
        if (auto *p = qgraphicsitem_cast<PortItem *>(i))
            node = p->node();
        else
            node = qgraphicsitem_cast<NodeItem *>(i);
        edge = qgraphicsitem_cast<EdgeItem *>(i);
        block = qgraphicsitem_cast<BlockItem *>(i);
        if (node || edge || block)
            break;
    }
    if (block) {
        addBlockActions(menu, block->blockId(), false);
        return menu;
    }
    auto add = [menu](QMenu *into, const QString &text, const char *name, auto slot) {
        QAction *a = into->addAction(text);
        a->setObjectName(QLatin1String(name));
        QObject::connect(a, &QAction::triggered, menu, slot);
        return a;
    };

    if (node) {
        if (!node->isSelected())
            selectLayers({node->layerId()});
        QAction *rename = add(menu, tr("&Rename"), "renameAction", [this] { renameSelected(); });
        rename->setShortcut(QKeySequence(Qt::Key_F2));
        add(menu, tr("D&uplicate"), "duplicateAction", [this] { duplicateSelection(); });
        QAction *del = add(menu, tr("&Delete"), "deleteAction", [this] { deleteSelection(); });
        del->setShortcut(QKeySequence::Delete);
        menu->addSeparator();
        bool anyEdge = false;
        for (LayerId id : selectedLayers())
            if (const NodeItem *n = m_nodes.value(id))
                anyEdge = anyEdge || !n->edges().isEmpty();
        add(menu, tr("Disconnect &All"), "disconnectAllAction", [this] {
            disconnectSelected();
        })->setEnabled(anyEdge);
        const Layer *layer = m_model->graph().layer(node->layerId());
        const LayerType *type = layer ? m_model->registry().find(layer->type) : nullptr;
        if (type && type->expand && selectedLayers().size() == 1) {
            const LayerId id = node->layerId();
            add(menu, tr("E&xpand into Layers"), "expandAction", [this, id] { expandLayer(id); });
        }
        menu->addSeparator();
        addBlockActions(menu, {}, true);
        return menu;
    }

    if (edge) {
        if (!edge->isSelected()) {
            clearSelection();
            edge->setSelected(true);
        }
        const Connection c = edge->connection();
        QAction *del =
            add(menu, tr("&Delete Connection"), "deleteAction", [this] { deleteSelection(); });
        del->setShortcut(QKeySequence::Delete);
        QMenu *insert = menu->addMenu(tr("&Insert Layer"));
        insert->setObjectName(QStringLiteral("insertMenu"));
        for (const char *id : kInsertTypes) {
            const LayerType *type = m_model->registry().find(QString::fromLatin1(id));
            if (!type || type->maxInputs == 0 || !type->hasOutput)
                continue;
            const QString typeId = type->id;
            QAction *a = insert->addAction(type->translatedName());
            a->setData(typeId);
            connect(a, &QAction::triggered, menu,
                    [this, typeId, c] { insertLayerOnEdge(typeId, c); });
        }
        return menu;
    }

    QAction *pasteAct =
        add(menu, tr("&Paste"), "pasteAction", [this, scenePos] { pasteAt(scenePos); });
    pasteAct->setShortcut(QKeySequence::Paste);
    pasteAct->setEnabled(!clipboardFragment().isEmpty());
    QMenu *addMenu = menu->addMenu(tr("&Add Layer"));
    addMenu->setObjectName(QStringLiteral("addLayerMenu"));
    const LayerRegistry &reg = m_model->registry();
    for (const char *category : reg.categories()) {
        QMenu *sub = addMenu->addMenu(layerTr(category));
        for (const LayerType &t : reg.types()) {
            if (qstrcmp(t.category, category) != 0)
                continue;
            const QString typeId = t.id;
            QAction *a = sub->addAction(t.translatedName());
            a->setData(typeId);
            a->setToolTip(t.translatedHelp());
            connect(a, &QAction::triggered, menu,
                    [this, typeId, scenePos] { addLayerAt(typeId, scenePos); });
        }
    }
    menu->addSeparator();
    add(menu, tr("Zoom to &Fit"), "zoomToFitAction", [this] {
        for (QGraphicsView *v : views())
            if (auto *gv = qobject_cast<GraphView *>(v))
                gv->zoomToFit();
    });
    QAction *snap =
        add(menu, tr("&Snap to Grid"), "gridSnapAction", [this](bool on) { setGridSnap(on); });
    snap->setCheckable(true);
    snap->setChecked(m_gridSnap);
    return menu;
}

void GraphScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    if (m_connectSource)
        return;
    // The name editor has its own (cut, copy, paste) menu.
    if (m_editor && m_editor->contains(m_editor->mapFromScene(event->scenePos()))) {
        QGraphicsScene::contextMenuEvent(event);
        return;
    }
    std::unique_ptr<QMenu> menu(createContextMenu(event->scenePos(), event->widget()));
    menu->exec(event->screenPos());
    event->accept();
}

// ---- background ----

void GraphScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, m_style.background);
    const qreal lod =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (lod <= 0)
        return;
    // Dots on the grid, thinned out when zoomed out so that they stay about 20 px apart.
    qreal step = m_style.gridSize;
    int major = 5;
    while (step * lod < 18) {
        step *= 5;
        major = 5;
    }
    const qreal left = std::floor(rect.left() / step) * step;
    const qreal top = std::floor(rect.top() / step) * step;
    QVector<QPointF> minor, majors;
    for (qreal x = left; x <= rect.right(); x += step) {
        const bool xMajor = qRound64(x / step) % major == 0;
        for (qreal y = top; y <= rect.bottom(); y += step) {
            if (xMajor && qRound64(y / step) % major == 0)
                majors.append(QPointF(x, y));
            else
                minor.append(QPointF(x, y));
        }
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    QPen pen(m_style.gridDot, 1.5);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->drawPoints(minor.constData(), int(minor.size()));
    pen.setColor(m_style.gridDotMajor);
    pen.setWidthF(2);
    painter->setPen(pen);
    painter->drawPoints(majors.constData(), int(majors.size()));
    painter->restore();
}

} // namespace naqsh
