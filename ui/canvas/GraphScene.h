#pragma once

#include "CanvasStyle.h"
#include "graph/GraphModel.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <memory>

class QGraphicsPathItem;
class QMenu;
class QTimer;

namespace naqsh {

class Analyzer;
class BlockItem;
class BlockOverlay;
class DisplayContext;
class Document;
class EdgeItem;
class EdgeRouter;
class LayerSelection;
class NameEditor;
class NodeItem;
class PortItem;
struct AnalysisResult;

/// The canvas scene: one NodeItem per layer and one EdgeItem per connection, kept in step with
/// the document's GraphModel through its fine-grained signals (on<Signal> slots) and with the
/// Analyzer through analysisUpdated, which repaints only the changed layers and their edges.
///
/// Every edit made here (add, connect, move, delete, paste, rename, insert on an edge) is one
/// command pushed on the document's undo stack; the scene changes its items only in answer to
/// model signals, so do, undo and redo look the same. The scene selection and the shared
/// LayerSelection follow each other without a feedback loop.
class GraphScene : public QGraphicsScene
{
    Q_OBJECT
public:
    /// MIME type of layers copied to the clipboard (copyLayers JSON).
    static constexpr const char *kFragmentMime = "application/x-naqsh-fragment";
    /// MIME type of a layer type dragged from the palette (the type id as UTF-8).
    static constexpr const char *kLayerTypeMime = "application/x-naqsh-layer-type";

    /// @p doc, @p selection and @p display must outlive the scene.
    GraphScene(Document *doc, LayerSelection *selection, DisplayContext *display,
               QObject *parent = nullptr);
    ~GraphScene() override;

    Document *document() const { return m_doc; }
    GraphModel *model() const { return m_model; }
    const AnalysisResult &analysis() const;
    DisplayContext *display() const { return m_display; }
    const CanvasStyle &style() const { return m_style; }
    /// The zoom of the view that shows the scene. A port's hit area is kPortHitPixels across on
    /// screen at least, however far the view is zoomed out (the drawn port may stay small).
    void setViewZoom(double zoom);
    /// Radius of a port's hit area, in scene units.
    qreal portHitRadius() const;
    static constexpr qreal kPortHitPixels = 12;

    NodeItem *nodeItem(LayerId id) const { return m_nodes.value(id); }
    const QHash<LayerId, NodeItem *> &nodeItems() const { return m_nodes; }
    /// The frame or card of block @p id.
    BlockItem *blockItem(BlockId id) const;
    /// The card drawn in place of @p layer when a block around it is collapsed, else nullptr.
    BlockItem *collapsedBlockItem(LayerId layer) const;
    /// The block Ungroup, Rename Block and Collapse act on: the block last picked by its title
    /// or card while the selection is still its layers, else the innermost block holding
    /// every selected layer. Invalid when there is none.
    BlockId selectedBlock() const;
    /// The edge item of a connection from @p from to @p to (the first if there are several).
    EdgeItem *edgeItem(LayerId from, LayerId to) const;
    int nodeCount() const { return int(m_nodes.size()); }

    /// Routes edges around the visible nodes (rebuilt when a node moved, appeared or went).
    const EdgeRouter &edgeRouter() const;
    /// The index of @p node among edgeRouter()'s rectangles; -1 for a hidden node or null.
    int routerIndex(const NodeItem *node) const;
    /// Marks the routes stale: the router is rebuilt before the next route, and once the event
    /// loop runs every edge is routed again and its label placed (rerouteEdges()).
    void invalidateRoutes();
    /// Routes every visible edge again around the nodes where they are now, then decides which
    /// edge labels show: one per producer (all its edges carry the same tensor), on its
    /// shortest edge whose label covers no node and no other label; the others show the shape
    /// in their tooltip only.
    void rerouteEdges();

    /// Spreads the layers' positions by @p sx and @p sy on the canvas (not in the document):
    /// when presentation mode draws the nodes larger, their places grow with them so that no
    /// two overlap. Edits made meanwhile are stored in document units.
    void setSpread(qreal sx, qreal sy);
    QPointF spread() const { return m_spread; }
    /// Document position to canvas position, and back.
    QPointF toScene(QPointF modelPos) const
    {
        return {modelPos.x() * m_spread.x(), modelPos.y() * m_spread.y()};
    }
    QPointF toModel(QPointF scenePos) const
    {
        return {scenePos.x() / m_spread.x(), scenePos.y() / m_spread.y()};
    }

    void setGridSnap(bool on);
    bool gridSnap() const { return m_gridSnap; }
    /// @p p rounded to the grid when grid snap is on.
    QPointF snapped(QPointF p) const;

    /// Adds a layer of @p typeId centred on @p scenePos as one undo step; when @p connectAfter
    /// is valid and the new layer's shape rule accepts that layer's output, it is also
    /// connected (same undo step). Selects the new layer. Returns the new id (invalid if the
    /// type is unknown).
    LayerId addLayerAt(const QString &typeId, QPointF scenePos, LayerId connectAfter = {},
                       const QVariantMap &params = QVariantMap());
    /// A palette drop at @p scenePos: on an edge the layer is inserted into it (room is made
    /// when the edge is short); on a node it is added after that node, connected when the
    /// shapes fit; elsewhere it is added there. Returns the new layer's id.
    LayerId dropLayerType(const QString &typeId, QPointF scenePos,
                          const QTransform &deviceTransform = {});
    /// True if a layer of @p typeId could take @p producer's output as its only input.
    bool acceptsOutputOf(const QString &typeId, LayerId producer) const;

    /// The selected layers, in the order of the shared selection.
    QVector<LayerId> selectedLayers() const;
    /// The context menu for @p scenePos (a node, an edge or the background); the caller owns
    /// it. Used by contextMenuEvent; public so that tests can trigger its actions.
    QMenu *createContextMenu(QPointF scenePos, QWidget *parent = nullptr);
    /// Pastes the clipboard's layers with their centre at @p scenePos.
    void pasteAt(QPointF scenePos);
    /// The in-place name editor while F2 editing is open, else nullptr.
    NameEditor *nameEditor() const { return m_editor; }

public slots:
    void deleteSelection();
    void copySelection();
    void cutSelection();
    /// Pastes at the mouse when it is over a view of this scene, else offset by (30, 30) from
    /// where the layers were copied (further for repeated pastes).
    void paste();
    void duplicateSelection();
    void selectAllLayers();
    /// Opens the in-place editor on the (first) selected node's name (F2).
    void renameSelected();
    /// Replaces composite block @p id by its layers (one undo step); says why not otherwise.
    void expandLayer(naqsh::LayerId id);
    /// Removes every connection of the selected layers (one undo step).
    void disconnectSelected();
    /// Groups the selected layers into a new block (Edit › Group, one undo step), named
    /// @p name or "block", "block 2", …; says why not in the status bar. Returns the block.
    BlockId groupSelection(const QString &name = {});
    /// Ungroups selectedBlock() (Edit › Ungroup, one undo step).
    void ungroupSelection();
    /// Collapses an expanded block or expands a collapsed one (one undo step).
    void toggleBlock(naqsh::BlockId id);
    /// Asks for a new name of block @p id and renames it (one undo step).
    void renameBlock(naqsh::BlockId id);
    /// Selects the layers of block @p id (its card, when collapsed); adds to the selection
    /// with @p add.
    void selectBlock(naqsh::BlockId id, bool add = false);
    /// Moves every layer of block @p id by @p delta (scene units) from where they were when
    /// the drag of its card or title began; with @p done, pushes the one move command.
    void dragBlock(naqsh::BlockId id, QPointF delta, bool done);
    /// Re-reads the palette, font and layout direction and repaints everything. Runs by itself
    /// on palette and font changes; views call it when the layout direction changes.
    void restyle();

signals:
    /// A one-line explanation for the status bar, e.g. why a connection was refused.
    void statusMessage(const QString &text);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    bool event(QEvent *event) override;

private slots:
    void onLayerAdded(naqsh::LayerId id);
    void onLayerRemoved(naqsh::LayerId id);
    void onParamsChanged(naqsh::LayerId id);
    void onLayerRenamed(naqsh::LayerId id);
    void onLayerMoved(naqsh::LayerId id);
    void onConnected(const naqsh::Connection &c);
    void onDisconnected(const naqsh::Connection &c);
    void onGraphReset();
    void onAnalysisUpdated(const QVector<naqsh::LayerId> &changed);
    void onDisplayChanged();
    void onSceneSelectionChanged();
    void onLayerSelectionChanged();
    void onBlocksChanged();

private:
    friend class NodeItem;
    friend class BlockOverlay;

    void rebuild();
    NodeItem *createNode(LayerId id);
    /// Grows the scene rect (at once, unlike Qt's lazy growth) to hold @p itemRect with a
    /// margin, so that views can scroll to a new or moved layer right away.
    void growSceneRect(const QRectF &itemRect);
    /// Makes the edge items entering @p to match the model's inputs of @p to (slots shift).
    void syncInputEdges(LayerId to);
    void refreshAll();
    bool heatOn() const;

    // Connecting by drag.
    PortItem *portAt(QPointF scenePos, const QTransform &deviceTransform) const;
    /// The port a connection dragged from m_connectSource would end on at @p scenePos: a
    /// port, or the matching side of a node's body. False if there is none.
    bool targetAt(QPointF scenePos, const QTransform &deviceTransform, PortRef *target,
                  PortItem **port) const;
    void beginConnect(PortItem *source, QPointF scenePos);
    void updateConnect(QPointF scenePos, const QTransform &deviceTransform);
    void finishConnect(QPointF scenePos, const QTransform &deviceTransform);
    void cancelConnect();

    // Moving by drag.
    bool isMovingNodes() const { return m_moving; }
    void nodeMoved(NodeItem *node);
    EdgeItem *dropEdgeFor(NodeItem *node) const;
    void setDropEdge(EdgeItem *edge);

    void pasteFragment(const QByteArray &data, const QPointF *centre);
    QByteArray clipboardFragment() const;
    void selectLayers(const QVector<LayerId> &ids);
    /// Selects the visible cards of collapsed blocks whose layers are all in @p wanted, and
    /// deselects the others.
    void selectCollapsedCards(const QSet<LayerId> &wanted);
    /// The block entries of a context menu: Group and Ungroup for layers (@p onLayers), or
    /// Collapse/Expand, Rename Block and Ungroup for block @p block.
    void addBlockActions(QMenu *menu, BlockId block, bool onLayers);
    void insertLayerOnEdge(const QString &typeId, const Connection &edge);
    void commitRename(LayerId id, const QString &name);
    void closeEditor();
    QRectF fragmentBounds(const QVector<Layer> &layers) const;

    Document *m_doc;
    GraphModel *m_model;
    Analyzer *m_analyzer;
    LayerSelection *m_selection;
    DisplayContext *m_display;
    CanvasStyle m_style;
    double m_viewZoom = 1.0;
    QHash<LayerId, NodeItem *> m_nodes;
    bool m_gridSnap = false;
    QPointF m_spread{1.0, 1.0};
    bool m_syncingSelection = false;
    qint64 m_heatTotals[2] = {-1, -1}; ///< MACs and parameters the heat shares were last read for

    // Connection drag
    PortItem *m_connectSource = nullptr;
    PortItem *m_connectTarget = nullptr;
    QGraphicsPathItem *m_rubber = nullptr;
    QVector<PortItem *> m_highlighted;
    QPointF m_connectPos;

    // Node drag
    bool m_moving = false;
    QHash<LayerId, QPointF> m_moveStart;
    NodeItem *m_dragNode = nullptr;
    EdgeItem *m_dropEdge = nullptr;
    qreal m_dragOpacity = -1; ///< the dragged node's opacity before it was lifted over an edge

    // Paste offsets for repeated pastes of the same data
    QByteArray m_lastPasted;
    int m_pasteCount = 0;

    NameEditor *m_editor = nullptr;

    std::unique_ptr<BlockOverlay> m_blocks;
    mutable std::unique_ptr<EdgeRouter> m_router; ///< null when stale
    mutable QHash<const NodeItem *, int> m_routerIndex;
    QTimer *m_rerouteTimer = nullptr;
    BlockId m_pickedBlock; ///< the block last picked by its title or card (selectedBlock)
    QHash<LayerId, QPointF> m_blockDragStart; ///< scene positions when a block drag began
};

} // namespace naqsh
