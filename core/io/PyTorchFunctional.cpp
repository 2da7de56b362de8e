// forward() expressions for layers that are tensor operations in PyTorch rather than modules.
// Like the module table in PyTorchExport.cpp, a type missing here is reported as having no
// equivalent, never guessed.
#include "PyTorchExportRules.h"
#include "layers/ConstantOperand.h"

#include <QHash>

namespace naqsh {

namespace {

using ExpressionRule = QString (*)(const ModuleContext &, const QStringList &);

QVector<qint64> ints(const LayerView &v, const char *key)
{
    QString t = v.value(key).toString();
    t.replace(QChar(0x00D7), QLatin1Char(',')).replace(QLatin1Char(' '), QLatin1Char(','));
    QVector<qint64> out;
    for (const QString &part : t.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << part.toLongLong();
    return out;
}

QString joined(const QVector<qint64> &v)
{
    QStringList parts;
    for (qint64 x : v)
        parts << QString::number(x);
    return parts.join(QStringLiteral(", "));
}

/// @p axes made non-negative against @p rank.
QVector<qint64> normalised(QVector<qint64> axes, int rank)
{
    for (qint64 &a : axes)
        if (a < 0)
            a += rank;
    return axes;
}

QString reshape(const ModuleContext &c, const QStringList &in)
{
    // 0 copies the input's size (ONNX's rule); PyTorch spells that x.shape[i].
    QStringList sizes;
    const QVector<qint64> target = ints(c.view, "shape");
    for (int i = 0; i < target.size(); ++i)
        sizes << (target[i] == 0 ? QStringLiteral("%1.shape[%2]").arg(in[0]).arg(i)
                                 : QString::number(target[i]));
    return QStringLiteral("%1.reshape(%2)").arg(in[0], sizes.join(QStringLiteral(", ")));
}

QString permute(const ModuleContext &c, const QStringList &in)
{
    return QStringLiteral("%1.permute(%2)").arg(in[0], joined(ints(c.view, "dims")));
}

QString squeeze(const ModuleContext &c, const QStringList &in)
{
    const TensorShape &x = c.inputs[0];
    QVector<qint64> axes = normalised(ints(c.view, "axes"), x.rank);
    if (axes.isEmpty())
        for (int i = 1; i < x.rank; ++i)
            if (x.dims[i] == 1)
                axes << i;
    std::sort(axes.begin(), axes.end(), std::greater<>());
    QString e = in[0];
    for (qint64 a : axes)
        e += QStringLiteral(".squeeze(%1)").arg(a);
    return e;
}

QString unsqueeze(const ModuleContext &c, const QStringList &in)
{
    QVector<qint64> axes = normalised(ints(c.view, "axes"), c.output.rank);
    std::sort(axes.begin(), axes.end());
    QString e = in[0];
    for (qint64 a : axes)
        e += QStringLiteral(".unsqueeze(%1)").arg(a);
    return e;
}

QString slice(const ModuleContext &c, const QStringList &in)
{
    const int axis = c.inputs[0].axis(c.view.integer("axis"));
    QStringList index;
    for (int i = 0; i < axis; ++i)
        index << QStringLiteral(":");
    QString range = QStringLiteral("%1:%2").arg(c.view.integer("start")).arg(c.view.integer("end"));
    if (c.view.integer("step", 1) != 1)
        range += QStringLiteral(":%1").arg(c.view.integer("step"));
    index << range;
    return QStringLiteral("%1[%2]").arg(in[0], index.join(QStringLiteral(", ")));
}

QString depthToSpace(const ModuleContext &c, const QStringList &in)
{
    const TensorShape &x = c.inputs[0];
    const qint64 r = c.view.integer("upscale_factor", 2);
    if (c.view.choice("mode") != QLatin1String("dcr"))
        return QStringLiteral("nn.functional.pixel_shuffle(%1, %2)").arg(in[0]).arg(r);
    // ONNX DepthToSpace, DCR order: the block index varies slowest among the channels.
    return QStringLiteral("%1.reshape(%1.shape[0], %2, %2, %3, %4, %5).permute(0, 3, 4, 1, 5, "
                          "2).reshape(%1.shape[0], %3, %6, %7)")
        .arg(in[0])
        .arg(r)
        .arg(x.c() / (r * r))
        .arg(x.h())
        .arg(x.w())
        .arg(x.h() * r)
        .arg(x.w() * r);
}

/// `dim=(…,), keepdim=…` of a reduction: its axes, or every one after the batch.
QString reductionArgs(const ModuleContext &c)
{
    const TensorShape &x = c.inputs[0];
    QVector<qint64> axes = normalised(ints(c.view, "axes"), x.rank);
    if (axes.isEmpty())
        for (int i = 1; i < x.rank; ++i)
            axes << i;
    std::sort(axes.begin(), axes.end());
    return QStringLiteral("dim=(%1,), keepdim=%2")
        .arg(joined(axes),
             c.view.flag("keepdims", true) ? QStringLiteral("True") : QStringLiteral("False"));
}

QString reduction(const ModuleContext &c, const QStringList &in, const char *method)
{
    return QStringLiteral("%1.%2(%3)").arg(in[0], QLatin1String(method), reductionArgs(c));
}

QString reduceMean(const ModuleContext &c, const QStringList &in)
{
    return reduction(c, in, "mean");
}
QString reduceSum(const ModuleContext &c, const QStringList &in)
{
    return reduction(c, in, "sum");
}
QString reduceMax(const ModuleContext &c, const QStringList &in)
{
    return reduction(c, in, "amax");
}

QString reduceL2(const ModuleContext &c, const QStringList &in)
{
    return QStringLiteral("torch.linalg.vector_norm(%1, %2)").arg(in[0], reductionArgs(c));
}

QString clamp(const ModuleContext &c, const QStringList &in)
{
    QStringList bounds;
    if (c.view.flag("has_min", true))
        bounds << QStringLiteral("min=") + pyFloat(c.view.real("min"));
    if (c.view.flag("has_max", true))
        bounds << QStringLiteral("max=") + pyFloat(c.view.real("max", 1));
    if (bounds.isEmpty())
        return in[0];
    return QStringLiteral("torch.clamp(%1, %2)").arg(in[0], bounds.join(QStringLiteral(", ")));
}

QString expand(const ModuleContext &c, const QStringList &in)
{
    // The output's sizes, which are the input's where it has more than 1 (PyTorch's expand
    // only grows dimensions of size 1 and adds leading ones).
    QVector<qint64> dims;
    for (int i = 0; i < c.output.rank; ++i)
        dims << c.output.dims[i];
    return QStringLiteral("%1.expand(%2)").arg(in[0], joined(dims));
}

QString pad(const ModuleContext &c, const QStringList &in)
{
    // F.pad lists (start, end) pairs from the last dimension backwards.
    const QVector<qint64> pads = ints(c.view, "pads");
    const int rank = int(pads.size() / 2);
    QVector<qint64> pairs;
    for (int i = rank - 1; i >= 0; --i)
        pairs << pads[i] << pads[i + rank];
    return QStringLiteral("torch.nn.functional.pad(%1, (%2,))").arg(in[0], joined(pairs));
}

QString split(const ModuleContext &c, const QStringList &in)
{
    const TensorShape &x = c.inputs[0];
    const int axis = x.axis(c.view.integer("axis", 1));
    QVector<qint64> sizes = ints(c.view, "sizes");
    if (sizes.isEmpty() && axis >= 0) {
        const qint64 parts = std::max<qint64>(c.view.integer("parts", 2), 1);
        sizes.fill(x.dims[axis] / parts, int(parts));
    }
    // A -1 takes what the other pieces leave.
    if (const qsizetype rest = sizes.indexOf(-1); rest >= 0 && axis >= 0) {
        qint64 taken = 0;
        for (qint64 s : std::as_const(sizes))
            taken += s == -1 ? 0 : s;
        sizes[rest] = x.dims[axis] - taken;
    }
    return QStringLiteral("torch.split(%1, [%2], dim=%3)")
        .arg(in[0], joined(sizes))
        .arg(c.view.integer("axis", 1));
}

QString chunk(const ModuleContext &c, const QStringList &in)
{
    return QStringLiteral("torch.chunk(%1, %2, dim=%3)")
        .arg(in[0])
        .arg(c.view.integer("chunks", 2))
        .arg(c.view.integer("axis", 1));
}

QString concat(const ModuleContext &c, const QStringList &in)
{
    return QStringLiteral("torch.cat([%1], dim=%2)")
        .arg(in.join(QStringLiteral(", ")))
        .arg(c.view.integer("axis", 1));
}

QString arithmetic(const ModuleContext &c, const QStringList &in, const char *op)
{
    // Broadcasts like Naqsh's rule (NumPy's).
    if (c.view.flag("constant_operand")) {
        if (in.size() != 1)
            return {};
        // A learned operand (ConvNeXt's layer scale) is an nn.Parameter of the module
        // (pyTorchExpressionParameter), so that PyTorch counts its parameters as Naqsh does.
        if (c.view.integer("params") > 0)
            return constantOperandShape(c.output, c.view.integer("params")).isValid()
                       ? QStringLiteral("%1 %2 self.%3").arg(in[0], QLatin1String(op), c.self)
                       : QString();
        // A single known number (attention's 1/√d scale) is written out; an unknown one (0)
        // lives in the imported file only.
        const double value = c.view.real("value");
        if (value == 0)
            return {};
        QString v = QString::number(value, 'g', 17);
        return QStringLiteral("%1 %2 %3").arg(in[0], QLatin1String(op), v);
    }
    return in.join(QStringLiteral(" %1 ").arg(QLatin1String(op)));
}

QString add(const ModuleContext &c, const QStringList &in)
{
    return arithmetic(c, in, "+");
}
QString mul(const ModuleContext &c, const QStringList &in)
{
    return arithmetic(c, in, "*");
}
QString sub(const ModuleContext &c, const QStringList &in)
{
    return arithmetic(c, in, "-");
}
QString div(const ModuleContext &c, const QStringList &in)
{
    return arithmetic(c, in, "/");
}

QString matmul(const ModuleContext &, const QStringList &in)
{
    return QStringLiteral("torch.matmul(%1, %2)").arg(in.value(0), in.value(1));
}

// Caffe layers of detection and segmentation models.

QString crop(const ModuleContext &c, const QStringList &in)
{
    // The first input cut to the output's size from `axis` on, starting at `offset`.
    const int axis = c.inputs[0].axis(c.view.integer("axis", 2));
    const qint64 o = c.view.integer("offset");
    QStringList index;
    for (int i = 0; i < c.output.rank; ++i)
        index << (i < axis ? QStringLiteral(":")
                           : QStringLiteral("%1:%2").arg(o).arg(o + c.output.dims[size_t(i)]));
    return QStringLiteral("%1[%2]").arg(in[0], index.join(QStringLiteral(", ")));
}

QString power(const ModuleContext &c, const QStringList &in)
{
    return QStringLiteral("(%1 + %2 * %3) ** %4")
        .arg(pyFloat(c.view.real("shift")), pyFloat(c.view.real("scale", 1)), in[0],
             pyFloat(c.view.real("power", 1)));
}

QString argmax(const ModuleContext &c, const QStringList &in)
{
    const qint64 k = c.view.integer("top_k", 1);
    const bool values = c.view.flag("out_max_val");
    if (c.view.flag("has_axis")) // along one axis: the indices, or the values if asked
        return QStringLiteral("torch.topk(%1, %2, dim=%3).%4")
            .arg(in[0])
            .arg(k)
            .arg(c.view.integer("axis", 1))
            .arg(values ? QStringLiteral("values") : QStringLiteral("indices.float()"));
    // Over the whole sample: N × 1 × k (indices) or N × 2 × k (indices, values), padded with
    // dimensions of 1 to the input's rank as Caffe's ArgMaxLayer::Reshape does.
    const QString top = QStringLiteral("torch.topk(%1.flatten(1), %2, dim=1)").arg(in[0]).arg(k);
    QString e = values
                    ? QStringLiteral("torch.stack([%1.indices.float(), %1.values], dim=1)").arg(top)
                    : QStringLiteral("%1.indices.float().unsqueeze(1)").arg(top);
    for (int i = 3; i < c.output.rank; ++i)
        e += QStringLiteral(".unsqueeze(-1)");
    return e;
}

QString normalize(const ModuleContext &c, const QStringList &in)
{
    // SSD's L2 normalisation: over the channels at each position, or over the whole sample;
    // then times the learned scale (pyTorchExpressionParameter).
    const QString dims =
        c.view.flag("across_spatial", true) ? QStringLiteral("(1, 2, 3)") : QStringLiteral("1");
    return QStringLiteral("%1 / (%1.pow(2).sum(dim=%2, keepdim=True) + %3).sqrt() * self.%4")
        .arg(in[0], dims, pyFloat(c.view.real("eps", 1e-10)), c.self);
}

QString classToken(const ModuleContext &c, const QStringList &in)
{
    // ViT: the learned token(s) (pyTorchExpressionParameter), one copy per image, before the
    // patch tokens.
    return QStringLiteral("torch.cat([self.%1.expand(%2.shape[0], -1, -1), %2], dim=1)")
        .arg(c.self, in[0]);
}

QString positionEmbedding(const ModuleContext &c, const QStringList &in)
{
    return QStringLiteral("%1 + self.%2").arg(in[0], c.self);
}

const QHash<QString, ExpressionRule> &expressionRules()
{
    static const QHash<QString, ExpressionRule> rules{
        {QStringLiteral("concat"), concat},
        {QStringLiteral("add"), add},
        {QStringLiteral("reshape"), reshape},
        {QStringLiteral("permute"), permute},
        {QStringLiteral("squeeze"), squeeze},
        {QStringLiteral("unsqueeze"), unsqueeze},
        {QStringLiteral("slice"), slice},
        {QStringLiteral("pixel_shuffle"), depthToSpace},
        {QStringLiteral("reduce_mean"), reduceMean},
        {QStringLiteral("reduce_sum"), reduceSum},
        {QStringLiteral("reduce_max"), reduceMax},
        {QStringLiteral("reduce_l2"), reduceL2},
        {QStringLiteral("clamp"), clamp},
        {QStringLiteral("expand"), expand},
        {QStringLiteral("pad"), pad},
        {QStringLiteral("split"), split},
        {QStringLiteral("mul"), mul},
        {QStringLiteral("matmul"), matmul},
        {QStringLiteral("sub"), sub},
        {QStringLiteral("div"), div},
        {QStringLiteral("chunk"), chunk},
        {QStringLiteral("crop"), crop},
        {QStringLiteral("power"), power},
        {QStringLiteral("argmax"), argmax},
        {QStringLiteral("normalize"), normalize},
        {QStringLiteral("class_token"), classToken},
        {QStringLiteral("position_embedding"), positionEmbedding},
    };
    return rules;
}

} // namespace

bool hasPyTorchExpression(const QString &typeId)
{
    return expressionRules().contains(typeId);
}

QString pyTorchExpressionParameter(const ModuleContext &context)
{
    const QString &id = context.view.type.id;
    // ViT's learned tensors start as torchvision's do: zeros for the class token, N(0, 0.02²)
    // for the positions.
    if (id == QLatin1String("class_token"))
        return QStringLiteral("nn.Parameter(torch.zeros(1, %1, %2))")
            .arg(context.view.integer("tokens", 1))
            .arg(context.output.last());
    if (id == QLatin1String("position_embedding"))
        return QStringLiteral("nn.Parameter(torch.empty(1, %1, %2).normal_(std=0.02))")
            .arg(context.output.dims[1])
            .arg(context.output.last());
    if (context.view.flag("constant_operand") && context.view.integer("params") > 0) {
        // Initialised to the file's value where it is one number (ConvNeXt's 1e-6), otherwise
        // to the operation's neutral element.
        const TensorShape s = constantOperandShape(context.output, context.view.integer("params"));
        if (!s.isValid())
            return {};
        QStringList dims;
        for (int i = 0; i < s.rank; ++i)
            dims << QString::number(s.dims[size_t(i)]);
        const bool additive = id == QLatin1String("add") || id == QLatin1String("sub");
        const double value = context.view.real("value");
        return QStringLiteral("nn.Parameter(torch.full((%1), %2))")
            .arg(dims.size() == 1 ? dims[0] + QLatin1Char(',') : dims.join(QStringLiteral(", ")),
                 pyFloat(value != 0 ? value : (additive ? 0.0 : 1.0)));
    }
    if (id != QLatin1String("normalize"))
        return {};
    // SSD starts the scale at 20 (scale_filler); one per channel unless shared.
    if (context.view.flag("channel_shared", true))
        return QStringLiteral("nn.Parameter(torch.full((1,), 20.0))");
    return QStringLiteral("nn.Parameter(torch.full((1, %1, 1, 1), 20.0))").arg(context.output.c());
}

QString pyTorchExpression(const ModuleContext &context, const QStringList &inputs)
{
    const ExpressionRule rule = expressionRules().value(context.view.type.id);
    return rule && !inputs.isEmpty() ? rule(context, inputs) : QString();
}

} // namespace naqsh
