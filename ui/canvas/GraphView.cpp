#include "GraphView.h"

#include "CanvasStyle.h"
#include "GraphScene.h"
#include "LayerSelection.h"
#include "NodeItem.h"

#include <QDragEnterEvent>
#include <QGestureEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QScrollBar>
#include <QUrl>
#include <QWheelEvent>
#include <QtMath>

namespace naqsh {

namespace {

bool hasLayerType(const QMimeData *mime)
{
    return mime && mime->hasFormat(QLatin1String(GraphScene::kLayerTypeMime));
}

} // namespace

GraphView::GraphView(GraphScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    // Ports stay 12 px targets on screen at every zoom.
    connect(this, &GraphView::zoomChanged, scene, &GraphScene::setViewZoom);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(NoAnchor); // setZoom anchors itself
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(MinimalViewportUpdate);
    setCacheMode(CacheBackground);
    // The scene paints every pixel (drawBackground): no need to clear the viewport first, and
    // items set the painter state they use, so the view need not save it around each one.
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setOptimizationFlag(DontSavePainterState);
    setFrameShape(QFrame::NoFrame);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->grabGesture(Qt::PinchGesture);
    connect(scene, &QGraphicsScene::sceneRectChanged, this, &GraphView::updateSceneRect);
    updateSceneRect();
}

void GraphView::updateSceneRect()
{
    // Room to pan a screen beyond the layers in every direction, and never less than what is
    // shown, so that zooming can keep any point under the mouse.
    const QSizeF screen = QSizeF(viewport()->size()) / m_zoom;
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    const QRectF wanted = m_scene->sceneRect().united(visible).adjusted(
        -screen.width(), -screen.height(), screen.width(), screen.height());
    if (wanted == sceneRect())
        return;
    // Changing the scene rect must not scroll what is on screen.
    ++m_ownScroll;
    const QPointF topLeft = mapToScene(QPoint(0, 0));
    setSceneRect(wanted);
    const QPoint moved = mapFromScene(topLeft);
    // Right to left, the horizontal scroll bar runs the other way (Qt scrolls by
    // minimum + maximum - value): compensating the same way sent the view off the layers.
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() +
                                    (isRightToLeft() ? -moved.x() : moved.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + moved.y());
    --m_ownScroll;
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    if (m_ownScroll == 0)
        m_fitted = false;
}

void GraphView::setZoom(double factor, QPointF viewportAnchor)
{
    factor = qBound(kMinZoom, factor, kMaxZoom);
    if (qFuzzyCompare(factor, m_zoom))
        return;
    m_fitted = false;
    const QPointF anchor =
        viewportAnchor.isNull() ? QPointF(viewport()->rect().center()) : viewportAnchor;
    const QPointF sceneAnchor = mapToScene(anchor.toPoint());
    m_zoom = factor;
    setTransform(QTransform::fromScale(factor, factor));
    updateSceneRect();
    // Put the anchored scene point back under the anchor.
    const QPointF moved = mapFromScene(sceneAnchor) - anchor;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(moved.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(moved.y()));
    emit zoomChanged(m_zoom);
}

void GraphView::zoomIn()
{
    setZoom(m_zoom * 1.25);
}

void GraphView::zoomOut()
{
    setZoom(m_zoom / 1.25);
}

void GraphView::resetZoom()
{
    setZoom(1.0);
}

void GraphView::fitRect(const QRectF &rect, double maxZoom)
{
    if (rect.isEmpty() || viewport()->width() < 2 || viewport()->height() < 2)
        return;
    const QRectF padded = rect.adjusted(-40, -40, 40, 40);
    double factor =
        qBound(kMinZoom,
               qMin(viewport()->width() / padded.width(), viewport()->height() / padded.height()),
               maxZoom);
    // Just above the names-only level of detail the cards draw their shapes and costs too small
    // to read: a fit that lands there shows the names alone, large, instead.
    const CanvasStyle &style = m_scene->style();
    const double metaPoints = style.metaFont.pointSizeF() > 0
                                  ? style.metaFont.pointSizeF()
                                  : style.metaFont.pixelSize() * 72.0 / logicalDpiY();
    const double detailZoom = kComfortablePoints / metaPoints;
    if (factor >= CanvasStyle::kNameOnlyLod && factor < detailZoom)
        factor = CanvasStyle::kNameOnlyLod * 0.99;
    m_zoom = factor;
    ++m_ownScroll;
    setTransform(QTransform::fromScale(factor, factor));
    updateSceneRect();
    centerOn(padded.center());
    --m_ownScroll;
    m_fitted = false;
    emit zoomChanged(m_zoom);
}

void GraphView::zoomToFit()
{
    QRectF r;
    for (QGraphicsItem *i : m_scene->items())
        if (i->type() == NodeItem::Type)
            r |= i->sceneBoundingRect();
    fitRect(r, 1.0);
    if (m_fitFloor > 0 && m_zoom < m_fitFloor && !r.isEmpty()) {
        // Too small to read: the floor's zoom, from the graph's start (top left).
        setZoom(m_fitFloor);
        const QSizeF shown = QSizeF(viewport()->size()) / m_zoom;
        ++m_ownScroll;
        centerOn(r.left() + qMin(r.width(), shown.width()) / 2, r.top() + shown.height() / 2 - 20);
        --m_ownScroll;
    }
    m_fitted = true;
}

void GraphView::showDocumentStart()
{
    zoomToFit();
    if (m_zoom >= kReadableZoom)
        return;
    QRectF all;
    for (QGraphicsItem *i : m_scene->items())
        if (i->type() == NodeItem::Type)
            all |= i->sceneBoundingRect();
    if (all.isEmpty())
        return;
    setZoom(kReadableZoom);
    const QSizeF shown = QSizeF(viewport()->size()) / kReadableZoom;
    const bool wide = all.width() > all.height();
    // Top-down graphs start at the top; left-to-right ones at the leading side.
    const QPointF centre = wide ? QPointF(all.left() + shown.width() / 2 - 20, all.center().y())
                                : QPointF(all.center().x(), all.top() + shown.height() / 2 - 20);
    centerOn(centre);
}

void GraphView::zoomToSelection()
{
    QRectF r;
    for (QGraphicsItem *i : m_scene->selectedItems())
        r |= i->sceneBoundingRect();
    if (r.isEmpty())
        zoomToFit();
    else
        fitRect(r, 1.5);
}

void GraphView::addLayerAtCenter(const QString &typeId, const QVariantMap &params)
{
    const QVector<LayerId> selected = m_scene->selectedLayers();
    const LayerId after = selected.size() == 1 ? selected.first() : LayerId();
    const CanvasStyle &s = m_scene->style();
    QPointF centre = mapToScene(viewport()->rect().center());
    // Step down past layers already there, so that repeated adds build a readable column;
    // after a layer, start under it and step aside past what already hangs there (a second
    // branch goes beside the first, not on top of its edge).
    QPointF step(0, s.nodeHeight + 50);
    if (const NodeItem *a = after.isValid() ? m_scene->nodeItem(after) : nullptr) {
        centre = a->mapToScene(a->cardRect().center()) + QPointF(0, s.nodeHeight + 50);
        step = QPointF(s.nodeWidth + 40, 0);
    }
    for (int guard = 0; guard < 50; ++guard) {
        const QRectF box(centre - QPointF(s.nodeWidth / 2, s.nodeHeight / 2),
                         QSizeF(s.nodeWidth, s.nodeHeight));
        bool free = true;
        for (QGraphicsItem *i : m_scene->items(box.adjusted(-10, -20, 10, 20)))
            free = free && i->type() != NodeItem::Type;
        if (free)
            break;
        centre += step;
    }
    const LayerId id = m_scene->addLayerAt(typeId, centre, after, params);
    if (NodeItem *n = m_scene->nodeItem(id)) {
        ensureVisible(n, 40, 40);
        const QRect shown = mapFromScene(n->sceneBoundingRect()).boundingRect();
        if (!viewport()->rect().contains(shown))
            centerOn(n);
    }
}

bool GraphView::isEditingText() const
{
    const QGraphicsItem *focus = m_scene->focusItem();
    return focus && (focus->flags() & QGraphicsItem::ItemAcceptsInputMethod);
}

bool GraphView::event(QEvent *event)
{
    // While a name is being edited, its keys (Delete, Ctrl+A, Ctrl+C...) belong to the editor,
    // not to window shortcuts.
    if (event->type() == QEvent::ShortcutOverride && isEditingText()) {
        event->accept();
        return true;
    }
    return QGraphicsView::event(event);
}

bool GraphView::viewportEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::NativeGesture: {
        auto *g = static_cast<QNativeGestureEvent *>(event);
        if (g->gestureType() == Qt::ZoomNativeGesture) {
            setZoom(m_zoom * (1.0 + g->value()), g->position());
            return true;
        }
        break;
    }
    case QEvent::Gesture: {
        auto *g = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(g->gesture(Qt::PinchGesture))) {
            if (pinch->state() == Qt::GestureStarted)
                m_pinchStart = m_zoom;
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
                setZoom(m_pinchStart * pinch->totalScaleFactor(),
                        viewport()->mapFromGlobal(pinch->centerPoint().toPoint()));
            g->accept(pinch);
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QGraphicsView::viewportEvent(event);
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ShiftModifier) {
        // Pan: Shift + wheel moves sideways, Shift + Alt + wheel up and down.
        const QPoint d = event->angleDelta();
        const int delta = d.y() != 0 ? d.y() : d.x();
        QScrollBar *bar =
            event->modifiers() & Qt::AltModifier ? verticalScrollBar() : horizontalScrollBar();
        bar->setValue(bar->value() - delta);
        event->accept();
        return;
    }
    const QPoint d = event->angleDelta();
    const int delta = d.y() != 0 ? d.y() : d.x();
    if (delta == 0) {
        event->ignore();
        return;
    }
    // One notch (120) zooms by 2^(1/4), about 19%.
    setZoom(m_zoom * std::pow(2.0, delta / 480.0), event->position());
    event->accept();
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    if (isEditingText()) {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace)
        m_scene->deleteSelection();
    else if (event->matches(QKeySequence::Copy))
        m_scene->copySelection();
    else if (event->matches(QKeySequence::Cut))
        m_scene->cutSelection();
    else if (event->matches(QKeySequence::Paste))
        m_scene->paste();
    else if (event->matches(QKeySequence::SelectAll))
        m_scene->selectAllLayers();
    else if (event->matches(QKeySequence::ZoomIn) ||
             (event->key() == Qt::Key_Equal && (event->modifiers() & Qt::ControlModifier)))
        zoomIn();
    else if (event->matches(QKeySequence::ZoomOut))
        zoomOut();
    else if (event->key() == Qt::Key_F2)
        m_scene->renameSelected();
    else if (!(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) &&
             !event->text().isEmpty() && event->text().at(0).isLetterOrNumber())
        emit typingStarted(event->text()); // a layer to add: the palette's search takes it
    else {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void GraphView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && m_spaceHeld) {
        m_spaceHeld = false;
        if (!m_panning)
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void GraphView::focusOutEvent(QFocusEvent *event)
{
    m_spaceHeld = false;
    endPan();
    QGraphicsView::focusOutEvent(event);
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint p = event->position().toPoint();
        const QPoint d = p - m_panLast;
        m_panLast = p;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        endPan();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void GraphView::endPan()
{
    if (!m_panning)
        return;
    m_panning = false;
    // The scene rect follows what is visible, so a pan can go on past the layers.
    updateSceneRect();
    if (m_spaceHeld)
        viewport()->setCursor(Qt::OpenHandCursor);
    else
        viewport()->unsetCursor();
}

void GraphView::dragEnterEvent(QDragEnterEvent *event)
{
    if (hasLayerType(event->mimeData())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    // Files (e.g. a .naqsh document) are the main window's business.
    event->ignore();
}

void GraphView::dragMoveEvent(QDragMoveEvent *event)
{
    if (hasLayerType(event->mimeData())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    event->ignore();
}

void GraphView::dragLeaveEvent(QDragLeaveEvent *event)
{
    event->accept();
}

void GraphView::dropEvent(QDropEvent *event)
{
    if (!hasLayerType(event->mimeData())) {
        event->ignore();
        return;
    }
    const QString typeId =
        QString::fromUtf8(event->mimeData()->data(QLatin1String(GraphScene::kLayerTypeMime)))
            .trimmed();
    event->setDropAction(Qt::CopyAction);
    event->accept();
    m_scene->dropLayerType(typeId, mapToScene(event->position().toPoint()), viewportTransform());
    setFocus(Qt::OtherFocusReason);
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    // The base class adjusts the scroll bars (which scrolls): still a fitted view after that.
    const bool fitted = m_fitted;
    ++m_ownScroll;
    QGraphicsView::resizeEvent(event);
    --m_ownScroll;
    m_fitted = fitted;
    if (m_fitted)
        zoomToFit();
    else
        updateSceneRect();
}

void GraphView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    // Nodes put their category strip and text on the leading side.
    if (event->type() == QEvent::LayoutDirectionChange)
        m_scene->restyle();
}

void GraphView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    updateSceneRect();
}

} // namespace naqsh
