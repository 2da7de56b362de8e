// Layered layout speed. Target: a graph of about 1,000 nodes laid out within 200 ms (a chain,
// stacked Inception blocks, DenseNet-style blocks of 12). Run:
// ./build/tests/bench_LayeredLayout -median 5 (Release). Never asserted. The untimed quality()
// rows print the crossing count of each graph.
#include "layout/LayeredLayout.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace naqsh;

namespace {

using EdgeList = QVector<QPair<int, int>>;

struct BenchGraph
{
    QVector<QSizeF> sizes;
    EdgeList edges;

    int add(QSizeF size)
    {
        sizes.append(size);
        return int(sizes.size()) - 1;
    }
};

BenchGraph chain(int n)
{
    BenchGraph g;
    for (int i = 0; i < n; ++i) {
        g.add(QSizeF(80 + 20 * (i % 4), 40));
        if (i > 0)
            g.edges.append({i - 1, i});
    }
    return g;
}

/// Stacked Inception blocks: source -> {1x1}, {1x1 -> 3x3}, {1x1 -> 5x5}, {pool -> 1x1} ->
/// concat, each concat feeding the next block (8 nodes per block).
BenchGraph inception(int nodes)
{
    BenchGraph g;
    int source = g.add(QSizeF(120, 40));
    while (g.sizes.size() + 8 <= nodes) {
        const int b1 = g.add(QSizeF(100, 40));
        const int b2 = g.add(QSizeF(100, 40));
        const int b2b = g.add(QSizeF(110, 40));
        const int b3 = g.add(QSizeF(100, 40));
        const int b3b = g.add(QSizeF(110, 40));
        const int b4 = g.add(QSizeF(80, 40));
        const int b4b = g.add(QSizeF(100, 40));
        const int concat = g.add(QSizeF(120, 30));
        g.edges << EdgeList{{source, b1},  {source, b2},  {source, b3}, {source, b4},
                            {b2, b2b},     {b3, b3b},     {b4, b4b},    {b1, concat},
                            {b2b, concat}, {b3b, concat}, {b4b, concat}};
        source = concat;
    }
    return g;
}

/// Dense blocks of blockSize nodes, each node fed by every earlier node of its block; the last
/// node of a block feeds the first of the next.
BenchGraph denseNet(int nodes, int blockSize)
{
    BenchGraph g;
    while (g.sizes.size() < nodes) {
        const int first = int(g.sizes.size());
        if (first > 0)
            g.edges.append({first - 1, first});
        for (int i = 0; i < blockSize && g.sizes.size() < nodes; ++i) {
            const int v = g.add(QSizeF(90 + 4 * i, 40));
            for (int u = first; u < v; ++u)
                g.edges.append({u, v});
        }
    }
    return g;
}

/// A chain where one extra node (say a time embedding) feeds every layer.
BenchGraph broadcast(int nodes)
{
    BenchGraph g = chain(nodes - 1);
    const int hub = g.add(QSizeF(140, 40));
    for (int v = 1; v < hub; ++v)
        g.edges.append({hub, v});
    return g;
}

/// Acyclic random graph with mostly short edges, like an imported model with side branches.
BenchGraph randomDag(int nodes, int extraEdges)
{
    QRandomGenerator random(2024);
    BenchGraph g;
    for (int i = 0; i < nodes; ++i) {
        g.add(QSizeF(60 + random.bounded(100), 30 + random.bounded(30)));
        if (i > 0)
            g.edges.append({i - 1 - random.bounded(std::min(i, 3)), i});
    }
    for (int e = 0; e < extraEdges; ++e) {
        const int a = random.bounded(nodes - 1);
        const int b = a + 1 + random.bounded(std::min(nodes - a - 1, 20));
        g.edges.append({a, b});
    }
    return g;
}

} // namespace

Q_DECLARE_METATYPE(BenchGraph)
Q_DECLARE_METATYPE(naqsh::LayoutDirection)

class bench_LayeredLayout : public QObject
{
    Q_OBJECT

private slots:
    void layout_data();
    void layout();
    void quality_data() { layout_data(); }
    void quality();
};

void bench_LayeredLayout::layout_data()
{
    QTest::addColumn<BenchGraph>("graph");
    QTest::addColumn<LayoutDirection>("direction");

    QTest::newRow("chain-1000") << chain(1000) << LayoutDirection::TopDown;
    QTest::newRow("inception-1001") << inception(1001) << LayoutDirection::TopDown;
    QTest::newRow("inception-1001-lr") << inception(1001) << LayoutDirection::LeftRight;
    QTest::newRow("densenet12-1000") << denseNet(1000, 12) << LayoutDirection::TopDown;
    QTest::newRow("broadcast-1000") << broadcast(1000) << LayoutDirection::TopDown;
    QTest::newRow("random-dag-1000") << randomDag(1000, 500) << LayoutDirection::TopDown;
}

void bench_LayeredLayout::layout()
{
    QFETCH(BenchGraph, graph);
    QFETCH(LayoutDirection, direction);
    LayoutOptions options;
    options.direction = direction;

    QBENCHMARK
    {
        const QVector<QPointF> positions = layeredLayout(graph.sizes, graph.edges, options);
        QCOMPARE(positions.size(), graph.sizes.size());
    }
}

void bench_LayeredLayout::quality()
{
    // Not timed: reports the size and crossing count of each benchmark graph.
    QFETCH(BenchGraph, graph);
    QFETCH(LayoutDirection, direction);
    LayoutOptions options;
    options.direction = direction;
    const LayeredLayoutResult r = computeLayeredLayout(graph.sizes, graph.edges, options);
    QCOMPARE(r.positions.size(), graph.sizes.size());
    qInfo("%lld nodes, %lld edges, %d crossings", qlonglong(graph.sizes.size()),
          qlonglong(graph.edges.size()), countCrossings(r));
}

QTEST_GUILESS_MAIN(bench_LayeredLayout)
#include "bench_LayeredLayout.moc"
