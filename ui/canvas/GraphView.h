#pragma once

#include "graph/LayerId.h"

#include <QGraphicsView>
#include <QVariantMap>

namespace naqsh {

class GraphScene;

/// The canvas widget: zoom (wheel under the mouse, pinch, buttons), pan (middle mouse or
/// space + drag, Shift + wheel), rubber-band selection, the standard editing keys, and drops
/// of layer types from the palette (GraphScene::kLayerTypeMime). Drops of .naqsh files are
/// ignored so that they reach the main window.
class GraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit GraphView(GraphScene *scene, QWidget *parent = nullptr);

    GraphScene *graphScene() const { return m_scene; }
    /// The current zoom factor (1 = 100%).
    double zoom() const { return m_zoom; }
    static constexpr double kMinZoom = 0.005;
    static constexpr double kMaxZoom = 4.0;
    /// The smallest zoom at which node names are readable (drawn alone, large).
    static constexpr double kReadableZoom = 0.4;
    /// A fit never shows a card's smallest text (shapes and costs) under this size on screen.
    static constexpr double kComfortablePoints = 7.5;
    /// True while the view shows the whole graph by Zoom to Fit and the user has not zoomed or
    /// panned since: resizing the view (maximizing, presentation) fits it again.
    bool isFitted() const { return m_fitted; }
    /// Zoom to Fit never goes below @p zoom (presentation: names stay 20 pt); 0 for no floor.
    void setFitFloor(double zoom) { m_fitFloor = zoom; }

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void zoomToFit();
    void zoomToSelection();
    /// The first view of a document: the whole graph when it fits at a readable size, else
    /// the start of it (its inputs) with node names readable (zoom kReadableZoom).
    void showDocumentStart();
    /// Sets the zoom factor, keeping the scene point under @p viewportAnchor in place (the
    /// viewport's centre if null).
    void setZoom(double factor, QPointF viewportAnchor = {});
    /// Adds a layer of @p typeId at the centre of the view (below any layer already there),
    /// connected after the single selected layer when the shapes fit.
    /// Adds a @p typeId layer (with @p params over its defaults) in view, after the selected
    /// layer when the shapes fit.
    void addLayerAtCenter(const QString &typeId, const QVariantMap &params = QVariantMap());

signals:
    /// The zoom factor changed (1 = 100%).
    void zoomChanged(double factor);
    /// A letter or digit was typed on the canvas (no layer name being edited): the start of a
    /// layer to add ("conv 5x5 32 same"), for the palette's search.
    void typingStarted(const QString &text);

protected:
    bool event(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fitRect(const QRectF &rect, double maxZoom);
    void updateSceneRect();
    bool isEditingText() const;
    void endPan();

    GraphScene *m_scene;
    double m_zoom = 1.0;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panLast;
    double m_pinchStart = 1.0;
    bool m_fitted = false;
    double m_fitFloor = 0;
    int m_ownScroll = 0; ///< > 0 while the view scrolls itself (fit, scene rect growth)
};

} // namespace naqsh
