// MainWindow: presentation mode and stepping through the layers (the classroom scenes).
#include "MainWindow.h"

#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "analysis/Analyzer.h"
#include "canvas/EdgeItem.h"
#include "canvas/GraphScene.h"
#include "canvas/GraphView.h"
#include "canvas/NodeItem.h"
#include "classroom/StepThrough.h"
#include "classroom/Theme.h"
#include "compare/ChartsPanel.h"
#include "graph/GraphModel.h"
#include "panels/InspectorWidget.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QSet>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

namespace naqsh {

namespace {
/// Below this zoom a presented node would show its name under 20 pt (names alone are drawn at
/// 2.4 times the presentation font when zoomed out).
constexpr double kMinPresentationZoom = 0.43;
/// A presented step shows its layer at least this large (its text at 20 pt or more).
constexpr double kStepZoom = 1.15;
} // namespace

void MainWindow::setPresentationMode(bool on)
{
    if (on == m_presenting)
        return;
    if (on) {
        m_beforePresenting.state = saveState();
        m_beforePresenting.dockSizes = frontDockSizes();
        m_beforePresenting.maximized = isMaximized();
        m_beforePresenting.geometry = geometry();
        m_beforePresenting.zoom = m_view->zoom();
        m_beforePresenting.centre =
            m_scene->toModel(m_view->mapToScene(m_view->viewport()->rect().center()));
        m_beforePresenting.fitted = m_view->isFitted();
        const QSizeF normalNode(m_scene->style().nodeWidth, m_scene->style().nodeHeight);
        m_presenting = true;
        // Too small to read from the back of the room never: names at 20 pt at least.
        m_view->setFitFloor(kMinPresentationZoom);
        // Only the canvas, the comparison and the charts stay.
        for (QDockWidget *d : findChildren<QDockWidget *>())
            d->setVisible(d == m_compareDock || d == m_chartsDock);
        // On a landscape screen (a projector) the comparison over the charts in a column
        // beside the canvas, at its end (right in English, left in Persian: dock areas are
        // not mirrored), so that the canvas gets the whole height; on a portrait screen side
        // by side under it.
        const QScreen *sc = screen() ? screen() : QGuiApplication::primaryScreen();
        m_presentingColumn = !sc || sc->geometry().width() >= sc->geometry().height();
        if (m_presentingColumn) {
            addDockWidget(layoutDirection() == Qt::RightToLeft ? Qt::LeftDockWidgetArea
                                                               : Qt::RightDockWidgetArea,
                          m_compareDock);
            splitDockWidget(m_compareDock, m_chartsDock, Qt::Vertical);
        } else {
            addDockWidget(Qt::BottomDockWidgetArea, m_compareDock);
            splitDockWidget(m_compareDock, m_chartsDock, Qt::Horizontal);
        }
        m_toolBar->hide();
        menuBar()->hide();
        statusBar()->hide();
        applyTheme();
        // The nodes are drawn larger: their places grow with them so that none overlap.
        m_scene->setSpread(m_scene->style().nodeWidth / normalNode.width(),
                           m_scene->style().nodeHeight / normalNode.height());
        showFullScreen();
        // Lay out the docks and zoom once the full-screen geometry has settled.
        QTimer::singleShot(200, this, [this] {
            if (!m_presenting)
                return;
            if (m_presentingColumn) {
                // Two fifths of the width (the cards' phrase and the chart's 20 pt legend fit
                // across it), or what the charts' tabs need, whole, up to half; the cards take
                // what their three lines need, the chart the rest.
                const int tabs = m_charts->tabs()->tabBar()->sizeHint().width() + 24;
                resizeDocks({m_compareDock}, {qBound(width() * 2 / 5, tabs, width() / 2)},
                            Qt::Horizontal);
                resizeDocks({m_compareDock, m_chartsDock},
                            {int(height() * 0.42), height() - int(height() * 0.42)}, Qt::Vertical);
            } else {
                // Half the screen: the cards' phrase and figures and the chart's 20 pt texts fit.
                resizeDocks({m_compareDock}, {int(height() * 0.5)}, Qt::Vertical);
                resizeDocks({m_compareDock, m_chartsDock}, {width() * 2 / 5, width() * 3 / 5},
                            Qt::Horizontal);
            }
            presentCurrent();
        });
    } else {
        m_presenting = false;
        m_view->setFitFloor(0);
        menuBar()->show();
        statusBar()->show();
        m_toolBar->show();
        applyTheme();
        m_scene->setSpread(1.0, 1.0);
        // The normal fonts reach the widgets through posted events: let every widget take them
        // and every layout say its normal minimum size before the docks come back and the
        // window manager sizes the window (measured in presentation fonts, the window would
        // come back wider and taller than the screen, and no longer maximized).
        QCoreApplication::sendPostedEvents();
        restoreState(m_beforePresenting.state);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        m_awaitingRestore = true;
        if (m_beforePresenting.maximized) {
            showMaximized();
        } else {
            showNormal();
            setGeometry(m_beforePresenting.geometry);
        }
        // The docks' pixels come back exactly only in a window of the old size: they are
        // restored when the window manager has given it back (see eventFilter), or after a
        // second and a half if it never does exactly.
        QTimer::singleShot(1500, this, [this] {
            if (m_awaitingRestore && !m_presenting)
                restoreLayoutAndView();
        });
        if (!isFullScreen() && size() == m_beforePresenting.geometry.size())
            QTimer::singleShot(0, this, [this] {
                if (m_awaitingRestore && !m_presenting)
                    restoreLayoutAndView();
            });
    }
    m_presentAct->setChecked(on);
    updateStepHud();
}

void MainWindow::restoreLayoutAndView()
{
    m_awaitingRestore = false;
    restoreState(m_beforePresenting.state);
    // restoreState keeps the splits but not always their pixels: give them back.
    applyDockSizes(m_beforePresenting.dockSizes);
    // The canvas gets its size at the next layout: zoom after it.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (m_beforePresenting.fitted) {
        m_view->zoomToFit();
    } else {
        m_view->setZoom(m_beforePresenting.zoom);
        m_view->centerOn(m_scene->toScene(m_beforePresenting.centre));
    }
    updateStepHud();
}

void MainWindow::presentCurrent()
{
    if (m_steps->isActive()) {
        showStepLayer();
        return;
    }
    if (!m_selection->layers().isEmpty())
        m_view->zoomToSelection();
    else
        m_view->zoomToFit();
    updateStepHud();
}

void MainWindow::setStepThrough(bool on)
{
    if (on)
        m_steps->start();
    else
        m_steps->stop();
    m_view->setFocus();
}

QString MainWindow::stepCaption() const
{
    return m_stepHud->isVisible() ? m_stepHud->text() : QString();
}

void MainWindow::dimUnrevealed()
{
    const bool active = m_steps->isActive();
    const QVector<LayerId> &order = m_steps->step().revealed;
    const QSet<LayerId> revealed(order.begin(), order.end());
    const Graph &graph = m_doc->model()->graph();
    for (LayerId id : graph.layerIds())
        if (NodeItem *item = m_scene->nodeItem(id))
            item->setOpacity(!active || revealed.contains(id) ? 1.0 : 0.12);
    for (const Connection &c : graph.connections())
        if (EdgeItem *edge = m_scene->edgeItem(c.from, c.to))
            edge->setOpacity(
                !active || (revealed.contains(c.from) && revealed.contains(c.to)) ? 1.0 : 0.08);
}

void MainWindow::showStepLayer()
{
    // In presentation the explained layer is shown large enough to read, beside the step box.
    if (!m_steps->isActive())
        return;
    NodeItem *node = m_scene->nodeItem(m_steps->step().layer);
    if (!node)
        return;
    if (m_presenting && m_view->zoom() < kStepZoom)
        m_view->setZoom(kStepZoom);
    updateStepHud();
    const QRectF card = node->mapRectToScene(node->cardRect());
    const QRect vp = m_view->viewport()->rect();
    const QRect onView = m_view->mapFromScene(card).boundingRect();
    // The free part of the canvas: below the step box, or beside it; the one the layer fits
    // in, else the larger.
    QRect free = vp;
    if (m_stepHud->isVisible()) {
        const QRect hud = m_stepHud->geometry();
        QRect below = vp, beside = vp;
        below.setTop(hud.bottom() + 8);
        if (layoutDirection() == Qt::RightToLeft)
            beside.setLeft(hud.right() + 8);
        else
            beside.setRight(hud.left() - 8);
        auto fits = [&onView](const QRect &r) {
            return r.width() >= onView.width() && r.height() >= onView.height();
        };
        if (fits(below) != fits(beside))
            free = fits(below) ? below : beside;
        else
            free = below.height() * vp.width() >= beside.width() * vp.height() ? below : beside;
    }
    if (free.contains(onView))
        return;
    // Scroll so that the layer sits in the middle of the free part (by scene coordinates:
    // a right-to-left view's horizontal scroll bar runs the other way).
    const QPointF offset = QPointF(free.center() - vp.center()) / m_view->zoom();
    m_view->centerOn(card.center() - offset);
    // Scrolling moves the viewport's child widgets with the scene: put the box back.
    updateStepHud();
}

void MainWindow::updateStepHud()
{
    const StepThrough::Step &st = m_steps->step();
    if (!m_steps->isActive()) {
        m_stepHud->hide();
        return;
    }
    const NumberFormat &f = m_display->format();
    const Layer *l = m_doc->model()->graph().layer(st.layer);
    const bool rtl = layoutDirection() == Qt::RightToLeft;
    // Isolated so that a right-to-left paragraph keeps each shape whole; the arrow points the
    // way the data flows in the reading direction.
    const QString lri(QChar(0x2066)), pdi(QChar(0x2069));
    QStringList ins;
    for (const TensorShape &s : st.inputs)
        ins << lri + f.shape(s, true) + pdi;
    const QString out = lri + f.shape(st.output, true) + pdi;
    const QString arrow = rtl ? QStringLiteral(" ← ") : QStringLiteral(" → ");
    const QString change = ins.isEmpty() ? out : ins.join(QStringLiteral(" + ")) + arrow + out;
    QString text = tr("<b>Step %1 of %2: %3</b>")
                       .arg(f.integer(st.index + 1), f.integer(st.count),
                            l ? l->name.toHtmlEscaped() : QString());
    if (st.hasNumbers) {
        text += QStringLiteral("<br/>") + change.toHtmlEscaped();
        text += QStringLiteral("<br/>") +
                tr("+%1 MACs, +%2 parameters")
                    .arg(f.integer(st.costs.macs.value()), f.integer(st.costs.params().value()));
        text += QStringLiteral("<br/>") + tr("Running total: %1 MACs, %2 parameters")
                                              .arg(f.integer(st.running.macs.value()),
                                                   f.integer(st.running.params().value()));
    } else {
        text += QStringLiteral("<br/>") + tr("This layer has an error: %1")
                                              .arg(m_doc->analyzer()
                                                       ->result()
                                                       .errorText(m_doc->model()->graph(), st.layer)
                                                       .toHtmlEscaped());
    }
    text += QStringLiteral("<br/>") + (m_presenting ? QString() : QStringLiteral("<small>")) +
            tr("Next: Page Down, Space or →; previous: Page Up or ←; Esc: stop") +
            (m_presenting ? QString() : QStringLiteral("</small>"));
    m_stepHud->setLayoutDirection(layoutDirection());
    m_stepHud->setText(text);
    QFont font = m_stepHud->font();
    font.setPointSize(m_presenting ? 22 : 13);
    m_stepHud->setFont(font);
    QPalette p = m_stepHud->palette();
    p.setColor(QPalette::Window,
               Theme::isDark() ? QColor(20, 24, 30, 235) : QColor(255, 255, 255, 240));
    p.setColor(QPalette::WindowText, Theme::isDark() ? Qt::white : Qt::black);
    m_stepHud->setPalette(p);
    // At most about half the canvas wide, so that the explained layer fits beside it.
    m_stepHud->setWordWrap(false);
    const int natural = m_stepHud->sizeHint().width();
    const QSize vpSize = m_view->viewport()->size();
    auto heightAt = [this](int width) {
        m_stepHud->setWordWrap(true);
        const int h = m_stepHud->heightForWidth(width);
        return h > 0 ? h : m_stepHud->sizeHint().height();
    };
    int w = qMin(natural, qMax(320, vpSize.width() * 9 / 20));
    if (m_presenting) {
        // A presented layer is often wider than the room beside a narrow box: then the box
        // goes across the canvas, when the layer fits under it.
        const NodeItem *node = m_scene->nodeItem(st.layer);
        const int wide = qMin(natural, vpSize.width() - 24);
        if (node && wide > w &&
            12 + heightAt(wide) + 8 + node->cardRect().height() * m_view->zoom() <= vpSize.height())
            w = wide;
    }
    const int h = heightAt(w);
    m_stepHud->setWordWrap(w < natural);
    m_stepHud->resize(w, w < natural ? h : m_stepHud->sizeHint().height());
    const int x = rtl ? 12 : m_view->viewport()->width() - w - 12;
    m_stepHud->move(x, 12);
    m_stepHud->show();
    m_stepHud->raise();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Ctrl+Z in an inspector field undoes the document's last edit (the field shows the
        // value it had again), not the field's own typing: that is what a student means.
        auto *key = static_cast<QKeyEvent *>(event);
        auto *w = qobject_cast<QWidget *>(watched);
        if ((key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) && w &&
            m_inspector->isAncestorOf(w))
            return true;
    }
    if (event->type() == QEvent::FontChange)
        if (auto *combo = qobject_cast<QComboBox *>(watched)) {
            // QComboBox forgets its cached minimum size on a style change but not on a font
            // change: a combo measured in presentation would keep the window as wide as the
            // presentation's fonts made it.
            QEvent styleChange(QEvent::StyleChange);
            QCoreApplication::sendEvent(combo, &styleChange);
        }
    if (watched == this && m_awaitingRestore && !m_presenting &&
        (event->type() == QEvent::Resize || event->type() == QEvent::WindowStateChange)) {
        // Leaving presentation: the window manager has given the old geometry back (the resize
        // is delivered before the layouts follow it: restore right after).
        QTimer::singleShot(0, this, [this] {
            if (m_awaitingRestore && !m_presenting && !isFullScreen() &&
                size() == m_beforePresenting.geometry.size())
                restoreLayoutAndView();
        });
    }
    if (event->type() == QEvent::Resize && watched == m_view->viewport())
        updateStepHud();
    if (event->type() == QEvent::KeyPress && (watched == m_view || watched == m_view->viewport())) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (m_steps->isActive()) {
            // A presentation clicker sends Right or Page Down for "next" and Left or Page Up
            // for "previous", whatever the language: the keys mean the same in both.
            switch (key->key()) {
            case Qt::Key_Right:
            case Qt::Key_Down:
            case Qt::Key_Space:
            case Qt::Key_PageDown:
                m_steps->next();
                return true;
            case Qt::Key_Left:
            case Qt::Key_Up:
            case Qt::Key_Backspace:
            case Qt::Key_PageUp:
                m_steps->previous();
                return true;
            case Qt::Key_Escape:
                m_steps->stop();
                return true;
            default:
                break;
            }
        } else if (key->key() == Qt::Key_Escape && m_presenting) {
            setPresentationMode(false);
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace naqsh
