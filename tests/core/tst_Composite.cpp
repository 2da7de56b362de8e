// Composite blocks (squeeze-and-excitation, multi-head attention, window attention, patch
// embedding) against the PyTorch modules they stand for: parameters from the module, MACs
// counted at the ATen dispatch level by tests/tools/torch_macs.py, output shapes from a forward
// pass, all run in the test with /usr/bin/python3. Expanding a block into its layers keeps every
// total; the export of a block and of its expansion runs.
#include "analysis/AnalysisEngine.h"
#include "graph/GraphModel.h"
#include "io/PyTorchExport.h"
#include "layers/Composite.h"
#include "layers/LayerRegistry.h"

#include "TestUtil.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace naqsh;

namespace {

using M = QVariantMap;

struct Case
{
    const char *name;
    M input;             ///< Input layer parameters
    const char *permute; ///< dims of a Permute before the block, or empty
    const char *type;
    M params;
    const char *torch;            ///< the PyTorch module, called on x
    bool expandable = true;       ///< "Expand into layers" is offered for these parameters
    bool expansionExports = true; ///< the expansion has no constant of unknown value
};

const QVector<Case> &cases()
{
    static const QVector<Case> c{
        {"se resnet", M{{"channels", 64}, {"height", 7}, {"width", 7}, {"batch", 2}}, "",
         "squeeze_excitation", M{}, "torchvision.ops.SqueezeExcitation(64, 16)"},
        {"se mobilenetv3", M{{"channels", 72}, {"height", 28}, {"width", 28}}, "",
         "squeeze_excitation", M{{"squeeze_channels", 24}, {"gate", "hardsigmoid"}},
         "torchvision.ops.SqueezeExcitation(72, 24, scale_activation=nn.Hardsigmoid)"},
        {"se efficientnet", M{{"channels", 96}, {"height", 14}, {"width", 14}}, "",
         "squeeze_excitation", M{{"squeeze_channels", 4}, {"activation", "silu"}},
         "torchvision.ops.SqueezeExcitation(96, 4, activation=nn.SiLU)"},
        {"mha vit", M{{"layout", "sequence"}, {"length", 197}, {"features", 768}}, "",
         "multihead_attention", M{{"heads", 12}},
         "SelfAttention(nn.MultiheadAttention(768, 12, batch_first=True))"},
        {"mha small no bias",
         M{{"layout", "sequence"}, {"length", 50}, {"features", 64}, {"batch", 2}}, "",
         "multihead_attention", M{{"heads", 4}, {"bias", false}},
         "SelfAttention(nn.MultiheadAttention(64, 4, bias=False, batch_first=True))"},
        {"patch vit", M{{"channels", 3}, {"height", 224}, {"width", 224}}, "", "patch_embedding",
         M{}, "Patches(nn.Conv2d(3, 768, 16, stride=16))"},
        {"patch small", M{{"channels", 3}, {"height", 32}, {"width", 48}, {"batch", 2}}, "",
         "patch_embedding", M{{"patch_size", 8}, {"embed_dim", 64}, {"bias", false}},
         "Patches(nn.Conv2d(3, 64, 8, stride=8, bias=False))"},
        // Swin-T stage 1: 8 × 8 windows of 7 × 7 tokens; the relative position bias table is a
        // constant the expansion's export cannot carry.
        {"swin windows", M{{"channels", 96}, {"height", 56}, {"width", 56}}, "0, 2, 3, 1",
         "window_attention", M{{"heads", 3}},
         "torchvision.models.swin_transformer.ShiftedWindowAttention(96, [7, 7], [0, 0], 3)", true,
         false},
        {"swin shifted", M{{"channels", 96}, {"height", 56}, {"width", 56}, {"batch", 2}},
         "0, 2, 3, 1", "window_attention", M{{"heads", 3}, {"shift", 3}},
         "torchvision.models.swin_transformer.ShiftedWindowAttention(96, [7, 7], [3, 3], 3)", false,
         false},
        {"swin padded", M{{"channels", 64}, {"height", 10}, {"width", 12}}, "0, 2, 3, 1",
         "window_attention", M{{"heads", 4}, {"shift", 3}, {"bias", false}},
         "torchvision.models.swin_transformer.ShiftedWindowAttention(64, [7, 7], [3, 3], 4, "
         "qkv_bias=False, proj_bias=False)",
         false, false},
        {"swin last stage", M{{"channels", 64}, {"height", 7}, {"width", 7}}, "0, 2, 3, 1",
         "window_attention", M{{"heads", 2}, {"shift", 3}},
         "torchvision.models.swin_transformer.ShiftedWindowAttention(64, [7, 7], [3, 3], 2)", true,
         false},
    };
    return c;
}

const char *kPrelude = R"(import sys, json
sys.path.insert(0, sys.argv[1])
import torch, torchvision
from torch import nn
import torch_macs

class SelfAttention(nn.Module):
    def __init__(self, m):
        super().__init__()
        self.m = m
    def forward(self, x):
        return self.m(x, x, x, need_weights=False)[0]

class Patches(nn.Module):
    def __init__(self, m):
        super().__init__()
        self.m = m
    def forward(self, x):
        return self.m(x).flatten(2).transpose(1, 2)

def report(name, module, shape, permute):
    torch.manual_seed(0)
    x = torch.randn(*shape)
    if permute:
        x = x.permute(*permute).contiguous()
    macs, by_op, out = torch_macs.count(module, x)
    print(name + ": " + json.dumps({"macs": macs, "params": torch_macs.params(module), "out": out}))
)";

struct Built
{
    GraphModel model{LayerRegistry::builtin()};
    LayerId block;
    LayerId input;
};

void build(Built &b, const Case &c)
{
    GraphModel &m = b.model;
    auto set = [&](LayerId id, const M &params) {
        for (auto it = params.begin(); it != params.end(); ++it) {
            QString why;
            if (!m.setParam(id, it.key(), it.value(), &why))
                qFatal("%s.%s: %s", c.name, qPrintable(it.key()), qPrintable(why));
        }
    };
    b.input = m.addLayer(QStringLiteral("input"), QStringLiteral("x"));
    set(b.input, c.input);
    LayerId last = b.input;
    if (*c.permute) {
        const LayerId p = m.addLayer(QStringLiteral("permute"), QStringLiteral("channels_last"));
        set(p, M{{"dims", QString::fromLatin1(c.permute)}});
        QVERIFY(m.connectLayers(last, p));
        last = p;
    }
    b.block = m.addLayer(QString::fromLatin1(c.type), QStringLiteral("block"));
    set(b.block, c.params);
    QVERIFY(m.connectLayers(last, b.block));
    const LayerId out = m.addLayer(QStringLiteral("output"), QStringLiteral("out"));
    QVERIFY(m.connectLayers(b.block, out));
}

} // namespace

class tst_Composite : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void againstPyTorch_data();
    void againstPyTorch();
    void expandKeepsTotals_data();
    void expandKeepsTotals();
    void exportRuns();
    void errors();

private:
    test::PythonRun runPython(const QString &code);
    QTemporaryDir m_dir;
    QHash<QString, QJsonObject> m_torch;
    bool m_haveTorch = false;
};

test::PythonRun tst_Composite::runPython(const QString &code)
{
    static int n = 0;
    return test::runPythonScript(m_dir.filePath(QStringLiteral("script_%1.py").arg(++n)), code,
                                 300000);
}

void tst_Composite::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString code = QString::fromLatin1(kPrelude);
    for (const Case &c : cases()) {
        Built b;
        build(b, c);
        const AnalysisResult a = AnalysisEngine::analyze(b.model.graph(), LayerRegistry::builtin());
        const LayerResult *in = a.layer(b.input);
        QVERIFY(in && in->hasNumbers());
        code += QStringLiteral("report(%1, %2, [%3], [%4])\n")
                    .arg(QStringLiteral("'%1'").arg(QLatin1String(c.name)),
                         QString::fromLatin1(c.torch), test::dimsOf(in->output),
                         QString::fromLatin1(c.permute));
    }
    const test::PythonRun run = runPython(code);
    const QString &out = run.output;
    m_haveTorch = run.ok;
    if (!m_haveTorch)
        qWarning("PyTorch run failed: %s", qPrintable(out));
    static const QRegularExpression line(QStringLiteral("^([^:]+): (\\{.*\\})$"),
                                         QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(out); it.hasNext();) {
        const auto m = it.next();
        m_torch.insert(m.captured(1), QJsonDocument::fromJson(m.captured(2).toUtf8()).object());
    }
}

void tst_Composite::againstPyTorch_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < cases().size(); ++i)
        QTest::newRow(cases()[i].name) << i;
}

void tst_Composite::againstPyTorch()
{
    QFETCH(int, index);
    const Case &c = cases()[index];
    Built b;
    build(b, c);
    const AnalysisResult a = AnalysisEngine::analyze(b.model.graph(), LayerRegistry::builtin());
    const LayerResult *r = a.layer(b.block);
    QVERIFY2(r && r->hasNumbers(), r ? qPrintable(r->error) : "no result");
    if (!m_haveTorch)
        QSKIP("/usr/bin/python3 cannot run torch");
    const QJsonObject t = m_torch.value(QString::fromLatin1(c.name));
    QVERIFY2(!t.isEmpty(), c.name);
    QStringList out;
    for (const QJsonValue v : t.value(QStringLiteral("out")).toArray())
        out << QString::number(v.toInteger());
    QCOMPARE(test::dimsOf(r->output), out.join(QStringLiteral(", ")));
    QCOMPARE(r->costs.params().value(), t.value(QStringLiteral("params")).toInteger());
    QCOMPARE(r->costs.macs.value(), t.value(QStringLiteral("macs")).toInteger());
    // The worked formulas name each term and end with the block's totals.
    const QVector<TensorShape> in = a.inputShapes(b.model.graph(), b.block);
    const LayerType *type = LayerRegistry::builtin().find(QString::fromLatin1(c.type));
    const QVector<FormulaLine> lines =
        type->explain(b.model.graph().layer(b.block)->params,
                      std::span<const TensorShape>(in.data(), size_t(in.size())), r->output);
    QVERIFY(lines.size() >= 3);
    QString macsLine = lines[lines.size() - 2].formula;
    QVERIFY2(macsLine.remove(QLatin1Char(',')).endsWith(QString::number(r->costs.macs.value())),
             qPrintable(macsLine));
}

void tst_Composite::expandKeepsTotals_data()
{
    againstPyTorch_data();
}

void tst_Composite::expandKeepsTotals()
{
    QFETCH(int, index);
    const Case &c = cases()[index];
    Built b;
    build(b, c);
    const AnalysisResult before =
        AnalysisEngine::analyze(b.model.graph(), LayerRegistry::builtin());
    QVector<Layer> layers;
    QVector<Connection> connections;
    const QString error = planCompositeExpansion(b.model.graph(), LayerRegistry::builtin(), before,
                                                 b.block, &layers, &connections);
    if (!c.expandable) {
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(QStringLiteral("torch.roll")), qPrintable(error));
        return;
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(layers.size() >= 3);
    GraphModel &m = b.model;
    QVERIFY(m.removeLayer(b.block));
    for (const Layer &l : layers)
        QVERIFY(m.addLayer(l.type, l.name, l.position, l.params, l.id).isValid());
    for (const Connection &conn : connections) {
        QString why;
        QVERIFY2(m.connectLayers(conn, &why), qPrintable(why));
    }
    const AnalysisResult after = AnalysisEngine::analyze(m.graph(), LayerRegistry::builtin());
    QCOMPARE(after.errorCount, 0);
    const Costs &x = before.totals, &y = after.totals;
    QCOMPARE(y.macs.value(), x.macs.value());
    QCOMPARE(y.params().value(), x.params().value());
    QCOMPARE(y.weights.value(), x.weights.value());
    QCOMPARE(y.biasAdds.value(), x.biasAdds.value());
    QCOMPARE(y.adds.value(), x.adds.value());
    QCOMPARE(y.muls.value(), x.muls.value());
    QCOMPARE(y.divs.value(), x.divs.value());
    QCOMPARE(y.exps.value(), x.exps.value());
    QCOMPARE(y.comps.value(), x.comps.value());
    QCOMPARE(y.activations.value(), x.activations.value());
    // The last part feeds the output, with the block's shape.
    const Layer *out = m.graph().layer(m.graph().findByName(QStringLiteral("out")));
    QCOMPARE(out->inputs.value(0), layers.last().id);
    QCOMPARE(after.layer(layers.last().id)->output, before.layer(b.block)->output);
}

void tst_Composite::exportRuns()
{
    // Every case as a module and as its expansion, run in one Python process (importing torch
    // once); PyTorch's parameter count and output shape must equal Naqsh's.
    QString runner = QStringLiteral("import runpy, traceback\n");
    QStringList names, shapes;
    QVector<qint64> params;
    for (const Case &c : cases()) {
        for (bool expanded : {false, true}) {
            if (expanded && !c.expansionExports)
                continue;
            Built b;
            build(b, c);
            AnalysisResult a = AnalysisEngine::analyze(b.model.graph(), LayerRegistry::builtin());
            if (expanded) {
                QVector<Layer> layers;
                QVector<Connection> connections;
                QVERIFY(planCompositeExpansion(b.model.graph(), LayerRegistry::builtin(), a,
                                               b.block, &layers, &connections)
                            .isEmpty());
                b.model.removeLayer(b.block);
                for (const Layer &l : layers)
                    b.model.addLayer(l.type, l.name, l.position, l.params, l.id);
                for (const Connection &conn : connections)
                    QVERIFY(b.model.connectLayers(conn));
                a = AnalysisEngine::analyze(b.model.graph(), LayerRegistry::builtin());
            }
            const QString code = toPyTorch(b.model.graph(), LayerRegistry::builtin(), a);
            QVERIFY2(!code.contains(QStringLiteral("NotImplementedError")), qPrintable(code));
            const QString name =
                QLatin1String(c.name) + (expanded ? QStringLiteral(" expanded") : QString());
            const QString path = m_dir.filePath(QStringLiteral("export_%1.py").arg(names.size()));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(code.toUtf8());
            f.close();
            runner += QStringLiteral("print('=== %1')\ntry:\n    runpy.run_path('%2', "
                                     "run_name='__main__')\nexcept Exception:\n    "
                                     "traceback.print_exc()\n")
                          .arg(name, path);
            names << name;
            const Layer *out =
                b.model.graph().layer(b.model.graph().findByName(QStringLiteral("out")));
            shapes << QStringLiteral("output shape: [%1]")
                          .arg(test::dimsOf(a.layer(out->inputs.first())->output));
            params << a.totals.params().value();
        }
    }
    if (!m_haveTorch)
        QSKIP("/usr/bin/python3 cannot run torch");
    const test::PythonRun run = runPython(runner);
    const QString &out = run.output;
    QVERIFY2(run.ok, qPrintable(out));
    const QStringList sections = out.split(QStringLiteral("=== "), Qt::SkipEmptyParts);
    QCOMPARE(sections.size(), names.size());
    static const QRegularExpression paramsLine(QStringLiteral("^parameters: ([0-9]+)$"),
                                               QRegularExpression::MultilineOption);
    for (int i = 0; i < names.size(); ++i) {
        QVERIFY2(sections[i].startsWith(names[i]), qPrintable(sections[i]));
        QVERIFY2(sections[i].contains(shapes[i]), qPrintable(sections[i]));
        QCOMPARE(paramsLine.match(sections[i]).captured(1).toLongLong(), params[i]);
    }
}

void tst_Composite::errors()
{
    struct Bad
    {
        const char *type;
        M params;
        TensorShape input;
        const char *message;
    };
    const QVector<Bad> bad{
        {"multihead_attention", M{{"heads", 3}}, TensorShape::nld(1, 10, 64),
         "splits the 64 features of each token into 3 heads"},
        {"multihead_attention", M{}, TensorShape::nchw(1, 3, 8, 8), "needs tokens N×L×D"},
        {"patch_embedding", M{}, TensorShape::nchw(1, 3, 225, 224),
         "the 225×224 image does not divide into 16×16 patches"},
        {"squeeze_excitation", M{}, TensorShape::nld(1, 10, 64), "needs a 4-D input N×C×H×W"},
    };
    for (const Bad &x : bad) {
        const LayerType *t = LayerRegistry::builtin().find(QString::fromLatin1(x.type));
        QVERIFY(t);
        ParamValues p = t->defaultParams();
        for (auto it = x.params.begin(); it != x.params.end(); ++it)
            p.set(t->paramIndex(it.key()),
                  validateParam(t->params[t->paramIndex(it.key())], it.value(), nullptr));
        const ShapeResult r = t->shape(p, std::span<const TensorShape>(&x.input, 1), RuleContext{});
        QVERIFY(!r.isOk());
        QVERIFY2(r.error.contains(QString::fromUtf8(x.message)), qPrintable(r.error));
    }
}

QTEST_GUILESS_MAIN(tst_Composite)
#include "tst_Composite.moc"
