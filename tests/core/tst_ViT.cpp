// A whole Vision Transformer built layer by layer as a user does in the designer (patch embedding,
// class token, position embedding, encoder blocks of LayerNorm, multi-head attention, MLP, the
// classifier on the class token) against torchvision's VisionTransformer run in the test with
// /usr/bin/python3: parameters from the module, MACs counted at the ATen dispatch level
// (tests/tools/torch_macs.py, with autograd on so that attention takes its unfused path), output
// shape from the forward pass. The PyTorch export of the built graph runs and has the same
// parameters. The default run checks reduced ViTs (seconds); vit_b_16 itself runs in the sweep
// label (`NAQSH_SWEEP=1 ctest -L sweep`, environment NAQSH_VIT_B16=1).
#include "TestUtil.h"
#include "analysis/AnalysisEngine.h"
#include "graph/GraphModel.h"
#include "io/PyTorchExport.h"
#include "layers/LayerRegistry.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace naqsh;

namespace {

struct Config
{
    const char *name;
    int batch, image, patch, layers, heads, hidden, mlp, classes;
};

QVector<Config> configs()
{
    if (qEnvironmentVariable("NAQSH_VIT_B16") == QLatin1String("1"))
        return {{"vit_b_16", 1, 224, 16, 12, 12, 768, 3072, 1000}};
    return {{"vit tiny", 2, 64, 16, 2, 2, 64, 128, 10},
            {"vit patch 32", 1, 96, 32, 1, 4, 32, 48, 1000}};
}

using M = QVariantMap;

struct Built
{
    GraphModel model{LayerRegistry::builtin()};
    LayerId classToken, positions;
};

void build(Built &b, const Config &c)
{
    GraphModel &m = b.model;
    auto add = [&](const char *type, const QString &name, const M &params, LayerId from) {
        const LayerId id = m.addLayer(QString::fromLatin1(type), name);
        for (auto it = params.begin(); it != params.end(); ++it) {
            QString why;
            if (!m.setParam(id, it.key(), it.value(), &why))
                qFatal("%s.%s: %s", qPrintable(name), qPrintable(it.key()), qPrintable(why));
        }
        if (from.isValid() && !m.connectLayers(from, id))
            qFatal("cannot connect %s", qPrintable(name));
        return id;
    };
    LayerId x =
        add("input", QStringLiteral("image"),
            M{{"batch", c.batch}, {"channels", 3}, {"height", c.image}, {"width", c.image}}, {});
    x = add("patch_embedding", QStringLiteral("conv_proj"),
            M{{"patch_size", c.patch}, {"embed_dim", c.hidden}}, x);
    b.classToken = x = add("class_token", QStringLiteral("class_token"), M{}, x);
    b.positions = x = add("position_embedding", QStringLiteral("pos_embedding"), M{}, x);
    for (int i = 0; i < c.layers; ++i) {
        const QString p = QStringLiteral("layer%1_").arg(i);
        const LayerId in = x;
        x = add("layernorm", p + QStringLiteral("ln_1"), M{}, x);
        x = add("multihead_attention", p + QStringLiteral("attention"), M{{"heads", c.heads}}, x);
        const LayerId sum1 = add("add", p + QStringLiteral("residual_1"), M{}, x);
        QVERIFY(m.connectLayers(in, sum1));
        x = add("layernorm", p + QStringLiteral("ln_2"), M{}, sum1);
        x = add("linear", p + QStringLiteral("mlp_1"), M{{"out_features", c.mlp}}, x);
        x = add("gelu", p + QStringLiteral("gelu"), M{}, x);
        x = add("linear", p + QStringLiteral("mlp_2"), M{{"out_features", c.hidden}}, x);
        x = add("add", p + QStringLiteral("residual_2"), M{}, x);
        QVERIFY(m.connectLayers(sum1, x));
    }
    x = add("layernorm", QStringLiteral("ln"), M{}, x);
    x = add("slice", QStringLiteral("class_out"), M{{"axis", 1}, {"start", 0}, {"end", 1}}, x);
    x = add("squeeze", QStringLiteral("squeeze"), M{{"axes", "1"}}, x);
    x = add("linear", QStringLiteral("head"), M{{"out_features", c.classes}}, x);
    add("output", QStringLiteral("logits"), M{}, x);
}

const char *kPrelude = R"(import sys, json, runpy, traceback
sys.path.insert(0, sys.argv[1])
import torch
from torchvision.models.vision_transformer import VisionTransformer, vit_b_16
import torch_macs

def report(name, module, shape):
    torch.manual_seed(0)
    macs, by_op, out = torch_macs.count(module, torch.randn(*shape))
    print(name + ": " + json.dumps({"macs": macs, "params": torch_macs.params(module), "out": out}))

def run(name, path):
    print("=== " + name)
    try:
        runpy.run_path(path, run_name="__main__")
    except Exception:
        traceback.print_exc()
    print("=== end")
)";

} // namespace

class tst_ViT : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void againstTorchvision_data();
    void againstTorchvision();
    void tokenLayers();

private:
    QTemporaryDir m_dir;
    QString m_out;
    bool m_torch = false;
};

void tst_ViT::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString code = QString::fromLatin1(kPrelude);
    for (const Config &c : configs()) {
        Built b;
        build(b, c);
        const AnalysisResult a = AnalysisEngine::analyze(b.model.graph(), LayerRegistry::builtin());
        QCOMPARE(a.errorCount, 0);
        const QString module =
            QLatin1String(c.name) == QLatin1String("vit_b_16")
                ? QStringLiteral("vit_b_16()")
                : QStringLiteral("VisionTransformer(%1, %2, %3, %4, %5, %6, num_classes=%7)")
                      .arg(c.image)
                      .arg(c.patch)
                      .arg(c.layers)
                      .arg(c.heads)
                      .arg(c.hidden)
                      .arg(c.mlp)
                      .arg(c.classes);
        code += QStringLiteral("report('%1', %2, [%3, 3, %4, %4])\n")
                    .arg(QLatin1String(c.name), module)
                    .arg(c.batch)
                    .arg(c.image);
        const QString path = m_dir.filePath(QStringLiteral("%1.py").arg(c.patch * 1000 + c.image));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(toPyTorch(b.model.graph(), LayerRegistry::builtin(), a).toUtf8());
        f.close();
        code += QStringLiteral("run('%1', '%2')\n").arg(QLatin1String(c.name), path);
    }
    const test::PythonRun run =
        test::runPythonScript(m_dir.filePath(QStringLiteral("vit.py")), code, 600000);
    m_torch = run.ok;
    m_out = run.output;
    if (!m_torch)
        qWarning("PyTorch run failed: %s", qPrintable(m_out));
}

void tst_ViT::againstTorchvision_data()
{
    QTest::addColumn<int>("index");
    const QVector<Config> c = configs();
    for (int i = 0; i < c.size(); ++i)
        QTest::newRow(c[i].name) << i;
}

void tst_ViT::againstTorchvision()
{
    QFETCH(int, index);
    const Config c = configs()[index];
    Built b;
    build(b, c);
    const AnalysisResult a = AnalysisEngine::analyze(b.model.graph(), LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot run torch and torchvision");
    const QString name = QLatin1String(c.name);
    const QRegularExpression line(
        QStringLiteral("^%1: (\\{.*\\})$").arg(QRegularExpression::escape(name)),
        QRegularExpression::MultilineOption);
    const QJsonObject t = QJsonDocument::fromJson(line.match(m_out).captured(1).toUtf8()).object();
    QVERIFY2(!t.isEmpty(), qPrintable(m_out));
    const LayerId logits = b.model.graph().findByName(QStringLiteral("head"));
    QStringList out;
    for (const QJsonValue v : t.value(QStringLiteral("out")).toArray())
        out << QString::number(v.toInteger());
    QCOMPARE(test::dimsOf(a.layer(logits)->output), out.join(QStringLiteral(", ")));
    QCOMPARE(a.totals.params().value(), t.value(QStringLiteral("params")).toInteger());
    QCOMPARE(a.totals.macs.value(), t.value(QStringLiteral("macs")).toInteger());
    if (name == QLatin1String("vit_b_16")) // torchvision's documented figure
        QCOMPARE(a.totals.params().value(), qint64(86'567'656));

    // The export runs, with the same output shape and parameters.
    const int from = int(m_out.indexOf(QStringLiteral("=== ") + name + QLatin1Char('\n')));
    QVERIFY(from >= 0);
    const QString section = m_out.mid(from, m_out.indexOf(QStringLiteral("=== end"), from) - from);
    QVERIFY2(!section.contains(QStringLiteral("Traceback")), qPrintable(section));
    QVERIFY2(section.contains(QStringLiteral("output shape: [%1]").arg(out.join(u", "))),
             qPrintable(section));
    QVERIFY2(section.contains(QStringLiteral("parameters: %1\n").arg(a.totals.params().value())),
             qPrintable(section));
}

void tst_ViT::tokenLayers()
{
    // Worked by hand for the tiny ViT: 64 / 16 = 4, so 16 patch tokens of 64 features.
    Built b;
    build(b, {"vit tiny", 2, 64, 16, 2, 2, 64, 128, 10});
    const AnalysisResult a = AnalysisEngine::analyze(b.model.graph(), LayerRegistry::builtin());
    const LayerResult *cls = a.layer(b.classToken);
    QCOMPARE(cls->output, TensorShape::nld(2, 17, 64));
    QCOMPARE(cls->costs.params().value(), 64);
    QCOMPARE(cls->costs.macs.value(), 0);
    QCOMPARE(cls->costs.otherOps().value(), 0);
    const LayerResult *pos = a.layer(b.positions);
    QCOMPARE(pos->output, TensorShape::nld(2, 17, 64));
    QCOMPARE(pos->costs.params().value(), 17 * 64);
    QCOMPARE(pos->costs.macs.value(), 0);
    QCOMPARE(pos->costs.adds.value(), 2 * 17 * 64);

    // Two tokens (DeiT's class and distillation tokens).
    QVERIFY(b.model.setParam(b.classToken, QStringLiteral("tokens"), 2));
    const AnalysisResult two = AnalysisEngine::analyze(b.model.graph(), LayerRegistry::builtin());
    QCOMPARE(two.layer(b.classToken)->output, TensorShape::nld(2, 18, 64));
    QCOMPARE(two.layer(b.classToken)->costs.params().value(), 128);
    QCOMPARE(two.layer(b.positions)->costs.params().value(), 18 * 64);

    // On an image instead of tokens: a message naming what is expected.
    GraphModel m(LayerRegistry::builtin());
    const LayerId in = m.addLayer(QStringLiteral("input"), QStringLiteral("image"));
    const LayerId t = m.addLayer(QStringLiteral("class_token"), QStringLiteral("cls"));
    QVERIFY(m.connectLayers(in, t));
    const AnalysisResult bad = AnalysisEngine::analyze(m.graph(), LayerRegistry::builtin());
    QVERIFY2(bad.layer(t)->error.contains(QStringLiteral("needs tokens N×L×D")),
             qPrintable(bad.layer(t)->error));
}

QTEST_GUILESS_MAIN(tst_ViT)
#include "tst_ViT.moc"
