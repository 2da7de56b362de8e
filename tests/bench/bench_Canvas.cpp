// Canvas speed on a 1,000-layer graph (a chain of conv/bn/relu blocks with two-branch blocks)
// in a 1400×900 offscreen view. Targets: <= 16 ms for (1) a parameter edit in the middle,
// analysed, processed by the scene and the visible part rendered, and (2) a full repaint at
// zoom-to-fit. Run (Release):
//   QT_QPA_PLATFORM=offscreen ./build/tests/bench_Canvas -median 9
//   QT_QPA_PLATFORM=offscreen ./build/tests/bench_Canvas -perf -perfcounter task-clock -median 9
// The second form counts CPU time only, which stays meaningful on a machine busy with other
// work. Timings are reported, never asserted.
#include "../ui/GeneratedGraph.h"

#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "analysis/Analyzer.h"
#include "canvas/GraphScene.h"
#include "canvas/GraphView.h"
#include "canvas/NodeItem.h"
#include "commands/GraphCommands.h"

#include <QUndoStack>
#include <QtTest>
#include <ctime>

using namespace naqsh;

class bench_Canvas : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void paramEdit_data();
    void paramEdit();
    void repaint_data();
    void repaint();

private:
    void render();
    LayerId middleConv() const;

    std::unique_ptr<Document> m_doc;
    LayerSelection *m_selection = nullptr;
    DisplayContext *m_display = nullptr;
    GraphScene *m_scene = nullptr;
    GraphView *m_view = nullptr;
    QImage m_image;
};

void bench_Canvas::initTestCase()
{
    m_doc = std::make_unique<Document>(LayerRegistry::builtin());
    m_selection = new LayerSelection(m_doc.get());
    m_display = new DisplayContext(m_doc.get());
    m_scene = new GraphScene(m_doc.get(), m_selection, m_display);
    const QSizeF nodeSize(m_scene->style().nodeWidth, m_scene->style().nodeHeight);
    const Graph graph = test::generatedGraph(1000, nodeSize);
    QElapsedTimer timer;
    timer.start();
    m_doc->setGraph(graph);
    qInfo("load 1,000 layers (analysis and scene): %lld ms", timer.elapsed());
    QCOMPARE(m_scene->nodeCount(), 1000);
    m_view = new GraphView(m_scene);
    m_view->resize(1400, 900);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_image = QImage(m_view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    timer.restart();
    m_view->zoomToFit();
    render();
    qInfo("first render at zoom-to-fit (%.3f), cold caches: %lld ms", m_view->zoom(),
          timer.elapsed());
}

void bench_Canvas::cleanupTestCase()
{
    delete m_view;
    delete m_scene;
    m_doc.reset();
}

void bench_Canvas::render()
{
    m_view->viewport()->render(&m_image);
}

LayerId bench_Canvas::middleConv() const
{
    // A convolution in the middle of the chain whose consumer is a batch norm (a plain block).
    const Graph &g = m_doc->model()->graph();
    for (int i = g.size() / 2; i < g.size(); ++i) {
        const Layer &l = g.layerAt(i);
        if (l.type == QStringLiteral("conv2d") && l.consumers.size() == 1 &&
            g.layer(l.consumers.first())->type == QStringLiteral("batchnorm2d"))
            return l.id;
    }
    return {};
}

void bench_Canvas::paramEdit_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("a");
    QTest::addColumn<int>("b");
    // The kernel changes costs only; the filter count also changes the output shape, so the
    // next layers are analysed and redrawn too.
    QTest::newRow("kernel 3 <-> 5") << QStringLiteral("kernel_h") << 3 << 5;
    QTest::newRow("filters 64 <-> 96") << QStringLiteral("out_channels") << 64 << 96;
}

void bench_Canvas::paramEdit()
{
    QFETCH(QString, key);
    QFETCH(int, a);
    QFETCH(int, b);
    const LayerId id = middleConv();
    QVERIFY(id.isValid());
    m_view->resetZoom();
    m_view->centerOn(m_scene->nodeItem(id));
    render();
    QCoreApplication::processEvents();
    bool flip = false;
    QBENCHMARK
    {
        flip = !flip;
        m_doc->undoStack()->push(
            new SetLayerParamCommand(m_doc->model(), id, {{key, flip ? b : a}}));
        m_doc->analyzer()->flush();
        QCoreApplication::processEvents();
        render();
    }
    // Where the time goes, as CPU time of this thread (untimed by QBENCHMARK; for the report).
    auto cpu = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    };
    qint64 phases[4] = {0, 0, 0, 0};
    const int rounds = 20;
    for (int i = 0; i < rounds; ++i) {
        flip = !flip;
        qint64 t = cpu();
        m_doc->undoStack()->push(
            new SetLayerParamCommand(m_doc->model(), id, {{key, flip ? b : a}}));
        phases[0] += cpu() - t;
        t = cpu();
        m_doc->analyzer()->flush();
        phases[1] += cpu() - t;
        t = cpu();
        QCoreApplication::processEvents();
        phases[2] += cpu() - t;
        t = cpu();
        render();
        phases[3] += cpu() - t;
    }
    qInfo("CPU per edit: push %.2f ms, analysis + node refresh %.2f ms, processEvents (scene "
          "update and "
          "widget repaint) %.2f ms, render %.2f ms",
          phases[0] / 1e6 / rounds, phases[1] / 1e6 / rounds, phases[2] / 1e6 / rounds,
          phases[3] / 1e6 / rounds);
    QVERIFY(m_scene->nodeItem(id)->labelText().contains(QStringLiteral("64")) ||
            m_scene->nodeItem(id)->labelText().contains(QStringLiteral("96")));
}

void bench_Canvas::repaint_data()
{
    QTest::addColumn<double>("zoom");
    QTest::newRow("zoom to fit") << 0.0;
    QTest::newRow("40%") << 0.4;
    QTest::newRow("100%") << 1.0;
}

void bench_Canvas::repaint()
{
    QFETCH(double, zoom);
    if (zoom == 0.0)
        m_view->zoomToFit();
    else
        m_view->setZoom(zoom);
    render();
    QBENCHMARK
    {
        render();
    }
}

QTEST_MAIN(bench_Canvas)
#include "bench_Canvas.moc"
