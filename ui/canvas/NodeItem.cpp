#include "NodeItem.h"

#include "CanvasStyle.h"
#include "DisplayContext.h"
#include "EdgeItem.h"
#include "GraphScene.h"
#include "PortItem.h"
#include "analysis/AnalysisResult.h"
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTextLayout>
#include <QTextOption>

namespace naqsh {

namespace {

/// Wraps @p text in a left-to-right isolate: kernel sizes and "154 K" keep their order in
/// right-to-left text.
QString ltr(const QString &text)
{
    return QChar(0x2066) + text + QChar(0x2069);
}

/// A type's key parameters ("5×5, 32") with localised digits, each part isolated and the parts
/// joined with the locale's list comma (the rules write Latin digits and ", ").
QString localisedSummary(const QString &summary, const NumberFormat &fmt)
{
    const QStringList parts = summary.split(QStringLiteral(", "), Qt::SkipEmptyParts);
    QStringList out;
    for (const QString &part : parts)
        out << ltr(fmt.digits(part));
    const bool rtl = fmt.locale().textDirection() == Qt::RightToLeft && !fmt.latinDigits();
    return out.join(rtl ? QStringLiteral("، ") : QStringLiteral(", "));
}

} // namespace

NodeItem::NodeItem(GraphScene *scene, LayerId id)
    : m_scene(scene)
    , m_id(id)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    // A card is cheap to blit and costly to lay out: cache it until refresh() says otherwise.
    setCacheMode(DeviceCoordinateCache);
    const Layer *layer = scene->model()->graph().layer(id);
    const LayerType *type = layer ? scene->model()->registry().find(layer->type) : nullptr;
    if (!type || type->maxInputs != 0)
        m_input = new PortItem(this, PortRef::Side::Input);
    syncOutputPorts();
    if (m_input)
        m_input->setConnections(0, type && type->acceptsManyInputs());
    styleChanged();
}

NodeItem::~NodeItem() = default;

const CanvasStyle &NodeItem::style() const
{
    return m_scene->style();
}

QRectF NodeItem::cardRect() const
{
    const CanvasStyle &s = style();
    return QRectF(0, 0, s.nodeWidth, s.nodeHeight);
}

QRectF NodeItem::nameRect() const
{
    const CanvasStyle &s = style();
    const bool rtl = QGuiApplication::isRightToLeft();
    const qreal x = rtl ? s.padX : s.stripWidth + s.padX;
    return QRectF(x, s.padY, s.nodeWidth - s.stripWidth - 2 * s.padX, s.nameHeight);
}

QRectF NodeItem::boundingRect() const
{
    const CanvasStyle &s = style();
    // Selection glow and shadow around the card, the error badge over a top corner, and the
    // ports this node draws.
    const qreal m = 4;
    QRectF r = cardRect().adjusted(-m - s.badgeRadius * 0.5, -m - s.badgeRadius * 0.5,
                                   m + s.badgeRadius * 0.5, m + 2);
    if (m_input)
        r |= m_input->visualRect();
    for (const PortItem *p : m_outputs)
        r |= p->visualRect();
    return r;
}

QPainterPath NodeItem::shape() const
{
    QPainterPath p;
    p.addRoundedRect(cardRect(), style().radius, style().radius);
    return p;
}

void NodeItem::styleChanged()
{
    prepareGeometryChange();
    const CanvasStyle &s = style();
    if (m_input)
        m_input->setPos(s.nodeWidth / 2, 0);
    const int outputs = int(m_outputs.size());
    for (int k = 0; k < outputs; ++k)
        m_outputs[k]->setPos(s.nodeWidth * (k + 1) / (outputs + 1), s.nodeHeight);
    elide();
    update();
}

void NodeItem::syncOutputPorts()
{
    const Layer *layer = m_scene->model()->graph().layer(m_id);
    const LayerType *type = layer ? m_scene->model()->registry().find(layer->type) : nullptr;
    const int count = !type ? 1 : type->outputs(layer->params);
    if (count == m_outputs.size())
        return;
    prepareGeometryChange();
    while (m_outputs.size() > count)
        delete m_outputs.takeLast();
    while (m_outputs.size() < count)
        m_outputs.append(new PortItem(this, PortRef::Side::Output, int(m_outputs.size())));
    const CanvasStyle &s = style();
    for (int k = 0; k < count; ++k)
        m_outputs[k]->setPos(s.nodeWidth * (k + 1) / (count + 1), s.nodeHeight);
}

PortItem *NodeItem::nearestOutputPort(QPointF scenePos) const
{
    PortItem *best = nullptr;
    qreal bestDistance = 0;
    for (PortItem *p : m_outputs) {
        const qreal d = QLineF(p->scenePos(), scenePos).length();
        if (!best || d < bestDistance) {
            best = p;
            bestDistance = d;
        }
    }
    return best;
}

void NodeItem::refresh(bool force)
{
    const GraphModel *model = m_scene->model();
    const Layer *layer = model->graph().layer(m_id);
    if (!layer)
        return;
    const qsizetype outputsBefore = m_outputs.size();
    syncOutputPorts();
    if (m_outputs.size() != outputsBefore) {
        for (EdgeItem *e : std::as_const(m_edges))
            e->adjust();
        updatePorts();
    }
    const LayerType *type = model->registry().find(layer->type);
    const NumberFormat &fmt = m_scene->display()->format();
    const AnalysisResult &result = m_scene->analysis();

    QString typeLine = type ? type->translatedShortName() : layer->type;
    if (type && type->summary) {
        const QString summary = type->summary(layer->params);
        if (!summary.isEmpty())
            typeLine += QLatin1Char(' ') + localisedSummary(summary, fmt);
    }

    State state = State::Pending;
    QString shapeLine, metaLine, tip, heatText;
    double heat = 0;
    if (const LayerResult *r = result.layer(m_id)) {
        if (r->hasNumbers()) {
            state = State::Ok;
            // Exercise mode hides the numbers students are to work out.
            const DisplayContext *display = m_scene->display();
            shapeLine = display->isHidden(DisplayContext::Hidden::Shapes)
                            ? DisplayContext::hiddenText()
                            : fmt.shape(r->output, true);
            const QString macs =
                display->isHidden(DisplayContext::Hidden::Macs) ? DisplayContext::hiddenText()
                : type && !type->costKnown                      ? QStringLiteral("?")
                                           : ltr(fmt.compact(r->costs.macs.value()));
            const QString params = display->isHidden(DisplayContext::Hidden::Params)
                                       ? DisplayContext::hiddenText()
                                       : ltr(fmt.compact(r->costs.params().value()));
            metaLine = QCoreApplication::translate("naqsh::NodeItem", "%1 params · %2 MACs")
                           .arg(params, macs);
            heatText = heatFor(*r, &heat);
        } else {
            state = r->error.isEmpty() ? State::Upstream : State::Error;
            tip = result.errorText(model->graph(), m_id);
            shapeLine = state == State::Error
                            ? QCoreApplication::translate("naqsh::NodeItem", "error")
                            : QStringLiteral("—");
            metaLine = tip;
        }
    }
    if (tip.isEmpty())
        tip =
            type ? QStringLiteral("%1 — %2").arg(layer->name, type->translatedName()) : layer->name;

    if (!force && state == m_state && layer->name == m_name && typeLine == m_typeLine &&
        shapeLine == m_shapeLine && metaLine == m_metaLine && heatText == m_heatText &&
        heat == m_heat)
        return;
    m_state = state;
    m_name = layer->name;
    m_typeLine = typeLine;
    m_shapeLine = shapeLine;
    m_metaLine = metaLine;
    m_heatText = heatText;
    m_heat = heat;
    m_category = style().categoryColor(type ? type->category : nullptr);
    setToolTip(tip);
    elide();
    update();
}

void NodeItem::elide()
{
    const CanvasStyle &s = style();
    const qreal width = s.nodeWidth - s.stripWidth - 2 * s.padX;
    qreal nameWidth = width;
    if (!m_heatText.isEmpty())
        nameWidth -= QFontMetricsF(s.metaFont).horizontalAdvance(m_heatText) + s.padX;
    m_nameShown = QFontMetricsF(s.nameFont).elidedText(m_name, Qt::ElideRight, nameWidth);
    m_typeShown = QFontMetricsF(s.typeFont).elidedText(m_typeLine, Qt::ElideRight, width);
    const QFontMetricsF meta(s.metaFont);
    m_shapeShown = meta.elidedText(m_shapeLine, Qt::ElideRight, width);
    m_metaShown = meta.elidedText(m_metaLine, Qt::ElideRight, width);
    // Zoomed out the name is drawn alone and large, on up to two lines broken only between
    // words: at spaces, and after the underscores of names like conv5x5_after_1x1. A name
    // that does not fit so is drawn smaller (down to 70 %), and elided only below that.
    QString breakable = m_name;
    breakable.replace(QLatin1Char('_'), QStringLiteral("_\u200B"));
    const QRectF room = overviewRoom();
    m_overviewShown.clear();
    for (const qreal scale : {1.0, 0.9, 0.8, 0.7}) {
        QFont f = s.overviewFont;
        f.setPointSizeF(s.overviewFont.pointSizeF() * scale);
        m_overviewFont = f;
        m_overviewShown = breakable;
        const QStringList lines = overviewLines();
        qreal widest = 0;
        for (const QString &line : lines)
            widest = qMax(widest, QFontMetricsF(f).horizontalAdvance(line));
        if (lines.size() <= 2 && widest <= room.width() &&
            lines.size() * QFontMetricsF(f).lineSpacing() <= room.height())
            return;
    }
    m_overviewShown =
        QFontMetricsF(m_overviewFont).elidedText(m_name, Qt::ElideRight, room.width());
}

QRectF NodeItem::overviewRoom() const
{
    const CanvasStyle &s = style();
    return cardRect().adjusted(s.stripWidth + s.padX, 0, -s.stripWidth - s.padX, 0);
}

QStringList NodeItem::overviewLines() const
{
    // The same layout as painting's: word-boundary wrapping in the room's width.
    QTextLayout layout(m_overviewShown, m_overviewFont);
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    QStringList lines;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(overviewRoom().width());
        lines << m_overviewShown.mid(line.textStart(), line.textLength())
                     .remove(QChar(0x200B))
                     .trimmed();
    }
    layout.endLayout();
    return lines;
}

QString NodeItem::heatFor(const LayerResult &r, double *level) const
{
    *level = 0;
    const DisplayContext::HeatMode mode = m_scene->display()->heatMode();
    if (mode == DisplayContext::HeatMode::Off || !r.hasNumbers())
        return {};
    const AnalysisResult &result = m_scene->analysis();
    const bool byMacs = mode == DisplayContext::HeatMode::Macs;
    const qint64 total = (byMacs ? result.totals.macs : result.totals.params()).value();
    const qint64 mine = (byMacs ? r.costs.macs : r.costs.params()).value();
    const double share = total > 0 ? double(mine) / double(total) : 0.0;
    *level = CanvasStyle::heatLevel(share);
    return m_scene->display()->format().percent(share);
}

void NodeItem::refreshHeat()
{
    const LayerResult *r = m_scene->analysis().layer(m_id);
    double level = 0;
    const QString text = r ? heatFor(*r, &level) : QString();
    if (text == m_heatText && level == m_heat)
        return;
    m_heatText = text;
    m_heat = level;
    elide(); // the name makes room for the percentage
    update();
}

QString NodeItem::labelText() const
{
    return QStringList{m_name, m_typeLine, m_shapeLine, m_metaLine}.join(QLatin1Char('\n'));
}

void NodeItem::setEditingName(bool editing)
{
    if (m_editingName == editing)
        return;
    m_editingName = editing;
    update();
}

void NodeItem::addEdge(EdgeItem *edge)
{
    m_edges.append(edge);
}

void NodeItem::removeEdge(EdgeItem *edge)
{
    m_edges.removeOne(edge);
}

int NodeItem::inputEdgeCount() const
{
    int n = 0;
    for (const EdgeItem *e : m_edges)
        n += e->connection().to == m_id ? 1 : 0;
    return n;
}

void NodeItem::updatePorts()
{
    int in = 0;
    QVector<int> out(m_outputs.size(), 0);
    for (const EdgeItem *e : std::as_const(m_edges)) {
        in += e->connection().to == m_id ? 1 : 0;
        if (e->connection().from == m_id && e->connection().output < out.size())
            ++out[e->connection().output];
    }
    const Layer *layer = m_scene->model()->graph().layer(m_id);
    const LayerType *type = layer ? m_scene->model()->registry().find(layer->type) : nullptr;
    if (m_input)
        m_input->setConnections(in, type && type->acceptsManyInputs());
    for (int k = 0; k < m_outputs.size(); ++k)
        m_outputs[k]->setConnections(out[k], false);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange && m_scene->isMovingNodes() && m_scene->gridSnap())
        return m_scene->snapped(value.toPointF());
    if (change == ItemPositionHasChanged) {
        m_scene->invalidateRoutes();
        for (EdgeItem *e : std::as_const(m_edges))
            e->adjust();
        m_scene->nodeMoved(this);
    }
    return QGraphicsItem::itemChange(change, value);
}

void NodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void NodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const CanvasStyle &s = style();
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const qreal opacity = painter->opacity();
    if (m_state == State::Upstream)
        painter->setOpacity(opacity * 0.5);
    paintCard(painter, s, lod);
    painter->setOpacity(opacity);
    if (m_input)
        m_input->paintPort(painter, lod);
    for (const PortItem *p : m_outputs)
        p->paintPort(painter, lod);
}

void NodeItem::paintCard(QPainter *painter, const CanvasStyle &s, qreal lod) const
{
    const QRectF card = cardRect();
    const bool rtl = QGuiApplication::isRightToLeft();
    const QColor fill = s.heatFill(m_heat);
    const bool selected = isSelected();

    if (lod < CanvasStyle::kBoxesOnlyLod) {
        // A coloured box: the structure of a large graph at a glance.
        QColor box = mixColors(fill, m_category, 0.35);
        if (m_state == State::Error)
            box = s.error;
        painter->fillRect(card, selected ? s.selection : box);
        return;
    }

    const qreal r = s.radius;
    QPainterPath cardPath;
    cardPath.addRoundedRect(card, r, r);

    // Soft shadow, then the card.
    painter->setPen(Qt::NoPen);
    painter->setBrush(s.nodeShadow);
    painter->drawRoundedRect(card.translated(0, 2).adjusted(-0.5, 0, 0.5, 0.5), r + 0.5, r + 0.5);
    if (selected) {
        QColor glow = s.selection;
        glow.setAlpha(70);
        painter->setPen(QPen(glow, 4));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(card.adjusted(-2, -2, 2, 2), r + 2, r + 2);
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawPath(cardPath);

    // Category strip on the leading edge, inside the rounded corners.
    const QRectF stripRect =
        rtl ? QRectF(card.right() - s.stripWidth, card.top(), s.stripWidth, card.height())
            : QRectF(card.left(), card.top(), s.stripWidth, card.height());
    // A rectangular clip is cheap; a path intersection is not.
    painter->save();
    painter->setClipRect(stripRect);
    painter->setBrush(m_category);
    painter->drawPath(cardPath);
    painter->restore();

    // Outline.
    QColor border = s.nodeBorder;
    qreal borderWidth = 1;
    if (m_state == State::Error) {
        border = s.error;
        borderWidth = 1.5;
    }
    if (m_hovered)
        border = s.hover;
    if (selected) {
        border = s.selection;
        borderWidth = 1.5;
    }
    painter->setPen(QPen(border, borderWidth));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), r - 0.5, r - 0.5);

    // Each line takes its direction from its own text (an English name reads left to right in
    // a Persian UI) and sits on the UI's leading side.
    const Qt::Alignment lead =
        Qt::AlignAbsolute | Qt::AlignVCenter | (rtl ? Qt::AlignRight : Qt::AlignLeft);
    const Qt::Alignment trail =
        Qt::AlignAbsolute | Qt::AlignVCenter | (rtl ? Qt::AlignLeft : Qt::AlignRight);
    QTextOption option;
    option.setTextDirection(Qt::LayoutDirectionAuto);
    option.setWrapMode(QTextOption::NoWrap);
    auto text = [painter, &option](const QRectF &r, Qt::Alignment align, const QString &t) {
        option.setAlignment(align);
        painter->drawText(r, t, option);
    };
    const qreal textLeft = rtl ? s.padX : s.stripWidth + s.padX;
    const qreal textWidth = s.nodeWidth - s.stripWidth - 2 * s.padX;

    if (lod < CanvasStyle::kNameOnlyLod) {
        painter->setFont(m_overviewFont);
        painter->setPen(s.text);
        option.setWrapMode(QTextOption::WordWrap);
        text(overviewRoom(), Qt::AlignCenter, m_overviewShown);
    } else {
        qreal y = s.padY;
        if (!m_editingName) {
            painter->setFont(s.nameFont);
            painter->setPen(s.text);
            text(QRectF(textLeft, y, textWidth, s.nameHeight), lead, m_nameShown);
        }
        if (!m_heatText.isEmpty()) {
            painter->setFont(s.metaFont);
            QColor heatInk = s.heatColor(m_heat);
            heatInk = m_heat <= 0 ? s.textMuted
                      : s.dark    ? heatInk.lighter(115)
                                  : heatInk.darker(135);
            painter->setPen(heatInk);
            text(QRectF(textLeft, y, textWidth, s.nameHeight), trail, m_heatText);
        }
        y += s.nameHeight;
        painter->setFont(s.typeFont);
        painter->setPen(s.textSecondary);
        text(QRectF(textLeft, y, textWidth, s.typeHeight), lead, m_typeShown);
        y += s.typeHeight + s.lineGap;
        painter->setFont(s.metaFont);
        painter->setPen(m_state == State::Error ? s.error : s.text);
        text(QRectF(textLeft, y, textWidth, s.metaHeight), lead, m_shapeShown);
        y += s.metaHeight;
        painter->setPen(m_state == State::Error ? s.error : s.textMuted);
        text(QRectF(textLeft, y, textWidth, s.metaHeight), lead, m_metaShown);
    }

    if (m_state == State::Error) {
        // The badge sits over the trailing top corner.
        const qreal br = s.badgeRadius;
        const QPointF c(rtl ? card.left() + br * 0.5 : card.right() - br * 0.5,
                        card.top() + br * 0.5);
        painter->setPen(QPen(s.nodeFill, 1.5));
        painter->setBrush(s.error);
        painter->drawEllipse(c, br, br);
        painter->setFont(s.badgeFont);
        painter->setPen(s.errorOnBadge);
        painter->drawText(QRectF(c.x() - br, c.y() - br, 2 * br, 2 * br), Qt::AlignCenter,
                          QStringLiteral("!"));
    }
}

} // namespace naqsh
