#include "GuiProbe.h"

#include "Document.h"
#include "MainWindow.h"
#include "analysis/Analyzer.h"
#include "analysis/VariantSummary.h"
#include "canvas/CanvasStyle.h"
#include "canvas/EdgeItem.h"
#include "canvas/GraphScene.h"
#include "canvas/GraphView.h"
#include "canvas/NodeItem.h"
#include "classroom/StepThrough.h"
#include "compare/ChartsPanel.h"
#include "compare/ComparePanel.h"
#include "graph/GraphModel.h"
#include "layout/EdgeRouter.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QtMath>
#include <qcustomplot.h>

namespace naqsh {

namespace {

QJsonArray rectJson(const QRect &r)
{
    return {r.x(), r.y(), r.width(), r.height()};
}

QJsonArray rectJson(const QRectF &r)
{
    return rectJson(r.toAlignedRect());
}

/// Point size of @p font as it is drawn on @p device (pixel-sized fonts converted at its dpi).
double points(const QFont &font, const QPaintDevice *device)
{
    if (font.pointSizeF() > 0)
        return font.pointSizeF();
    const int dpi = device ? device->logicalDpiY() : 96;
    return font.pixelSize() * 72.0 / (dpi > 0 ? dpi : 96);
}

/// The part of @p w's rectangle (global coordinates) not cut away by its ancestors.
QRect visibleGlobalRect(const QWidget *w)
{
    QRect r(w->mapToGlobal(QPoint(0, 0)), w->size());
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        r &= QRect(p->mapToGlobal(QPoint(0, 0)), p->size());
        if (p->isWindow())
            break;
    }
    return r;
}

QString plainText(const QLabel *label)
{
    if (label->textFormat() == Qt::PlainText ||
        (label->textFormat() == Qt::AutoText && !Qt::mightBeRichText(label->text())))
        return label->text();
    QTextDocument doc;
    doc.setHtml(label->text());
    return doc.toPlainText();
}

QJsonObject widgetJson(const QWidget *w, const QString &text)
{
    QJsonObject o;
    o[QStringLiteral("class")] = QString::fromLatin1(w->metaObject()->className());
    o[QStringLiteral("name")] = w->objectName();
    o[QStringLiteral("text")] = text;
    o[QStringLiteral("rect")] = rectJson(QRect(w->mapToGlobal(QPoint(0, 0)), w->size()));
    o[QStringLiteral("visibleRect")] = rectJson(visibleGlobalRect(w));
    const QSize hint = w->minimumSizeHint().isValid() ? w->minimumSizeHint() : w->sizeHint();
    o[QStringLiteral("minimumSizeHint")] = QJsonArray{hint.width(), hint.height()};
    o[QStringLiteral("points")] = points(w->font(), w);
    o[QStringLiteral("window")] = w->window()->objectName();
    return o;
}

/// Width the text of @p label needs on one line (0 for word-wrapped or rich labels with
/// several lines, where the size hint already tells).
int neededTextWidth(const QLabel *label)
{
    if (label->wordWrap() || !label->pixmap().isNull())
        return 0;
    const QString text = plainText(label);
    int widest = 0;
    for (const QString &line : text.split(QLatin1Char('\n')))
        widest = qMax(widest, label->fontMetrics().horizontalAdvance(line));
    return widest;
}

/// A button with a menu: the width its text and its menu arrow need side by side, and the
/// width they get. A push button lays the text out beside the arrow; a tool button (other than
/// a split one) centres its text and draws the arrow in a corner, over the text's end unless
/// the text leaves the arrow's room free on both sides.
void menuButtonRoom(const QAbstractButton *button, QJsonObject *o)
{
    const QStyle *style = button->style();
    const int arrow = style->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, button);
    QString text = button->text();
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01")).remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    const int textWidth = button->fontMetrics().horizontalAdvance(text);
    if (auto *push = qobject_cast<const QPushButton *>(button); push && push->menu()) {
        const int margins = 2 * (style->pixelMetric(QStyle::PM_ButtonMargin, nullptr, button) +
                                 style->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, button));
        (*o)[QStringLiteral("neededWidth")] = textWidth + arrow;
        (*o)[QStringLiteral("contentsWidth")] = button->width() - margins;
    } else if (auto *tool = qobject_cast<const QToolButton *>(button);
               tool && tool->menu() && tool->popupMode() != QToolButton::MenuButtonPopup &&
               (tool->toolButtonStyle() != Qt::ToolButtonIconOnly || tool->icon().isNull())) {
        (*o)[QStringLiteral("neededWidth")] = textWidth + 2 * arrow;
        (*o)[QStringLiteral("contentsWidth")] = button->width();
    }
}

/// Where a text of @p size is drawn when it is aligned by @p align to @p anchor.
QRect alignedAt(const QPointF &anchor, const QSize &size, Qt::Alignment align)
{
    QPointF topLeft = anchor;
    if (align & Qt::AlignHCenter)
        topLeft.rx() -= size.width() / 2.0;
    else if (align & Qt::AlignRight)
        topLeft.rx() -= size.width();
    if (align & Qt::AlignVCenter)
        topLeft.ry() -= size.height() / 2.0;
    else if (align & Qt::AlignBottom)
        topLeft.ry() -= size.height();
    return QRect(topLeft.toPoint(), size);
}

QSize unwrappedSize(const QFont &font, const QString &text)
{
    return QFontMetrics(font).boundingRect(0, 0, 0, 0, Qt::TextDontClip, text).size();
}

} // namespace

// A box wider or taller than its room is a clipped or overflowing text, however the screenshot
// happens to look.
QJsonArray GuiProbe::chartTexts(const QCustomPlot *plot)
{
    QJsonArray out;
    const QRect whole = plot->rect();
    auto add = [&](const QString &what, const QString &text, const QRect &box, const QRect &room) {
        if (text.trimmed().isEmpty())
            return;
        out.append(QJsonObject{{QStringLiteral("what"), what},
                               {QStringLiteral("text"), text},
                               {QStringLiteral("box"), rectJson(box)},
                               {QStringLiteral("room"), rectJson(room & whole)}});
    };
    for (QCPLayoutElement *e : plot->plotLayout()->elements(true)) {
        if (auto *t = qobject_cast<QCPTextElement *>(e)) {
            if (!t->visible() || !t->layout())
                continue;
            const QRect inner = t->rect();
            QSize need = unwrappedSize(t->font(), t->text());
            if (t->property("wrapsText").toBool()) {
                // Wrapped at spaces to the cell's width: the widest word must fit across, and
                // the lines at that width down.
                int widest = 0;
                const QFontMetrics m(t->font());
                for (const QString &word : t->text().split(QLatin1Char(' '), Qt::SkipEmptyParts))
                    widest = qMax(widest, m.horizontalAdvance(word));
                const int w = qMax(inner.width(), widest);
                need = QSize(widest, m.boundingRect(QRect(0, 0, w, 100000),
                                                    Qt::AlignCenter | Qt::TextWordWrap, t->text())
                                         .height());
            }
            add(QStringLiteral("title"), t->text(),
                alignedAt(inner.center(), need, Qt::AlignCenter), t->outerRect());
        } else if (auto *legend = qobject_cast<QCPLegend *>(e); legend && legend->visible()) {
            const QSize need = legend->minimumOuterSizeHint();
            QRect box = legend->outerRect();
            box.setSize(box.size().expandedTo(need));
            QStringList names;
            for (int k = 0; k < legend->itemCount(); ++k)
                if (auto *pl = qobject_cast<QCPPlottableLegendItem *>(legend->item(k)))
                    names << pl->plottable()->name();
            add(QStringLiteral("legend"), names.join(QLatin1Char('|')), box, whole);
        }
    }
    for (QCPAxisRect *ar : plot->axisRects()) {
        if (!ar->visible() || !ar->layout())
            continue;
        const QRect room = ar->outerRect();
        for (QCPAxis *axis : ar->axes()) {
            if (!axis->visible() || !axis->tickLabels())
                continue;
            const QVector<double> ticks = axis->tickVector();
            const QVector<QString> labels = axis->tickVectorLabels();
            const int gap =
                axis->tickLabelPadding() + qMax(0, axis->tickLengthOut()) + axis->offset();
            for (int i = 0; i < ticks.size() && i < labels.size(); ++i) {
                if (!axis->range().contains(ticks[i]))
                    continue;
                const QSize need = unwrappedSize(axis->tickLabelFont(), labels[i]);
                const double at = axis->coordToPixel(ticks[i]);
                QRect box;
                switch (axis->axisType()) {
                case QCPAxis::atLeft:
                    box = alignedAt(QPointF(ar->left() - gap, at), need,
                                    Qt::AlignRight | Qt::AlignVCenter);
                    break;
                case QCPAxis::atRight:
                    box = alignedAt(QPointF(ar->right() + gap, at), need,
                                    Qt::AlignLeft | Qt::AlignVCenter);
                    break;
                case QCPAxis::atTop:
                    box = alignedAt(QPointF(at, ar->top() - gap), need,
                                    Qt::AlignHCenter | Qt::AlignBottom);
                    break;
                case QCPAxis::atBottom:
                    box = alignedAt(QPointF(at, ar->bottom() + gap), need,
                                    Qt::AlignHCenter | Qt::AlignTop);
                    break;
                }
                add(QStringLiteral("tick"), labels[i], box, room);
            }
        }
    }
    for (int i = 0; i < plot->itemCount(); ++i) {
        auto *t = qobject_cast<QCPItemText *>(plot->item(i));
        if (!t || !t->visible() || t->rotation() != 0)
            continue;
        const QMargins pad = t->padding();
        const QSize need = unwrappedSize(t->font(), t->text()) +
                           QSize(pad.left() + pad.right(), pad.top() + pad.bottom());
        // The padding moves the text away from its anchor; the text alone is what shows.
        add(QStringLiteral("value"), t->text(),
            alignedAt(t->position->pixelPosition(), need, t->positionAlignment()) - pad, whole);
    }
    return out;
}

namespace {

QJsonObject plotJson(const QCustomPlot *plot)
{
    QJsonObject o;
    o[QStringLiteral("name")] = plot->objectName();
    o[QStringLiteral("rect")] = rectJson(QRect(plot->mapToGlobal(QPoint(0, 0)), plot->size()));
    o[QStringLiteral("visibleRect")] = rectJson(visibleGlobalRect(plot));
    QJsonArray fonts, texts;
    auto font = [&](const QString &what, const QFont &f, const QString &text = {}) {
        fonts.append(QJsonObject{{QStringLiteral("what"), what},
                                 {QStringLiteral("points"), points(f, plot)},
                                 {QStringLiteral("text"), text}});
        if (!text.isEmpty())
            texts.append(text);
    };
    for (QCPAxisRect *ar : plot->axisRects()) {
        for (QCPAxis *axis : ar->axes()) {
            if (!axis->visible())
                continue;
            if (axis->tickLabels()) {
                font(QStringLiteral("tick"), axis->tickLabelFont());
                for (const QString &t : axis->tickVectorLabels())
                    texts.append(t);
            }
            if (!axis->label().isEmpty())
                font(QStringLiteral("axisLabel"), axis->labelFont(), axis->label());
        }
    }
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
        if (auto *t = qobject_cast<QCPTextElement *>(plot->plotLayout()->elementAt(i)))
            font(QStringLiteral("title"), t->font(), t->text());
    }
    for (QCPLayoutElement *e : plot->plotLayout()->elements(true)) {
        if (auto *t = qobject_cast<QCPTextElement *>(e))
            font(QStringLiteral("title"), t->font(), t->text());
        if (auto *legend = qobject_cast<QCPLegend *>(e); legend && legend->visible()) {
            font(QStringLiteral("legend"), legend->font());
            for (int k = 0; k < legend->itemCount(); ++k)
                if (auto *pl = qobject_cast<QCPPlottableLegendItem *>(legend->item(k)))
                    font(QStringLiteral("legendItem"), pl->font(), pl->plottable()->name());
            o[QStringLiteral("legendRect")] = rectJson(legend->outerRect());
            o[QStringLiteral("legendMinimum")] = QJsonArray{
                legend->minimumOuterSizeHint().width(), legend->minimumOuterSizeHint().height()};
        }
    }
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto *t = qobject_cast<QCPItemText *>(plot->item(i)); t && t->visible())
            font(QStringLiteral("itemText"), t->font(), t->text());
    o[QStringLiteral("fonts")] = fonts;
    o[QStringLiteral("texts")] = texts;
    o[QStringLiteral("chartTexts")] = GuiProbe::chartTexts(plot);
    o[QStringLiteral("size")] = QJsonArray{plot->width(), plot->height()};
    // The plot areas (inside the axes) of the panels in the layout, in screen coordinates.
    QJsonArray areas;
    for (QCPAxisRect *ar : plot->axisRects())
        if (ar->visible())
            areas.append(
                rectJson(QRect(plot->mapToGlobal(ar->rect().topLeft()), ar->rect().size())));
    o[QStringLiteral("plotAreas")] = areas;
    return o;
}

} // namespace

void GuiProbe::installIfRequested(MainWindow *window)
{
    const QString path = qEnvironmentVariable("NAQSH_GUI_PROBE");
    if (!path.isEmpty())
        new GuiProbe(window, path);
}

GuiProbe::GuiProbe(MainWindow *window, const QString &path)
    : QObject(window)
    , m_window(window)
    , m_path(path)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &GuiProbe::poll);
    m_timer->start(100);
}

void GuiProbe::poll()
{
    const QString request = m_path + QStringLiteral(".req");
    if (!QFile::exists(request))
        return;
    QSaveFile out(m_path);
    if (out.open(QIODevice::WriteOnly)) {
        out.write(dump());
        out.commit();
    }
    QFile::remove(request);
}

QByteArray GuiProbe::dump() const
{
    QJsonObject root;
    MainWindow *w = m_window;
    QScreen *screen = w->screen();
    root[QStringLiteral("screen")] = rectJson(screen->geometry());
    root[QStringLiteral("available")] = rectJson(screen->availableGeometry());
    root[QStringLiteral("frame")] = rectJson(w->frameGeometry());
    root[QStringLiteral("geometry")] = rectJson(w->geometry());
    root[QStringLiteral("minimumSize")] =
        QJsonArray{w->minimumSizeHint().width(), w->minimumSizeHint().height()};
    root[QStringLiteral("maximized")] = w->isMaximized();
    root[QStringLiteral("fullScreen")] = w->isFullScreen();
    root[QStringLiteral("presenting")] = w->isPresenting();
    root[QStringLiteral("rtl")] = QApplication::layoutDirection() == Qt::RightToLeft;
    root[QStringLiteral("language")] = QLocale().name();
    root[QStringLiteral("appPoints")] = points(QApplication::font(), w);

    // The canvas: zoom, what it shows, and every node on screen.
    GraphView *view = w->view();
    root[QStringLiteral("zoom")] = view->zoom();
    root[QStringLiteral("viewport")] =
        rectJson(QRect(view->viewport()->mapToGlobal(QPoint(0, 0)), view->viewport()->size()));
    const QPointF centre = view->mapToScene(view->viewport()->rect().center());
    root[QStringLiteral("viewCentre")] = QJsonArray{centre.x(), centre.y()};
    const CanvasStyle &style = w->scene()->style();
    // The smallest text a node draws, as seen on screen (zoomed out, nodes show their name
    // alone in a larger font).
    const double nodeText = view->zoom() < CanvasStyle::kBoxesOnlyLod ? 0.0
                            : view->zoom() < CanvasStyle::kNameOnlyLod
                                ? points(style.overviewFont, view)
                                : qMin(points(style.nameFont, view), points(style.metaFont, view));
    root[QStringLiteral("nodeTextPoints")] = nodeText * view->zoom();
    // The shape labels on edges, as seen on screen, where they are drawn at all.
    if (view->zoom() >= CanvasStyle::kEdgeLabelLod)
        root[QStringLiteral("edgeLabelPoints")] = points(style.edgeFont, view) * view->zoom();
    QJsonArray nodes;
    const Graph &graph = w->document()->model()->graph();
    for (LayerId id : graph.layerIds()) {
        const NodeItem *item = w->scene()->nodeItem(id);
        if (!item)
            continue;
        const QRectF sceneRect = item->mapRectToScene(item->cardRect());
        const QRect onView = view->mapFromScene(sceneRect).boundingRect();
        QJsonObject n;
        n[QStringLiteral("id")] = int(id.value);
        n[QStringLiteral("name")] = graph.layer(id)->name;
        n[QStringLiteral("scene")] = rectJson(sceneRect);
        n[QStringLiteral("global")] =
            rectJson(QRect(view->viewport()->mapToGlobal(onView.topLeft()), onView.size()));
        n[QStringLiteral("opacity")] = item->opacity();
        if (view->zoom() >= CanvasStyle::kBoxesOnlyLod &&
            view->zoom() < CanvasStyle::kNameOnlyLod) {
            // The name drawn alone: its lines, how wide and tall they are, and their room.
            const QFontMetricsF m(item->overviewFont());
            const QStringList lines = item->overviewLines();
            double widest = 0;
            for (const QString &line : lines)
                widest = qMax(widest, m.horizontalAdvance(line));
            n[QStringLiteral("nameLines")] = QJsonArray::fromStringList(lines);
            n[QStringLiteral("nameSize")] =
                QJsonArray{qCeil(widest), qCeil(lines.size() * m.lineSpacing())};
            const QRectF room = item->overviewRoom();
            n[QStringLiteral("nameRoom")] = QJsonArray{qFloor(room.width()), qFloor(room.height())};
            n[QStringLiteral("namePoints")] = points(item->overviewFont(), view) * view->zoom();
        }
        nodes.append(n);
    }
    root[QStringLiteral("nodes")] = nodes;
    // Every visible edge as drawn (its route, curves sampled) and its label when shown, in scene
    // coordinates: check_probe.py fails on an edge through a node or a label over another.
    QJsonArray edges;
    for (const NodeItem *item : w->scene()->nodeItems())
        for (const EdgeItem *e : item->edges()) {
            if (e->connection().from != item->layerId() || !e->isVisible())
                continue;
            QJsonObject edge;
            edge[QStringLiteral("from")] = int(e->connection().from.value);
            edge[QStringLiteral("to")] = int(e->connection().to.value);
            QJsonArray line;
            for (const QPointF &pt : EdgeRouter::polyline(e->route(), 12))
                line.append(QJsonArray{pt.x(), pt.y()});
            edge[QStringLiteral("line")] = line;
            if (e->labelShown() && !e->labelText().isEmpty())
                edge[QStringLiteral("label")] = rectJson(e->labelRect());
            edges.append(edge);
        }
    root[QStringLiteral("edges")] = edges;
    // What the user typed (layer, variant and document names) may hold any digits.
    QJsonArray userNames{graph.name, w->document()->displayName()};
    for (LayerId id : graph.layerIds())
        userNames.append(graph.layer(id)->name);
    for (const Variant &v : graph.variants)
        userNames.append(v.name);
    root[QStringLiteral("userNames")] = userNames;
    // The comparison's variants with their MACs, and the pair the cards compare.
    QJsonArray variants;
    const AnalysisResult &analysis = w->document()->analyzer()->result();
    for (const Variant &v : graph.variants) {
        const VariantSummary sum = summarizeVariant(graph, analysis, v);
        variants.append(QJsonObject{{QStringLiteral("name"), v.name},
                                    {QStringLiteral("macs"), double(sum.costs.macs.value())},
                                    {QStringLiteral("layers"), int(sum.layers.size())},
                                    {QStringLiteral("error"), sum.error}});
    }
    root[QStringLiteral("variants")] = variants;
    root[QStringLiteral("pair")] =
        QJsonArray{w->comparePanel()->variantA(), w->comparePanel()->variantB()};
    root[QStringLiteral("layerCount")] = graph.size();
    if (const QWidget *f = QApplication::focusWidget())
        root[QStringLiteral("focus")] = f->objectName().isEmpty()
                                            ? QString::fromLatin1(f->metaObject()->className())
                                            : f->objectName();

    // Step-through: the box and the layer it explains.
    StepThrough *steps = w->stepThrough();
    root[QStringLiteral("stepping")] = steps->isActive();
    if (steps->isActive()) {
        root[QStringLiteral("stepIndex")] = steps->step().index;
        root[QStringLiteral("stepLayer")] = int(steps->step().layer.value);
    }
    if (auto *hud = w->findChild<QLabel *>(QStringLiteral("stepHud")); hud && hud->isVisible())
        root[QStringLiteral("stepHud")] = widgetJson(hud, plainText(hud));

    // Docks: which are shown, where, and how big (a language switch or presentation must
    // give the same layout back).
    QJsonArray docks;
    for (QDockWidget *d : w->findChildren<QDockWidget *>()) {
        QJsonObject o;
        o[QStringLiteral("name")] = d->objectName();
        o[QStringLiteral("visible")] = d->isVisible() && !d->visibleRegion().isEmpty();
        o[QStringLiteral("area")] = int(w->dockWidgetArea(d));
        o[QStringLiteral("floating")] = d->isFloating();
        o[QStringLiteral("rect")] = rectJson(QRect(d->mapToGlobal(QPoint(0, 0)), d->size()));
        docks.append(o);
    }
    root[QStringLiteral("docks")] = docks;

    // Menus: titles and where they are.
    QJsonArray menus;
    if (w->menuBar()->isVisible()) {
        for (QAction *a : w->menuBar()->actions()) {
            const QRect r = w->menuBar()->actionGeometry(a);
            QJsonObject o;
            o[QStringLiteral("text")] = a->text();
            o[QStringLiteral("rect")] =
                rectJson(QRect(w->menuBar()->mapToGlobal(r.topLeft()), r.size()));
            QJsonArray items;
            if (QMenu *m = a->menu())
                for (QAction *item : m->actions())
                    if (!item->isSeparator())
                        items.append(
                            QJsonObject{{QStringLiteral("text"), item->text()},
                                        {QStringLiteral("shortcut"),
                                         item->shortcut().toString(QKeySequence::NativeText)}});
            o[QStringLiteral("items")] = items;
            menus.append(o);
        }
    }
    root[QStringLiteral("menus")] = menus;
    if (w->statusBar()->isVisible())
        root[QStringLiteral("statusBar")] = widgetJson(w->statusBar(), QString());

    // Every visible widget that shows text, with what it needs to show it whole.
    QJsonArray widgets;
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (!top->isVisible())
            continue;
        QList<QWidget *> all = top->findChildren<QWidget *>();
        all.prepend(top);
        for (QWidget *c : all) {
            if (!c->isVisible() || c->visibleRegion().isEmpty())
                continue;
            QJsonObject o;
            if (auto *label = qobject_cast<QLabel *>(c)) {
                if (label->text().isEmpty())
                    continue;
                o = widgetJson(label, plainText(label));
                o[QStringLiteral("neededWidth")] = neededTextWidth(label);
                o[QStringLiteral("contentsWidth")] = label->contentsRect().width();
                // Height: descenders included, with the fonts the text is really laid out in
                // (a Persian phrase in its fallback font), against the label's contentsRect.
                if (!label->wordWrap() && label->pixmap().isNull()) {
                    const QRect need = label->fontMetrics().boundingRect(
                        QRect(0, 0, 1 << 20, 1 << 20), int(label->alignment()), plainText(label));
                    o[QStringLiteral("neededTextHeight")] = need.height();
                    o[QStringLiteral("contentsHeight")] = label->contentsRect().height();
                }
                if (label->wordWrap())
                    o[QStringLiteral("neededHeight")] = label->heightForWidth(label->width());
            } else if (auto *button = qobject_cast<QAbstractButton *>(c)) {
                if (button->text().isEmpty())
                    continue;
                o = widgetJson(button, button->text());
                menuButtonRoom(button, &o);
            } else if (auto *edit = qobject_cast<QLineEdit *>(c)) {
                o = widgetJson(edit, edit->text());
            } else if (auto *combo = qobject_cast<QComboBox *>(c)) {
                o = widgetJson(combo, combo->currentText());
            } else if (auto *tabs = qobject_cast<QTabBar *>(c)) {
                QStringList names;
                for (int i = 0; i < tabs->count(); ++i)
                    names << tabs->tabText(i);
                o = widgetJson(tabs, names.join(QLatin1Char('|')));
                // Tabs not shown whole: out of the bar, or the bar scrolls them with arrows.
                QJsonArray cut;
                bool arrows = false;
                for (auto *arrow : tabs->findChildren<QAbstractButton *>())
                    arrows |= arrow->isVisible();
                for (int i = 0; i < tabs->count(); ++i)
                    if (arrows || !tabs->rect().contains(tabs->tabRect(i)))
                        cut.append(tabs->tabText(i));
                o[QStringLiteral("tabsCut")] = cut;
            } else if (auto *itemView = qobject_cast<QAbstractItemView *>(c)) {
                // The cells on screen, with whether each is shown whole.
                o = widgetJson(itemView, QString());
                QJsonArray cells;
                QAbstractItemModel *model = itemView->model();
                const QRect shown = itemView->viewport()->rect();
                for (int r = 0; model && r < model->rowCount() && cells.size() < 400; ++r) {
                    for (int col = 0; col < model->columnCount(); ++col) {
                        const QModelIndex index = model->index(r, col);
                        const QRect cell = itemView->visualRect(index);
                        if (!cell.isValid() || !shown.intersects(cell))
                            continue;
                        const QString text = index.data(Qt::DisplayRole).toString();
                        if (text.isEmpty())
                            continue;
                        QFont f = itemView->font();
                        if (const QVariant v = index.data(Qt::FontRole); v.isValid())
                            f = v.value<QFont>();
                        const int needed = QFontMetrics(f).horizontalAdvance(text);
                        cells.append(QJsonObject{{QStringLiteral("text"), text},
                                                 {QStringLiteral("width"), cell.width()},
                                                 {QStringLiteral("needed"), needed}});
                    }
                }
                o[QStringLiteral("cells")] = cells;
            } else if (auto *plot = qobject_cast<QCustomPlot *>(c)) {
                // Measured as the chart is laid out once it settles: a resize queues its replot,
                // and under load the probe can come between the two.
                plot->replot(QCustomPlot::rpImmediateRefresh);
                o = plotJson(plot);
                o[QStringLiteral("class")] = QStringLiteral("QCustomPlot");
            } else {
                continue;
            }
            widgets.append(o);
        }
    }
    root[QStringLiteral("widgets")] = widgets;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace naqsh
