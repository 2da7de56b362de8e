// Shape layers of any rank (Reshape, Permute, Flatten with axes, Concat on any axis, Squeeze,
// Unsqueeze, Slice, ChannelShuffle, PixelShuffle, reductions) and Linear over tokens. Every
// expected shape comes from PyTorch, run in the test on the same input shapes; expected
// operation counts are worked out by hand in the row. The export test runs the generated module.
#include "TestUtil.h"
#include "analysis/AnalysisEngine.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "io/PyTorchExport.h"
#include "layers/LayerRegistry.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace naqsh;
using test::shapes;

namespace {

struct Row
{
    const char *name;
    const char *type;
    QVariantMap params;
    const char *inputs;
    const char *torch; ///< expression of x[0], x[1], …, or "error:<substring>"
    QVariantMap costs; ///< counters worked out by hand
};

using M = QVariantMap;

const QVector<Row> &rows()
{
    static const QVector<Row> r{
        {"reshape flatten", "reshape", M{{"shape", "0, -1"}}, "2x256x6x6", "x[0].reshape(2, -1)",
         M{{"activations", 2 * 9216}, {"macs", 0}}},
        {"reshape patches", "reshape", M{{"shape", "0, 768, -1"}}, "1x768x14x14",
         "x[0].reshape(1, 768, -1)", M{}},
        {"reshape shufflenet", "reshape", M{{"shape", "0 2 58 28 28"}}, "1x116x28x28",
         "x[0].view(1, 2, 58, 28, 28)", M{}},
        {"reshape swin windows", "reshape", M{{"shape", "1, 8, 7, 8, 7, 96"}}, "1x56x56x96",
         "x[0].view(1, 8, 7, 8, 7, 96)", M{}},
        {"reshape count", "reshape", M{{"shape", "0, 3"}}, "1x10",
         "error:Reshape must keep the number of values", M{}},
        {"reshape two inferred", "reshape", M{{"shape", "-1, -1"}}, "1x10",
         "error:only one size can be -1", M{}},
        {"reshape text", "reshape", M{{"shape", "0, a"}}, "1x10",
         "error:\"a\" is not a whole number", M{}},
        {"permute nhwc", "permute", M{{"dims", "0, 2, 3, 1"}}, "1x3x4x5",
         "x[0].permute(0, 2, 3, 1)", M{{"activations", 60}}},
        {"permute shuffle", "permute", M{{"dims", "0,2,1,3,4"}}, "1x2x58x28x28",
         "x[0].transpose(1, 2)", M{}},
        {"permute windows", "permute", M{{"dims", "0, 1, 3, 2, 4, 5"}}, "1x8x7x8x7x96",
         "x[0].permute(0, 1, 3, 2, 4, 5)", M{}},
        {"permute negative", "permute", M{{"dims", "0, -1, 1"}}, "2x3x4", "x[0].permute(0, 2, 1)",
         M{}},
        {"permute count", "permute", M{{"dims", "0, 1"}}, "2x3x4", "error:give 3 numbers", M{}},
        {"permute repeated", "permute", M{{"dims", "0, 1, 1"}}, "2x3x4",
         "error:axis 1 is given twice", M{}},
        {"flatten patches", "flatten", M{{"start_dim", 2}}, "1x768x14x14", "x[0].flatten(2)", M{}},
        {"flatten middle", "flatten", M{{"start_dim", 1}, {"end_dim", 2}}, "2x3x4x5",
         "x[0].flatten(1, 2)", M{}},
        {"concat class token", "concat", M{{"axis", 1}}, "1x1x768;1x196x768",
         "torch.cat([x[0], x[1]], 1)", M{{"adds", 0}}},
        {"concat last", "concat", M{{"axis", -1}}, "2x3x4;2x3x5", "torch.cat([x[0], x[1]], -1)",
         M{}},
        {"concat mismatch", "concat", M{{"axis", 1}}, "1x1x768;1x196x512",
         "error:Concat inputs differ in features per token: 768 vs 512", M{}},
        {"squeeze", "squeeze", M{{"axes", "2, 3"}}, "1x64x1x1", "x[0].squeeze(3).squeeze(2)", M{}},
        {"squeeze after batch", "squeeze", M{{"axes", ""}}, "1x64x1x1", "x[0].flatten(1)", M{}},
        {"squeeze not one", "squeeze", M{{"axes", "1"}}, "1x64x1x1",
         "error:dimension 1 of 1×64×1×1 has size 64", M{}},
        {"unsqueeze", "unsqueeze", M{{"axes", "2, 3"}}, "4x64", "x[0].unsqueeze(2).unsqueeze(3)",
         M{}},
        {"unsqueeze last", "unsqueeze", M{{"axes", "-1"}}, "2x3", "x[0].unsqueeze(-1)", M{}},
        {"slice class token", "slice", M{{"axis", 1}, {"start", 0}, {"end", 1}}, "1x197x768",
         "x[0][:, 0:1]", M{{"activations", 768}}},
        {"slice step", "slice", M{{"axis", 2}, {"start", 1}, {"end", 100}, {"step", 3}}, "1x10x8",
         "x[0][:, :, 1:100:3]", M{}},
        {"slice negative", "slice", M{{"axis", -1}, {"start", -4}, {"end", -1}}, "2x10",
         "x[0][..., -4:-1]", M{}},
        {"slice empty", "slice", M{{"axis", 1}, {"start", 5}, {"end", 2}}, "2x10", "error:is empty",
         M{}},
        {"channel shuffle", "channel_shuffle", M{{"groups", 2}}, "1x116x28x28",
         "nn.ChannelShuffle(2)(x[0])", M{{"activations", 116 * 28 * 28}, {"muls", 0}}},
        {"channel shuffle groups", "channel_shuffle", M{{"groups", 2}}, "1x5x4x4",
         "error:multiple of the 2 groups", M{}},
        {"pixel shuffle", "pixel_shuffle", M{{"upscale_factor", 3}}, "1x18x4x5",
         "nn.functional.pixel_shuffle(x[0], 3)", M{}},
        {"pixel shuffle channels", "pixel_shuffle", M{{"upscale_factor", 2}}, "1x6x4x4",
         "error:needs channels divisible by 2 × 2 = 4", M{}},
        // LayerNorm's first step: a mean over the 768 features of each of 197 tokens.
        {"mean last", "reduce_mean", M{{"axes", "-1"}}, "1x197x768", "x[0].mean(-1, keepdim=True)",
         M{{"adds", 197 * 767}, {"divs", 197}, {"activations", 197}}},
        {"mean spatial", "reduce_mean", M{{"axes", "2, 3"}, {"keepdims", false}}, "2x64x7x7",
         "x[0].mean((2, 3))", M{{"adds", 2 * 64 * 48}, {"divs", 128}}},
        {"mean after batch", "reduce_mean", M{{"axes", ""}, {"keepdims", false}}, "2x3x4",
         "x[0].mean((1, 2))", M{{"adds", 2 * 11}, {"divs", 2}}},
        {"sum", "reduce_sum", M{{"axes", "1"}, {"keepdims", false}}, "2x3x4", "x[0].sum(1)",
         M{{"adds", 2 * 4 * 2}, {"divs", 0}}},
        {"max", "reduce_max", M{{"axes", "1"}}, "1x8x4x4", "x[0].amax(1, keepdim=True)",
         M{{"comps", 16 * 7}, {"adds", 0}}},
        // Swin V2's cosine attention: the norm of each 32-feature query of 3 heads x 49 tokens;
        // 32 squares, 31 additions and one square root per norm, no MACs.
        {"l2 last", "reduce_l2", M{{"axes", "-1"}}, "4x3x49x32",
         "torch.linalg.vector_norm(x[0], dim=-1, keepdim=True)",
         M{{"muls", 4 * 3 * 49 * 32},
           {"adds", 4 * 3 * 49 * 31},
           {"exps", 4 * 3 * 49},
           {"activations", 4 * 3 * 49},
           {"macs", 0}}},
        {"l2 two axes", "reduce_l2", M{{"axes", "1, 3"}, {"keepdims", false}}, "2x3x4x5",
         "x[0].norm(dim=(1, 3))", M{{"muls", 120}, {"adds", 2 * 4 * 14}, {"exps", 8}}},
        // F.normalize's floor under the norm: one comparison per value and bound.
        {"clamp min", "clamp", M{{"has_max", false}, {"min", 1e-12}}, "49x1x64x1",
         "x[0].clamp(min=1e-12)", M{{"comps", 49 * 64}, {"activations", 49 * 64}, {"adds", 0}}},
        {"clamp both", "clamp", M{{"min", -1.0}, {"max", 2.0}}, "2x3", "x[0].clamp(-1.0, 2.0)",
         M{{"comps", 12}}},
        {"expand", "expand", M{{"shape", "49, 1, 64, 32"}}, "49x1x64x1",
         "x[0].expand(49, 1, 64, 32)", M{{"activations", 49 * 64 * 32}, {"muls", 0}, {"comps", 0}}},
        {"expand both ways", "expand", M{{"shape", "2, 1, 5"}}, "3x1", "x[0].expand(2, 3, 5)",
         M{{"activations", 30}}},
        {"expand mismatch", "expand", M{{"shape", "4, 5"}}, "3x1",
         "error:Expand cannot broadcast 3×1 to the sizes 4×5", M{}},
        // Swin's N×H×W×C map padded to whole windows of 8: 28×28 → 32×32, zeros only.
        {"pad tokens", "pad", M{{"pads", "0, 0, 0, 0, 0, 4, 4, 0"}}, "1x28x28x96",
         "torch.nn.functional.pad(x[0], (0, 0, 0, 4, 0, 4))",
         M{{"activations", 32 * 32 * 96}, {"adds", 0}, {"comps", 0}}},
        {"pad rank", "pad", M{{"pads", "0, 1, 0, 1"}}, "1x28x28",
         "error:4 numbers for a tensor of rank 3, which needs 6", M{}},
        {"reduce axis", "reduce_max", M{{"axes", "4"}}, "1x8x4x4",
         "error:axis 4 does not exist in a tensor of rank 4", M{}},
        // Element-wise arithmetic with broadcasting; one operation per value per extra operand.
        {"mul se gate", "mul", M{}, "1x64x1x1;1x64x56x56", "x[0] * x[1]",
         M{{"muls", 64 * 56 * 56}, {"activations", 64 * 56 * 56}}},
        {"mul three", "mul", M{}, "2x3;2x3;1x3", "x[0] * x[1] * x[2]", M{{"muls", 12}}},
        {"sub broadcast", "sub", M{}, "2x3x4;4", "x[0] - x[1]", M{{"adds", 24}}},
        {"div tokens", "div", M{}, "1x197x768;1x197x1", "x[0] / x[1]", M{{"divs", 197 * 768}}},
        {"mul constant", "mul", M{{"constant_operand", true}}, "1x8x4x4", "x[0] * 0.5",
         M{{"muls", 128}}},
        {"mul mismatch", "mul", M{}, "1x64x1x1;1x32x4x4",
         "error:Mul inputs cannot be broadcast in dimension 1: 64 vs 32", M{}},
        {"silu", "silu", M{}, "1x8x4x4", "nn.SiLU()(x[0])",
         M{{"exps", 128}, {"adds", 128}, {"divs", 128}, {"muls", 128}}},
        {"hardswish", "hardswish", M{}, "1x8x4x4", "nn.Hardswish()(x[0])",
         M{{"adds", 128}, {"comps", 256}, {"muls", 128}, {"divs", 128}, {"exps", 0}}},
        {"hardsigmoid", "hardsigmoid", M{}, "1x8x1x1", "nn.Hardsigmoid()(x[0])",
         M{{"adds", 8}, {"comps", 16}, {"divs", 8}, {"muls", 0}}},
        {"mish", "mish", M{}, "2x10", "nn.Mish()(x[0])",
         M{{"exps", 60}, {"adds", 20}, {"muls", 20}}},
        {"softplus", "softplus", M{}, "2x10", "nn.Softplus()(x[0])", M{{"exps", 40}, {"adds", 20}}},
        {"elu", "elu", M{{"alpha", 0.5}}, "2x10", "nn.ELU(0.5)(x[0])",
         M{{"comps", 20}, {"exps", 20}, {"adds", 20}, {"muls", 20}}},
        {"gelu tanh", "gelu", M{{"approximate", "tanh"}}, "1x197x768",
         "nn.GELU(approximate='tanh')(x[0])",
         M{{"muls", 6 * (197 * 768)}, {"adds", 2 * (197 * 768)}, {"exps", (197 * 768)}}},
        {"gelu erf", "gelu", M{}, "1x197x768", "nn.GELU()(x[0])",
         M{{"muls", 3 * (197 * 768)}, {"adds", (197 * 768)}, {"exps", (197 * 768)}}},
        // LayerNorm over 768 features of 197 tokens: per token 3·768 − 1 additions, 2 + 768
        // divisions, one square root; the scale and shift add one multiplication and one addition
        // per value and 2 · 768 parameters.
        {"layernorm", "layernorm", M{}, "1x197x768", "nn.LayerNorm(768)(x[0])",
         M{{"weights", 768},
           {"bias", 768},
           {"adds", 197 * (3 * 768 - 1) + (197 * 768)},
           {"muls", 2 * (197 * 768)},
           {"divs", 197 * 2 + (197 * 768)},
           {"exps", 197},
           {"macs", 0}}},
        {"layernorm two dims", "layernorm", M{{"dims", 2}, {"affine", false}}, "2x3x4x5",
         "nn.LayerNorm([4, 5], elementwise_affine=False)(x[0])",
         M{{"weights", 0}, {"adds", 6 * (3 * 20 - 1)}, {"divs", 6 * 2 + 120}, {"exps", 6}}},
        {"layernorm rank", "layernorm", M{{"dims", 2}}, "2x10",
         "error:needs an input of rank above 2", M{}},
        // GroupNorm, 8 groups of 64 channels / 8 = 8 channels × 8 × 8 = 512 values.
        {"groupnorm", "groupnorm", M{{"groups", 8}}, "1x64x8x8", "nn.GroupNorm(8, 64)(x[0])",
         M{{"weights", 64},
           {"bias", 64},
           {"adds", 8 * (3 * 512 - 1) + 4096},
           {"divs", 16 + 4096},
           {"exps", 8}}},
        {"groupnorm groups", "groupnorm", M{{"groups", 5}}, "1x64x8x8",
         "error:multiple of the 5 groups", M{}},
        {"instancenorm", "instancenorm", M{}, "2x3x5x5", "nn.InstanceNorm2d(3)(x[0])",
         M{{"weights", 0}, {"adds", 6 * (3 * 25 - 1)}, {"muls", 150}, {"divs", 12 + 150}}},
        // Attention's products: every output value is a dot product of length k.
        {"matmul scores", "matmul", M{}, "1x12x197x64;1x12x64x197", "torch.matmul(x[0], x[1])",
         M{{"macs", qint64(12) * 197 * 197 * 64}, {"weights", 0}}},
        {"matmul values", "matmul", M{}, "1x12x197x197;1x12x197x64", "x[0] @ x[1]",
         M{{"macs", qint64(12) * 197 * 64 * 197}}},
        {"matmul broadcast", "matmul", M{}, "2x1x3x4;5x4x6", "torch.matmul(x[0], x[1])",
         M{{"macs", 2 * 5 * 3 * 6 * 4}}},
        {"matmul mismatch", "matmul", M{}, "1x3x4;1x5x6",
         "error:the last size of A (4, from 1×3×4) must equal the second last of B (5", M{}},
        {"softmax scores", "softmax", M{{"axis", -1}}, "1x12x197x197", "nn.Softmax(-1)(x[0])",
         M{{"exps", 12 * 197 * 197}, {"adds", 12 * 197 * 196}, {"divs", 12 * 197 * 197}}},
        // Conv1d: L_out = (50 + 4 − 5) / 2 + 1 = 25; MACs = 25 · 8 · 5 · 4.
        {"conv1d", "conv1d", M{{"out_channels", 8}, {"kernel", 5}, {"stride", 2}, {"padding", 2}},
         "2x4x50", "nn.Conv1d(4, 8, 5, stride=2, padding=2)(x[0])",
         M{{"macs", 2 * 25 * 8 * 5 * 4}, {"weights", 8 * 4 * 5}, {"bias", 8}}},
        // Conv3d 3×3×3, padding 1: same size; MACs = 8·16·16 · 4 · 27 · 3.
        {"conv3d", "conv3d", M{{"out_channels", 4}}, "1x3x8x16x16",
         "nn.Conv3d(3, 4, 3, padding=1)(x[0])",
         M{{"macs", 8 * 16 * 16 * 4 * 27 * 3}, {"weights", 4 * 3 * 27}}},
        {"conv3d strided", "conv3d",
         M{{"out_channels", 6}, {"kernel_d", 2}, {"stride_d", 2}, {"pad_d", 0}, {"groups", 3}},
         "1x3x8x10x10",
         "nn.Conv3d(3, 6, (2, 3, 3), stride=(2, 1, 1), padding=(0, 1, 1), "
         "groups=3)(x[0])",
         M{{"macs", 4 * 10 * 10 * 6 * 18 * 1}, {"weights", 6 * 18}}},
        {"conv1d on image", "conv1d", M{}, "1x3x8x8", "error:needs a N×C×L input", M{}},
        // Linear acts on the last dimension; MACs from the hand formula tokens × in × out.
        {"linear tokens", "linear", M{{"out_features", 384}}, "2x50x96", "nn.Linear(96, 384)(x[0])",
         M{{"macs", 2 * 50 * 96 * 384}, {"weights", 96 * 384}, {"bias", 384}}},
    };
    return r;
}

QString pyShape(const TensorShape &s)
{
    QStringList d;
    for (qint64 v : s.toVector())
        d << QString::number(v);
    return QStringLiteral("(%1%2)").arg(d.join(QStringLiteral(", ")),
                                        d.size() == 1 ? QStringLiteral(",") : QString());
}

} // namespace

class tst_TensorLayers : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void rules_data();
    void rules();
    void exportRuns();
    void severalOutputs();
    void exportSqueezeExcitationAndNorms();
    void exportAttentionAndConvNd();
    void severalOutputsGraph();

private:
    test::PythonRun runPython(const QString &code);
    bool m_torch = false;
    QHash<QString, QString> m_expected; ///< row name -> PyTorch's output shape "1x2x3"
    QTemporaryDir m_dir;
};

test::PythonRun tst_TensorLayers::runPython(const QString &code)
{
    static int n = 0;
    return test::runPythonScript(m_dir.filePath(QStringLiteral("script_%1.py").arg(++n)), code,
                                 300000);
}

void tst_TensorLayers::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString code = QStringLiteral("import torch\nfrom torch import nn\n");
    for (const Row &row : rows()) {
        if (QByteArray(row.torch).startsWith("error:"))
            continue;
        QStringList tensors;
        for (const TensorShape &s : shapes(QString::fromLatin1(row.inputs)))
            tensors << QStringLiteral("torch.zeros(%1)").arg(pyShape(s));
        code += QStringLiteral("x = [%1]\nprint('%2:', 'x'.join(str(d) for d in (%3).shape))\n")
                    .arg(tensors.join(QStringLiteral(", ")), QLatin1String(row.name),
                         QString::fromUtf8(row.torch));
    }
    const test::PythonRun run = runPython(code);
    const QString &out = run.output;
    m_torch = run.ok;
    if (!m_torch)
        qWarning("PyTorch run failed: %s", qPrintable(out));
    static const QRegularExpression line(QStringLiteral("^([^:]+): ([0-9x]+)$"),
                                         QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(out); it.hasNext();) {
        const auto m = it.next();
        m_expected.insert(m.captured(1), m.captured(2));
    }
}

void tst_TensorLayers::rules_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < rows().size(); ++i)
        QTest::newRow(rows()[i].name) << i;
}

void tst_TensorLayers::rules()
{
    QFETCH(int, index);
    const Row &row = rows()[index];
    const LayerType *t = LayerRegistry::builtin().find(QString::fromLatin1(row.type));
    QVERIFY2(t, row.type);
    ParamValues values = t->defaultParams();
    for (auto it = row.params.begin(); it != row.params.end(); ++it) {
        const int i = t->paramIndex(it.key());
        QVERIFY2(i >= 0, qPrintable(it.key()));
        QVariant v = it.value();
        if (v.typeId() == QMetaType::Int)
            v = QVariant(qint64(v.toInt()));
        QString why;
        const QVariant checked = validateParam(t->params[i], v, &why);
        QVERIFY2(checked.isValid(), qPrintable(why));
        values.set(i, checked);
    }
    const QVector<TensorShape> in = shapes(QString::fromLatin1(row.inputs));
    const std::span<const TensorShape> span(in.data(), size_t(in.size()));
    const ShapeResult r = t->shape(values, span, RuleContext{});
    const QString torch = QString::fromUtf8(row.torch);
    if (torch.startsWith(QLatin1String("error:"))) {
        QVERIFY2(!r.isOk(), qPrintable(r.shape.toString()));
        QVERIFY2(r.error.contains(torch.mid(6)), qPrintable(r.error));
        return;
    }
    QVERIFY2(r.isOk(), qPrintable(r.error));
    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot run torch");
    QVERIFY2(m_expected.contains(QString::fromLatin1(row.name)), row.name);
    QCOMPARE(r.shape.toString().replace(QChar(0x00D7), QLatin1Char('x')),
             m_expected.value(QString::fromLatin1(row.name)));
    const Costs c = t->cost(values, span, r.shape);
    const QHash<QString, qint64> actual{{"weights", c.weights.value()},
                                        {"bias", c.bias.value()},
                                        {"macs", c.macs.value()},
                                        {"adds", c.adds.value()},
                                        {"muls", c.muls.value()},
                                        {"divs", c.divs.value()},
                                        {"comps", c.comps.value()},
                                        {"exps", c.exps.value()},
                                        {"activations", c.activations.value()}};
    for (auto it = row.costs.begin(); it != row.costs.end(); ++it) {
        QVERIFY2(actual.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(actual.value(it.key()), it.value().toLongLong());
    }
    // Every type explains itself with its numbers.
    if (t->explain)
        QVERIFY(!t->explain(values, span, r.shape).isEmpty());
}

void tst_TensorLayers::exportRuns()
{
    // A ViT-style stem and a ShuffleNet-style shuffle built from the new types, exported and run.
    GraphModel m(LayerRegistry::builtin());
    auto add = [&](const char *type, const char *name, const QVariantMap &params,
                   QVector<LayerId> inputs) {
        const LayerId id = m.addLayer(QString::fromLatin1(type), QString::fromLatin1(name));
        for (auto it = params.begin(); it != params.end(); ++it) {
            QString why;
            if (!m.setParam(id, it.key(), it.value(), &why))
                qFatal("%s.%s: %s", name, qPrintable(it.key()), qPrintable(why));
        }
        for (LayerId in : inputs) {
            QString why;
            if (!m.connectLayers(in, id, -1, &why))
                qFatal("%s: %s", name, qPrintable(why));
        }
        return id;
    };
    const LayerId img =
        add("input", "image", {{"channels", 8}, {"height", 8}, {"width", 8}, {"batch", 2}}, {});
    const LayerId patch = add(
        "conv2d", "patch",
        {{"out_channels", 16}, {"kernel_h", 4}, {"kernel_w", 4}, {"stride_h", 4}, {"stride_w", 4}},
        {img});
    const LayerId flat = add("flatten", "flat", {{"start_dim", 2}}, {patch});
    const LayerId tokens = add("permute", "tokens", {{"dims", "0, 2, 1"}}, {flat});
    const LayerId mlp = add("linear", "mlp", {{"out_features", 32}}, {tokens});
    const LayerId first = add("slice", "first", {{"axis", 1}, {"start", 0}, {"end", 1}}, {mlp});
    const LayerId cat = add("concat", "with_first", {{"axis", 1}}, {first, mlp});
    const LayerId mean = add("reduce_mean", "mean", {{"axes", "-1"}, {"keepdims", false}}, {cat});
    const LayerId sq = add("unsqueeze", "unsq", {{"axes", "-1"}}, {mean});
    const LayerId back = add("squeeze", "sq", {{"axes", "2"}}, {sq});
    add("output", "o1", {}, {back});
    const LayerId r5 = add("reshape", "groups", {{"shape", "0, 2, 4, 8, 8"}}, {img});
    const LayerId t5 = add("permute", "swap", {{"dims", "0, 2, 1, 3, 4"}}, {r5});
    const LayerId r4 = add("reshape", "merge", {{"shape", "0, -1, 8, 8"}}, {t5});
    const LayerId cs = add("channel_shuffle", "shuffle", {{"groups", 2}}, {r4});
    const LayerId ps = add("pixel_shuffle", "pixels", {{"upscale_factor", 2}}, {cs});
    const LayerId d2s = add("pixel_shuffle", "d2s", {{"upscale_factor", 2}, {"mode", "dcr"}}, {cs});
    const LayerId mx = add("reduce_max", "max", {{"axes", "1"}}, {ps});
    const LayerId sm = add("reduce_sum", "sum", {{"axes", "2, 3"}, {"keepdims", false}}, {d2s});
    const LayerId l2 = add("reduce_l2", "norm", {{"axes", "1"}, {"keepdims", false}}, {sm});
    add("output", "o2", {}, {mx});
    add("output", "o3", {}, {sm});
    const LayerId floor = add("clamp", "floor", {{"has_max", false}, {"min", 1e-12}}, {l2});
    const LayerId rep0 = add("expand", "rep", {{"shape", "3, 2"}}, {floor});
    const LayerId rep = add("pad", "padded", {{"pads", "1, 0, 0, 2"}}, {rep0});
    add("output", "o4", {}, {rep});

    const AnalysisResult result = AnalysisEngine::analyze(m.graph(), LayerRegistry::builtin());
    QCOMPARE(result.errorCount, 0);
    const QString code = toPyTorch(m.graph(), LayerRegistry::builtin(), result);
    QVERIFY2(code.contains(QStringLiteral("tokens = flat.permute(0, 2, 1)")), qPrintable(code));
    QVERIFY2(code.contains(QStringLiteral("groups = image.reshape(image.shape[0], 2, 4, 8, 8)")),
             qPrintable(code));
    QVERIFY(code.contains(QStringLiteral("with_first = torch.cat([first, mlp], dim=1)")));
    QVERIFY(code.contains(QStringLiteral("self.shuffle = nn.ChannelShuffle(2)")));
    QVERIFY(code.contains(QStringLiteral("self.flat = nn.Flatten(2, -1)")));
    QVERIFY2(
        code.contains(QStringLiteral("torch.linalg.vector_norm(sum, dim=(1,), keepdim=False)")),
        qPrintable(code));
    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot run torch");
    const test::PythonRun run = runPython(code);
    const QString &out = run.output;
    QVERIFY2(run.ok, qPrintable(out + code));
    QStringList got;
    static const QRegularExpression shapeLine(QStringLiteral("^output shape: \\[([0-9, ]*)\\]$"),
                                              QRegularExpression::MultilineOption);
    for (auto it = shapeLine.globalMatch(out); it.hasNext();)
        got << it.next()
                   .captured(1)
                   .remove(QLatin1Char(' '))
                   .replace(QLatin1Char(','), QLatin1Char('x'));
    auto naqsh = [&](LayerId id) {
        return result.layer(id)->output.toString().replace(QChar(0x00D7), QLatin1Char('x'));
    };
    QCOMPARE(got, (QStringList{naqsh(back), naqsh(mx), naqsh(sm), naqsh(rep)}));
    QCOMPARE(naqsh(l2), QStringLiteral("2"));
    QCOMPARE(naqsh(rep0), QStringLiteral("3x2"));
    QCOMPARE(naqsh(rep), QStringLiteral("4x4"));
    QCOMPARE(naqsh(back), QStringLiteral("2x5"));
    QCOMPARE(naqsh(mx), QStringLiteral("2x1x16x16"));
    // PyTorch's own parameter count: conv 8·16·4·4 + 16 and linear 16·32 + 32.
    static const QRegularExpression paramsLine(QStringLiteral("^parameters: ([0-9]+)$"),
                                               QRegularExpression::MultilineOption);
    QCOMPARE(paramsLine.match(out).captured(1).toLongLong(), result.totals.params().value());
}

void tst_TensorLayers::exportSqueezeExcitationAndNorms()
{
    // MobileNetV3's squeeze-and-excitation gate, then every new activation and normalisation,
    // exported and run; PyTorch's parameter count must equal Naqsh's.
    GraphModel m(LayerRegistry::builtin());
    auto add = [&](const char *type, const char *name, const QVariantMap &params,
                   QVector<LayerId> inputs) {
        const LayerId id = m.addLayer(QString::fromLatin1(type), QString::fromLatin1(name));
        for (auto it = params.begin(); it != params.end(); ++it) {
            QString why;
            if (!m.setParam(id, it.key(), it.value(), &why))
                qFatal("%s.%s: %s", name, qPrintable(it.key()), qPrintable(why));
        }
        for (LayerId in : inputs) {
            QString why;
            if (!m.connectLayers(in, id, -1, &why))
                qFatal("%s: %s", name, qPrintable(why));
        }
        return id;
    };
    const LayerId x =
        add("input", "x", {{"channels", 16}, {"height", 6}, {"width", 6}, {"batch", 2}}, {});
    const LayerId hs = add("hardswish", "hs", {}, {x});
    const LayerId pool = add("global_avgpool", "squeeze", {}, {hs});
    const LayerId fc1 =
        add("conv2d", "reduce", {{"out_channels", 4}, {"kernel_h", 1}, {"kernel_w", 1}}, {pool});
    const LayerId act = add("relu", "act", {}, {fc1});
    const LayerId fc2 =
        add("conv2d", "expand", {{"out_channels", 16}, {"kernel_h", 1}, {"kernel_w", 1}}, {act});
    const LayerId gate = add("hardsigmoid", "gate", {}, {fc2});
    const LayerId scaled = add("mul", "scaled", {}, {hs, gate});
    const LayerId gn = add("groupnorm", "gn", {{"groups", 4}}, {scaled});
    const LayerId inn = add("instancenorm", "inorm", {{"affine", true}}, {gn});
    const LayerId si = add("silu", "silu", {}, {inn});
    const LayerId diff = add("sub", "diff", {}, {si, gate});
    const LayerId ratio = add("div", "ratio", {}, {diff, gate});
    const LayerId flat = add("flatten", "flat", {{"start_dim", 2}}, {ratio});
    const LayerId tok = add("permute", "tokens", {{"dims", "0, 2, 1"}}, {flat});
    const LayerId ln = add("layernorm", "ln", {}, {tok});
    const LayerId ge = add("gelu", "gelu", {{"approximate", "tanh"}}, {ln});
    const LayerId mi = add("mish", "mish", {}, {ge});
    const LayerId sp = add("softplus", "softplus", {}, {mi});
    const LayerId el = add("elu", "elu", {{"alpha", 0.5}}, {sp});
    add("output", "out", {}, {el});
    const AnalysisResult result = AnalysisEngine::analyze(m.graph(), LayerRegistry::builtin());
    QCOMPARE(result.errorCount, 0);
    QCOMPARE(result.layer(scaled)->output, TensorShape::nchw(2, 16, 6, 6));
    QCOMPARE(result.layer(el)->output.toString(), QStringLiteral("2×36×16"));
    const QString code = toPyTorch(m.graph(), LayerRegistry::builtin(), result);
    QVERIFY2(code.contains(QStringLiteral("scaled = hs * gate")), qPrintable(code));
    QVERIFY(code.contains(QStringLiteral("self.ln = nn.LayerNorm([16], eps=1e-05)")));
    QVERIFY(code.contains(QStringLiteral("self.gn = nn.GroupNorm(4, 16, eps=1e-05)")));
    QVERIFY(code.contains(
        QStringLiteral("self.inorm = nn.InstanceNorm2d(16, eps=1e-05, affine=True)")));
    QVERIFY(code.contains(QStringLiteral("nn.GELU(approximate=\"tanh\")")));
    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot run torch");
    const test::PythonRun run = runPython(code);
    const QString &out = run.output;
    QVERIFY2(run.ok, qPrintable(out + code));
    QVERIFY2(out.contains(QStringLiteral("output shape: [2, 36, 16]")), qPrintable(out));
    static const QRegularExpression paramsLine(QStringLiteral("^parameters: ([0-9]+)$"),
                                               QRegularExpression::MultilineOption);
    QCOMPARE(paramsLine.match(out).captured(1).toLongLong(), result.totals.params().value());
}

void tst_TensorLayers::exportAttentionAndConvNd()
{
    // One attention head over 10 tokens of 16 features, and Conv1d / Conv3d on their own inputs.
    GraphModel m(LayerRegistry::builtin());
    auto add = [&](const char *type, const char *name, const QVariantMap &params,
                   QVector<LayerId> inputs) {
        const LayerId id = m.addLayer(QString::fromLatin1(type), QString::fromLatin1(name));
        for (auto it = params.begin(); it != params.end(); ++it) {
            QString why;
            if (!m.setParam(id, it.key(), it.value(), &why))
                qFatal("%s.%s: %s", name, qPrintable(it.key()), qPrintable(why));
        }
        for (LayerId in : inputs) {
            QString why;
            if (!m.connectLayers(in, id, -1, &why))
                qFatal("%s: %s", name, qPrintable(why));
        }
        return id;
    };
    const LayerId tokens =
        add("input", "tokens", {{"layout", "sequence"}, {"length", 10}, {"features", 16}}, {});
    const LayerId q = add("linear", "q", {{"out_features", 8}}, {tokens});
    const LayerId k = add("linear", "k", {{"out_features", 8}}, {tokens});
    const LayerId v = add("linear", "v", {{"out_features", 8}}, {tokens});
    const LayerId kt = add("permute", "kt", {{"dims", "0, 2, 1"}}, {k});
    const LayerId scores = add("matmul", "scores", {}, {q, kt});
    const LayerId probs = add("softmax", "probs", {{"axis", -1}}, {scores});
    const LayerId ctx = add("matmul", "context", {}, {probs, v});
    const LayerId proj = add("linear", "proj", {{"out_features", 16}}, {ctx});
    add("output", "o1", {}, {proj});
    const LayerId sig =
        add("input", "signal", {{"layout", "signal"}, {"channels", 2}, {"length", 40}}, {});
    const LayerId c1 =
        add("conv1d", "c1", {{"out_channels", 6}, {"kernel", 4}, {"stride", 2}}, {sig});
    add("output", "o2", {}, {c1});
    const LayerId vol =
        add("input", "volume",
            {{"layout", "volume"}, {"channels", 1}, {"depth", 6}, {"height", 7}, {"width", 7}}, {});
    const LayerId c3 = add("conv3d", "c3", {{"out_channels", 2}, {"pad_d", 0}}, {vol});
    add("output", "o3", {}, {c3});

    const AnalysisResult result = AnalysisEngine::analyze(m.graph(), LayerRegistry::builtin());
    QCOMPARE(result.errorCount, 0);
    QCOMPARE(result.layer(scores)->output.toString(), QStringLiteral("1×10×10"));
    // Hand count: Q, K, V 3 · 10 · 16 · 8; Q·Kᵀ 10 · 10 · 8; A·V 10 · 8 · 10; projection
    // 10 · 8 · 16; Conv1d 20 · 6 · 4 · 2; Conv3d 4 · 7 · 7 · 2 · 27.
    QCOMPARE(result.totals.macs.value(), qint64(3 * 10 * 16 * 8 + 10 * 10 * 8 + 10 * 8 * 10 +
                                                10 * 8 * 16 + 20 * 6 * 4 * 2 + 4 * 7 * 7 * 2 * 27));
    const QString code = toPyTorch(m.graph(), LayerRegistry::builtin(), result);
    QVERIFY2(code.contains(QStringLiteral("scores = torch.matmul(q, kt)")), qPrintable(code));
    QVERIFY(code.contains(QStringLiteral("self.probs = nn.Softmax(dim=-1)")));
    QVERIFY(code.contains(QStringLiteral("self.c1 = nn.Conv1d(2, 6, kernel_size=4, stride=2, "
                                         "padding=1)")));
    QVERIFY(code.contains(QStringLiteral("self.c3 = nn.Conv3d(1, 2, kernel_size=3, padding=(0, 1, "
                                         "1))")));
    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot run torch");
    const test::PythonRun run = runPython(code);
    const QString &out = run.output;
    QVERIFY2(run.ok, qPrintable(out + code));
    QVERIFY2(out.contains(QStringLiteral("output shape: [1, 10, 16]")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("output shape: [1, 6, 20]")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("output shape: [1, 2, 4, 7, 7]")), qPrintable(out));
    static const QRegularExpression paramsLine(QStringLiteral("^parameters: ([0-9]+)$"),
                                               QRegularExpression::MultilineOption);
    QCOMPARE(paramsLine.match(out).captured(1).toLongLong(), result.totals.params().value());
}

void tst_TensorLayers::severalOutputs()
{
    // Each piece against PyTorch's split and chunk on the same shapes.
    struct Case
    {
        const char *type;
        QVariantMap params;
        const char *input;
        const char *torch;
    };
    const QVector<Case> cases{
        {"split", {{"sizes", "58, 58"}}, "1x116x28x28", "torch.split(x, [58, 58], 1)"},
        {"split", {{"sizes", "1, 196"}, {"axis", 1}}, "1x197x768", "torch.split(x, [1, 196], 1)"},
        {"split", {{"parts", 3}, {"axis", -1}}, "2x4x9", "torch.split(x, 3, -1)"},
        {"chunk", {{"chunks", 3}, {"axis", 1}}, "1x10x4", "torch.chunk(x, 3, 1)"},
        {"chunk", {{"chunks", 2}, {"axis", 1}}, "1x116x28x28", "x.chunk(2, dim=1)"},
    };
    QString code = QStringLiteral("import torch\n");
    for (int i = 0; i < cases.size(); ++i)
        code += QStringLiteral("x = torch.zeros(%1)\nprint('case%2:', ';'.join('x'.join(str(d) "
                               "for d in t.shape) for t in %3))\n")
                    .arg(pyShape(test::shape(QString::fromLatin1(cases[i].input))))
                    .arg(i)
                    .arg(QString::fromLatin1(cases[i].torch));
    const test::PythonRun run = runPython(code);
    const QString &out = run.output;
    if (!run.ok)
        QSKIP("/usr/bin/python3 cannot run torch");
    for (int i = 0; i < cases.size(); ++i) {
        const LayerType *t = LayerRegistry::builtin().find(QString::fromLatin1(cases[i].type));
        ParamValues values = t->defaultParams();
        for (auto it = cases[i].params.begin(); it != cases[i].params.end(); ++it) {
            QVariant v = it.value();
            if (v.typeId() == QMetaType::Int)
                v = QVariant(qint64(v.toInt()));
            values.set(t->paramIndex(it.key()),
                       validateParam(t->params[t->paramIndex(it.key())], v, nullptr));
        }
        const QVector<TensorShape> in{test::shape(QString::fromLatin1(cases[i].input))};
        const ShapeResult r =
            t->shape(values, std::span<const TensorShape>(in.data(), 1), RuleContext{});
        QVERIFY2(r.isOk(), qPrintable(r.error));
        QStringList pieces{r.shape.toString()};
        for (const TensorShape &s : r.more)
            pieces << s.toString();
        QCOMPARE(t->outputs(values), int(pieces.size()));
        const QRegularExpression line(QStringLiteral("^case%1: (.*)$").arg(i),
                                      QRegularExpression::MultilineOption);
        QCOMPARE(pieces.join(QLatin1Char(';')).replace(QChar(0x00D7), QLatin1Char('x')),
                 line.match(out).captured(1));
        // The pieces hold the input's values once: that is the whole cost.
        QCOMPARE(t->cost(values, std::span<const TensorShape>(in.data(), 1), r.shape)
                     .activations.value(),
                 in[0].elements().value());
    }
    // PyTorch's chunk of 6 into 4 gives 3 pieces of 2: Naqsh says so instead of a 4th output.
    const LayerType *chunk = LayerRegistry::builtin().find(QStringLiteral("chunk"));
    ParamValues values = chunk->defaultParams();
    values.set(chunk->paramIndex(u"chunks"), qint64(4));
    const QVector<TensorShape> six{TensorShape::nf(1, 6)};
    const ShapeResult r =
        chunk->shape(values, std::span<const TensorShape>(six.data(), 1), RuleContext{});
    QVERIFY(!r.isOk());
    QVERIFY2(r.error.contains(QStringLiteral("makes only 3 pieces, not 4")), qPrintable(r.error));
}

void tst_TensorLayers::severalOutputsGraph()
{
    // A ShuffleNet v2 unit: split the channels, transform one half, concatenate, shuffle.
    GraphModel m(LayerRegistry::builtin());
    auto add = [&](const char *type, const char *name, const QVariantMap &params) {
        const LayerId id = m.addLayer(QString::fromLatin1(type), QString::fromLatin1(name));
        for (auto it = params.begin(); it != params.end(); ++it) {
            QString why;
            if (!m.setParam(id, it.key(), it.value(), &why))
                qFatal("%s.%s: %s", name, qPrintable(it.key()), qPrintable(why));
        }
        return id;
    };
    const LayerId in =
        add("input", "x", {{"channels", 116}, {"height", 28}, {"width", 28}, {"batch", 2}});
    const LayerId split = add("split", "halves", {});
    const LayerId conv =
        add("conv2d", "branch",
            {{"out_channels", 58}, {"kernel_h", 1}, {"kernel_w", 1}, {"bias", false}});
    const LayerId cat = add("concat", "cat", {});
    const LayerId shuffle = add("channel_shuffle", "shuffle", {{"groups", 2}});
    add("output", "out", {});
    QString why;
    QVERIFY(m.connectLayers(in, split, -1, &why));
    QVERIFY(!m.connectLayers(split, conv, -1, &why, 2));
    QVERIFY2(why.contains(QStringLiteral("has no output 3")), qPrintable(why));
    QVERIFY(m.connectLayers(split, cat, -1, &why, 0)); // the untouched half first
    QVERIFY(m.connectLayers(split, conv, -1, &why, 1));
    QVERIFY(m.connectLayers(conv, cat, -1, &why));
    QVERIFY(m.connectLayers(cat, shuffle, -1, &why));
    QVERIFY(m.connectLayers(shuffle, m.graph().findByName(QStringLiteral("out")), -1, &why));

    const AnalysisResult a = AnalysisEngine::analyze(m.graph(), LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    QCOMPARE(a.layer(split)->outputCount(), 2);
    QCOMPARE(a.layer(conv)->output, TensorShape::nchw(2, 58, 28, 28));
    QCOMPARE(a.layer(shuffle)->output, TensorShape::nchw(2, 116, 28, 28));
    // Hand count: the 1×1 convolution 58 → 58 over 2×28×28 positions.
    QCOMPARE(a.totals.macs.value(), qint64(2) * 28 * 28 * 58 * 58);

    // The file keeps the output index (format version 2), and reads back identically.
    const QByteArray json = NaqshFile::toJson(m.graph(), LayerRegistry::builtin());
    QVERIFY(json.contains("\"version\": 2"));
    QVERIFY(json.contains("\"output\": 1"));
    const NaqshFile::ReadResult back = NaqshFile::fromJson(json, LayerRegistry::builtin());
    QVERIFY2(back.ok(), qPrintable(back.error));
    QVERIFY(back.graph == m.graph());
    QByteArray bad = json;
    bad.replace("\"output\": 1", "\"output\": 5");
    const NaqshFile::ReadResult refused = NaqshFile::fromJson(bad, LayerRegistry::builtin());
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error.contains(QStringLiteral(".output")), qPrintable(refused.error));

    // Fewer parts leave the second connection dangling: an error on that layer, not a crash.
    Graph g = m.graph();
    Layer *s = g.mutableLayer(split);
    ParamValues p = s->params;
    p.set(LayerRegistry::builtin().find(QStringLiteral("split"))->paramIndex(u"parts"), qint64(1));
    s->params = p;
    const AnalysisResult one = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QVERIFY(!one.layer(conv)->hasNumbers());
    QVERIFY2(one.layer(conv)->error.contains(QStringLiteral("output 2")),
             qPrintable(one.layer(conv)->error));

    // PyTorch: a tuple, indexed by the consumers; the module runs and agrees.
    const QString code = toPyTorch(m.graph(), LayerRegistry::builtin(), a);
    QVERIFY2(code.contains(QStringLiteral("halves = torch.split(x, [58, 58], dim=1)")),
             qPrintable(code));
    QVERIFY2(code.contains(QStringLiteral("branch = self.branch(halves[1])")), qPrintable(code));
    QVERIFY(code.contains(QStringLiteral("cat = torch.cat([halves[0], branch], dim=1)")));
    const test::PythonRun run = runPython(code);
    const QString &out = run.output;
    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot run torch");
    QVERIFY2(run.ok, qPrintable(out + code));
    QVERIFY2(out.contains(QStringLiteral("output shape: [2, 116, 28, 28]")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("parameters: 3364")), qPrintable(out)); // 58 · 58
}

QTEST_GUILESS_MAIN(tst_TensorLayers)
#include "tst_TensorLayers.moc"
