// Analysis speed. Targets (issue 2): a full analysis of 10,000 layers within 2 ms; an edit that
// changes no shape within 50 µs. Run: ./build/tests/bench_Analysis (Release). Never asserted.
#include "analysis/AnalysisEngine.h"
#include "analysis/Analyzer.h"
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"

#include <QtTest>

using namespace naqsh;

class bench_Analysis : public QObject
{
    Q_OBJECT
private slots:
    void fullChain10k();
    void editNoShapeChangeChain10k();
    void editShapeChangeChain10k();
    void fullInceptionDag1000Blocks();
    void editNoShapeChangeInception();

private:
    static void buildChain(GraphModel &m, int n, LayerId *middle);
    static void buildInception(GraphModel &m, int blocks, LayerId *middle);
};

static LayerId addConv(GraphModel &m, qint64 out, qint64 k)
{
    const LayerId id = m.addLayer(QStringLiteral("conv2d"), QStringLiteral("c"));
    m.setParam(id, QStringLiteral("out_channels"), out);
    m.setParam(id, QStringLiteral("kernel_h"), k);
    m.setParam(id, QStringLiteral("kernel_w"), k);
    m.setParam(id, QStringLiteral("padding"), QStringLiteral("same"));
    return id;
}

void bench_Analysis::buildChain(GraphModel &m, int n, LayerId *middle)
{
    LayerId prev = m.addLayer(QStringLiteral("input"), QStringLiteral("in"));
    m.setParam(prev, QStringLiteral("channels"), 64);
    m.setParam(prev, QStringLiteral("height"), 56);
    m.setParam(prev, QStringLiteral("width"), 56);
    for (int i = 1; i < n; ++i) {
        const LayerId id = (i % 3 == 1) ? addConv(m, 64, 3)
                                        : m.addLayer(i % 3 == 2 ? QStringLiteral("batchnorm2d")
                                                                : QStringLiteral("relu"),
                                                     QStringLiteral("l"));
        m.connectLayers(prev, id);
        if (i == n / 2 - (n / 2) % 3 + 1)
            *middle = id;
        prev = id;
    }
}

void bench_Analysis::buildInception(GraphModel &m, int blocks, LayerId *middle)
{
    LayerId prev = m.addLayer(QStringLiteral("input"), QStringLiteral("in"));
    m.setParam(prev, QStringLiteral("channels"), 192);
    m.setParam(prev, QStringLiteral("height"), 28);
    m.setParam(prev, QStringLiteral("width"), 28);
    for (int b = 0; b < blocks; ++b) {
        const LayerId b1 = addConv(m, 64, 1);
        const LayerId b2 = addConv(m, 96, 1), b2b = addConv(m, 128, 3);
        const LayerId b3 = addConv(m, 16, 1), b3b = addConv(m, 32, 5);
        const LayerId pool = m.addLayer(QStringLiteral("maxpool2d"), QStringLiteral("p"));
        m.setParam(pool, QStringLiteral("stride_h"), 1);
        m.setParam(pool, QStringLiteral("stride_w"), 1);
        m.setParam(pool, QStringLiteral("kernel_h"), 3);
        m.setParam(pool, QStringLiteral("kernel_w"), 3);
        m.setParam(pool, QStringLiteral("pad_h"), 1);
        m.setParam(pool, QStringLiteral("pad_w"), 1);
        const LayerId b4 = addConv(m, 32, 1);
        const LayerId cat = m.addLayer(QStringLiteral("concat"), QStringLiteral("cat"));
        const LayerId reduce = addConv(m, 192, 1); // back to 192 channels so blocks stack
        for (LayerId s : {b1, b2, b3, pool})
            m.connectLayers(prev, s);
        m.connectLayers(b2, b2b);
        m.connectLayers(b3, b3b);
        m.connectLayers(pool, b4);
        for (LayerId s : {b1, b2b, b3b, b4})
            m.connectLayers(s, cat);
        m.connectLayers(cat, reduce);
        if (b == blocks / 2)
            *middle = b3b;
        prev = reduce;
    }
}

void bench_Analysis::fullChain10k()
{
    GraphModel m(LayerRegistry::builtin());
    LayerId middle;
    buildChain(m, 10000, &middle);
    AnalysisEngine engine(LayerRegistry::builtin());
    QBENCHMARK
    {
        engine.analyzeAll(m.graph());
    }
    QCOMPARE(engine.result().errorCount, 0);
}

void bench_Analysis::editNoShapeChangeChain10k()
{
    GraphModel m(LayerRegistry::builtin());
    LayerId middle;
    buildChain(m, 10000, &middle);
    Analyzer a(&m);
    a.flush();
    bool bias = false;
    QBENCHMARK
    {
        m.setParam(middle, QStringLiteral("bias"), bias);
        bias = !bias;
        a.flush();
    }
}

void bench_Analysis::editShapeChangeChain10k()
{
    GraphModel m(LayerRegistry::builtin());
    LayerId middle;
    buildChain(m, 10000, &middle);
    Analyzer a(&m);
    a.flush();
    qint64 channels = 32;
    QBENCHMARK
    {
        m.setParam(middle, QStringLiteral("out_channels"), channels);
        channels = channels == 32 ? 64 : 32;
        a.flush();
    }
}

void bench_Analysis::fullInceptionDag1000Blocks()
{
    GraphModel m(LayerRegistry::builtin());
    LayerId middle;
    buildInception(m, 1000, &middle);
    AnalysisEngine engine(LayerRegistry::builtin());
    QBENCHMARK
    {
        engine.analyzeAll(m.graph());
    }
    QCOMPARE(engine.result().errorCount, 0);
}

void bench_Analysis::editNoShapeChangeInception()
{
    GraphModel m(LayerRegistry::builtin());
    LayerId middle;
    buildInception(m, 1000, &middle);
    Analyzer a(&m);
    a.flush();
    bool bias = false;
    QBENCHMARK
    {
        m.setParam(middle, QStringLiteral("bias"), bias);
        bias = !bias;
        a.flush();
    }
}

QTEST_GUILESS_MAIN(bench_Analysis)
#include "bench_Analysis.moc"
