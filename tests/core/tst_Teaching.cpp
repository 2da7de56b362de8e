// Show-your-work formulas, sweeps with their break-even point, and teaching notes, checked
// against hand calculations.
#include "analysis/AnalysisEngine.h"
#include "analysis/AnswerCheck.h"
#include "analysis/Explain.h"
#include "analysis/Sweep.h"
#include "analysis/TeachingNotes.h"
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"

#include <QtTest>

using namespace naqsh;

class tst_Teaching : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void formulas_data();
    void formulas();
    void everyTypeIsExplained();
    void oneByOneSweepBreakEven();
    void kernelSweepChangesBothConvs();
    void inputSizeSweep();
    void badSweeps();
    void presets();
    void notes();
    void answers_data();
    void answers();
    void shapeAnswers();

private:
    static QStringList explain(const char *type, QVariantMap params, const TensorShape &in,
                               FlopConvention c = FlopConvention::Flops, DType d = DType::FP32);
    Graph m_lesson;
};

void tst_Teaching::initTestCase()
{
    const auto r =
        NaqshFile::read(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh"),
                        LayerRegistry::builtin());
    QVERIFY(r.ok());
    m_lesson = r.graph;
}

QStringList tst_Teaching::explain(const char *type, QVariantMap params, const TensorShape &in,
                                  FlopConvention c, DType d)
{
    const LayerType *t = LayerRegistry::builtin().find(QString::fromLatin1(type));
    ParamValues p = t->defaultParams();
    for (auto it = params.begin(); it != params.end(); ++it) {
        QVariant v = it.value();
        if (v.typeId() == QMetaType::Int)
            v = QVariant(qint64(v.toInt()));
        p.set(t->paramIndex(it.key()),
              validateParam(t->params[t->paramIndex(it.key())], v, nullptr));
    }
    const std::span<const TensorShape> span(&in, 1);
    const ShapeResult s = t->shape(p, span, {});
    const Costs costs = t->cost(p, span, s.shape);
    QStringList out;
    for (const FormulaLine &l : explainLayer(*t, p, span, s.shape, costs, c, d))
        out << l.quantity + QStringLiteral(": ") + l.formula + QStringLiteral(" | ") + l.reason;
    return out;
}

void tst_Teaching::formulas_data()
{
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QStringList>("expected");
    const TensorShape lessonIn = TensorShape::nchw(1, 192, 28, 28);
    QTest::newRow("conv 5x5 lesson")
        << explain("conv2d",
                   {{"out_channels", 32},
                    {"kernel_h", 5},
                    {"kernel_w", 5},
                    {"padding", "same"},
                    {"bias", true}},
                   lessonIn)
        << QStringList{"Output height: floor((28 + 2 + 2 − 5) / 1) + 1 = 28",
                       "MACs: 28 × 28 × 32 × 5 × 5 × 192 = 120,422,400 | each output value needs "
                       "5·5·192 multiplications",
                       "Parameters: 5 × 5 × 192 × 32 = 153,600 | one 5×5×192 filter per output "
                       "channel, plus 32 bias values",
                       "Activation memory: 1 × 32 × 28 × 28 × 4 bytes = 100,352 bytes",
                       "FLOPs (flops): 2 × 120,422,400 + 25,088 + 0 = 240,869,888"};
    QTest::newRow("grouped conv")
        << explain("conv2d", {{"out_channels", 64}, {"groups", 4}, {"padding", "same"}},
                   TensorShape::nchw(1, 32, 56, 56))
        << QStringList{
               "MACs: 56 × 56 × 64 × 3 × 3 × 8 = 14,450,688 | each output value needs 3·3·8 "
               "multiplications: with 4 groups each filter sees only 8 of the 32 input channels",
               "Parameters: 3 × 3 × 8 × 64 = 4,608"};
    QTest::newRow("transposed conv")
        << explain(
               "conv_transpose2d",
               {{"out_channels", 32}, {"kernel_h", 4}, {"kernel_w", 4}, {"pad_h", 1}, {"pad_w", 1}},
               TensorShape::nchw(1, 64, 14, 14))
        << QStringList{"Output height: (14 − 1) × 2 − 2 × 1 + 1 × (4 − 1) + 0 + 1 = 28",
                       "MACs: 14 × 14 × 64 × 4 × 4 × 32 = 6,422,528 | counted on the INPUT grid",
                       "Parameters: 64 × 32 × 4 × 4 = 32,768"};
    QTest::newRow("max pooling ceil")
        << explain("maxpool2d",
                   {{"kernel_h", 3},
                    {"kernel_w", 3},
                    {"stride_h", 2},
                    {"stride_w", 2},
                    {"ceil_mode", true}},
                   TensorShape::nchw(1, 64, 112, 112))
        << QStringList{"Output height: ceil((112 + 2 × 0 − 3) / 2) + 1 = 56 | ceil mode rounds up",
                       "Comparisons: 1 × 64 × 56 × 56 × (9 − 1) = 1,605,632", "Parameters: 0"};
    QTest::newRow("linear batch") << explain("linear", {{"out_features", 10}},
                                             TensorShape::nf(4, 512), FlopConvention::BiasAsMac,
                                             DType::FP16)
                                  << QStringList{"MACs: 4 × 512 × 10 = 20,480",
                                                 "Parameters: 512 × 10 = 5,120 | one weight per "
                                                 "input and output pair, plus 10 bias values",
                                                 "FLOPs (torchinfo): 20,480 + 40 = 20,520",
                                                 "Activation memory: 4 × 10 × 2 bytes = 80 bytes"};
    QTest::newRow("relu generic") << explain("relu", {}, TensorShape::nchw(1, 16, 8, 8))
                                  << QStringList{
                                         "Output shape: 1×16×8×8 | this layer works value by value",
                                         "Parameters: 0", "Other operations: 1,024 comparisons",
                                         "FLOPs (flops): 2 × 0 + 0 + 1,024 = 1,024"};
}

void tst_Teaching::formulas()
{
    QFETCH(QStringList, lines);
    QFETCH(QStringList, expected);
    const QString all = lines.join(QLatin1Char('\n'));
    for (const QString &e : expected)
        QVERIFY2(all.contains(e), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(e, all)));
}

void tst_Teaching::everyTypeIsExplained()
{
    const TensorShape image = TensorShape::nchw(1, 16, 16, 16), flat = TensorShape::nf(1, 64);
    const TensorShape tokens = TensorShape::nld(1, 16, 64);
    const TensorShape volume = TensorShape::of({1, 4, 8, 8, 8}, TensorLayout::Volume);
    const TensorShape pooled = TensorShape::nchw(1, 16, 1, 1); // what Squeeze removes
    for (const LayerType &t : LayerRegistry::builtin().types()) {
        bool any = false;
        for (const TensorShape &in : {image, flat, tokens, volume, pooled}) {
            const TensorShape pair[2] = {in, in}; // MatMul takes two
            for (size_t count : {size_t(0), size_t(1), size_t(2)}) {
                if (count < size_t(t.minInputs) ||
                    (t.maxInputs >= 0 && count > size_t(t.maxInputs)))
                    continue;
                const std::span<const TensorShape> span(pair, count);
                const ShapeResult s = t.shape(t.defaultParams(), span, {});
                if (!s.isOk())
                    continue;
                const auto lines = explainLayer(t, t.defaultParams(), span, s.shape,
                                                t.cost(t.defaultParams(), span, s.shape),
                                                FlopConvention::Flops, DType::FP32);
                QVERIFY2(lines.size() >= 3, qPrintable(t.id));
                for (const FormulaLine &l : lines)
                    QVERIFY2(!l.quantity.isEmpty() && !l.formula.isEmpty() && !l.reason.isEmpty(),
                             qPrintable(t.id));
                any = true;
            }
        }
        QVERIFY2(any, qPrintable(t.id));
    }
}

void tst_Teaching::oneByOneSweepBreakEven()
{
    // Reduced path with c channels after the 1×1: MACs = 784·c·192 + 784·32·25·c = 777,728·c; plain
    // 120,422,400. Break-even c* = 120,422,400 / 777,728 = 154.84. Params: 992·c vs 153,600: the
    // same c*.
    const LayerId red = m_lesson.findByName(QStringLiteral("reduce1x1"));
    const SweepResult r = runSweep(m_lesson, LayerRegistry::builtin(), m_lesson.variants,
                                   {{red}, {QStringLiteral("out_channels")}, 1, 192, 1});
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.current, qint64(16));
    QCOMPARE(r.series.size(), 2);
    const SweepSeries &plain = r.series[0], &reduced = r.series[1];
    QCOMPARE(plain.x.size(), 192);
    QCOMPARE(reduced.macs[15], qint64(12443648)); // c = 16: the lesson's number
    QCOMPARE(reduced.macs[99], qint64(777728) * 100);
    QCOMPARE(plain.macs[99], qint64(120422400)); // the reference does not move
    QCOMPARE(reduced.params[63], qint64(992) * 64);
    const BreakEven b = findBreakEven(plain, reduced);
    QVERIFY(b.macs && b.params);
    QVERIFY(qAbs(*b.macs - 120422400.0 / 777728.0) < 1e-6);
    QVERIFY(qAbs(*b.params - 153600.0 / 992.0) < 1e-6);
}

void tst_Teaching::kernelSweepChangesBothConvs()
{
    // k×k on both 5×5 convolutions: plain 784·32·k²·192, reduced 784·16·192 + 784·32·k²·16.
    const QVector<LayerId> convs = {m_lesson.findByName(QStringLiteral("conv5x5")),
                                    m_lesson.findByName(QStringLiteral("conv5x5_after_1x1"))};
    const SweepResult r =
        runSweep(m_lesson, LayerRegistry::builtin(), m_lesson.variants,
                 {convs, {QStringLiteral("kernel_h"), QStringLiteral("kernel_w")}, 1, 7, 2});
    QVERIFY(r.error.isEmpty());
    QCOMPARE(r.series[0].x, (QVector<qint64>{1, 3, 5, 7}));
    QCOMPARE(r.series[0].macs[3], qint64(784) * 32 * 49 * 192);
    QCOMPARE(r.series[1].macs[3], qint64(784) * 16 * 192 + qint64(784) * 32 * 49 * 16);
    // At k = 1 the bottleneck costs more than the plain 1×1 (2,408,448 + 401,408 > 4,816,896? no:
    // 2,809,856 < 4,816,896) — the reduced path is cheaper everywhere here, so no break-even.
    QVERIFY(!findBreakEven(r.series[0], r.series[1]).macs);
}

void tst_Teaching::inputSizeSweep()
{
    const LayerId in = m_lesson.findByName(QStringLiteral("input"));
    const SweepResult r =
        runSweep(m_lesson, LayerRegistry::builtin(), m_lesson.variants,
                 {{in}, {QStringLiteral("height"), QStringLiteral("width")}, 14, 56, 14});
    QVERIFY(r.error.isEmpty());
    QCOMPARE(r.series[0].macs[0], qint64(14) * 14 * 32 * 25 * 192);
    QCOMPARE(r.series[0].macs[3], qint64(56) * 56 * 32 * 25 * 192);
    QCOMPARE(r.series[1].activations[3], qint64(56) * 56 * (16 + 32));
}

void tst_Teaching::badSweeps()
{
    const LayerId red = m_lesson.findByName(QStringLiteral("reduce1x1"));
    QVERIFY(!runSweep(m_lesson, LayerRegistry::builtin(), m_lesson.variants,
                      {{red}, {QStringLiteral("bias")}, 0, 1, 1})
                 .error.isEmpty());
    QVERIFY(!runSweep(m_lesson, LayerRegistry::builtin(), m_lesson.variants,
                      {{red}, {QStringLiteral("out_channels")}, 9, 1, 1})
                 .error.isEmpty());
    QVERIFY(!runSweep(m_lesson, LayerRegistry::builtin(), m_lesson.variants,
                      {{LayerId(999)}, {QStringLiteral("out_channels")}, 1, 2, 1})
                 .error.isEmpty());
    // A range that leaves the parameter's allowed values marks those points invalid.
    const LayerId in = m_lesson.findByName(QStringLiteral("input"));
    const SweepResult r = runSweep(m_lesson, LayerRegistry::builtin(), m_lesson.variants,
                                   {{in}, {QStringLiteral("height")}, 0, 2, 1});
    QCOMPARE(r.series[0].valid, (QVector<bool>{false, true, true}));
    // A kernel larger than the input gives errors, so those points are invalid too.
    const SweepResult k =
        runSweep(m_lesson, LayerRegistry::builtin(), m_lesson.variants,
                 {{in}, {QStringLiteral("height"), QStringLiteral("width")}, 1, 3, 1});
    QVERIFY(k.series[0].valid.contains(true));
}

void tst_Teaching::presets()
{
    const AnalysisResult r = AnalysisEngine::analyze(m_lesson, LayerRegistry::builtin());
    const QVector<SweepPreset> p = sweepPresets(m_lesson, r);
    QCOMPARE(p.size(), 4);
    QCOMPARE(p[0].spec.layers, QVector<LayerId>{m_lesson.findByName(QStringLiteral("reduce1x1"))});
    QCOMPARE(p[0].spec.to, qint64(192));
    QCOMPARE(p[3].spec.layers.size(), 2);
}

void tst_Teaching::notes()
{
    const AnalysisResult r = AnalysisEngine::analyze(m_lesson, LayerRegistry::builtin());
    const QVector<TeachingNote> n = teachingNotes(m_lesson, r);
    QCOMPARE(n.size(), 1); // 192 → 16 is below a quarter; 28×28×192 is not early
    QCOMPARE(n[0].kind, TeachingNote::Kind::SqueezeTooHard);
    QVERIFY(n[0].text.contains(QStringLiteral("192 channels into 16")));
    // 192 → 64 is a third: no squeeze note.
    Graph g = m_lesson;
    const LayerId red = g.findByName(QStringLiteral("reduce1x1"));
    g.mutableLayer(red)->params.set(0, qint64(64));
    QVERIFY(teachingNotes(g, AnalysisEngine::analyze(g, LayerRegistry::builtin())).isEmpty());
    // The same 1×1 on a 224×224×32 map is early.
    g.mutableLayer(g.findByName(QStringLiteral("input")))->params.set(2, qint64(32));
    g.mutableLayer(g.findByName(QStringLiteral("input")))->params.set(3, qint64(224));
    g.mutableLayer(g.findByName(QStringLiteral("input")))->params.set(4, qint64(224));
    g.mutableLayer(red)->params.set(0, qint64(16));
    const QVector<TeachingNote> early =
        teachingNotes(g, AnalysisEngine::analyze(g, LayerRegistry::builtin()));
    QCOMPARE(early.size(), 1);
    QCOMPARE(early[0].kind, TeachingNote::Kind::TooEarly);
}

void tst_Teaching::answers_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<bool>("right");
    QTest::newRow("plain") << "120422400" << qint64(120422400) << true;
    QTest::newRow("commas") << "120,422,400" << qint64(120422400) << true;
    QTest::newRow("persian") << QString::fromUtf8("۱۲۰٬۴۲۲٬۴۰۰") << qint64(120422400) << true;
    QTest::newRow("spaces") << " 153 600 " << qint64(153600) << true;
    QTest::newRow("suffix within precision") << "12.4M" << qint64(12443648) << true;
    QTest::newRow("suffix too far") << "12.5M" << qint64(12443648) << false;
    QTest::newRow("k") << "15.9k" << qint64(15872) << true;
    QTest::newRow("off by one") << "153601" << qint64(153600) << false;
    QTest::newRow("garbage") << "lots" << qint64(1) << false;
    QTest::newRow("empty") << "" << qint64(0) << false;
}

void tst_Teaching::answers()
{
    QFETCH(QString, answer);
    QFETCH(qint64, expected);
    QFETCH(bool, right);
    QCOMPARE(checkNumberAnswer(answer, expected), right);
}

void tst_Teaching::shapeAnswers()
{
    const TensorShape s = TensorShape::nchw(1, 16, 28, 28);
    QVERIFY(checkShapeAnswer(QStringLiteral("1×16×28×28"), s));
    QVERIFY(checkShapeAnswer(QStringLiteral("16x28x28"), s));
    QVERIFY(checkShapeAnswer(QString::fromUtf8("۱۶×۲۸×۲۸"), s));
    QVERIFY(checkShapeAnswer(
        QStringLiteral("(1, 16, 28, 28)").replace(QStringLiteral(", "), QStringLiteral("x")), s));
    QVERIFY(!checkShapeAnswer(QStringLiteral("28x28x16"), s));
    QVERIFY(!checkShapeAnswer(QStringLiteral("16x28"), s));
    QVERIFY(!checkShapeAnswer(QStringLiteral("sixteen"), s));
}

QTEST_GUILESS_MAIN(tst_Teaching)
#include "tst_Teaching.moc"
