// ONNX Einsum (issue 14; MaxViT's attention exports it): small PyTorch modules written with
// torch.einsum are exported to ONNX (opset 14) by /usr/bin/python3 in the test and imported.
// A batched matrix product becomes Permute → MatMul → Permute (only the permutes it needs), a
// one-operand transpose a Permute; the MACs equal PyTorch's dispatch-level count
// (tests/tools/torch_macs.py: einsum executes as bmm) and the output shape the forward pass's.
// An equation Naqsh does not map stays one opaque layer whose message names the equation.
#include "TestUtil.h"
#include "analysis/AnalysisEngine.h"
#include "io/OnnxEinsum.h"
#include "io/OnnxImporter.h"
#include "layers/LayerRegistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace naqsh;

namespace {

struct Case
{
    const char *name;
    const char *forward; ///< body of forward(self, x), Python
    const char *shape;   ///< input shape
    int permutes;        ///< Permute layers the import should make
    int matmuls;
};

const QVector<Case> &cases()
{
    // MaxViT's two equations verbatim (with its spaces), then one that needs every permute, a
    // transpose, and an implicit output.
    static const QVector<Case> c{
        {"maxvit_attention",
         "x = x.reshape(1, 2, 3, 5, 8)\n"
         "        s = torch.einsum('B G H I D, B G H J D -> B G H I J', x, x * 0.5)\n"
         "        return torch.einsum('B G H I J, B G H J D -> B G H I D', s.softmax(-1), x)",
         "2, 3, 5, 8", 1, 2},
        {"permuted", "return torch.einsum('bhki,bhjk->bhji', x, x + 1)", "2, 3, 4, 4", 3, 1},
        {"transpose", "return torch.einsum('bhij->bhji', x) + 1", "2, 3, 4, 7", 1, 0},
        {"implicit", "return torch.einsum('ij,jk', x, x * 2)", "5, 5", 0, 1},
    };
    return c;
}

const char *kPrelude = R"(import sys, json, os
sys.path.insert(0, sys.argv[1])
import torch
import torch_macs

def export(name, body, shape, folder):
    src = "class M(torch.nn.Module):\n    def forward(self, x):\n        " + body + "\n"
    scope = {"torch": torch}
    exec(src, scope)
    m = scope["M"]().eval()
    x = torch.randn(*shape)
    macs, by_op, out = torch_macs.count(m, x)
    torch.onnx.export(m, x, os.path.join(folder, name + ".onnx"), opset_version=14)
    print(name + ": " + json.dumps({"macs": macs, "out": out}))
)";

int countType(const Graph &g, const char *type)
{
    int n = 0;
    for (LayerId id : g.layerIds())
        n += g.layer(id)->type == QLatin1String(type);
    return n;
}

} // namespace

class tst_OnnxEinsum : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void plans();
    void againstTorch_data();
    void againstTorch();
    void unsupportedStaysOpaque();

private:
    QTemporaryDir m_dir;
    QString m_out;
    bool m_torch = false;
};

void tst_OnnxEinsum::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString code = QString::fromLatin1(kPrelude);
    for (const Case &c : cases())
        code += QStringLiteral("export('%1', \"%2\", [%3], '%4')\n")
                    .arg(QLatin1String(c.name),
                         QString::fromLatin1(c.forward).replace(QStringLiteral("\n"),
                                                                QStringLiteral("\\n")),
                         QLatin1String(c.shape), m_dir.path());
    // Three operands: not a product of two, stays opaque.
    code +=
        QStringLiteral("export('three', \"return torch.einsum('abij,abjk,abkl->abil', x, x, x)\", "
                       "[1, 1, 4, 4], '%1')\n")
            .arg(m_dir.path());
    const test::PythonRun run =
        test::runPythonScript(m_dir.filePath(QStringLiteral("einsum.py")), code, 120000);
    m_torch = run.ok;
    m_out = run.output;
    if (!m_torch)
        qWarning("PyTorch run failed: %s", qPrintable(m_out));
}

void tst_OnnxEinsum::plans()
{
    // Hand-derived: A [b,k,i] → [b,i,k]; B [b,j,k] → [b,k,j]; [b,i,j] → [b,j,i].
    EinsumPlan p = planEinsum(QStringLiteral("bki,bjk->bji"));
    QVERIFY2(p.problem.isEmpty(), qPrintable(p.problem));
    QVERIFY(p.matmul);
    QCOMPARE(p.permA, (QVector<qint64>{0, 2, 1}));
    QCOMPARE(p.permB, (QVector<qint64>{0, 2, 1}));
    QCOMPARE(p.permOut, (QVector<qint64>{0, 2, 1}));
    // MaxViT's Q·Kᵀ: only K moves.
    p = planEinsum(QStringLiteral("B G H I D, B G H J D -> B G H I J"));
    QVERIFY2(p.problem.isEmpty(), qPrintable(p.problem));
    QVERIFY(p.permA.isEmpty() && p.permOut.isEmpty());
    QCOMPARE(p.permB, (QVector<qint64>{0, 1, 2, 4, 3}));
    QCOMPARE(p.rankA, 5);
    // Not mapped: each with its reason and the equation.
    for (const char *eq : {"bii->bi", "bij,bjk,bkl->bil", "...ij,...jk->...ik", "bij,bjk->b",
                           "bij,bj->bi", "bijc,bjkc->bik"}) {
        p = planEinsum(QLatin1String(eq));
        QVERIFY2(!p.problem.isEmpty(), eq);
        QVERIFY2(p.problem.contains(QLatin1String(eq)), qPrintable(p.problem));
    }
}

void tst_OnnxEinsum::againstTorch_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < cases().size(); ++i)
        QTest::newRow(cases()[i].name) << i;
}

void tst_OnnxEinsum::againstTorch()
{
    QFETCH(int, index);
    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot run torch and export ONNX");
    const Case &c = cases()[index];
    const ImportResult r =
        importOnnxFile(m_dir.filePath(QLatin1String(c.name) + ".onnx"), LayerRegistry::builtin());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.opaqueOperators.isEmpty(), qPrintable(r.warnings.join(QLatin1Char('\n'))));
    QCOMPARE(countType(r.graph, "permute"), c.permutes);
    QCOMPARE(countType(r.graph, "matmul"), c.matmuls);
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.layersWithoutNumbers(), 0);
    const QRegularExpression line(QStringLiteral("^%1: (\\{.*\\})$").arg(QLatin1String(c.name)),
                                  QRegularExpression::MultilineOption);
    const QJsonObject t = QJsonDocument::fromJson(line.match(m_out).captured(1).toUtf8()).object();
    QVERIFY2(!t.isEmpty(), qPrintable(m_out));
    QCOMPARE(a.totals.macs.value(), t.value(QStringLiteral("macs")).toInteger());
    QStringList out;
    for (const QJsonValue v : t.value(QStringLiteral("out")).toArray())
        out << QString::number(v.toInteger());
    for (LayerId id : r.graph.layerIds())
        if (r.graph.layer(id)->type == QLatin1String("output"))
            QCOMPARE(test::dimsOf(a.layer(r.graph.layer(id)->inputs.first())->output),
                     out.join(QStringLiteral(", ")));
}

void tst_OnnxEinsum::unsupportedStaysOpaque()
{
    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot run torch and export ONNX");
    const ImportResult r =
        importOnnxFile(m_dir.filePath(QStringLiteral("three.onnx")), LayerRegistry::builtin());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.opaqueOperators, QStringList{QStringLiteral("Einsum")});
    QCOMPARE(countType(r.graph, "opaque"), 1);
    QCOMPARE(countType(r.graph, "matmul"), 0);
    const QString all = r.warnings.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("abij,abjk,abkl->abil")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("operand")), qPrintable(all));
    // Its cost is unknown, and the total says so.
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QVERIFY(a.layersWithoutNumbers() >= 1);
}

QTEST_MAIN(tst_OnnxEinsum)
#include "tst_OnnxEinsum.moc"
