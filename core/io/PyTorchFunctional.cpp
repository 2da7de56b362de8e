// forward() expressions for layers that are tensor operations in PyTorch rather than modules.
// Like the module table in PyTorchExport.cpp, a type missing here is reported as having no
// equivalent, never guessed.
#include "PyTorchExportRules.h"

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

QString reduction(const ModuleContext &c, const QStringList &in, const char *method)
{
    const TensorShape &x = c.inputs[0];
    QVector<qint64> axes = normalised(ints(c.view, "axes"), x.rank);
    if (axes.isEmpty())
        for (int i = 1; i < x.rank; ++i)
            axes << i;
    std::sort(axes.begin(), axes.end());
    return QStringLiteral("%1.%2(dim=(%3,), keepdim=%4)")
        .arg(in[0], QLatin1String(method), joined(axes),
             c.view.flag("keepdims", true) ? QStringLiteral("True") : QStringLiteral("False"));
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

QString split(const ModuleContext &c, const QStringList &in)
{
    const TensorShape &x = c.inputs[0];
    const int axis = x.axis(c.view.integer("axis", 1));
    QVector<qint64> sizes = ints(c.view, "sizes");
    if (sizes.isEmpty() && axis >= 0) {
        const qint64 parts = std::max<qint64>(c.view.integer("parts", 2), 1);
        sizes.fill(x.dims[axis] / parts, int(parts));
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
    // Broadcasts like Naqsh's rule (NumPy's). A constant operand lives in the imported file only.
    if (c.view.flag("constant_operand"))
        return {};
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
        {QStringLiteral("split"), split},
        {QStringLiteral("mul"), mul},
        {QStringLiteral("matmul"), matmul},
        {QStringLiteral("sub"), sub},
        {QStringLiteral("div"), div},
        {QStringLiteral("chunk"), chunk},
    };
    return rules;
}

} // namespace

bool hasPyTorchExpression(const QString &typeId)
{
    return expressionRules().contains(typeId);
}

QString pyTorchExpression(const ModuleContext &context, const QStringList &inputs)
{
    const ExpressionRule rule = expressionRules().value(context.view.type.id);
    return rule && !inputs.isEmpty() ? rule(context, inputs) : QString();
}

} // namespace naqsh
