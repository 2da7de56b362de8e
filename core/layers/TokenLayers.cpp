// Class token and position embedding: the two learned tensors a Vision Transformer adds to its
// patch tokens (torchvision's VisionTransformer.class_token and Encoder.pos_embedding). Neither
// has a multiply-accumulate; they are counted as parameters, and the position embedding as one
// addition per value.
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

enum ClassTokenP { Tokens };

/// Error unless the input is a batch of token sequences N×L×D.
QString needTokens(std::span<const TensorShape> in, const char *what)
{
    if (QString e = needAny(in, what); !e.isEmpty())
        return e;
    if (in[0].rank != 3)
        return QCoreApplication::translate(
                   "naqsh::layers",
                   "%1 needs tokens N×L×D (a batch of sequences of L tokens with D features), "
                   "but its input is %2")
            .arg(tr(what), in[0].toString());
    return {};
}

// ---- Class token ----
ShapeResult classTokenShape(const ParamValues &p, std::span<const TensorShape> in,
                            const RuleContext &)
{
    if (QString e = needTokens(in, QT_TRANSLATE_NOOP("naqsh::layers", "Class token")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    TensorShape out = TensorShape::nld(x.n(), x.dims[1] + p.integer(Tokens), x.last());
    if (QString e = checkDims(out); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(out);
}

Costs classTokenCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    c.weights = CheckedInt(p.integer(Tokens)) * in[0].last();
    c.activations = out.elements();
    return c;
}

QVector<FormulaLine> classTokenExplain(const ParamValues &p, std::span<const TensorShape> in,
                                       const TensorShape &out)
{
    const qint64 t = p.integer(Tokens), d = in[0].last();
    return {{QCoreApplication::translate("naqsh::layers", "Output"),
             dimsText(in[0]) + QStringLiteral(" → ") + dimsText(out),
             QCoreApplication::translate("naqsh::layers",
                                         "%n learned token(s) put before the L tokens of every "
                                         "image (torch.cat along the token axis)",
                                         nullptr, int(t))},
            {QCoreApplication::translate("naqsh::layers", "Parameters"),
             QStringLiteral("%1 × %2 = %3").arg(t).arg(num(d)).arg(num(t * d)),
             QCoreApplication::translate("naqsh::layers",
                                         "one learned vector of D features per token, shared by "
                                         "the whole batch")},
            {QCoreApplication::translate("naqsh::layers", "Operations"), QStringLiteral("0"),
             QCoreApplication::translate("naqsh::layers",
                                         "values are only copied; the classifier later reads "
                                         "this token's output")}};
}

QString classTokenSummary(const ParamValues &p)
{
    const qint64 t = p.integer(Tokens);
    return t == 1 ? QString() : QStringLiteral("+%1").arg(t);
}

// ---- Position embedding ----
ShapeResult positionShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needTokens(in, QT_TRANSLATE_NOOP("naqsh::layers", "Position embedding"));
        !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(in[0]);
}

Costs positionCost(const ParamValues &, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    c.weights = in[0].sampleElements();
    c.adds = out.elements();
    c.activations = out.elements();
    return c;
}

QVector<FormulaLine> positionExplain(const ParamValues &, std::span<const TensorShape> in,
                                     const TensorShape &out)
{
    const qint64 l = in[0].dims[1], d = in[0].last();
    return {{QCoreApplication::translate("naqsh::layers", "Output"), dimsText(out),
             QCoreApplication::translate("naqsh::layers",
                                         "the same shape: each token gets the learned vector of "
                                         "its position added")},
            {QCoreApplication::translate("naqsh::layers", "Parameters"),
             QStringLiteral("%1 × %2 = %3").arg(num(l), num(d), num(l * d)),
             QCoreApplication::translate("naqsh::layers",
                                         "one learned vector of D features per position L "
                                         "(including the class token), shared by the batch")},
            {QCoreApplication::translate("naqsh::layers", "Additions"),
             QStringLiteral("%1").arg(num(out.elements().value())),
             QCoreApplication::translate("naqsh::layers", "one addition per output value")}};
}

} // namespace

void registerTokenLayers(LayerRegistry &registry)
{
    LayerType cls;
    cls.id = QStringLiteral("class_token");
    cls.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Class token");
    cls.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Class token");
    cls.category = QT_TRANSLATE_NOOP("naqsh::layers", "Blocks");
    cls.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Puts a learned token before the patch tokens, as the Vision Transformer does "
        "(torchvision's class_token, concatenated along the token axis): N×L×D becomes "
        "N×(L+1)×D. It has D parameters and no multiply-accumulates; after the encoder the "
        "classifier reads only this token's output.");
    cls.params = {intParam("tokens", QT_TRANSLATE_NOOP("naqsh::layers", "Tokens"),
                           QT_TRANSLATE_NOOP("naqsh::layers",
                                             "Learned tokens put before the sequence (ViT: 1; "
                                             "DeiT adds a distillation token: 2)"),
                           1, 1, 1024)};
    cls.shape = classTokenShape;
    cls.cost = classTokenCost;
    cls.explain = classTokenExplain;
    cls.summary = classTokenSummary;
    registry.add(cls);

    LayerType pos;
    pos.id = QStringLiteral("position_embedding");
    pos.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Position embedding");
    pos.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Positions");
    pos.category = cls.category;
    pos.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Adds a learned vector to each token according to its position, as the Vision "
        "Transformer does (torchvision's pos_embedding, 1×L×D): attention itself does not "
        "know where a token came from. L·D parameters (one vector per position, the class "
        "token included) and one addition per value.");
    pos.shape = positionShape;
    pos.cost = positionCost;
    pos.explain = positionExplain;
    registry.add(pos);
}

} // namespace naqsh
