// Shape and cost rules of every layer type, one row per case, with the expected numbers
// worked out by hand in the row (never taken from the code under test).
#include "TestUtil.h"
#include "layers/LayerRegistry.h"

#include <QtTest>

using namespace naqsh;
using test::shape;
using test::shapes;

class tst_LayerRules : public QObject
{
    Q_OBJECT
private slots:
    void rules_data();
    void rules();
};

void tst_LayerRules::rules_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QVariantMap>("params");
    QTest::addColumn<QString>("inputs");
    QTest::addColumn<QString>("expected");  // output shape, or "error:<substring>"
    QTest::addColumn<QVariantMap>("costs"); // counters to check; others unchecked

    auto row = [](const char *name, const char *type, QVariantMap params, const char *inputs,
                  const char *expected, QVariantMap costs) {
        QTest::newRow(name) << QString::fromLatin1(type) << params << QString::fromLatin1(inputs)
                            << QString::fromUtf8(expected) << costs;
    };
    using M = QVariantMap;

    // The lesson: 28×28×192, "same" padding, stride 1.
    row("conv 5x5 lesson", "conv2d",
        M{{"out_channels", 32},
          {"kernel_h", 5},
          {"kernel_w", 5},
          {"padding", "same"},
          {"bias", false}},
        "1x192x28x28", "1x32x28x28",
        M{{"weights", 5 * 5 * 192 * 32},
          {"bias", 0},
          {"macs", qint64(28) * 28 * 32 * 5 * 5 * 192},
          {"activations", 28 * 28 * 32}});
    row("conv 1x1 reduce", "conv2d",
        M{{"out_channels", 16}, {"kernel_h", 1}, {"kernel_w", 1}, {"bias", true}}, "1x192x28x28",
        "1x16x28x28",
        M{{"weights", 192 * 16},
          {"bias", 16},
          {"macs", 28 * 28 * 16 * 192},
          {"biasAdds", 28 * 28 * 16}});
    // H: (10 + 1 + 0 − 3)/2 + 1 = 5; W: (10 + 2 + 1 − 3)/2 + 1 = 6
    row("conv asymmetric padding", "conv2d",
        M{{"out_channels", 8},
          {"kernel_h", 3},
          {"kernel_w", 3},
          {"stride_h", 2},
          {"stride_w", 2},
          {"pad_top", 1},
          {"pad_bottom", 0},
          {"pad_left", 2},
          {"pad_right", 1}},
        "1x3x10x10", "1x8x5x6", M{{"weights", 3 * 3 * 3 * 8}, {"macs", 5 * 6 * 8 * 27}});
    // effective kernel 2·(3−1)+1 = 5; (32 + 4 − 5)/1 + 1 = 32
    row("conv dilated", "conv2d",
        M{{"out_channels", 16},
          {"kernel_h", 3},
          {"kernel_w", 3},
          {"dilation_h", 2},
          {"dilation_w", 2},
          {"pad_top", 2},
          {"pad_bottom", 2},
          {"pad_left", 2},
          {"pad_right", 2}},
        "1x16x32x32", "1x16x32x32", M{{"weights", 9 * 16 * 16}, {"macs", 32 * 32 * 16 * 9 * 16}});
    row("conv grouped", "conv2d", M{{"out_channels", 64}, {"groups", 4}, {"padding", "same"}},
        "1x32x56x56", "1x64x56x56",
        M{{"weights", 3 * 3 * 8 * 64}, {"bias", 64}, {"macs", 56 * 56 * 64 * 9 * 8}});
    row("conv depthwise", "conv2d",
        M{{"out_channels", 32},
          {"groups", 32},
          {"pad_top", 1},
          {"pad_bottom", 1},
          {"pad_left", 1},
          {"pad_right", 1},
          {"bias", false}},
        "1x32x112x112", "1x32x112x112", M{{"weights", 9 * 32}, {"macs", 112 * 112 * 32 * 9}});
    // ResNet conv1: out = ceil(224/2) = 112; MACs 112·112·64·7·7·3 = 118,013,952
    row("conv same stride 2", "conv2d",
        M{{"out_channels", 64},
          {"kernel_h", 7},
          {"kernel_w", 7},
          {"stride_h", 2},
          {"stride_w", 2},
          {"padding", "same"},
          {"bias", false}},
        "1x3x224x224", "1x64x112x112", M{{"weights", 9408}, {"macs", qint64(118013952)}});
    row("conv valid", "conv2d", M{{"out_channels", 4}, {"padding", "valid"}, {"pad_top", 5}},
        "1x1x8x8", "1x4x6x6", M{{"macs", 6 * 6 * 4 * 9}});
    row("conv batch 8", "conv2d", M{{"out_channels", 16}, {"kernel_h", 1}, {"kernel_w", 1}},
        "8x192x28x28", "8x16x28x28", M{{"weights", 3072}, {"macs", 8 * 2408448}});
    row("conv groups not dividing", "conv2d", M{{"groups", 3}, {"out_channels", 30}}, "1x32x8x8",
        "error:32 input channels are not divisible by groups 3", M{});
    row("conv kernel too large", "conv2d", M{{"kernel_h", 7}, {"kernel_w", 7}}, "1x3x5x5",
        "error:kernel 7 is larger than the padded input 5", M{});
    row("conv dilated too large", "conv2d", M{{"dilation_h", 4}}, "1x3x8x8",
        "error:dilated kernel 9 (kernel 3, dilation 4) is larger than the padded input 8", M{});
    row("conv on flat input", "conv2d", M{}, "1x100", "error:needs a 4-D input", M{});
    row("conv without input", "conv2d", M{}, "", "error:has no input", M{});

    // Transposed: H_out = (H − 1)·s − 2p + d(k − 1) + op + 1; MACs on the input grid.
    row("convT k4 s2 p1", "conv_transpose2d",
        M{{"out_channels", 32},
          {"kernel_h", 4},
          {"kernel_w", 4},
          {"stride_h", 2},
          {"stride_w", 2},
          {"pad_h", 1},
          {"pad_w", 1}},
        "1x64x14x14", "1x32x28x28",
        M{{"weights", 64 * 32 * 16}, {"bias", 32}, {"macs", 14 * 14 * 64 * 16 * 32}});
    row("convT output padding", "conv_transpose2d",
        M{{"out_channels", 8},
          {"kernel_h", 3},
          {"kernel_w", 3},
          {"pad_h", 1},
          {"pad_w", 1},
          {"output_pad_h", 1},
          {"output_pad_w", 1}},
        "1x16x7x7", "1x8x14x14", M{{"weights", 16 * 8 * 9}, {"macs", 49 * 16 * 9 * 8}});
    row("convT grouped", "conv_transpose2d",
        M{{"out_channels", 32}, {"groups", 4}, {"bias", false}}, "1x16x8x8", "1x32x16x16",
        M{{"weights", 16 * 8 * 4}, {"macs", 64 * 16 * 4 * 8}});
    row("convT output padding too large", "conv_transpose2d", M{{"output_pad_h", 2}}, "1x16x7x7",
        "error:output padding 2 must be smaller than the stride 2 or the dilation 1", M{});

    // Pooling. (112 + 2 − 3)/2 + 1 = 56; comparisons 64·56·56·(9 − 1)
    row("maxpool floor", "maxpool2d",
        M{{"kernel_h", 3},
          {"kernel_w", 3},
          {"stride_h", 2},
          {"stride_w", 2},
          {"pad_h", 1},
          {"pad_w", 1}},
        "1x64x112x112", "1x64x56x56", M{{"comps", 64 * 56 * 56 * 8}, {"weights", 0}});
    // Caffe GoogLeNet pool1: ceil((112 − 3)/2) + 1 = 56 (floor would give 55)
    row("maxpool ceil caffe", "maxpool2d",
        M{{"kernel_h", 3}, {"kernel_w", 3}, {"stride_h", 2}, {"stride_w", 2}, {"ceil_mode", true}},
        "1x64x112x112", "1x64x56x56", M{});
    row("maxpool floor same input", "maxpool2d",
        M{{"kernel_h", 3}, {"kernel_w", 3}, {"stride_h", 2}, {"stride_w", 2}}, "1x64x112x112",
        "1x64x55x55", M{});
    // ceil((5 + 2 − 2)/2) + 1 = 4, but the 4th window starts at 6 ≥ 5 + 1 (all padding): 3
    row("maxpool ceil drops padding window", "maxpool2d",
        M{{"pad_h", 1}, {"pad_w", 1}, {"ceil_mode", true}}, "1x1x5x5", "1x1x3x3", M{});
    row("avgpool", "avgpool2d", M{}, "1x8x4x4", "1x8x2x2",
        M{{"adds", 8 * 2 * 2 * 3}, {"divs", 32}});
    row("pool pad over half", "maxpool2d", M{{"pad_h", 2}}, "1x8x4x4",
        "error:padding 2 is more than half the kernel 2", M{});
    row("global avg pool", "global_avgpool", M{}, "1x512x7x7", "1x512x1x1",
        M{{"adds", 512 * 48}, {"divs", 512}});
    // windows along 5 → 3: [0,2) [1,4) [3,5): sizes 2+3+2 = 7 per axis, 49 summed values, 9 outputs
    row("adaptive avg pool", "adaptive_avgpool2d", M{{"output_h", 3}, {"output_w", 3}}, "1x1x5x5",
        "1x1x3x3", M{{"adds", 49 - 9}, {"divs", 9}});

    row("batchnorm", "batchnorm2d", M{}, "1x64x56x56", "1x64x56x56",
        M{{"weights", 64},
          {"bias", 64},
          {"buffers", 128},
          {"muls", 64 * 56 * 56},
          {"adds", 64 * 56 * 56}});
    row("batchnorm no affine", "batchnorm2d", M{{"affine", false}}, "1x64x56x56", "1x64x56x56",
        M{{"weights", 0}, {"bias", 0}, {"buffers", 128}});
    row("lrn", "lrn", M{}, "1x64x56x56", "1x64x56x56",
        M{{"muls", 64 * 56 * 56 * 6}, {"adds", 64 * 56 * 56 * 5}, {"divs", 64 * 56 * 56}});

    row("relu", "relu", M{}, "1x64x56x56", "1x64x56x56", M{{"comps", 200704}, {"macs", 0}});
    row("relu6", "relu6", M{}, "1x32x112x112", "1x32x112x112", M{{"comps", 2 * 32 * 112 * 112}});
    row("leaky relu", "leaky_relu", M{{"negative_slope", 0.2}}, "2x10", "2x10",
        M{{"comps", 20}, {"muls", 20}});
    // PReLU: one learned slope per channel (or one in all), a comparison and a multiply per value.
    row("prelu per channel", "prelu", M{}, "1x64x56x56", "1x64x56x56",
        M{{"weights", 64}, {"bias", 0}, {"comps", 64 * 56 * 56}, {"muls", 64 * 56 * 56}});
    row("prelu shared", "prelu", M{{"channel_shared", true}}, "2x10", "2x10",
        M{{"weights", 1}, {"comps", 20}, {"muls", 20}});
    row("sigmoid", "sigmoid", M{}, "1x10", "1x10", M{{"exps", 10}, {"adds", 10}, {"divs", 10}});
    row("tanh", "tanh", M{}, "1x10", "1x10", M{{"exps", 10}});
    row("gelu", "gelu", M{}, "1x10", "1x10", M{{"muls", 30}, {"adds", 10}, {"exps", 10}});
    row("softmax", "softmax", M{}, "1x10", "1x10", M{{"exps", 10}, {"adds", 9}, {"divs", 10}});
    row("softmax channels", "softmax", M{}, "2x5x3x3", "2x5x3x3", M{{"adds", 2 * 9 * 4}});

    row("dropout", "dropout", M{}, "1x4096", "1x4096",
        M{{"adds", 0}, {"muls", 0}, {"activations", 4096}});
    row("flatten", "flatten", M{}, "1x512x7x7", "1x25088", M{{"activations", 25088}});
    row("flatten batch", "flatten", M{}, "4x2x3x5", "4x30", M{});
    // VGG-16 fc6: 25,088 × 4,096
    row("linear vgg fc6", "linear", M{{"out_features", 4096}}, "1x25088", "1x4096",
        M{{"weights", qint64(102760448)}, {"bias", 4096}, {"macs", qint64(102760448)}});
    row("linear batch", "linear", M{{"out_features", 10}}, "4x512", "4x10",
        M{{"weights", 5120}, {"macs", 4 * 5120}, {"biasAdds", 40}});
    row("linear on image", "linear", M{}, "1x512x7x7",
        "error:Linear works on the last dimension of N×F features or N×L×D tokens, but its input "
        "is the image 1×512×7×7",
        M{});
    // ViT-B/16 MLP: every one of 197 tokens goes through a 768 → 3072 matrix.
    row("linear tokens", "linear", M{{"out_features", 3072}}, "2x197x768", "2x197x3072",
        M{{"weights", 768 * 3072},
          {"bias", 3072},
          {"macs", qint64(2) * 197 * 768 * 3072},
          {"biasAdds", 2 * 197 * 3072}});
    row("linear rank 5", "linear", M{{"out_features", 4}, {"bias", false}}, "1x2x3x5x8",
        "1x2x3x5x4", M{{"macs", 2 * 3 * 5 * 8 * 4}});

    row("concat inception", "concat", M{}, "1x64x28x28;1x128x28x28;1x32x28x28;1x32x28x28",
        "1x256x28x28", M{{"adds", 0}});
    row("concat height mismatch", "concat", M{}, "1x64x28x28;1x64x14x14",
        "error:Concat inputs differ in height: 28 vs 14", M{});
    row("concat flat", "concat", M{}, "1x10;1x20", "1x30", M{});
    row("add residual", "add", M{}, "1x256x56x56;1x256x56x56", "1x256x56x56",
        M{{"adds", 256 * 56 * 56}});
    row("add three", "add", M{}, "1x8x2x2;1x8x2x2;1x8x2x2", "1x8x2x2", M{{"adds", 2 * 32}});
    row("add broadcast", "add", M{}, "1x64x28x28;1x64x1x1", "1x64x28x28",
        M{{"adds", 64 * 28 * 28}});
    row("add broadcast first", "add", M{}, "1x64x1x1;1x64x28x28", "1x64x28x28", M{});
    row("add mismatch", "add", M{}, "1x64x28x28;1x256x28x28",
        "error:Add inputs cannot be broadcast in channels: 64 vs 256", M{});
    // NumPy aligns shapes from the right: 1×64 meets 28×28, so the last axis compares 28 with 64.
    row("add rank mismatch", "add", M{}, "1x64x28x28;1x64",
        "error:Add inputs cannot be broadcast in width: 28 vs 64", M{});
    row("add lower rank", "add", M{}, "1x197x768;1x768", "1x197x768", M{{"adds", 197 * 768}});
    row("add scalar", "add", M{}, "scalar;2x3x4", "2x3x4", M{{"adds", 24}});

    row("upsample nearest", "upsample", M{}, "1x16x10x10", "1x16x20x20", M{{"muls", 0}});
    row("upsample bilinear", "upsample",
        M{{"mode", "bilinear"}, {"scale_h", 1.5}, {"scale_w", 1.5}}, "1x16x10x10", "1x16x15x15",
        M{{"muls", 4 * 16 * 225}, {"adds", 3 * 16 * 225}});
    row("zeropad", "zeropad2d", M{{"left", 1}, {"right", 2}, {"top", 3}, {"bottom", 4}},
        "1x3x10x10", "1x3x17x13", M{});

    // Opaque (imported) operators: the shape is recorded, only parameters and the output are
    // counted.
    row("opaque same as input", "opaque", M{{"op_type", "HardSwish"}, {"params", 7}}, "1x16x8x8",
        "1x16x8x8", M{{"weights", 7}, {"macs", 0}, {"adds", 0}, {"activations", 1024}});
    row("opaque given, batch follows input", "opaque",
        M{{"shape", "given"}, {"rank", 4}, {"dim0", 1}, {"dim1", 32}, {"dim2", 4}, {"dim3", 4}},
        "2x16x8x8", "2x32x4x4", M{{"activations", 2 * 32 * 16}});
    row("opaque given rank 2", "opaque",
        M{{"shape", "given"}, {"rank", 2}, {"dim0", 3}, {"dim1", 5}, {"batch_from_input", false}},
        "2x16x8x8", "3x5", M{});
    row("opaque source", "opaque", M{{"shape", "given"}, {"rank", 2}, {"dim0", 1}, {"dim1", 5}}, "",
        "1x5", M{});
    row("opaque unknown shape", "opaque", M{{"shape", "unknown"}, {"op_type", "Mystery"}}, "1x4",
        "error:the output shape of this imported Mystery operator is unknown", M{});
    row("opaque same as input without input", "opaque", M{}, "", "error:has no input", M{});
    row("input image", "input", M{{"channels", 192}, {"height", 28}, {"width", 28}}, "",
        "1x192x28x28", M{{"activations", 150528}});
    row("input sequence", "input", M{{"layout", "sequence"}, {"length", 197}, {"features", 768}},
        "", "1x197x768", M{{"activations", 197 * 768}});
    row("input signal", "input", M{{"layout", "signal"}, {"channels", 2}, {"length", 100}}, "",
        "1x2x100", M{});
    row("input volume", "input",
        M{{"layout", "volume"}, {"channels", 3}, {"depth", 8}, {"height", 4}, {"width", 5}}, "",
        "1x3x8x4x5", M{{"activations", 3 * 8 * 4 * 5}});
    row("opaque given rank 6", "opaque",
        M{{"shape", "given"},
          {"rank", 6},
          {"dim0", 1},
          {"dim1", 7},
          {"dim2", 2},
          {"dim3", 3},
          {"dim4", 4},
          {"dim5", 5}},
        "1x3", "1x7x2x3x4x5", M{{"activations", 7 * 2 * 3 * 4 * 5}});
    row("input features", "input", M{{"layout", "features"}, {"features", 784}, {"batch", 2}}, "",
        "2x784", M{});
    row("identity", "identity", M{}, "1x3x4x4", "1x3x4x4", M{{"weights", 0}});
    row("output", "output", M{}, "1x10", "1x10", M{{"activations", 0}});
}

void tst_LayerRules::rules()
{
    QFETCH(QString, type);
    QFETCH(QVariantMap, params);
    QFETCH(QString, inputs);
    QFETCH(QString, expected);
    QFETCH(QVariantMap, costs);

    const LayerType *t = LayerRegistry::builtin().find(type);
    QVERIFY2(t, qPrintable(type));
    ParamValues values = t->defaultParams();
    for (auto it = params.begin(); it != params.end(); ++it) {
        const int index = t->paramIndex(it.key());
        QVERIFY2(index >= 0, qPrintable(it.key()));
        QString why;
        QVariant v = it.value();
        if (v.typeId() == QMetaType::Int)
            v = QVariant(qint64(v.toInt()));
        const QVariant checked = validateParam(t->params[index], v, &why);
        QVERIFY2(checked.isValid(), qPrintable(why));
        values.set(index, checked);
    }
    const QVector<TensorShape> in = shapes(inputs);
    const ShapeResult r =
        t->shape(values, std::span<const TensorShape>(in.data(), size_t(in.size())), RuleContext{});
    if (expected.startsWith(QLatin1String("error:"))) {
        QVERIFY2(!r.isOk(),
                 qPrintable(QStringLiteral("expected an error, got ") + r.shape.toString()));
        QVERIFY2(r.error.contains(expected.mid(6)), qPrintable(r.error));
        return;
    }
    QVERIFY2(r.isOk(), qPrintable(r.error));
    QCOMPARE(r.shape.toString(), shape(expected).toString());
    const Costs c =
        t->cost(values, std::span<const TensorShape>(in.data(), size_t(in.size())), r.shape);
    QVERIFY(!c.overflowed());
    const QHash<QString, qint64> actual{{"weights", c.weights.value()},
                                        {"bias", c.bias.value()},
                                        {"buffers", c.buffers.value()},
                                        {"macs", c.macs.value()},
                                        {"biasAdds", c.biasAdds.value()},
                                        {"adds", c.adds.value()},
                                        {"muls", c.muls.value()},
                                        {"divs", c.divs.value()},
                                        {"exps", c.exps.value()},
                                        {"comps", c.comps.value()},
                                        {"activations", c.activations.value()}};
    for (auto it = costs.begin(); it != costs.end(); ++it) {
        QVERIFY2(actual.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(actual.value(it.key()), it.value().toLongLong());
    }
}

QTEST_GUILESS_MAIN(tst_LayerRules)
#include "tst_LayerRules.moc"
