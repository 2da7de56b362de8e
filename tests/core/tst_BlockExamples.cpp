// The block lessons in resources/examples (squeeze-and-excitation, ShuffleNet v2 unit, ConvNeXt
// block, ViT encoder block) against the torchvision modules they reproduce: parameters from the
// module, MACs counted at the ATen dispatch level (tests/tools/torch_macs.py), output shape from
// a forward pass, all in /usr/bin/python3 run by the test. The PyTorch export of each example
// runs, and each example raises its teaching note.
#include "TestUtil.h"
#include "analysis/AnalysisEngine.h"
#include "analysis/TeachingNotes.h"
#include "io/NaqshFile.h"
#include "io/PyTorchExport.h"
#include "layers/LayerRegistry.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace naqsh;

namespace {

struct Example
{
    const char *file;
    const char *torch; ///< the reference module
    TeachingNote::Kind note;
};

const QVector<Example> &examples()
{
    static const QVector<Example> e{
        {"se_block.naqsh",
         "MBBlock(MBConfig(40, 5, 120, 40, True, 'RE', 1, 1, 1.0), partial(nn.BatchNorm2d, "
         "eps=0.001, momentum=0.01))",
         TeachingNote::Kind::ExcitationIsCheap},
        {"shufflenet_v2_unit.naqsh", "ShuffleUnit(116, 116, 1)",
         TeachingNote::Kind::ShuffleMixesGroups},
        {"convnext_block.naqsh", "CNBlock(96, 1e-6, 0.0)", TeachingNote::Kind::LinearIsOneByOne},
        {"vit_encoder_block.naqsh", "EncoderBlock(12, 768, 3072, 0.0, 0.0)",
         TeachingNote::Kind::AttentionGrowsWithSquare},
    };
    return e;
}

const char *kPrelude = R"(import sys, json, runpy, traceback
sys.path.insert(0, sys.argv[1])
from functools import partial
import torch
from torch import nn
from torchvision.models.mobilenetv3 import InvertedResidual as MBBlock, InvertedResidualConfig as MBConfig
from torchvision.models.shufflenetv2 import InvertedResidual as ShuffleUnit
from torchvision.models.convnext import CNBlock
from torchvision.models.vision_transformer import EncoderBlock
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

Graph load(const char *file)
{
    const auto r = NaqshFile::read(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/") +
                                       QLatin1String(file),
                                   LayerRegistry::builtin());
    if (!r.ok())
        qFatal("%s: %s", file, qPrintable(r.error));
    return r.graph;
}

/// The output of the example: what its Output layer reads.
TensorShape outputShape(const Graph &g, const AnalysisResult &a)
{
    for (LayerId id : g.layerIds())
        if (g.layer(id)->type == QLatin1String("output"))
            return a.layer(g.layer(id)->inputs.first())->output;
    return {};
}

} // namespace

class tst_BlockExamples : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void againstTorchvision_data();
    void againstTorchvision();
    void teachingNote_data() { againstTorchvision_data(); }
    void teachingNote();

private:
    QTemporaryDir m_dir;
    QString m_out;
    bool m_torch = false;
};

void tst_BlockExamples::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString code = QString::fromLatin1(kPrelude);
    for (const Example &e : examples()) {
        const Graph g = load(e.file);
        const AnalysisResult a = AnalysisEngine::analyze(g, LayerRegistry::builtin());
        QCOMPARE(a.errorCount, 0);
        TensorShape input;
        for (LayerId id : g.layerIds())
            if (g.layer(id)->type == QLatin1String("input"))
                input = a.layer(id)->output;
        code += QStringLiteral("report('%1', %2, [%3])\n")
                    .arg(QLatin1String(e.file), QLatin1String(e.torch), test::dimsOf(input));
        const QString path = m_dir.filePath(QLatin1String(e.file) + QStringLiteral(".py"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(toPyTorch(g, LayerRegistry::builtin(), a).toUtf8());
        f.close();
        code += QStringLiteral("run('%1', '%2')\n").arg(QLatin1String(e.file), path);
    }
    const test::PythonRun run =
        test::runPythonScript(m_dir.filePath(QStringLiteral("examples.py")), code, 300000);
    m_torch = run.ok;
    m_out = run.output;
    if (!m_torch)
        qWarning("PyTorch run failed: %s", qPrintable(m_out));
}

void tst_BlockExamples::againstTorchvision_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < examples().size(); ++i)
        QTest::newRow(examples()[i].file) << i;
}

void tst_BlockExamples::againstTorchvision()
{
    QFETCH(int, index);
    const Example &e = examples()[index];
    const Graph g = load(e.file);
    const AnalysisResult a = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot run torch and torchvision");
    const QRegularExpression line(
        QStringLiteral("^%1: (\\{.*\\})$").arg(QRegularExpression::escape(QLatin1String(e.file))),
        QRegularExpression::MultilineOption);
    const QJsonObject t = QJsonDocument::fromJson(line.match(m_out).captured(1).toUtf8()).object();
    QVERIFY2(!t.isEmpty(), qPrintable(m_out));
    QStringList out;
    for (const QJsonValue v : t.value(QStringLiteral("out")).toArray())
        out << QString::number(v.toInteger());
    QCOMPARE(test::dimsOf(outputShape(g, a)), out.join(QStringLiteral(", ")));
    QCOMPARE(a.totals.params().value(), t.value(QStringLiteral("params")).toInteger());
    QCOMPARE(a.totals.macs.value(), t.value(QStringLiteral("macs")).toInteger());

    // The export runs, gives the same output shape and has exactly Naqsh's parameters (a
    // learned constant operand, ConvNeXt's layer scale, is an nn.Parameter of the module).
    const int from = int(m_out.indexOf(QStringLiteral("=== ") + QLatin1String(e.file)));
    QVERIFY(from >= 0);
    const QString section = m_out.mid(from, m_out.indexOf(QStringLiteral("=== end"), from) - from);
    QVERIFY2(!section.contains(QStringLiteral("Traceback")), qPrintable(section));
    QVERIFY2(
        section.contains(QStringLiteral("output shape: [%1]").arg(test::dimsOf(outputShape(g, a)))),
        qPrintable(section));
    static const QRegularExpression paramsLine(QStringLiteral("^parameters: ([0-9]+)$"),
                                               QRegularExpression::MultilineOption);
    QCOMPARE(paramsLine.match(section).captured(1).toLongLong(), a.totals.params().value());
}

void tst_BlockExamples::teachingNote()
{
    QFETCH(int, index);
    const Example &e = examples()[index];
    const Graph g = load(e.file);
    const AnalysisResult a = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    bool found = false;
    for (const TeachingNote &n : teachingNotes(g, a))
        found = found || n.kind == e.note;
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(tst_BlockExamples)
#include "tst_BlockExamples.moc"
