// Block roll-ups (issue 16): a block adds up to the sum of its layers for every counter, FLOP
// convention and activation dtype, nested blocks included; the lesson's reduce path is pinned to
// the published figures (REFERENCE-NUMBERS.md), and its border tensors to the lesson's shapes.
#include "analysis/AnalysisEngine.h"
#include "analysis/BlockRollup.h"
#include "analysis/Convention.h"
#include "analysis/TooLarge.h"
#include "analysis/VariantSummary.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "io/Report.h"
#include "layers/LayerRegistry.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace naqsh;

namespace {
const QVector<FlopConvention> kConventions{FlopConvention::Flops, FlopConvention::TwoMacs,
                                           FlopConvention::MacsOnly, FlopConvention::BiasAsMac};
const QVector<DType> kDTypes{DType::FP32, DType::FP16, DType::INT8};

QString examplePath(const QString &name)
{
    return QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/") + name;
}
} // namespace

class tst_BlockRollup : public QObject
{
    Q_OBJECT
private slots:
    void lessonReducePath();
    void sumOfLayersEverywhere_data();
    void sumOfLayersEverywhere();
    void jsonReportsBlocks();
};

void tst_BlockRollup::lessonReducePath()
{
    const LayerRegistry &reg = LayerRegistry::builtin();
    const auto file = NaqshFile::read(examplePath(QStringLiteral("lesson.naqsh")), reg);
    QVERIFY2(file.ok(), qPrintable(file.error));
    GraphModel m(reg);
    m.resetGraph(file.graph);
    const LayerId reduce = m.graph().findByName(QStringLiteral("reduce1x1"));
    const LayerId after = m.graph().findByName(QStringLiteral("conv5x5_after_1x1"));
    const BlockId b = m.groupLayers({reduce, after}, QStringLiteral("reduce path"));
    QVERIFY(b.isValid());

    AnalysisResult result = AnalysisEngine::analyze(m.graph(), reg);
    BlockRollup r = rollUpBlock(m.graph(), reg, result, b);
    // REFERENCE-NUMBERS.md, "1×1 to 16, then 5×5 to 32" on 28×28×192 (the lesson has no bias).
    QCOMPARE(r.costs.macs.value(), qint64(12'443'648));
    QCOMPARE(r.costs.params().value(), qint64(15'872));
    QCOMPARE(flops(r.costs, FlopConvention::TwoMacs).value(), qint64(24'887'296));
    QCOMPARE(flops(r.costs, FlopConvention::Flops).value(), qint64(24'887'296));
    QCOMPARE(flops(r.costs, FlopConvention::MacsOnly).value(), qint64(12'443'648));
    QCOMPARE(flops(r.costs, FlopConvention::BiasAsMac).value(), qint64(12'443'648));
    QCOMPARE(r.costs.activations.value(), qint64(37'632));
    QCOMPARE(activationBytes(r.costs.activations, DType::FP32).value(), qint64(150'528));
    QCOMPARE(activationBytes(r.costs.activations, DType::FP16).value(), qint64(75'264));
    QCOMPARE(activationBytes(r.costs.activations, DType::INT8).value(), qint64(37'632));
    QCOMPARE(r.errorCount, 0);
    // One tensor enters (the input, 1×192×28×28) and one leaves (into the concat, 1×32×28×28).
    QCOMPARE(r.inputs.size(), 1);
    QCOMPARE(r.inputs[0].layer, m.graph().findByName(QStringLiteral("input")));
    QCOMPARE(r.inputs[0].shape.toVector(), (QVector<qint64>{1, 192, 28, 28}));
    QCOMPARE(r.outputs.size(), 1);
    QCOMPARE(r.outputs[0].layer, after);
    QCOMPARE(r.outputs[0].shape.toVector(), (QVector<qint64>{1, 32, 28, 28}));

    // With bias: params 15,920 and torchinfo's 12,481,280 mult-adds (one per biased output);
    // FLOPs = 2 × 12,443,648 + (12,544 + 25,088) bias adds = 24,924,928.
    QVERIFY(m.setParam(reduce, QStringLiteral("bias"), true));
    QVERIFY(m.setParam(after, QStringLiteral("bias"), true));
    result = AnalysisEngine::analyze(m.graph(), reg);
    r = rollUpBlock(m.graph(), reg, result, b);
    QCOMPARE(r.costs.params().value(), qint64(15'920));
    QCOMPARE(flops(r.costs, FlopConvention::BiasAsMac).value(), qint64(12'481'280));
    QCOMPARE(flops(r.costs, FlopConvention::TwoMacs).value(), qint64(24'887'296));
    QCOMPARE(flops(r.costs, FlopConvention::Flops).value(), qint64(24'924'928));
    // The same numbers as the lesson's comparison variant over the same layers.
    const Variant v{QStringLiteral("path"), Variant::Kind::Path, reduce, after, {}, {}};
    const VariantSummary s = summarizeVariant(m.graph(), result, v);
    QCOMPARE(s.costs.macs.value(), r.costs.macs.value());
    QCOMPARE(s.costs.biasAdds.value(), r.costs.biasAdds.value());
}

void tst_BlockRollup::sumOfLayersEverywhere_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files =
        QDir(examplePath(QString())).entryList({QStringLiteral("*.naqsh")}, QDir::Files);
    QVERIFY(files.size() >= 4);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << f;
}

void tst_BlockRollup::sumOfLayersEverywhere()
{
    QFETCH(QString, file);
    const LayerRegistry &reg = LayerRegistry::builtin();
    const auto read = NaqshFile::read(examplePath(file), reg);
    QVERIFY2(read.ok(), qPrintable(read.error));
    GraphModel m(reg);
    m.resetGraph(read.graph);
    AnalysisResult result = AnalysisEngine::analyze(m.graph(), reg);
    const QVector<LayerId> order = result.order;
    QVERIFY(order.size() >= 3);
    // Three levels: the whole model, the layers between the second and the next-to-last layer
    // (every path between two layers: a block a path cannot leave and re-enter), and one layer.
    const BlockId all = m.groupLayers(order, QStringLiteral("all"));
    const QVector<LayerId> middle =
        layersBetween(m.graph(), result, order[1], order[order.size() - 2]);
    const BlockId mid = m.groupLayers(middle, QStringLiteral("middle"));
    const BlockId one = m.groupLayers({middle[middle.size() / 2]}, QStringLiteral("one"));
    QVERIFY(all.isValid() && mid.isValid() && one.isValid());
    QCOMPARE(m.graph().blockDepth(one), 2);
    // Batch 3 as well as the file's batch: counters that depend on the batch must still add up.
    for (qint64 batch : {qint64(0), qint64(3)}) {
        result = AnalysisEngine::analyze(m.graph(), reg, RuleContext{batch});
        const QVector<BlockRollup> rolls = rollUpBlocks(m.graph(), reg, result);
        QCOMPARE(rolls.size(), 3);
        for (const BlockRollup &r : rolls) {
            // The one-pass roll-up of every block equals the block computed on its own.
            const BlockRollup single = rollUpBlock(m.graph(), reg, result, r.id);
            QCOMPARE(r.layers, single.layers);
            QCOMPARE(r.inputs, single.inputs);
            QCOMPARE(r.outputs, single.outputs);
            QCOMPARE(r.layers, m.graph().blockLayers(r.id));
            // Each quantity summed here, layer by layer, in plain integers.
            qint64 params = 0, buffers = 0, macs = 0, acts = 0;
            QHash<int, qint64> fl, bytes;
            for (LayerId l : r.layers) {
                const LayerResult *lr = result.layer(l);
                QVERIFY(lr && lr->hasNumbers());
                params += lr->costs.weights.value() + lr->costs.bias.value();
                buffers += lr->costs.buffers.value();
                macs += lr->costs.macs.value();
                acts += lr->costs.activations.value();
                for (FlopConvention c : kConventions)
                    fl[int(c)] += flops(lr->costs, c).value();
                for (DType d : kDTypes)
                    bytes[int(d)] += activationBytes(lr->costs.activations, d).value();
            }
            QCOMPARE(r.costs.params().value(), params);
            QCOMPARE(r.costs.buffers.value(), buffers);
            QCOMPARE(r.costs.macs.value(), macs);
            QCOMPARE(r.costs.activations.value(), acts);
            for (FlopConvention c : kConventions)
                QCOMPARE(flops(r.costs, c).value(), fl.value(int(c)));
            for (DType d : kDTypes)
                QCOMPARE(activationBytes(r.costs.activations, d).value(), bytes.value(int(d)));
            QVERIFY(macs > 0 || r.id == one);
        }
        // The whole model as a block adds up to the analysis's own totals.
        const BlockRollup &top = rolls[0];
        QCOMPARE(top.id, all);
        QCOMPARE(top.costs.params().value(), result.totals.params().value());
        QCOMPARE(top.costs.macs.value(), result.totals.macs.value());
        for (FlopConvention c : kConventions)
            QCOMPARE(flops(top.costs, c).value(), flops(result.totals, c).value());
        QCOMPARE(top.costs.activations.value(), result.totals.activations.value());
        QVERIFY(top.inputs.isEmpty());
        // The middle block's counts are inside the whole model's and hold the single layer's.
        QVERIFY(rolls[1].costs.macs.value() <= top.costs.macs.value());
        QVERIFY(rolls[1].layers.contains(rolls[2].layers.value(0)));
    }
}

void tst_BlockRollup::jsonReportsBlocks()
{
    const LayerRegistry &reg = LayerRegistry::builtin();
    const auto file = NaqshFile::read(examplePath(QStringLiteral("lesson.naqsh")), reg);
    GraphModel m(reg);
    m.resetGraph(file.graph);
    const AnalysisResult flat = AnalysisEngine::analyze(m.graph(), reg);
    ReportOptions o;
    o.convention = FlopConvention::TwoMacs;
    QVERIFY(!QJsonDocument::fromJson(Report::json(m.graph(), reg, flat, o))
                 .object()
                 .contains(QStringLiteral("blocks")));
    m.groupLayers({m.graph().findByName(QStringLiteral("reduce1x1")),
                   m.graph().findByName(QStringLiteral("conv5x5_after_1x1"))},
                  QStringLiteral("reduce path"));
    const AnalysisResult result = AnalysisEngine::analyze(m.graph(), reg);
    const QJsonArray blocks = QJsonDocument::fromJson(Report::json(m.graph(), reg, result, o))
                                  .object()
                                  .value(QStringLiteral("blocks"))
                                  .toArray();
    QCOMPARE(blocks.size(), 1);
    const QJsonObject b = blocks[0].toObject();
    QCOMPARE(b.value(QStringLiteral("name")).toString(), QStringLiteral("reduce path"));
    QCOMPARE(b.value(QStringLiteral("layers")).toArray(),
             (QJsonArray{QStringLiteral("reduce1x1"), QStringLiteral("conv5x5_after_1x1")}));
    const QJsonObject t = b.value(QStringLiteral("totals")).toObject();
    QCOMPARE(t.value(QStringLiteral("macs")).toInteger(), qint64(12'443'648));
    QCOMPARE(t.value(QStringLiteral("flops")).toInteger(), qint64(24'887'296));
    QCOMPARE(t.value(QStringLiteral("params")).toInteger(), qint64(15'872));
    QCOMPARE(t.value(QStringLiteral("activation_bytes")).toInteger(), qint64(150'528));
    QCOMPARE(
        b.value(QStringLiteral("inputs")).toArray()[0].toObject().value(QStringLiteral("shape")),
        QJsonValue(QJsonArray{1, 192, 28, 28}));
    QCOMPARE(
        b.value(QStringLiteral("outputs")).toArray()[0].toObject().value(QStringLiteral("layer")),
        QJsonValue(QStringLiteral("conv5x5_after_1x1")));
}

QTEST_GUILESS_MAIN(tst_BlockRollup)
#include "tst_BlockRollup.moc"
