// LayeredLayout: nodes never overlap, edges point down the ranks, crossings go where they can,
// fan-out and concat blocks are centred, and bad input (cycles, self-loops, duplicate or
// out-of-range edges, odd sizes) neither crashes nor breaks those promises.
#include "layout/LayeredLayout.h"

#include <QRandomGenerator>
#include <QRectF>
#include <QtTest>

#include <climits>
#include <cmath>

using namespace naqsh;

namespace {

using EdgeList = QVector<QPair<int, int>>;

struct TestGraph
{
    QVector<QSizeF> sizes;
    EdgeList edges;
};

constexpr double kEps = 1e-6;

int addNode(TestGraph &g, QSizeF size = QSizeF(100, 40))
{
    g.sizes.append(size);
    return int(g.sizes.size()) - 1;
}

TestGraph chain(int n)
{
    TestGraph g;
    for (int i = 0; i < n; ++i) {
        addNode(g, QSizeF(60 + 17 * (i % 5), 30 + 7 * (i % 3)));
        if (i > 0)
            g.edges.append({i - 1, i});
    }
    return g;
}

TestGraph tree(int depth, int fanOut)
{
    TestGraph g;
    QVector<int> frontier{addNode(g)};
    for (int d = 1; d < depth; ++d) {
        QVector<int> next;
        for (int parent : frontier) {
            for (int k = 0; k < fanOut; ++k) {
                const int child = addNode(g, QSizeF(50 + 10 * k, 30));
                g.edges.append({parent, child});
                next.append(child);
            }
        }
        frontier = next;
    }
    return g;
}

/// Indexes of one Inception block's nodes.
struct InceptionIds
{
    int source;
    int branchHeads[4];
    int concat;
};

/// source -> {1x1}, {1x1 -> 3x3}, {1x1 -> 5x5}, {pool -> 1x1} -> concat, with unequal widths.
InceptionIds addInception(TestGraph &g, int source)
{
    InceptionIds ids{};
    ids.source = source;
    const int b1 = addNode(g, QSizeF(90, 40));
    const int b2 = addNode(g, QSizeF(90, 40));
    const int b2b = addNode(g, QSizeF(110, 40));
    const int b3 = addNode(g, QSizeF(90, 40));
    const int b3b = addNode(g, QSizeF(110, 40));
    const int b4 = addNode(g, QSizeF(70, 40));
    const int b4b = addNode(g, QSizeF(90, 40));
    ids.concat = addNode(g, QSizeF(120, 30));
    ids.branchHeads[0] = b1;
    ids.branchHeads[1] = b2;
    ids.branchHeads[2] = b3;
    ids.branchHeads[3] = b4;
    g.edges << EdgeList{{source, b1}, {source, b2}, {source, b3}, {source, b4}};
    g.edges << EdgeList{{b2, b2b}, {b3, b3b}, {b4, b4b}};
    g.edges << EdgeList{{b1, ids.concat}, {b2b, ids.concat}, {b3b, ids.concat}, {b4b, ids.concat}};
    return ids;
}

TestGraph inceptionChain(int blocks)
{
    TestGraph g;
    int source = addNode(g, QSizeF(120, 30));
    for (int b = 0; b < blocks; ++b)
        source = addInception(g, source).concat;
    return g;
}

TestGraph denseBlocks(int blocks, int blockSize)
{
    TestGraph g;
    for (int b = 0; b < blocks; ++b) {
        const int first = int(g.sizes.size());
        for (int i = 0; i < blockSize; ++i) {
            const int v = addNode(g, QSizeF(80 + 5 * i, 36));
            for (int u = first; u < v; ++u)
                g.edges.append({u, v});
        }
        if (b > 0)
            g.edges.append({first - 1, first});
    }
    return g;
}

/// Edges go from lower to higher index, so the graph is acyclic.
TestGraph randomDag(quint32 seed, int n, int m)
{
    QRandomGenerator random(seed);
    TestGraph g;
    for (int i = 0; i < n; ++i)
        addNode(g, QSizeF(20 + random.bounded(150), 20 + random.bounded(80)));
    for (int e = 0; e < m; ++e) {
        const int a = random.bounded(n);
        const int b = random.bounded(n);
        if (a != b)
            g.edges.append({std::min(a, b), std::max(a, b)});
    }
    return g;
}

TestGraph randomCyclic(quint32 seed, int n, int m)
{
    QRandomGenerator random(seed);
    TestGraph g;
    for (int i = 0; i < n; ++i)
        addNode(g, QSizeF(20 + random.bounded(100), 20 + random.bounded(60)));
    for (int e = 0; e < m; ++e)
        g.edges.append({random.bounded(n), random.bounded(n)});
    return g;
}

QRectF rectOf(const LayeredLayoutResult &r, const QVector<QSizeF> &sizes, int v)
{
    return QRectF(r.positions[v], sizes[v]);
}

/// Gap between two intervals (negative when they overlap).
double gap(double aStart, double aEnd, double bStart, double bEnd)
{
    return std::max(bStart - aEnd, aStart - bEnd);
}

/// Every pair of nodes is either nodeSpacing apart across ranks or layerSpacing apart along
/// them. Returns an empty string or a description of the first violation.
QString spacingViolation(const LayeredLayoutResult &r, const QVector<QSizeF> &sizes,
                         const LayoutOptions &options)
{
    const bool topDown = options.direction == LayoutDirection::TopDown;
    for (int a = 0; a < sizes.size(); ++a) {
        const QRectF ra = rectOf(r, sizes, a);
        for (int b = a + 1; b < sizes.size(); ++b) {
            const QRectF rb = rectOf(r, sizes, b);
            const double gapX = gap(ra.left(), ra.right(), rb.left(), rb.right());
            const double gapY = gap(ra.top(), ra.bottom(), rb.top(), rb.bottom());
            const double across = topDown ? gapX : gapY;
            const double along = topDown ? gapY : gapX;
            if (across < options.nodeSpacing - kEps && along < options.layerSpacing - kEps)
                return QStringLiteral("nodes %1 and %2 too close: across %3, along %4")
                    .arg(a)
                    .arg(b)
                    .arg(across)
                    .arg(along);
        }
    }
    return {};
}

bool allFinite(const LayeredLayoutResult &r)
{
    for (const QPointF &p : r.positions) {
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            return false;
    }
    for (const auto &route : r.edgeRoutes) {
        for (const QPointF &p : route) {
            if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
                return false;
        }
    }
    return true;
}

QPointF centre(const LayeredLayoutResult &r, const QVector<QSizeF> &sizes, int v)
{
    return rectOf(r, sizes, v).center();
}

} // namespace

Q_DECLARE_METATYPE(TestGraph)
Q_DECLARE_METATYPE(naqsh::LayoutDirection)

class tst_LayeredLayout : public QObject
{
    Q_OBJECT

private slots:
    void emptyInput();
    void noOverlaps_data();
    void noOverlaps();
    void edgesPointDownTheRanks_data();
    void edgesPointDownTheRanks();
    void chainIsStraight_data();
    void chainIsStraight();
    void inceptionBranchesSideBySide_data();
    void inceptionBranchesSideBySide();
    void parentsCentredOverChildren();
    void zeroCrossingsWhenPossible_data();
    void zeroCrossingsWhenPossible();
    void sweepsUntangleInitialOrder();
    void countCrossingsIsGeometric();
    void cyclicAndInvalidInput_data();
    void cyclicAndInvalidInput();
    void leftRightSwapsAxes();
    void componentsSideBySide();
    void sideInputSitsNextToItsConsumer();
    void chainsAndLongEdgesRunStraight();
    void longEdgesFromOneNodeShareARoute();
    void routesRunBetweenTheirNodes();
    void deterministic();
    void layoutStartsAtOrigin();
};

void tst_LayeredLayout::emptyInput()
{
    QVERIFY(layeredLayout({}, {}).isEmpty());

    const LayeredLayoutResult r = computeLayeredLayout({}, EdgeList{{0, 1}, {2, 2}});
    QVERIFY(r.positions.isEmpty());
    QVERIFY(r.ranks.isEmpty());
    QCOMPARE(r.edgeRoutes.size(), 2);
    QVERIFY(r.edgeRoutes[0].isEmpty());
    QVERIFY(r.edgeRoutes[1].isEmpty());
    QCOMPARE(countCrossings(r), 0);
}

void tst_LayeredLayout::noOverlaps_data()
{
    QTest::addColumn<TestGraph>("graph");
    QTest::addColumn<LayoutDirection>("direction");
    QTest::addColumn<double>("nodeSpacing");
    QTest::addColumn<double>("layerSpacing");

    const QList<QPair<const char *, TestGraph>> graphs{
        {"single", TestGraph{{QSizeF(10, 10)}, {}}},
        {"chain", chain(30)},
        {"tree", tree(4, 3)},
        {"inception", inceptionChain(4)},
        {"dense", denseBlocks(2, 12)},
        {"random-dag-1", randomDag(1, 60, 90)},
        {"random-dag-2", randomDag(2, 120, 200)},
        {"random-dag-sparse", randomDag(3, 80, 40)},
        {"random-cyclic", randomCyclic(4, 50, 120)},
    };
    for (const auto &[name, graph] : graphs) {
        QTest::addRow("%s-td", name) << graph << LayoutDirection::TopDown << 40.0 << 60.0;
        QTest::addRow("%s-lr", name) << graph << LayoutDirection::LeftRight << 40.0 << 60.0;
        QTest::addRow("%s-tight", name) << graph << LayoutDirection::TopDown << 3.0 << 5.0;
    }
    QTest::addRow("random-dag-zero-spacing")
        << randomDag(5, 60, 100) << LayoutDirection::TopDown << 0.0 << 0.0;
}

void tst_LayeredLayout::noOverlaps()
{
    QFETCH(TestGraph, graph);
    QFETCH(LayoutDirection, direction);
    QFETCH(double, nodeSpacing);
    QFETCH(double, layerSpacing);

    LayoutOptions options;
    options.direction = direction;
    options.nodeSpacing = nodeSpacing;
    options.layerSpacing = layerSpacing;
    const LayeredLayoutResult r = computeLayeredLayout(graph.sizes, graph.edges, options);
    QCOMPARE(r.positions.size(), graph.sizes.size());
    QVERIFY(allFinite(r));
    const QString violation = spacingViolation(r, graph.sizes, options);
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
}

void tst_LayeredLayout::edgesPointDownTheRanks_data()
{
    QTest::addColumn<TestGraph>("graph");
    QTest::addColumn<LayoutDirection>("direction");

    QTest::newRow("chain") << chain(20) << LayoutDirection::TopDown;
    QTest::newRow("tree") << tree(4, 3) << LayoutDirection::TopDown;
    QTest::newRow("inception") << inceptionChain(3) << LayoutDirection::TopDown;
    QTest::newRow("dense") << denseBlocks(2, 12) << LayoutDirection::TopDown;
    QTest::newRow("random-dag") << randomDag(7, 100, 160) << LayoutDirection::TopDown;
    QTest::newRow("random-dag-lr") << randomDag(8, 100, 160) << LayoutDirection::LeftRight;
    // Input order that contradicts the edge direction: indexes descend along edges.
    QTest::newRow("reverse-indexed")
        << TestGraph{{QSizeF(50, 20), QSizeF(50, 20), QSizeF(50, 20), QSizeF(50, 20)},
                     {{3, 2}, {2, 1}, {1, 0}, {3, 0}}}
        << LayoutDirection::TopDown;
}

void tst_LayeredLayout::edgesPointDownTheRanks()
{
    QFETCH(TestGraph, graph);
    QFETCH(LayoutDirection, direction);

    LayoutOptions options;
    options.direction = direction;
    const LayeredLayoutResult r = computeLayeredLayout(graph.sizes, graph.edges, options);
    for (const auto &[from, to] : graph.edges) {
        QVERIFY2(r.ranks[from] < r.ranks[to],
                 qPrintable(QStringLiteral("edge %1 -> %2").arg(from).arg(to)));
        const QRectF a = rectOf(r, graph.sizes, from);
        const QRectF b = rectOf(r, graph.sizes, to);
        const double aEnd = direction == LayoutDirection::TopDown ? a.bottom() : a.right();
        const double bStart = direction == LayoutDirection::TopDown ? b.top() : b.left();
        QVERIFY(aEnd + options.layerSpacing <= bStart + kEps);
    }
}

void tst_LayeredLayout::chainIsStraight_data()
{
    QTest::addColumn<LayoutDirection>("direction");
    QTest::newRow("top-down") << LayoutDirection::TopDown;
    QTest::newRow("left-right") << LayoutDirection::LeftRight;
}

void tst_LayeredLayout::chainIsStraight()
{
    QFETCH(LayoutDirection, direction);
    const TestGraph g = chain(40); // nodes of several widths and heights

    LayoutOptions options;
    options.direction = direction;
    const LayeredLayoutResult r = computeLayeredLayout(g.sizes, g.edges, options);
    const bool topDown = direction == LayoutDirection::TopDown;
    for (int v = 0; v < g.sizes.size(); ++v) {
        QCOMPARE(r.ranks[v], v);
        const QPointF c = centre(r, g.sizes, v);
        const QPointF first = centre(r, g.sizes, 0);
        QVERIFY2(std::abs(topDown ? c.x() - first.x() : c.y() - first.y()) < kEps,
                 qPrintable(QStringLiteral("node %1 is off the line").arg(v)));
    }
    QCOMPARE(countCrossings(r), 0);
}

void tst_LayeredLayout::inceptionBranchesSideBySide_data()
{
    QTest::addColumn<int>("blocks");
    QTest::addColumn<int>("checkedBlock");
    QTest::newRow("single block") << 1 << 0;
    QTest::newRow("middle of a stack") << 5 << 2;
}

void tst_LayeredLayout::inceptionBranchesSideBySide()
{
    QFETCH(int, blocks);
    QFETCH(int, checkedBlock);

    TestGraph g;
    int source = addNode(g, QSizeF(120, 30));
    InceptionIds checked{};
    for (int b = 0; b < blocks; ++b) {
        const InceptionIds ids = addInception(g, source);
        if (b == checkedBlock)
            checked = ids;
        source = ids.concat;
    }

    const LayeredLayoutResult r = computeLayeredLayout(g.sizes, g.edges);
    const int branchRank = r.ranks[checked.branchHeads[0]];
    QCOMPARE(branchRank, r.ranks[checked.source] + 1);
    QRectF heads[4];
    for (int k = 0; k < 4; ++k) {
        QCOMPARE(r.ranks[checked.branchHeads[k]], branchRank);
        heads[k] = rectOf(r, g.sizes, checked.branchHeads[k]);
        QCOMPARE(heads[k].top(), heads[0].top());
    }
    // Side by side in input order, left to right.
    for (int k = 1; k < 4; ++k)
        QVERIFY(heads[k - 1].right() + LayoutOptions{}.nodeSpacing <= heads[k].left() + kEps);

    const double rowCentre = (heads[0].left() + heads[3].right()) / 2.0;
    const double rowWidth = heads[3].right() - heads[0].left();
    const double tolerance = 0.1 * rowWidth;
    const QPointF sourceCentre = centre(r, g.sizes, checked.source);
    const QPointF concatCentre = centre(r, g.sizes, checked.concat);
    QVERIFY2(
        std::abs(sourceCentre.x() - rowCentre) < tolerance,
        qPrintable(QStringLiteral("source %1, branches %2").arg(sourceCentre.x()).arg(rowCentre)));
    QVERIFY2(
        std::abs(concatCentre.x() - rowCentre) < tolerance,
        qPrintable(QStringLiteral("concat %1, branches %2").arg(concatCentre.x()).arg(rowCentre)));
    // Between the two inner branches.
    QVERIFY(concatCentre.x() > heads[1].center().x());
    QVERIFY(concatCentre.x() < heads[2].center().x());
    QCOMPARE(countCrossings(r), 0);
}

void tst_LayeredLayout::parentsCentredOverChildren()
{
    // An unbalanced tree: 0 -> {1, 2, 3}; 1 -> five leaves; 3 -> two leaves; 2 is a leaf.
    TestGraph g;
    const int root = addNode(g, QSizeF(120, 30));
    QVector<int> children{addNode(g), addNode(g, QSizeF(60, 40)), addNode(g, QSizeF(140, 40))};
    QHash<int, QVector<int>> kids{{root, children}};
    for (int k = 0; k < 5; ++k)
        kids[children[0]].append(addNode(g, QSizeF(50 + 10 * k, 30)));
    for (int k = 0; k < 2; ++k)
        kids[children[2]].append(addNode(g, QSizeF(80, 30)));
    for (auto it = kids.cbegin(); it != kids.cend(); ++it) {
        for (int child : it.value())
            g.edges.append({it.key(), child});
    }

    const LayeredLayoutResult r = computeLayeredLayout(g.sizes, g.edges);
    for (auto it = kids.cbegin(); it != kids.cend(); ++it) {
        double first = centre(r, g.sizes, it.value().front()).x();
        double last = first;
        double mean = 0.0;
        for (int child : it.value()) {
            const double x = centre(r, g.sizes, child).x();
            first = std::min(first, x);
            last = std::max(last, x);
            mean += x / it.value().size();
        }
        const double x = centre(r, g.sizes, it.key()).x();
        QVERIFY2(std::abs(x - mean) < 0.15 * (last - first),
                 qPrintable(QStringLiteral("parent %1 at %2, children %3 .. %4, mean %5")
                                .arg(it.key())
                                .arg(x)
                                .arg(first)
                                .arg(last)
                                .arg(mean)));
    }
    QCOMPARE(countCrossings(r), 0);
}

void tst_LayeredLayout::zeroCrossingsWhenPossible_data()
{
    QTest::addColumn<TestGraph>("graph");

    QTest::newRow("tree") << tree(4, 3);
    // a feeds d, b feeds c: in input order the two branches cross.
    QTest::newRow("interleaved branches") << TestGraph{
        {QSizeF(50, 20), QSizeF(50, 20), QSizeF(50, 20), QSizeF(50, 20)}, {{0, 3}, {1, 2}}};
    // 0 -> {2, 4}, 1 -> {2, 3}: depth-first order puts 4 between 2 and 3.
    QTest::newRow("shared child") << TestGraph{
        {QSizeF(50, 20), QSizeF(50, 20), QSizeF(50, 20), QSizeF(50, 20), QSizeF(50, 20)},
        {{0, 2}, {1, 2}, {1, 3}, {0, 4}}};
    QTest::newRow("inception stack") << inceptionChain(4);
    // A residual stack: the skip edges run beside the main path.
    TestGraph residual;
    int x = addNode(residual);
    for (int b = 0; b < 6; ++b) {
        const int c1 = addNode(residual);
        const int c2 = addNode(residual);
        const int add = addNode(residual);
        residual.edges << EdgeList{{x, c1}, {c1, c2}, {c2, add}, {x, add}};
        x = add;
    }
    QTest::newRow("residual stack") << residual;
    // Two rows whose edges form a zig-zag ladder listed out of order.
    QTest::newRow("ladder") << TestGraph{QVector<QSizeF>(8, QSizeF(40, 20)),
                                         {{0, 7}, {3, 4}, {1, 6}, {2, 5}, {0, 6}, {1, 5}, {2, 4}}};
}

void tst_LayeredLayout::zeroCrossingsWhenPossible()
{
    QFETCH(TestGraph, graph);
    const LayeredLayoutResult r = computeLayeredLayout(graph.sizes, graph.edges);
    QCOMPARE(countCrossings(r), 0);
}

void tst_LayeredLayout::sweepsUntangleInitialOrder()
{
    // 0 -> {2, 4}, 1 -> {2, 3}: the depth-first start order is 2, 4, 3, so 1 -> 2 crosses 0 -> 4.
    const TestGraph g{QVector<QSizeF>(5, QSizeF(50, 20)), {{0, 2}, {1, 2}, {1, 3}, {0, 4}}};
    LayoutOptions unswept;
    unswept.orderingSweeps = 0;
    QCOMPARE(countCrossings(computeLayeredLayout(g.sizes, g.edges, unswept)), 1);
    QCOMPARE(countCrossings(computeLayeredLayout(g.sizes, g.edges)), 0);

    // A denser graph where crossings cannot all go: sweeps must still not make things worse.
    const TestGraph dense = randomDag(11, 60, 150);
    const int before = countCrossings(computeLayeredLayout(dense.sizes, dense.edges, unswept));
    const int after = countCrossings(computeLayeredLayout(dense.sizes, dense.edges));
    QVERIFY2(after < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
}

void tst_LayeredLayout::countCrossingsIsGeometric()
{
    LayeredLayoutResult r;
    r.edgeRoutes = {{QPointF(0, 0), QPointF(100, 50)}, {QPointF(100, 0), QPointF(0, 50)}};
    QCOMPARE(countCrossings(r), 1);

    // Shared endpoint: no crossing.
    r.edgeRoutes = {{QPointF(0, 0), QPointF(100, 50)}, {QPointF(0, 0), QPointF(50, 50)}};
    QCOMPARE(countCrossings(r), 0);

    // Duplicate edges count once; routes given against the rank direction still count.
    r.edgeRoutes = {{QPointF(0, 0), QPointF(100, 50)},
                    {QPointF(0, 0), QPointF(100, 50)},
                    {QPointF(0, 50), QPointF(100, 0)}};
    QCOMPARE(countCrossings(r), 1);

    // Multi-segment routes: the second one crosses the first in two gaps.
    r.edgeRoutes = {{QPointF(0, 0), QPointF(0, 50), QPointF(0, 70), QPointF(0, 120)},
                    {QPointF(-50, 0), QPointF(50, 50), QPointF(50, 70), QPointF(-50, 120)}};
    QCOMPARE(countCrossings(r), 2);

    // Left to right: the rank axis is x.
    r.direction = LayoutDirection::LeftRight;
    r.edgeRoutes = {{QPointF(0, 0), QPointF(50, 100)}, {QPointF(0, 100), QPointF(50, 0)}};
    QCOMPARE(countCrossings(r), 1);
    r.edgeRoutes = {{QPointF(0, 0), QPointF(50, 0)}, {QPointF(0, 100), QPointF(50, 100)}};
    QCOMPARE(countCrossings(r), 0);
}

void tst_LayeredLayout::cyclicAndInvalidInput_data()
{
    QTest::addColumn<TestGraph>("graph");
    QTest::addColumn<QVector<bool>>("routed"); // which edges get a route

    const QVector<QSizeF> three(3, QSizeF(40, 20));
    QTest::newRow("two-cycle") << TestGraph{three, {{0, 1}, {1, 0}}} << QVector<bool>{true, true};
    QTest::newRow("triangle") << TestGraph{three, {{0, 1}, {1, 2}, {2, 0}}}
                              << QVector<bool>{true, true, true};
    QTest::newRow("self-loops") << TestGraph{three, {{0, 0}, {0, 1}, {1, 1}}}
                                << QVector<bool>{false, true, false};
    QTest::newRow("duplicates") << TestGraph{three, {{0, 1}, {0, 1}, {1, 2}, {0, 1}}}
                                << QVector<bool>{true, true, true, true};
    QTest::newRow("out of range")
        << TestGraph{three, {{-1, 0}, {0, 3}, {INT_MAX, 1}, {1, INT_MIN}, {0, 2}}}
        << QVector<bool>{false, false, false, false, true};
    QTest::newRow("input into cycle")
        << TestGraph{QVector<QSizeF>(4, QSizeF(40, 20)), {{0, 1}, {1, 2}, {2, 3}, {3, 1}}}
        << QVector<bool>{true, true, true, true};

    TestGraph complete{QVector<QSizeF>(6, QSizeF(40, 20)), {}};
    QVector<bool> all;
    for (int a = 0; a < 6; ++a) {
        for (int b = 0; b < 6; ++b) {
            complete.edges.append({a, b});
            all.append(a != b);
        }
    }
    QTest::newRow("complete digraph with loops") << complete << all;

    const TestGraph random = randomCyclic(9, 40, 100);
    QVector<bool> randomRouted;
    for (const auto &[a, b] : random.edges)
        randomRouted.append(a != b);
    QTest::newRow("random cyclic") << random << randomRouted;

    QTest::newRow("bad sizes") << TestGraph{{QSizeF(-5, 10), QSizeF(qQNaN(), qInf()), QSizeF()},
                                            {{0, 1}, {1, 2}}}
                               << QVector<bool>{true, true};
}

void tst_LayeredLayout::cyclicAndInvalidInput()
{
    QFETCH(TestGraph, graph);
    QFETCH(QVector<bool>, routed);

    const LayeredLayoutResult r = computeLayeredLayout(graph.sizes, graph.edges);
    QCOMPARE(r.positions.size(), graph.sizes.size());
    QCOMPARE(r.edgeRoutes.size(), graph.edges.size());
    QVERIFY(allFinite(r));
    for (int e = 0; e < graph.edges.size(); ++e) {
        QCOMPARE(!r.edgeRoutes[e].isEmpty(), routed[e]);
        if (routed[e]) {
            // Every laid-out edge spans at least one rank, in one direction or the other.
            const auto [a, b] = graph.edges[e];
            QVERIFY(r.ranks[a] != r.ranks[b]);
        }
    }
    QVector<QSizeF> sane = graph.sizes;
    for (QSizeF &s : sane) {
        if (!std::isfinite(s.width()) || s.width() < 0)
            s.setWidth(0);
        if (!std::isfinite(s.height()) || s.height() < 0)
            s.setHeight(0);
    }
    const QString violation = spacingViolation(r, sane, LayoutOptions{});
    QVERIFY2(violation.isEmpty(), qPrintable(violation));
}

void tst_LayeredLayout::leftRightSwapsAxes()
{
    const TestGraph g = randomDag(21, 50, 80);
    QVector<QSizeF> transposed;
    for (const QSizeF &s : g.sizes)
        transposed.append(s.transposed());

    LayoutOptions leftRight;
    leftRight.direction = LayoutDirection::LeftRight;
    const LayeredLayoutResult td = computeLayeredLayout(g.sizes, g.edges);
    const LayeredLayoutResult lr = computeLayeredLayout(transposed, g.edges, leftRight);
    QCOMPARE(lr.ranks, td.ranks);
    for (int v = 0; v < g.sizes.size(); ++v)
        QCOMPARE(lr.positions[v], td.positions[v].transposed());
    for (int e = 0; e < g.edges.size(); ++e) {
        QCOMPARE(lr.edgeRoutes[e].size(), td.edgeRoutes[e].size());
        for (int i = 0; i < td.edgeRoutes[e].size(); ++i)
            QCOMPARE(lr.edgeRoutes[e][i], td.edgeRoutes[e][i].transposed());
    }
    QCOMPARE(countCrossings(lr), countCrossings(td));

    // Ranks advance along x: a wide node pushes the next rank right, not down.
    const QVector<QSizeF> sizes{QSizeF(300, 20), QSizeF(40, 20)};
    const QVector<QPointF> p = layeredLayout(sizes, EdgeList{{0, 1}}, leftRight);
    QCOMPARE(p[1].x(), 300 + leftRight.layerSpacing);
    QCOMPARE(p[0].y(), p[1].y());
}

void tst_LayeredLayout::componentsSideBySide()
{
    // Two chains and a lone node, listed interleaved.
    TestGraph g{QVector<QSizeF>(7, QSizeF(60, 30)), {{0, 2}, {2, 4}, {1, 3}, {3, 5}}};
    const LayoutOptions options;
    const LayeredLayoutResult r = computeLayeredLayout(g.sizes, g.edges, options);

    auto extent = [&](std::initializer_list<int> nodes) {
        QRectF box;
        for (int v : nodes)
            box = box.united(rectOf(r, g.sizes, v));
        return box;
    };
    const QRectF first = extent({0, 2, 4});
    const QRectF second = extent({1, 3, 5});
    const QRectF lone = extent({6});
    // Ordered by lowest index, left to right, all starting at the top.
    QVERIFY(first.right() + options.nodeSpacing <= second.left() + kEps);
    QVERIFY(second.right() + options.nodeSpacing <= lone.left() + kEps);
    QCOMPARE(first.top(), 0.0);
    QCOMPARE(second.top(), 0.0);
    QCOMPARE(lone.top(), 0.0);
    QCOMPARE(r.ranks, (QVector<int>{0, 0, 1, 1, 2, 2, 0}));
}

void tst_LayeredLayout::sideInputSitsNextToItsConsumer()
{
    // 0 -> 1 -> 2 -> 3 -> 4 and a second input 5 consumed by 4.
    TestGraph g = chain(5);
    addNode(g);
    g.edges.append({5, 4});
    const LayeredLayoutResult r = computeLayeredLayout(g.sizes, g.edges);
    QCOMPARE(r.ranks[4], 4);
    QCOMPARE(r.ranks[5], 3);
}

void tst_LayeredLayout::chainsAndLongEdgesRunStraight()
{
    // A chain 0 -> ... -> 10, a branch 0 -> 11 -> 10 that skips nine ranks and a late input
    // 12 -> 10. Bending the chain towards the branch would spread the pull evenly; it must
    // stay a straight column instead, and so must the long edge.
    TestGraph g = chain(11);
    const int branch = addNode(g);
    const int late = addNode(g);
    g.edges << EdgeList{{0, branch}, {branch, 10}, {late, 10}};
    const LayeredLayoutResult r = computeLayeredLayout(g.sizes, g.edges);

    const double column = centre(r, g.sizes, 1).x();
    for (int v = 2; v <= 9; ++v)
        QVERIFY2(std::abs(centre(r, g.sizes, v).x() - column) < kEps,
                 qPrintable(QString::number(v)));

    const QVector<QPointF> &longEdge = r.edgeRoutes[g.edges.indexOf({branch, 10})];
    QVERIFY(longEdge.size() > 10);
    // All but the last two points (the entry into the target's rank) are in one line.
    for (int i = 0; i + 2 < longEdge.size(); ++i)
        QVERIFY2(std::abs(longEdge[i].x() - longEdge[0].x()) < kEps,
                 qPrintable(QString::number(i)));
    QCOMPARE(countCrossings(r), 0);
}

void tst_LayeredLayout::longEdgesFromOneNodeShareARoute()
{
    // A chain 0 -> ... -> 6 and a side input 7 used by layers 2, 4 and 6.
    TestGraph g = chain(7);
    const int side = addNode(g);
    g.edges << EdgeList{{side, 2}, {side, 4}, {side, 6}};
    const LayeredLayoutResult r = computeLayeredLayout(g.sizes, g.edges);
    QCOMPARE(r.ranks[side], 1);

    const QVector<QPointF> &toFour = r.edgeRoutes[g.edges.indexOf({side, 4})];
    const QVector<QPointF> &toSix = r.edgeRoutes[g.edges.indexOf({side, 6})];
    QVERIFY(toSix.size() > toFour.size());
    // Above the rank of 4, the edge to 6 runs along the edge to 4; then they part.
    const double rankOfFour = rectOf(r, g.sizes, 4).top();
    int shared = 0;
    while (toFour[shared].y() < rankOfFour - kEps) {
        QCOMPARE(toSix[shared], toFour[shared]);
        ++shared;
    }
    QVERIFY(shared >= 4);
    QVERIFY(toSix[shared] != toFour[shared]);
    QCOMPARE(countCrossings(r), 0);
}

void tst_LayeredLayout::routesRunBetweenTheirNodes()
{
    const TestGraph g = inceptionChain(2) /* includes an edge spanning two ranks */;
    const LayeredLayoutResult r = computeLayeredLayout(g.sizes, g.edges);
    bool sawLongEdge = false;
    for (int e = 0; e < g.edges.size(); ++e) {
        const auto [from, to] = g.edges[e];
        const QVector<QPointF> &route = r.edgeRoutes[e];
        QVERIFY(route.size() >= 2);
        const QRectF a = rectOf(r, g.sizes, from);
        const QRectF b = rectOf(r, g.sizes, to);
        QCOMPARE(route.first(), QPointF(a.center().x(), a.bottom()));
        QCOMPARE(route.last(), QPointF(b.center().x(), b.top()));
        for (int i = 1; i < route.size(); ++i)
            QVERIFY(route[i].y() > route[i - 1].y());
        // No part of the route passes through a node (sampled along every segment).
        for (int v = 0; v < g.sizes.size(); ++v) {
            const QRectF inner = rectOf(r, g.sizes, v).adjusted(1, 1, -1, -1);
            for (int i = 1; i < route.size(); ++i) {
                for (int step = 0; step <= 16; ++step) {
                    const QPointF p = route[i - 1] + (route[i] - route[i - 1]) * (step / 16.0);
                    QVERIFY2(!inner.contains(p),
                             qPrintable(QStringLiteral("edge %1 crosses node %2").arg(e).arg(v)));
                }
            }
        }
        sawLongEdge = sawLongEdge || r.ranks[to] - r.ranks[from] > 1;
    }
    QVERIFY(sawLongEdge);

    // A back edge is routed from its source, up the ranks, to its target.
    const TestGraph cycle{QVector<QSizeF>(3, QSizeF(40, 20)), {{0, 1}, {1, 2}, {2, 0}}};
    const LayeredLayoutResult c = computeLayeredLayout(cycle.sizes, cycle.edges);
    const QVector<QPointF> &back = c.edgeRoutes[2];
    QCOMPARE(back.first(),
             QPointF(rectOf(c, cycle.sizes, 2).center().x(), rectOf(c, cycle.sizes, 2).top()));
    QCOMPARE(back.last(),
             QPointF(rectOf(c, cycle.sizes, 0).center().x(), rectOf(c, cycle.sizes, 0).bottom()));
}

void tst_LayeredLayout::deterministic()
{
    const TestGraph g = randomCyclic(31, 80, 160);
    const LayeredLayoutResult a = computeLayeredLayout(g.sizes, g.edges);
    const LayeredLayoutResult b = computeLayeredLayout(g.sizes, g.edges);
    QCOMPARE(a.positions, b.positions);
    QCOMPARE(a.ranks, b.ranks);
    QCOMPARE(a.edgeRoutes, b.edgeRoutes);
}

void tst_LayeredLayout::layoutStartsAtOrigin()
{
    const TestGraph g = randomDag(41, 40, 60);
    for (LayoutDirection direction : {LayoutDirection::TopDown, LayoutDirection::LeftRight}) {
        LayoutOptions options;
        options.direction = direction;
        const LayeredLayoutResult r = computeLayeredLayout(g.sizes, g.edges, options);
        double left = r.positions[0].x();
        double top = r.positions[0].y();
        for (const QPointF &p : r.positions) {
            left = std::min(left, p.x());
            top = std::min(top, p.y());
        }
        for (const auto &route : r.edgeRoutes) {
            for (const QPointF &p : route) {
                left = std::min(left, p.x());
                top = std::min(top, p.y());
            }
        }
        QCOMPARE(left, 0.0);
        QCOMPARE(top, 0.0);
    }
}

QTEST_GUILESS_MAIN(tst_LayeredLayout)
#include "tst_LayeredLayout.moc"
