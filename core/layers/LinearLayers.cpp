// Linear (fully connected).
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

enum LinP { OutF, Bias };

ShapeResult linShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Linear")); !e.isEmpty())
        return ShapeResult::fail(e);
    if (in[0].rank < 2 || in[0].layout == TensorLayout::Image)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "Linear works on the last dimension of N×F features or "
                                        "N×L×D tokens, but its input is the image %1: add a "
                                        "Flatten or a global pooling layer before it")
                .arg(in[0].toString()));
    TensorShape out = in[0];
    out.dims[out.rank - 1] = p.integer(OutF);
    return ShapeResult::ok(out);
}

Costs linCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    // Every vector along the last axis (one per sample, or one per token) is multiplied by the
    // same F_in × F_out matrix.
    const qint64 fin = in[0].last(), fout = out.last();
    c.weights = CheckedInt(fin) * fout;
    c.macs = in[0].product(0, in[0].rank - 1) * fin * fout;
    if (p.flag(Bias)) {
        c.bias = fout;
        c.biasAdds = out.elements();
    }
    c.activations = out.elements();
    return c;
}

QString linSummary(const ParamValues &p)
{
    return QString::number(p.integer(OutF));
}

QVector<FormulaLine> linExplain(const ParamValues &p, std::span<const TensorShape> in,
                                const TensorShape &out)
{
    const qint64 fin = in[0].last(), fout = out.last();
    QString macs = QStringLiteral("%1 × %2").arg(fin).arg(fout);
    for (int i = out.rank - 2; i >= 0; --i)
        if (out.dims[i] != 1)
            macs = QStringLiteral("%1 × ").arg(out.dims[i]) + macs;
    macs += QStringLiteral(" = ") + num(linCost(p, in, out).macs.value());
    return {{QCoreApplication::translate("naqsh::layers", "MACs"), macs,
             QCoreApplication::translate(
                 "naqsh::layers", "each of the %1 outputs is a weighted sum of all %2 inputs")
                 .arg(fout)
                 .arg(fin)},
            {QCoreApplication::translate("naqsh::layers", "Parameters"),
             QStringLiteral("%1 × %2 = %3").arg(fin).arg(fout).arg(num(fin * fout)),
             p.flag(Bias)
                 ? QCoreApplication::translate(
                       "naqsh::layers", "one weight per input and output pair, plus %1 bias values")
                       .arg(fout)
                 : QCoreApplication::translate("naqsh::layers",
                                               "one weight per input and output pair, no bias")}};
}

} // namespace

void registerLinearLayers(LayerRegistry &registry)
{
    LayerType t;
    t.id = QStringLiteral("linear");
    t.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Linear");
    t.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Linear");
    t.category = QT_TRANSLATE_NOOP("naqsh::layers", "Linear");
    t.help =
        QT_TRANSLATE_NOOP("naqsh::layers", "Fully connected layer: every output is a weighted sum "
                                           "of every input. It acts on the last dimension: on "
                                           "N×F features, or on every token of N×L×D, where it "
                                           "plays the role of a 1×1 convolution. MACs = "
                                           "in_features × out_features per vector; parameters = "
                                           "that plus out_features bias values.");
    t.params = {
        intParam("out_features", QT_TRANSLATE_NOOP("naqsh::layers", "Output features"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Number of outputs (neurons)"), 10, 1, kMaxDim),
        boolParam("bias", QT_TRANSLATE_NOOP("naqsh::layers", "Bias"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Add a learned bias per output"), true),
    };
    t.shape = linShape;
    t.cost = linCost;
    t.summary = linSummary;
    t.explain = linExplain;
    registry.add(t);
}

} // namespace naqsh
