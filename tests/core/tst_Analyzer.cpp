// The Analyzer: errors mark a layer and what depends on it; incremental updates equal a full
// analysis after any sequence of edits; work stops where shapes do not change; bursts coalesce.
#include "analysis/AnalysisEngine.h"
#include "analysis/Analyzer.h"
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

using namespace naqsh;

class tst_Analyzer : public QObject
{
    Q_OBJECT
private slots:
    void errorMarksDependentsOnly();
    void stopsWhereShapeIsUnchanged();
    void coalescesBursts();
    void peakActivationMemory();
    void overflowIsAnError();
    void cyclesInAFileAreErrors();
    void batchOverride();
    void missingInputs();
    void incrementalEqualsFull_data();
    void incrementalEqualsFull();
    void layersWithoutNumbers();
};

static LayerId add(GraphModel &m, const char *type, const char *name, QVariantMap params = {})
{
    const LayerId id = m.addLayer(QString::fromLatin1(type), QString::fromLatin1(name));
    for (auto it = params.begin(); it != params.end(); ++it) {
        QVariant v = it.value();
        if (v.typeId() == QMetaType::Int)
            v = QVariant(qint64(v.toInt()));
        QString why;
        if (!m.setParam(id, it.key(), v, &why))
            qFatal("%s", qPrintable(why));
    }
    return id;
}

void tst_Analyzer::errorMarksDependentsOnly()
{
    GraphModel m(LayerRegistry::builtin());
    Analyzer a(&m);
    const LayerId in = add(m, "input", "in", {{"channels", 3}, {"height", 5}, {"width", 5}});
    const LayerId conv = add(m, "conv2d", "big", {{"kernel_h", 7}, {"kernel_w", 7}});
    const LayerId relu = add(m, "relu", "after");
    const LayerId side = add(m, "relu", "side");
    QVERIFY(m.connectLayers(in, conv));
    QVERIFY(m.connectLayers(conv, relu));
    QVERIFY(m.connectLayers(in, side));
    a.flush();
    const AnalysisResult &r = a.result();
    QVERIFY(!r.layer(conv)->hasNumbers());
    QVERIFY2(
        r.layer(conv)->error.contains(QStringLiteral("kernel 7 is larger than the padded input 5")),
        qPrintable(r.layer(conv)->error));
    QVERIFY(!r.layer(relu)->hasNumbers());
    QCOMPARE(r.layer(relu)->errorSource, conv);
    QVERIFY(r.errorText(m.graph(), relu).contains(QStringLiteral("'big'")));
    QVERIFY(r.layer(side)->hasNumbers());
    QCOMPARE(r.layer(side)->output, TensorShape::nchw(1, 3, 5, 5));
    QCOMPARE(r.errorCount, 2);
    QCOMPARE(r.totals.comps.value(), qint64(75)); // only the side ReLU is counted
    // Fixing the kernel brings the numbers back downstream.
    QVERIFY(m.setParam(conv, QStringLiteral("kernel_h"), 3));
    QVERIFY(m.setParam(conv, QStringLiteral("kernel_w"), 3));
    a.flush();
    QVERIFY(a.result().layer(relu)->hasNumbers());
    QCOMPARE(a.result().layer(relu)->output, TensorShape::nchw(1, 32, 3, 3));
    QCOMPARE(a.result().errorCount, 0);
}

void tst_Analyzer::stopsWhereShapeIsUnchanged()
{
    GraphModel m(LayerRegistry::builtin());
    Analyzer a(&m);
    const LayerId in = add(m, "input", "in");
    const LayerId conv = add(m, "conv2d", "conv");
    const LayerId r1 = add(m, "relu", "r1");
    const LayerId r2 = add(m, "relu", "r2");
    QVERIFY(m.connectLayers(in, conv));
    QVERIFY(m.connectLayers(conv, r1));
    QVERIFY(m.connectLayers(r1, r2));
    a.flush();
    QSignalSpy spy(&a, &Analyzer::analysisUpdated);
    QVERIFY(m.setParam(conv, QStringLiteral("bias"), false)); // costs change, shape does not
    a.flush();
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<QVector<LayerId>>(), QVector<LayerId>{conv});
    QVERIFY(m.setParam(conv, QStringLiteral("out_channels"), 8)); // shape changes downstream
    a.flush();
    QCOMPARE(spy.size(), 2);
    QCOMPARE(spy.at(1).at(0).value<QVector<LayerId>>(), (QVector<LayerId>{conv, r1, r2}));
    QCOMPARE(a.result().layer(r2)->output.c(), qint64(8));
}

void tst_Analyzer::coalescesBursts()
{
    GraphModel m(LayerRegistry::builtin());
    Analyzer a(&m);
    const LayerId in = add(m, "input", "in");
    const LayerId conv = add(m, "conv2d", "conv");
    QVERIFY(m.connectLayers(in, conv));
    a.flush();
    QSignalSpy spy(&a, &Analyzer::analysisUpdated);
    for (int k = 1; k <= 7; k += 2)
        QVERIFY(m.setParam(conv, QStringLiteral("kernel_h"), k));
    QCOMPARE(spy.size(), 0); // nothing until the event loop runs
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(a.result().layer(conv)->output.h(), qint64(224 - 7 + 1));
}

void tst_Analyzer::peakActivationMemory()
{
    // The lesson graph. Schedule: input, 5×5, 1×1, 5×5 after 1×1, concat, output.
    // Live sets: {in}, {in,5×5}, {in,5×5,1×1} = 150,528 + 25,088 + 12,544 = 188,160 (the peak),
    // then the input is freed.
    GraphModel m(LayerRegistry::builtin());
    Analyzer a(&m);
    const LayerId in = add(m, "input", "in", {{"channels", 192}, {"height", 28}, {"width", 28}});
    const LayerId plain =
        add(m, "conv2d", "c5",
            {{"out_channels", 32}, {"kernel_h", 5}, {"kernel_w", 5}, {"padding", "same"}});
    const LayerId red =
        add(m, "conv2d", "c1", {{"out_channels", 16}, {"kernel_h", 1}, {"kernel_w", 1}});
    const LayerId red5 =
        add(m, "conv2d", "c15",
            {{"out_channels", 32}, {"kernel_h", 5}, {"kernel_w", 5}, {"padding", "same"}});
    const LayerId cat = add(m, "concat", "cat");
    QVERIFY(m.connectLayers(in, plain));
    QVERIFY(m.connectLayers(in, red));
    QVERIFY(m.connectLayers(red, red5));
    QVERIFY(m.connectLayers(plain, cat));
    QVERIFY(m.connectLayers(red5, cat));
    a.flush();
    QCOMPARE(a.result().peakActivations.value(), qint64(150528 + 25088 + 12544));
    QCOMPARE(a.result().totals.activations.value(), qint64(150528 + 25088 + 12544 + 25088 + 50176));
    QVERIFY(a.result().peakActivations.value() <= a.result().totals.activations.value());
}

void tst_Analyzer::overflowIsAnError()
{
    GraphModel m(LayerRegistry::builtin());
    Analyzer a(&m);
    const LayerId in =
        add(m, "input", "huge",
            {{"batch", 1000000}, {"channels", 1000000}, {"height", 1000000}, {"width", 1000000}});
    a.flush();
    QVERIFY(!a.result().layer(in)->hasNumbers());
    QVERIFY2(a.result().layer(in)->error.contains(QStringLiteral("64 bits")),
             qPrintable(a.result().layer(in)->error));
    QVERIFY(!a.result().totals.overflowed());
}

void tst_Analyzer::cyclesInAFileAreErrors()
{
    // GraphModel refuses cycles, but a Graph built elsewhere may hold one; analysis must survive.
    Graph g;
    Layer l;
    l.type = QStringLiteral("input");
    l.name = QStringLiteral("in");
    l.params = LayerRegistry::builtin().find(l.type)->defaultParams();
    const LayerId in = g.addLayer(l);
    l.type = QStringLiteral("add");
    l.params = ParamValues();
    l.name = QStringLiteral("a");
    const LayerId x = g.addLayer(l);
    l.name = QStringLiteral("b");
    const LayerId y = g.addLayer(l);
    g.insertConnection({in, x, 0});
    g.insertConnection({x, y, 0});
    g.insertConnection({y, x, 1});
    const AnalysisResult r = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QVERIFY(r.layer(in)->hasNumbers());
    QVERIFY(r.layer(x)->error.contains(QStringLiteral("cycle")));
    QVERIFY(r.layer(y)->error.contains(QStringLiteral("cycle")));
    QCOMPARE(r.order, QVector<LayerId>{in});
}

void tst_Analyzer::batchOverride()
{
    GraphModel m(LayerRegistry::builtin());
    Analyzer a(&m);
    const LayerId in = add(m, "input", "in", {{"channels", 192}, {"height", 28}, {"width", 28}});
    const LayerId c =
        add(m, "conv2d", "c1",
            {{"out_channels", 16}, {"kernel_h", 1}, {"kernel_w", 1}, {"bias", false}});
    QVERIFY(m.connectLayers(in, c));
    a.setContext(RuleContext{8});
    QCOMPARE(a.result().layer(c)->costs.macs.value(), qint64(8) * 2408448);
    QCOMPARE(a.result().layer(c)->costs.params().value(),
             qint64(3072)); // params do not grow with N
}

void tst_Analyzer::missingInputs()
{
    GraphModel m(LayerRegistry::builtin());
    Analyzer a(&m);
    const LayerId conv = add(m, "conv2d", "lonely");
    const LayerId cat = add(m, "concat", "cat");
    a.flush();
    QVERIFY(a.result().layer(conv)->error.contains(QStringLiteral("no input")));
    QVERIFY(a.result().layer(cat)->error.contains(QStringLiteral("at least 1 input")));
}

void tst_Analyzer::incrementalEqualsFull_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 s : {1u, 7u, 42u, 1234u, 99991u})
        QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(s))) << s;
}

static void compareResults(const AnalysisResult &inc, const AnalysisResult &full, const Graph &g,
                           int step)
{
    const QString where = QStringLiteral("step %1").arg(step);
    QCOMPARE(inc.layerCount(), full.layerCount());
    for (LayerId id : g.layerIds()) {
        const LayerResult *a = inc.layer(id), *b = full.layer(id);
        QVERIFY2(a && b, qPrintable(where));
        QVERIFY2(a->sameOutcome(*b),
                 qPrintable(where + QStringLiteral(" layer %1: %2 / %3 vs %4 / %5")
                                        .arg(id.value)
                                        .arg(a->output.toString(), a->error, b->output.toString(),
                                             b->error)));
        QCOMPARE(a->costs.macs.value(), b->costs.macs.value());
        QCOMPARE(a->costs.params().value(), b->costs.params().value());
        QCOMPARE(a->costs.activations.value(), b->costs.activations.value());
        QCOMPARE(a->costs.otherOps().value(), b->costs.otherOps().value());
    }
    QCOMPARE(inc.totals.macs.value(), full.totals.macs.value());
    QCOMPARE(inc.totals.params().value(), full.totals.params().value());
    QCOMPARE(inc.totals.buffers.value(), full.totals.buffers.value());
    QCOMPARE(inc.totals.otherOps().value(), full.totals.otherOps().value());
    QCOMPARE(inc.totals.biasAdds.value(), full.totals.biasAdds.value());
    QCOMPARE(inc.totals.activations.value(), full.totals.activations.value());
    QCOMPARE(inc.peakActivations.value(), full.peakActivations.value());
    QCOMPARE(inc.errorCount, full.errorCount);
    QCOMPARE(inc.unknownCostCount, full.unknownCostCount);
    QCOMPARE(inc.order, full.order);
}

void tst_Analyzer::incrementalEqualsFull()
{
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    GraphModel m(LayerRegistry::builtin());
    Analyzer a(&m);
    const QStringList types = {"conv2d",   "relu",     "maxpool2d",        "batchnorm2d",
                               "concat",   "add",      "conv_transpose2d", "global_avgpool",
                               "flatten",  "linear",   "upsample",         "zeropad2d",
                               "identity", "avgpool2d"};
    add(m, "input", "in0", {{"channels", 8}, {"height", 16}, {"width", 16}});
    add(m, "input", "in1", {{"channels", 8}, {"height", 16}, {"width", 16}});
    auto randomLayer = [&]() {
        const QVector<LayerId> ids = m.graph().layerIds();
        return ids[rng.bounded(int(ids.size()))];
    };
    for (int step = 0; step < 400; ++step) {
        const int op = rng.bounded(100);
        if (op < 25 || m.graph().size() < 4) {
            const LayerId id = m.addLayer(types[rng.bounded(int(types.size()))]);
            const LayerId from = randomLayer();
            m.connectLayers(from, id); // may be refused; fine
        } else if (op < 45) {
            m.connectLayers(randomLayer(), randomLayer());
        } else if (op < 55) {
            const QVector<Connection> cs = m.graph().connections();
            if (!cs.isEmpty())
                QVERIFY(m.disconnect(cs[rng.bounded(int(cs.size()))]));
        } else if (op < 90) {
            const LayerId id = randomLayer();
            const Layer *l = m.graph().layer(id);
            const LayerType *t = m.registry().find(l->type);
            if (!t->params.isEmpty()) {
                const ParamSpec &p = t->params[rng.bounded(int(t->params.size()))];
                QVariant v;
                switch (p.kind) {
                case ParamKind::Int:
                    v = QVariant(
                        qint64(1 + rng.bounded(p.key.startsWith(QLatin1String("pad")) ? 3 : 6)));
                    if (p.key == QLatin1String("batch") || p.key == QLatin1String("height") ||
                        p.key == QLatin1String("width"))
                        v = QVariant(qint64(4 + rng.bounded(20)));
                    break;
                case ParamKind::Real:
                    v = QVariant(p.minimum +
                                 (std::min(p.maximum, 4.0) - p.minimum) * rng.generateDouble());
                    break;
                case ParamKind::Bool:
                    v = QVariant(rng.bounded(2) == 1);
                    break;
                case ParamKind::Choice:
                    v = QVariant(int(rng.bounded(int(p.choices.size()))));
                    break;
                default: // text parameters
                    v = QVariant(QStringLiteral("text"));
                    break;
                }
                m.setParam(id, p.key, v);
            }
        } else if (op < 95) {
            const LayerId id = randomLayer();
            if (m.graph().layer(id)->type != QLatin1String("input"))
                m.removeLayer(id);
        } else {
            // What undo of a removal does: the layer comes back at its old slot, then its edges.
            const LayerId id = randomLayer();
            const Layer copy = *m.graph().layer(id);
            const int slot = m.graph().slotOf(id);
            QVector<Connection> edges;
            for (const Connection &c : m.graph().connections())
                if (c.from == id || c.to == id)
                    edges.append(c);
            m.removeLayer(id);
            QVERIFY(m.insertLayer(copy, slot));
            QCOMPARE(m.graph().slotOf(id), slot);
            for (const Connection &c : edges)
                m.connectLayers(c.from, c.to, c.slot);
        }
        if (rng.bounded(3) == 0 || step == 399) {
            a.flush();
            const AnalysisResult full = AnalysisEngine::analyze(m.graph(), m.registry());
            compareResults(a.result(), full, m.graph(), step);
            if (QTest::currentTestFailed())
                return;
        }
    }
}

void tst_Analyzer::layersWithoutNumbers()
{
    // in -> conv -> op1 (opaque, same shape: numbers but unknown cost) -> relu1
    //    -> op2 (opaque, unknown shape) -> relu2 -> relu3; the side branch keeps its numbers.
    GraphModel m(LayerRegistry::builtin());
    Analyzer a(&m);
    const LayerId in = add(m, "input", "in", {{"channels", 3}, {"height", 8}, {"width", 8}});
    const LayerId conv = add(m, "conv2d", "conv");
    const LayerId op1 = add(m, "opaque", "op1", {{"shape", 0}});
    const LayerId relu1 = add(m, "relu", "relu1");
    const LayerId op2 = add(m, "opaque", "op2", {{"shape", 2}});
    const LayerId relu2 = add(m, "relu", "relu2");
    const LayerId relu3 = add(m, "relu", "relu3");
    const LayerId side = add(m, "relu", "side");
    QVERIFY(m.connectLayers(in, conv));
    QVERIFY(m.connectLayers(conv, op1));
    QVERIFY(m.connectLayers(op1, relu1));
    QVERIFY(m.connectLayers(relu1, op2));
    QVERIFY(m.connectLayers(op2, relu2));
    QVERIFY(m.connectLayers(relu2, relu3));
    QVERIFY(m.connectLayers(in, side));
    a.flush();
    const AnalysisResult &r = a.result();
    QVERIFY(r.layer(op1)->hasNumbers());
    QCOMPARE(r.unknownCostCount, 1); // op1
    QCOMPARE(r.errorCount, 3);       // op2 and the two layers after it
    QCOMPARE(r.layersWithoutNumbers(), 4);
    QCOMPARE(r.firstLayerWithoutNumbers(), op1);
    QCOMPARE(AnalysisEngine::analyze(m.graph(), LayerRegistry::builtin()).layersWithoutNumbers(),
             4);

    // Giving op2 a shape (as a user does in the inspector) brings the two layers after it back.
    QVERIFY(m.setParam(op2, QStringLiteral("shape"), 1));
    QVERIFY(m.setParam(op2, QStringLiteral("rank"), qint64(2)));
    QVERIFY(m.setParam(op2, QStringLiteral("dim1"), qint64(10)));
    a.flush();
    QVERIFY(a.result().layer(relu3)->hasNumbers());
    QCOMPARE(a.result().layer(relu3)->output, TensorShape::nf(1, 10));
    QCOMPARE(a.result().layersWithoutNumbers(), 2); // op1 and op2: their cost is unknown
    QCOMPARE(a.result().firstLayerWithoutNumbers(), op1);

    // Removing the opaque layers' cost from the chain: nothing left out.
    m.removeLayer(op1);
    m.removeLayer(op2);
    a.flush();
    // relu1 and relu2 lost their inputs; relu3 follows relu2.
    QCOMPARE(a.result().layersWithoutNumbers(), 3);
    QVERIFY(!a.result().layer(relu1)->error.isEmpty());
    QCOMPARE(a.result().firstLayerWithoutNumbers(), relu1);
    QVERIFY(m.connectLayers(conv, relu1));
    QVERIFY(m.connectLayers(relu1, relu2));
    a.flush();
    QCOMPARE(a.result().layersWithoutNumbers(), 0);
    QVERIFY(!a.result().firstLayerWithoutNumbers().isValid());
}

QTEST_GUILESS_MAIN(tst_Analyzer)
#include "tst_Analyzer.moc"
