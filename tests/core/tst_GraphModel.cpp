// GraphModel: the only writer. Signals fire once per fact; refusals explain themselves and leave
// the graph unchanged.
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"

#include <QSignalSpy>
#include <QtTest>

using namespace naqsh;

class tst_GraphModel : public QObject
{
    Q_OBJECT
private slots:
    void addAndRemoveEmitSignals();
    void connectAndFanOut();
    void refusesCycles();
    void refusesOutputToOutput();
    void refusesFullPort();
    void refusesSelfLoopAndSinks();
    void concatKeepsInputOrder();
    void setParamValidates_data();
    void setParamValidates();
    void renameAndMove();
    void insertRestoresExactly();
    void uniqueNames();
};

void tst_GraphModel::addAndRemoveEmitSignals()
{
    GraphModel m(LayerRegistry::builtin());
    QSignalSpy added(&m, &GraphModel::layerAdded);
    QSignalSpy removed(&m, &GraphModel::layerRemoved);
    QSignalSpy disconnected(&m, &GraphModel::disconnected);
    const LayerId a = m.addLayer(QStringLiteral("input"));
    const LayerId b = m.addLayer(QStringLiteral("conv2d"));
    const LayerId c = m.addLayer(QStringLiteral("relu"));
    QCOMPARE(added.size(), 3);
    QVERIFY(m.connectLayers(a, b));
    QVERIFY(m.connectLayers(b, c));
    QVERIFY(m.removeLayer(b));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(disconnected.size(), 2); // both edges of b, each announced before the removal
    QCOMPARE(m.graph().size(), 2);
    QVERIFY(m.graph().layer(a)->consumers.isEmpty());
    QVERIFY(m.graph().layer(c)->inputs.isEmpty());
    QString why;
    QVERIFY(!m.addLayer(QStringLiteral("no_such_layer"), {}, {}, {}, {}, &why).isValid());
    QVERIFY(why.contains(QStringLiteral("no_such_layer")));
    QCOMPARE(added.size(), 3);
}

void tst_GraphModel::connectAndFanOut()
{
    GraphModel m(LayerRegistry::builtin());
    QSignalSpy connected(&m, &GraphModel::connected);
    const LayerId in = m.addLayer(QStringLiteral("input"));
    const LayerId a = m.addLayer(QStringLiteral("conv2d"));
    const LayerId b = m.addLayer(QStringLiteral("conv2d"));
    QVERIFY(m.connectLayers(in, a));
    QVERIFY(m.connectLayers(in, b));
    QCOMPARE(connected.size(), 2);
    QCOMPARE(m.graph().layer(in)->consumers.size(), 2);
    const Connection c = connected.at(1).at(0).value<Connection>();
    QCOMPARE(c.from, in);
    QCOMPARE(c.to, b);
    QCOMPARE(c.slot, 0);
}

void tst_GraphModel::refusesCycles()
{
    GraphModel m(LayerRegistry::builtin());
    const LayerId a = m.addLayer(QStringLiteral("relu"), QStringLiteral("a"));
    const LayerId b = m.addLayer(QStringLiteral("add"), QStringLiteral("b"));
    const LayerId c = m.addLayer(QStringLiteral("relu"), QStringLiteral("c"));
    QVERIFY(m.connectLayers(a, b));
    QVERIFY(m.connectLayers(b, c));
    QSignalSpy connected(&m, &GraphModel::connected);
    QString why;
    QVERIFY(!m.connectLayers(c, b, -1, &why));
    QVERIFY2(why.contains(QStringLiteral("cycle")), qPrintable(why));
    QVERIFY(why.contains(QStringLiteral("'c'")) && why.contains(QStringLiteral("'b'")));
    QCOMPARE(connected.size(), 0);
    QCOMPARE(m.graph().layer(b)->inputs.size(), 1);
}

void tst_GraphModel::refusesOutputToOutput()
{
    GraphModel m(LayerRegistry::builtin());
    const LayerId a = m.addLayer(QStringLiteral("relu"));
    const LayerId b = m.addLayer(QStringLiteral("relu"));
    QString why;
    QVERIFY(!m.canConnect({a, PortRef::Side::Output}, {b, PortRef::Side::Output}, &why));
    QVERIFY2(why.contains(QStringLiteral("output to an output")), qPrintable(why));
    QVERIFY(!m.canConnect({a, PortRef::Side::Input}, {b, PortRef::Side::Input}, &why));
    QVERIFY(why.contains(QStringLiteral("input to an input")));
    // Either order of an output and an input is fine.
    QVERIFY(m.canConnect({b, PortRef::Side::Input}, {a, PortRef::Side::Output}, &why));
}

void tst_GraphModel::refusesFullPort()
{
    GraphModel m(LayerRegistry::builtin());
    const LayerId a = m.addLayer(QStringLiteral("input"));
    const LayerId b = m.addLayer(QStringLiteral("input"));
    const LayerId conv = m.addLayer(QStringLiteral("conv2d"), QStringLiteral("conv"));
    QVERIFY(m.connectLayers(a, conv));
    QString why;
    QVERIFY(!m.connectLayers(b, conv, -1, &why));
    QVERIFY2(why.contains(QStringLiteral("already connected")), qPrintable(why));
    QCOMPARE(m.graph().layer(conv)->inputs, QVector<LayerId>{a});
}

void tst_GraphModel::refusesSelfLoopAndSinks()
{
    GraphModel m(LayerRegistry::builtin());
    const LayerId a = m.addLayer(QStringLiteral("add"));
    const LayerId out = m.addLayer(QStringLiteral("output"));
    const LayerId in = m.addLayer(QStringLiteral("input"));
    QString why;
    QVERIFY(!m.connectLayers(a, a, -1, &why));
    QVERIFY(!why.isEmpty());
    QVERIFY(!m.connectLayers(out, a, -1, &why));
    QVERIFY2(why.contains(QStringLiteral("no output")), qPrintable(why));
    QVERIFY(!m.connectLayers(a, in, -1, &why));
    QVERIFY2(why.contains(QStringLiteral("takes no input")), qPrintable(why));
}

void tst_GraphModel::concatKeepsInputOrder()
{
    GraphModel m(LayerRegistry::builtin());
    const LayerId a = m.addLayer(QStringLiteral("input"));
    const LayerId b = m.addLayer(QStringLiteral("input"));
    const LayerId c = m.addLayer(QStringLiteral("input"));
    const LayerId cat = m.addLayer(QStringLiteral("concat"));
    QVERIFY(m.connectLayers(a, cat));
    QVERIFY(m.connectLayers(c, cat));
    QVERIFY(m.connectLayers(b, cat, 1)); // insert in the middle
    QCOMPARE(m.graph().layer(cat)->inputs, (QVector<LayerId>{a, b, c}));
    QVERIFY(m.disconnect({b, cat, 1}));
    QCOMPARE(m.graph().layer(cat)->inputs, (QVector<LayerId>{a, c}));
    QVERIFY(!m.disconnect({b, cat, 1})); // not there any more
}

void tst_GraphModel::setParamValidates_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("error"); // empty = accepted
    QTest::newRow("ok") << "kernel_h" << QVariant(5) << "";
    QTest::newRow("zero stride") << "stride_h" << QVariant(0)
                                 << "Stride height must be between 1 and 1024, not 0";
    QTest::newRow("negative channels")
        << "out_channels" << QVariant(-3) << "must be between 1 and 1000000";
    QTest::newRow("absurd channels")
        << "out_channels" << QVariant(qint64(5'000'000'000)) << "must be between";
    QTest::newRow("fraction") << "kernel_h" << QVariant(2.5) << "whole number";
    QTest::newRow("text") << "kernel_h" << QVariant(QStringLiteral("big")) << "whole number";
    QTest::newRow("choice by key") << "padding" << QVariant(QStringLiteral("same")) << "";
    QTest::newRow("bad choice") << "padding" << QVariant(QStringLiteral("full"))
                                << "must be one of explicit, same, valid";
    QTest::newRow("bool") << "bias" << QVariant(false) << "";
    QTest::newRow("bool as number") << "bias" << QVariant(1) << "true or false";
    QTest::newRow("unknown key") << "colour" << QVariant(1) << "has no parameter \"colour\"";
}

void tst_GraphModel::setParamValidates()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    QFETCH(QString, error);
    GraphModel m(LayerRegistry::builtin());
    const LayerId conv = m.addLayer(QStringLiteral("conv2d"), QStringLiteral("conv"));
    const ParamValues before = m.graph().layer(conv)->params;
    QSignalSpy changed(&m, &GraphModel::paramsChanged);
    QString why;
    const bool ok = m.setParam(conv, key, value, &why);
    if (error.isEmpty()) {
        QVERIFY2(ok, qPrintable(why));
        QCOMPARE(changed.size(), before == m.graph().layer(conv)->params ? 0 : 1);
    } else {
        QVERIFY(!ok);
        QVERIFY2(why.contains(error), qPrintable(why));
        QCOMPARE(changed.size(), 0);
        QVERIFY(m.graph().layer(conv)->params == before);
    }
}

void tst_GraphModel::renameAndMove()
{
    GraphModel m(LayerRegistry::builtin());
    const LayerId a = m.addLayer(QStringLiteral("relu"));
    QSignalSpy renamed(&m, &GraphModel::layerRenamed);
    QSignalSpy moved(&m, &GraphModel::layerMoved);
    QVERIFY(m.renameLayer(a, QStringLiteral("  act  ")));
    QCOMPARE(m.graph().layer(a)->name, QStringLiteral("act"));
    QString why;
    QVERIFY(!m.renameLayer(a, QStringLiteral("   "), &why));
    QVERIFY(!why.isEmpty());
    QVERIFY(m.moveLayer(a, QPointF(10, 20)));
    QVERIFY(m.moveLayer(a, QPointF(10, 20))); // no change, no signal
    QCOMPARE(renamed.size(), 1);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(m.graph().layer(a)->position, QPointF(10, 20));
}

void tst_GraphModel::insertRestoresExactly()
{
    GraphModel m(LayerRegistry::builtin());
    const LayerId a = m.addLayer(QStringLiteral("conv2d"), QStringLiteral("c"), QPointF(5, 6));
    QVERIFY(m.setParam(a, QStringLiteral("kernel_h"), 7));
    const Layer copy = *m.graph().layer(a);
    QVERIFY(m.removeLayer(a));
    QVERIFY(m.insertLayer(copy));
    const Layer *back = m.graph().layer(a);
    QVERIFY(back);
    QCOMPARE(back->name, copy.name);
    QCOMPARE(back->position, copy.position);
    QVERIFY(back->params == copy.params);
    QVERIFY(!m.insertLayer(copy)); // id taken
}

void tst_GraphModel::uniqueNames()
{
    GraphModel m(LayerRegistry::builtin());
    const LayerId a = m.addLayer(QStringLiteral("relu"));
    const LayerId b = m.addLayer(QStringLiteral("relu"));
    QCOMPARE(m.graph().layer(a)->name, QStringLiteral("relu"));
    QCOMPARE(m.graph().layer(b)->name, QStringLiteral("relu_2"));
}

QTEST_GUILESS_MAIN(tst_GraphModel)
#include "tst_GraphModel.moc"
