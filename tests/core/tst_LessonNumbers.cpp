// The figures of ../shared/REFERENCE-NUMBERS.md, reproduced from the shipped example documents.
// Expected values are the published ones, typed in here; none is taken from Naqsh's output.
#include "analysis/AnalysisEngine.h"
#include "analysis/VariantSummary.h"
#include "io/NaqshFile.h"
#include "io/Report.h"
#include "layers/LayerRegistry.h"

#include <QtTest>

using namespace naqsh;

class tst_LessonNumbers : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pathsMacsAndWeights();
    void conventions_data();
    void conventions();
    void withBias();
    void activationMemory();
    void ratiosInWords();
    void inception3a();
    void resnetBottleneck();
    void mobilenetBlock();
    void oneByOneOn14x14x512();

private:
    static Graph load(const char *name);
    static VariantSummary variant(const Graph &g, const AnalysisResult &r, int index);
    Graph m_lesson;
};

Graph tst_LessonNumbers::load(const char *name)
{
    const auto r = NaqshFile::read(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/") +
                                       QLatin1String(name),
                                   LayerRegistry::builtin());
    if (!r.ok())
        qFatal("%s", qPrintable(r.error));
    return r.graph;
}

VariantSummary tst_LessonNumbers::variant(const Graph &g, const AnalysisResult &r, int index)
{
    return summarizeVariant(g, r, g.variants.at(index));
}

void tst_LessonNumbers::initTestCase()
{
    m_lesson = load("lesson.naqsh");
    QCOMPARE(m_lesson.variants.size(), 2);
}

void tst_LessonNumbers::pathsMacsAndWeights()
{
    const AnalysisResult r = AnalysisEngine::analyze(m_lesson, LayerRegistry::builtin());
    QCOMPARE(r.errorCount, 0);
    const VariantSummary plain = variant(m_lesson, r, 0), reduced = variant(m_lesson, r, 1);
    QCOMPARE(plain.layers.size(), 1);
    QCOMPARE(reduced.layers.size(), 2);
    QCOMPARE(plain.costs.macs.value(), qint64(120422400));
    QCOMPARE(plain.costs.weights.value(), qint64(153600));
    QCOMPARE(reduced.costs.macs.value(), qint64(12443648));
    QCOMPARE(reduced.costs.weights.value(), qint64(15872));
    // The two parts of the reduced path: 2,408,448 + 10,035,200 and 3,072 + 12,800.
    const LayerResult *one = r.layer(reduced.layers[0]), *five = r.layer(reduced.layers[1]);
    QCOMPARE(one->costs.macs.value(), qint64(2408448));
    QCOMPARE(five->costs.macs.value(), qint64(10035200));
    QCOMPARE(one->costs.weights.value(), qint64(3072));
    QCOMPARE(five->costs.weights.value(), qint64(12800));
    QCOMPARE(one->output, TensorShape::nchw(1, 16, 28, 28));
}

void tst_LessonNumbers::conventions_data()
{
    QTest::addColumn<QString>("convention");
    QTest::addColumn<bool>("bias");
    QTest::addColumn<qint64>("plain");
    QTest::addColumn<qint64>("reduced");
    // Without bias (the course's count): FLOPs = 2 × MACs under both FLOP conventions.
    QTest::newRow("flops") << "flops" << false << qint64(240844800) << qint64(24887296);
    QTest::newRow("2macs") << "2macs" << false << qint64(240844800) << qint64(24887296);
    QTest::newRow("macs") << "macs" << false << qint64(120422400) << qint64(12443648);
    QTest::newRow("torchinfo no bias")
        << "torchinfo" << false << qint64(120422400) << qint64(12443648);
    // With bias: torchinfo counts one MAC per output for the bias.
    QTest::newRow("torchinfo") << "torchinfo" << true << qint64(120447488) << qint64(12481280);
    QTest::newRow("2macs bias") << "2macs" << true << qint64(240844800) << qint64(24887296);
    // Default with bias: 2 × MACs + one add per biased output (25,088; 12,544 + 25,088).
    QTest::newRow("flops bias") << "flops" << true << qint64(240844800 + 25088)
                                << qint64(24887296 + 12544 + 25088);
}

static Graph withBiasOn(Graph g)
{
    const LayerType *conv = LayerRegistry::builtin().find(u"conv2d");
    const int bias = conv->paramIndex(u"bias");
    for (LayerId id : g.layerIds())
        if (g.layer(id)->type == QLatin1String("conv2d"))
            g.mutableLayer(id)->params.set(bias, true);
    return g;
}

void tst_LessonNumbers::conventions()
{
    QFETCH(QString, convention);
    QFETCH(bool, bias);
    QFETCH(qint64, plain);
    QFETCH(qint64, reduced);
    FlopConvention c;
    QVERIFY(conventionFromKey(convention, &c));
    const Graph g = bias ? withBiasOn(m_lesson) : m_lesson;
    const AnalysisResult r = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(flops(variant(g, r, 0).costs, c).value(), plain);
    QCOMPARE(flops(variant(g, r, 1).costs, c).value(), reduced);
}

void tst_LessonNumbers::withBias()
{
    const Graph g = withBiasOn(m_lesson);
    const AnalysisResult r = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(variant(g, r, 0).costs.params().value(), qint64(153632));
    QCOMPARE(variant(g, r, 1).costs.params().value(), qint64(15920));
    // MACs exclude the bias whatever the setting.
    QCOMPARE(variant(g, r, 0).costs.macs.value(), qint64(120422400));
}

void tst_LessonNumbers::activationMemory()
{
    const AnalysisResult r = AnalysisEngine::analyze(m_lesson, LayerRegistry::builtin());
    const VariantSummary plain = variant(m_lesson, r, 0), reduced = variant(m_lesson, r, 1);
    QCOMPARE(plain.costs.activations.value(), qint64(25088));
    QCOMPARE(reduced.costs.activations.value(), qint64(37632));
    QCOMPARE(plain.costs.activations.value() * bytesPerElement(DType::FP32), qint64(100352));
    QCOMPARE(reduced.costs.activations.value() * bytesPerElement(DType::FP32), qint64(150528));
    QCOMPARE(reduced.costs.activations.value() * bytesPerElement(DType::FP16), qint64(75264));
    QCOMPARE(reduced.costs.activations.value() * bytesPerElement(DType::INT8), qint64(37632));
}

void tst_LessonNumbers::ratiosInWords()
{
    const AnalysisResult r = AnalysisEngine::analyze(m_lesson, LayerRegistry::builtin());
    const VariantSummary a = variant(m_lesson, r, 0), b = variant(m_lesson, r, 1);
    const NumberFormat f;
    QCOMPARE(
        Report::ratioPhrase(a.costs.macs.value(), b.costs.macs.value(), QStringLiteral("MACs"), f),
        QStringLiteral("9.68× fewer MACs"));
    QCOMPARE(Report::ratioPhrase(a.costs.params().value(), b.costs.params().value(),
                                 QStringLiteral("parameters"), f),
             QStringLiteral("9.68× fewer parameters"));
    QCOMPARE(Report::ratioPhrase(a.costs.activations.value() * 4, b.costs.activations.value() * 4,
                                 QStringLiteral("activation memory"), f),
             QStringLiteral("1.50× more activation memory"));
    // 120,422,400 / 12,443,648 = 9.677…
    QVERIFY(qAbs(compareCounts(120422400, 12443648).value - 9.6774) < 1e-3);
}

void tst_LessonNumbers::inception3a()
{
    // Published: 163,696 params with bias, 128,049,152 MACs, output 1×256×28×28.
    const Graph g = load("inception_3a.naqsh");
    const AnalysisResult r = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(r.errorCount, 0);
    QCOMPARE(r.totals.params().value(), qint64(163696));
    QCOMPARE(r.totals.macs.value(), qint64(128049152));
    QCOMPARE(r.layer(g.findByName(QStringLiteral("output_concat")))->output,
             TensorShape::nchw(1, 256, 28, 28));
}

void tst_LessonNumbers::resnetBottleneck()
{
    // torchvision resnet50.layer1[0]: 75,008 params. MACs by hand on 56×56 = 3,136 positions:
    // 3,136·(64·64 + 64·64·9 + 64·256 + 64·256) = 231,211,008.
    const Graph g = load("resnet50_bottleneck.naqsh");
    const AnalysisResult r = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(r.errorCount, 0);
    QCOMPARE(r.totals.params().value(), qint64(75008));
    QCOMPARE(r.totals.buffers.value(), qint64(2 * (64 + 64 + 256 + 256)));
    QCOMPARE(r.totals.macs.value(), qint64(3136) * (4096 + 36864 + 16384 + 16384));
    QCOMPARE(r.layer(g.findByName(QStringLiteral("add")))->output,
             TensorShape::nchw(1, 256, 56, 56));
}

void tst_LessonNumbers::mobilenetBlock()
{
    // Depthwise 3×3 on 32 channels: 288 weights, 112·112·32·9 = 3,612,672 MACs; pointwise to 64:
    // 2,048 weights, 112·112·64·32 = 25,690,112 MACs. Standard 3×3: 18,432 weights, 231,211,008
    // MACs.
    const Graph g = load("mobilenet_separable.naqsh");
    const AnalysisResult r = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(r.errorCount, 0);
    const VariantSummary standard = variant(g, r, 0), separable = variant(g, r, 1);
    QCOMPARE(standard.costs.weights.value(), qint64(18432 + 64));
    QCOMPARE(standard.costs.macs.value(), qint64(231211008));
    QCOMPARE(separable.costs.weights.value(), qint64(288 + 32 + 2048 + 64));
    QCOMPARE(separable.costs.macs.value(), qint64(3612672 + 25690112));
}

void tst_LessonNumbers::oneByOneOn14x14x512()
{
    // From the same discussion: 256 1×1 filters turn 14×14×512 into 14×14×256.
    const LayerType *conv = LayerRegistry::builtin().find(u"conv2d");
    ParamValues p = conv->defaultParams();
    p.set(conv->paramIndex(u"out_channels"), qint64(256));
    p.set(conv->paramIndex(u"kernel_h"), qint64(1));
    p.set(conv->paramIndex(u"kernel_w"), qint64(1));
    const TensorShape in = TensorShape::nchw(1, 512, 14, 14);
    const ShapeResult s = conv->shape(p, std::span<const TensorShape>(&in, 1), {});
    QCOMPARE(s.shape, TensorShape::nchw(1, 256, 14, 14));
}

QTEST_GUILESS_MAIN(tst_LessonNumbers)
#include "tst_LessonNumbers.moc"
