// EdgeRouter on real imports: ResNet-50 and DenseNet-121 (torchvision's graphs with tiny widths,
// tests/tools/make_topology_models.py) imported and laid out as the designer does; no edge, as
// drawn, passes through a node other than its own two ends.
#include "graph/Graph.h"
#include "io/DocumentLoader.h"
#include "layers/LayerRegistry.h"
#include "layout/EdgeRouter.h"
#include "layout/GraphLayout.h"

#include <QtTest>

using namespace naqsh;

namespace {

struct Drawn
{
    QVector<QRectF> nodes;
    QVector<QPair<int, int>> edges; ///< slots, from -> to
};

/// The nodes where the designer puts them after an import (kLayoutNodeSize at each position)
/// and the edges between them.
Drawn importModel(const QString &file)
{
    const QString path = QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/onnx/") + file;
    const ImportResult r = loadDocument(path, LayerRegistry::builtin());
    if (!r.ok())
        qFatal("%s: %s", qPrintable(path), qPrintable(r.error));
    Drawn d;
    const Graph &g = r.graph;
    const QVector<LayerId> ids = g.layerIds();
    for (int slot = 0; slot < g.size(); ++slot) {
        d.nodes.append(QRectF(g.layer(ids[slot])->position, kLayoutNodeSize));
        for (int from : g.layerAt(slot).inputSlots)
            d.edges.append({from, slot});
    }
    return d;
}

/// Output port at the bottom centre, input port at the top centre, as on the canvas.
QPointF outAnchor(const QRectF &r)
{
    return {r.center().x(), r.bottom()};
}
QPointF inAnchor(const QRectF &r)
{
    return {r.center().x(), r.top()};
}

/// Number of (edge, node) pairs where the polyline of the edge meets a node that is not one of
/// its ends.
int hits(const Drawn &d, const QVector<QVector<QPointF>> &polylines, QString *first)
{
    int count = 0;
    for (int e = 0; e < d.edges.size(); ++e) {
        const QVector<QPointF> &line = polylines[e];
        for (int n = 0; n < d.nodes.size(); ++n) {
            if (n == d.edges[e].first || n == d.edges[e].second)
                continue;
            for (qsizetype k = 1; k < line.size(); ++k)
                if (EdgeRouter::segmentHitsRect(line[k - 1], line[k], d.nodes[n])) {
                    if (count++ == 0 && first)
                        *first = QStringLiteral("edge %1 -> %2 crosses node %3")
                                     .arg(d.edges[e].first)
                                     .arg(d.edges[e].second)
                                     .arg(n);
                    break;
                }
        }
    }
    return count;
}

} // namespace

class tst_EdgeRouting : public QObject
{
    Q_OBJECT
private slots:
    void segmentTest();
    void routesAvoidNodes_data();
    void routesAvoidNodes();
    void movedNodeIsAvoided();
    void upwardEdgeGoesAround();
    void upwardEdgesInAGrid();
};

void tst_EdgeRouting::segmentTest()
{
    const QRectF r(0, 0, 10, 10);
    QVERIFY(EdgeRouter::segmentHitsRect({-5, 5}, {15, 5}, r));
    QVERIFY(EdgeRouter::segmentHitsRect({5, -5}, {5, 5}, r));
    QVERIFY(!EdgeRouter::segmentHitsRect({-5, -5}, {15, -1}, r));
    // Along an edge or through a corner only: outside.
    QVERIFY(!EdgeRouter::segmentHitsRect({0, -5}, {0, 15}, r));
    QVERIFY(!EdgeRouter::segmentHitsRect({-5, 5}, {5, -5}, r));
    QVERIFY(EdgeRouter::segmentHitsRect({-5, 6}, {6, -5}, r));
}

void tst_EdgeRouting::routesAvoidNodes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("minLayers");
    QTest::newRow("ResNet-50") << QStringLiteral("resnet50_topology.onnx") << 120;
    QTest::newRow("DenseNet-121") << QStringLiteral("densenet121_topology.onnx") << 300;
}

void tst_EdgeRouting::routesAvoidNodes()
{
    QFETCH(QString, file);
    QFETCH(int, minLayers);
    const Drawn d = importModel(file);
    QVERIFY2(d.nodes.size() >= minLayers, qPrintable(QString::number(d.nodes.size())));

    // Drawn directly, as before routing, skip and concatenation edges cross nodes.
    QVector<QVector<QPointF>> direct;
    for (const auto &e : d.edges)
        direct.append(
            EdgeRouter::polyline({outAnchor(d.nodes[e.first]), inAnchor(d.nodes[e.second])}));
    const int directHits = hits(d, direct, nullptr);
    QVERIFY2(directHits > 10, qPrintable(QString::number(directHits)));

    QElapsedTimer timer;
    timer.start();
    const EdgeRouter router(d.nodes);
    QVector<QVector<QPointF>> routed;
    int detours = 0;
    for (const auto &e : d.edges) {
        const QVector<QPointF> route = router.route(outAnchor(d.nodes[e.first]),
                                                    inAnchor(d.nodes[e.second]), e.first, e.second);
        detours += route.size() > 2;
        routed.append(EdgeRouter::polyline(route));
    }
    const qint64 ms = timer.elapsed();
    qInfo("%s: %d layers, %d edges, %d crossing nodes drawn directly, %d routed, %lld ms",
          qPrintable(file), int(d.nodes.size()), int(d.edges.size()), directHits, detours, ms);
    QString first;
    QCOMPARE(hits(d, routed, &first), 0);
    QVERIFY(first.isEmpty());
    // Every route starts and ends at its ports.
    for (int e = 0; e < d.edges.size(); ++e) {
        QCOMPARE(routed[e].first(), outAnchor(d.nodes[d.edges[e].first]));
        QCOMPARE(routed[e].last(), inAnchor(d.nodes[d.edges[e].second]));
    }
}

void tst_EdgeRouting::movedNodeIsAvoided()
{
    // A node dragged onto the straight line between two others: the edge goes round it, and
    // keeps the router's clearance.
    const QVector<QRectF> nodes{QRectF(0, 0, 200, 90), QRectF(0, 600, 200, 90),
                                QRectF(40, 300, 200, 90)};
    const EdgeRouter router(nodes, 10);
    const QVector<QPointF> route = router.route({100, 90}, {100, 600}, 0, 1);
    QVERIFY(route.size() > 2);
    const QRectF grown = nodes[2].adjusted(-10, -10, 10, 10);
    const QVector<QPointF> line = EdgeRouter::polyline(route);
    for (qsizetype k = 1; k < line.size(); ++k)
        QVERIFY(!EdgeRouter::segmentHitsRect(line[k - 1], line[k], grown));
    // It passes on the nearer side (left: the node starts 60 px right of the edge's line).
    QCOMPARE(route[1].x(), 30.0);
    // With nothing in between, the edge stays direct.
    QCOMPARE(EdgeRouter(nodes.mid(0, 2)).route({100, 90}, {100, 600}, 0, 1).size(), 2);
}

namespace {
/// The first segment of @p line inside one of @p rects, or an empty string.
QString crossing(const QVector<QPointF> &line, const QVector<QRectF> &rects)
{
    for (int n = 0; n < rects.size(); ++n)
        for (qsizetype k = 1; k < line.size(); ++k)
            if (EdgeRouter::segmentHitsRect(line[k - 1], line[k], rects[n]))
                return QStringLiteral("segment %1 (%2,%3)-(%4,%5) crosses rectangle %6")
                    .arg(k)
                    .arg(line[k - 1].x())
                    .arg(line[k - 1].y())
                    .arg(line[k].x())
                    .arg(line[k].y())
                    .arg(n);
    return {};
}
} // namespace

void tst_EdgeRouting::upwardEdgeGoesAround()
{
    // The user dragged the target above its source, with a third node between them in the same
    // column: the edge's direct loop runs through that node (and through its own two ends).
    const QVector<QRectF> nodes{QRectF(0, 600, 200, 90), QRectF(0, 0, 200, 90),
                                QRectF(0, 300, 200, 90)};
    const QPointF from = outAnchor(nodes[0]), to = inAnchor(nodes[1]);
    QVERIFY(!crossing(EdgeRouter::polyline({from, to}), nodes).isEmpty());
    const EdgeRouter router(nodes, 10);
    const QVector<QPointF> route = router.route(from, to, 0, 1);
    QVERIFY(route.size() > 2);
    QCOMPARE(route.first(), from);
    QCOMPARE(route.last(), to);
    // Clear of the node between by the clearance, and of its own two ends.
    const QVector<QPointF> line = EdgeRouter::polyline(route);
    QVERIFY2(crossing(line, {nodes[0], nodes[1], nodes[2].adjusted(-10, -10, 10, 10)}).isEmpty(),
             qPrintable(crossing(line, {nodes[0], nodes[1], nodes[2].adjusted(-10, -10, 10, 10)})));
    // It leaves downwards and enters from above, as every edge does, and goes round beside the
    // column (all three nodes span x 0..200): at 10 from its side.
    QCOMPARE(route[1].x(), from.x());
    QVERIFY(route[1].y() > from.y());
    QCOMPARE(route[route.size() - 2].x(), to.x());
    QVERIFY(route[route.size() - 2].y() < to.y());
    QVERIFY2(route[2].x() == -10 || route[2].x() == 210, qPrintable(QString::number(route[2].x())));
}

void tst_EdgeRouting::upwardEdgesInAGrid()
{
    // Four rows of five nodes (a layered layout's spacing), and an edge from every node of the
    // bottom row up to every node of the top row: each drawn clear of every other node and of
    // its own two ends.
    QVector<QRectF> nodes;
    for (int row = 0; row < 4; ++row)
        for (int col = 0; col < 5; ++col)
            nodes.append(QRectF(col * 260, row * 170, 200, 90));
    const EdgeRouter router(nodes, 10);
    int routed = 0;
    for (int a = 15; a < 20; ++a) {
        for (int b = 0; b < 5; ++b) {
            const QVector<QPointF> route =
                router.route(outAnchor(nodes[a]), inAnchor(nodes[b]), a, b);
            routed += route.size() > 2;
            const QString hit = crossing(EdgeRouter::polyline(route), nodes);
            QVERIFY2(hit.isEmpty(),
                     qPrintable(QStringLiteral("%1 -> %2: %3").arg(a).arg(b).arg(hit)));
        }
    }
    // The direct loops would have crossed: every one of these needed a route.
    QCOMPARE(routed, 25);
}

QTEST_GUILESS_MAIN(tst_EdgeRouting)
#include "tst_EdgeRouting.moc"
