#include "BlockOverlay.h"

#include "BlockItem.h"
#include "DisplayContext.h"
#include "EdgeItem.h"
#include "GraphScene.h"
#include "NodeItem.h"
#include "analysis/BlockRollup.h"
#include "analysis/TooLarge.h"
#include "graph/GraphModel.h"

#include <QCoreApplication>

namespace naqsh {

namespace {
/// Left-to-right isolate, so that "154 K" and shapes keep their order in right-to-left text.
QString ltr(const QString &text)
{
    return QChar(0x2066) + text + QChar(0x2069);
}

QString shapes(const QVector<BlockTensor> &tensors, const DisplayContext &display)
{
    if (display.isHidden(DisplayContext::Hidden::Shapes))
        return DisplayContext::hiddenText();
    QStringList parts;
    for (const BlockTensor &t : tensors)
        parts << (t.shape.isValid() ? display.format().shape(t.shape, true) : QStringLiteral("—"));
    return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(" + "));
}
} // namespace

BlockOverlay::BlockOverlay(GraphScene *scene)
    : m_scene(scene)
{
}

BlockItem *BlockOverlay::collapsedItemOf(LayerId layer) const
{
    const BlockId b = m_scene->model()->graph().collapsedBlockOf(layer);
    return b.isValid() ? m_items.value(b) : nullptr;
}

void BlockOverlay::sync()
{
    const Graph &g = m_scene->model()->graph();
    for (auto it = m_items.begin(); it != m_items.end();) {
        if (!g.block(it.key())) {
            delete it.value();
            it = m_items.erase(it);
        } else {
            ++it;
        }
    }
    for (const Block &b : g.blocks())
        if (!m_items.contains(b.id)) {
            auto *item = new BlockItem(m_scene, b.id);
            m_items.insert(b.id, item);
            m_scene->addItem(item);
        }
    refreshText();
    updateVisibility();
    updateGeometry();
    // Collapsing or expanding moves edge ends between the nodes' ports and the cards.
    adjustEdges(false);
}

void BlockOverlay::updateVisibility()
{
    const Graph &g = m_scene->model()->graph();
    for (NodeItem *n : m_scene->nodeItems()) {
        const bool hidden = g.collapsedBlockOf(n->layerId()).isValid();
        n->setVisible(!hidden);
        for (EdgeItem *e : n->edges()) {
            if (e->connection().from != n->layerId())
                continue;
            // An edge inside one collapsed block disappears with it; one that crosses its
            // border attaches to its card.
            const BlockId a = g.collapsedBlockOf(e->connection().from);
            const BlockId b = g.collapsedBlockOf(e->connection().to);
            e->setVisible(!(a.isValid() && a == b));
        }
    }
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        const Block *b = g.block(it.key());
        const BlockId around = g.block(b->parent) ? b->parent : BlockId();
        bool inCollapsed = false;
        for (BlockId p = around; p.isValid(); p = g.block(p)->parent)
            inCollapsed = inCollapsed || g.block(p)->collapsed;
        it.value()->setVisible(!inCollapsed);
    }
    m_scene->invalidateRoutes();
}

void BlockOverlay::updateGeometry()
{
    const Graph &g = m_scene->model()->graph();
    if (m_items.isEmpty())
        return;
    // Innermost blocks first: a frame holds the frames and cards of the blocks inside it.
    QVector<const Block *> order;
    for (const Block &b : g.blocks())
        order.append(&b);
    QHash<BlockId, int> depth;
    for (const Block *b : std::as_const(order))
        depth.insert(b->id, g.blockDepth(b->id));
    std::stable_sort(order.begin(), order.end(), [&depth](const Block *a, const Block *b) {
        return depth.value(a->id) > depth.value(b->id);
    });
    bool cardMoved = false;
    for (const Block *b : std::as_const(order)) {
        BlockItem *item = m_items.value(b->id);
        if (!item)
            continue;
        if (b->collapsed) {
            // In place of its layers: at the top-left corner of where they are.
            QRectF all;
            for (LayerId l : g.blockLayers(b->id))
                if (const NodeItem *n = m_scene->nodeItem(l))
                    all |= n->mapRectToScene(n->cardRect());
            const QPointF before = item->pos();
            item->setCard(all.topLeft());
            cardMoved = cardMoved || item->pos() != before;
        } else {
            QRectF content;
            for (LayerId l : b->layers)
                if (const NodeItem *n = m_scene->nodeItem(l))
                    content |= n->mapRectToScene(n->cardRect());
            for (BlockId child : g.childBlocks(b->id))
                if (const BlockItem *c = m_items.value(child))
                    content |= c->outline();
            item->setFrame(content);
        }
        m_scene->growSceneRect(item->sceneBoundingRect());
    }
    // Edges that end at a card follow it; the others follow their nodes by themselves.
    if (cardMoved)
        adjustEdges(true);
}

void BlockOverlay::adjustEdges(bool cardsOnly)
{
    for (NodeItem *n : m_scene->nodeItems())
        for (EdgeItem *e : n->edges())
            if (e->connection().from == n->layerId() && e->isVisible() &&
                (!cardsOnly || collapsedItemOf(e->connection().from) ||
                 collapsedItemOf(e->connection().to)))
                e->adjust();
}

void BlockOverlay::refreshText()
{
    const Graph &g = m_scene->model()->graph();
    const DisplayContext &display = *m_scene->display();
    const NumberFormat &fmt = display.format();
    const QVector<BlockRollup> rolls =
        rollUpBlocks(g, m_scene->model()->registry(), m_scene->analysis());
    for (const BlockRollup &r : rolls) {
        BlockItem *item = m_items.value(r.id);
        const Block *b = g.block(r.id);
        if (!item || !b)
            continue;
        const QString params = display.isHidden(DisplayContext::Hidden::Params)
                                   ? DisplayContext::hiddenText()
                                   : ltr(fmt.compact(r.costs.params().value()));
        const QString macs = display.isHidden(DisplayContext::Hidden::Macs)
                                 ? DisplayContext::hiddenText()
                                 : ltr(fmt.compact(r.costs.macs.value()));
        const qint64 bytes = activationBytes(r.costs.activations, display.dtype()).value();
        const QStringList lines{
            b->name,
            QCoreApplication::translate("naqsh::BlockItem", "%1 → %2")
                .arg(shapes(r.inputs, display), shapes(r.outputs, display)),
            QCoreApplication::translate("naqsh::BlockItem", "%1 params · %2 MACs")
                .arg(params, macs),
            // %n comes in Latin digits: the locale's digits replace them afterwards.
            fmt.digits(QCoreApplication::translate("naqsh::BlockItem",
                                                   "%n layer(s) · %1 activations", nullptr,
                                                   int(r.layers.size()))
                           .arg(ltr(fmt.bytes(bytes))))};
        QString tip = lines.join(QLatin1Char('\n'));
        if (r.errorCount > 0)
            tip +=
                QLatin1Char('\n') +
                fmt.digits(QCoreApplication::translate(
                    "naqsh::BlockItem", "%n layer(s) without numbers are left out of these totals",
                    nullptr, r.errorCount));
        tip += QLatin1Char('\n') +
               (b->collapsed
                    ? QCoreApplication::translate("naqsh::BlockItem", "Double-click to expand")
                    : QCoreApplication::translate("naqsh::BlockItem", "Double-click to collapse"));
        item->setLines(lines, tip, b->collapsed, r.depth);
    }
}

} // namespace naqsh
