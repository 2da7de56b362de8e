#pragma once

#include "ItemTypes.h"
#include "graph/LayerId.h"

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QVector>

namespace naqsh {

class EdgeItem;
class GraphScene;
class NameEditor;
class PortItem;
struct CanvasStyle;
struct LayerResult;

/// One layer on the canvas: a rounded card with a category strip, the layer's name, its type
/// and key parameters ("Conv 5×5, 32"), its output shape and its parameter and MAC counts.
///
/// The item holds the layer id only; refresh() reads the model and the Analyzer's latest
/// result through its GraphScene and keeps the formatted lines, so that painting formats
/// nothing. The node is cached in device coordinates; refresh() invalidates the cache only
/// when a shown line actually changed. The item's position is the layer's top-left corner.
class NodeItem : public QGraphicsItem
{
public:
    enum { Type = int(ItemType::Node) };

    NodeItem(GraphScene *scene, LayerId id);
    ~NodeItem() override;

    int type() const override { return Type; }
    LayerId layerId() const { return m_id; }
    GraphScene *graphScene() const { return m_scene; }

    /// Re-reads the layer and its analysis result; repaints only if something shown changed
    /// (or always, with @p force).
    void refresh(bool force = false);
    /// Re-reads only the heat share (the totals changed, this layer did not).
    void refreshHeat();
    /// Re-reads the style's sizes (after a palette or font change) and repaints.
    void styleChanged();

    /// The shown lines (name, type and parameters, output shape, costs), one per line, as
    /// painted at full detail. For tests and accessibility.
    QString labelText() const;
    /// True when the layer has an error of its own (a red badge).
    bool hasError() const { return m_state == State::Error; }
    /// True when the layer has no numbers because a layer upstream has an error (dimmed).
    bool isDimmed() const { return m_state == State::Upstream; }
    /// The heat share shown in the corner ("12.3%"), empty when heat is off.
    QString heatText() const { return m_heatText; }

    /// The card in item coordinates (the layer's box).
    QRectF cardRect() const;
    /// Zoomed out the name is drawn alone and large: the lines it is drawn in, the font, and
    /// the room they get (for the GUI probe: a name is never broken inside a word or cut).
    QStringList overviewLines() const;
    QFont overviewFont() const { return m_overviewFont; }
    QRectF overviewRoom() const;
    /// Where the name is drawn, in item coordinates (the in-place editor goes there).
    QRectF nameRect() const;
    PortItem *inputPort() const { return m_input; }
    /// Output @p k (one port per output: Split and Chunk have several), or nullptr.
    PortItem *outputPort(int k = 0) const { return m_outputs.value(k, nullptr); }
    const QVector<PortItem *> &outputPorts() const { return m_outputs; }
    /// The output port closest to @p scenePos, or nullptr for a layer without output.
    PortItem *nearestOutputPort(QPointF scenePos) const;

    /// Edges touching this node (kept by GraphScene).
    const QVector<EdgeItem *> &edges() const { return m_edges; }
    void addEdge(EdgeItem *edge);
    void removeEdge(EdgeItem *edge);
    /// Number of edges entering this node's input port.
    int inputEdgeCount() const;
    /// Re-reads the ports' connection counts (after edges were added or removed).
    void updatePorts();

    /// A port's drawn size changes (its node draws it): grows the bounding rect first.
    void portGeometryChanged() { prepareGeometryChange(); }

    /// Shows or hides the name while the in-place editor is open.
    void setEditingName(bool editing);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    enum class State { Pending, Ok, Error, Upstream };

    const CanvasStyle &style() const;
    QString heatFor(const LayerResult &r, double *level) const;
    void paintCard(QPainter *painter, const CanvasStyle &s, qreal lod) const;
    void elide();
    /// Makes one output port per output of the layer's current parameters, spread along the
    /// bottom edge.
    void syncOutputPorts();

    GraphScene *m_scene;
    LayerId m_id;
    PortItem *m_input = nullptr;
    QVector<PortItem *> m_outputs;
    QVector<EdgeItem *> m_edges;

    // What refresh() last read (full strings) and their elided forms for painting.
    State m_state = State::Pending;
    QString m_name, m_typeLine, m_shapeLine, m_metaLine, m_heatText;
    QString m_nameShown, m_typeShown, m_shapeShown, m_metaShown, m_overviewShown;
    QFont m_overviewFont;
    QColor m_category;
    double m_heat = 0;
    bool m_hovered = false;
    bool m_editingName = false;
};

} // namespace naqsh
