#include "PyTorchExport.h"

#include "PyTorchExportRules.h"

#include "analysis/AnalysisResult.h"
#include "graph/Graph.h"
#include "layers/LayerRegistry.h"

#include <QHash>
#include <QLocale>
#include <QSet>

namespace naqsh {

namespace {

/// Names the generated code cannot take for a layer: Python keywords, the names forward()
/// and the file use, and nn.Module's members (an attribute named "forward" or "to" would
/// replace the method).
const QSet<QString> &reservedNames()
{
    static const QSet<QString> names = [] {
        QSet<QString> s;
        for (const char *n :
             {"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
              "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
              "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
              "raise", "return", "try", "while", "with", "yield", "self", "torch", "nn",
              // nn.Module (PyTorch 1.13 to 2.x)
              "T_destination", "add_module", "apply", "bfloat16", "buffers", "call_super_init",
              "children", "compile", "cpu", "cuda", "double", "dump_patches", "eval", "extra_repr",
              "float", "forward", "get_buffer", "get_extra_state", "get_parameter", "get_submodule",
              "half", "ipu", "load_state_dict", "modules", "mtia", "named_buffers",
              "named_children", "named_modules", "named_parameters", "parameters",
              "register_backward_hook", "register_buffer", "register_forward_hook",
              "register_forward_pre_hook", "register_full_backward_hook",
              "register_full_backward_pre_hook", "register_load_state_dict_post_hook",
              "register_load_state_dict_pre_hook", "register_module", "register_parameter",
              "register_state_dict_post_hook", "register_state_dict_pre_hook", "requires_grad_",
              "set_extra_state", "set_submodule", "share_memory", "smart_apply", "state_dict", "to",
              "to_empty", "train", "training", "type", "xpu", "zero_grad"})
            s.insert(QString::fromLatin1(n));
        return s;
    }();
    return names;
}

/// ASCII letters, digits and '_' kept; every other run of characters becomes one '_'.
QString asciiIdentifier(const QString &raw)
{
    QString s;
    for (QChar c : raw) {
        const bool ok = c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('_'));
        if (ok)
            s += c;
        else if (c == QChar(0x00D7)) // "5×5" reads as "5x5"
            s += QLatin1Char('x');
        else if (!s.endsWith(QLatin1Char('_')))
            s += QLatin1Char('_');
    }
    while (s.startsWith(QLatin1Char('_')))
        s.remove(0, 1);
    while (s.endsWith(QLatin1Char('_')))
        s.chop(1);
    return s;
}

/// A Python string literal in double quotes.
QString pyString(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (QChar c : s) {
        switch (c.unicode()) {
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        default:
            out += c;
        }
    }
    return out + QLatin1Char('"');
}

/// Text safe inside a one-line '#' comment.
QString oneLine(QString s)
{
    return s.replace(QLatin1Char('\n'), QLatin1Char(' '))
        .replace(QLatin1Char('\r'), QLatin1Char(' '));
}

QString pair(qint64 a, qint64 b)
{
    return a == b ? QString::number(a) : QStringLiteral("(%1, %2)").arg(a).arg(b);
}

QString shapeText(const TensorShape &s)
{
    QStringList dims;
    for (qint64 d : s.toVector())
        dims << QString::number(d);
    return dims.join(QChar(0x00D7));
}

using ModuleRule = QString (*)(const ModuleContext &);

/// "same" padding as Naqsh's conv rule resolves it: output = ceil(in / stride), the total
/// padding split with the extra pixel after.
void samePadding(qint64 in, qint64 k, qint64 s, qint64 d, qint64 *before, qint64 *after)
{
    const qint64 out = (in + s - 1) / s;
    const qint64 total = std::max<qint64>((out - 1) * s + d * (k - 1) + 1 - in, 0);
    *before = total / 2;
    *after = total - *before;
}

QString conv2d(const ModuleContext &c)
{
    const LayerView &v = c.view;
    const qint64 kh = v.integer("kernel_h", 1), kw = v.integer("kernel_w", 1);
    const qint64 sh = v.integer("stride_h", 1), sw = v.integer("stride_w", 1);
    const qint64 dh = v.integer("dilation_h", 1), dw = v.integer("dilation_w", 1);
    const qint64 groups = v.integer("groups", 1);
    qint64 top = v.integer("pad_top"), bottom = v.integer("pad_bottom");
    qint64 left = v.integer("pad_left"), right = v.integer("pad_right");
    const QString mode = v.choice("padding");
    if (mode == QLatin1String("same")) {
        samePadding(c.inputs[0].h(), kh, sh, dh, &top, &bottom);
        samePadding(c.inputs[0].w(), kw, sw, dw, &left, &right);
    } else if (mode == QLatin1String("valid")) {
        top = bottom = left = right = 0;
    }
    const bool symmetric = top == bottom && left == right;
    QString args = QStringLiteral("%1, %2, kernel_size=%3")
                       .arg(c.inputs[0].c())
                       .arg(c.output.c())
                       .arg(pair(kh, kw));
    if (sh != 1 || sw != 1)
        args += QStringLiteral(", stride=%1").arg(pair(sh, sw));
    if (symmetric && (top != 0 || left != 0))
        args += QStringLiteral(", padding=%1").arg(pair(top, left));
    if (dh != 1 || dw != 1)
        args += QStringLiteral(", dilation=%1").arg(pair(dh, dw));
    if (groups != 1)
        args += QStringLiteral(", groups=%1").arg(groups);
    if (!v.flag("bias", true))
        args += QStringLiteral(", bias=False");
    const QString conv = QStringLiteral("nn.Conv2d(%1)").arg(args);
    if (symmetric)
        return conv;
    // PyTorch's Conv2d pads both sides alike; uneven padding goes in a ZeroPad2d first.
    return QStringLiteral("nn.Sequential(nn.ZeroPad2d((%1, %2, %3, %4)), %5)")
        .arg(left)
        .arg(right)
        .arg(top)
        .arg(bottom)
        .arg(conv);
}

QString convTranspose2d(const ModuleContext &c)
{
    const LayerView &v = c.view;
    QString args = QStringLiteral("%1, %2, kernel_size=%3, stride=%4")
                       .arg(c.inputs[0].c())
                       .arg(c.output.c())
                       .arg(pair(v.integer("kernel_h", 1), v.integer("kernel_w", 1)))
                       .arg(pair(v.integer("stride_h", 1), v.integer("stride_w", 1)));
    const qint64 ph = v.integer("pad_h"), pw = v.integer("pad_w");
    if (ph != 0 || pw != 0)
        args += QStringLiteral(", padding=%1").arg(pair(ph, pw));
    const qint64 oph = v.integer("output_pad_h"), opw = v.integer("output_pad_w");
    if (oph != 0 || opw != 0)
        args += QStringLiteral(", output_padding=%1").arg(pair(oph, opw));
    if (const qint64 g = v.integer("groups", 1); g != 1)
        args += QStringLiteral(", groups=%1").arg(g);
    if (!v.flag("bias", true))
        args += QStringLiteral(", bias=False");
    const qint64 dh = v.integer("dilation_h", 1), dw = v.integer("dilation_w", 1);
    if (dh != 1 || dw != 1)
        args += QStringLiteral(", dilation=%1").arg(pair(dh, dw));
    return QStringLiteral("nn.ConvTranspose2d(%1)").arg(args);
}

QString pool(const ModuleContext &c, const char *module)
{
    const LayerView &v = c.view;
    QString args = QStringLiteral("kernel_size=%1, stride=%2")
                       .arg(pair(v.integer("kernel_h", 1), v.integer("kernel_w", 1)))
                       .arg(pair(v.integer("stride_h", 1), v.integer("stride_w", 1)));
    const qint64 ph = v.integer("pad_h"), pw = v.integer("pad_w");
    if (ph != 0 || pw != 0)
        args += QStringLiteral(", padding=%1").arg(pair(ph, pw));
    if (v.flag("ceil_mode"))
        args += QStringLiteral(", ceil_mode=True");
    return QStringLiteral("nn.%1(%2)").arg(QLatin1String(module), args);
}

QString maxPool(const ModuleContext &c)
{
    return pool(c, "MaxPool2d");
}

QString avgPool(const ModuleContext &c)
{
    return pool(c, "AvgPool2d");
}

QString globalAvgPool(const ModuleContext &)
{
    return QStringLiteral("nn.AdaptiveAvgPool2d(1)");
}

QString adaptiveAvgPool(const ModuleContext &c)
{
    return QStringLiteral("nn.AdaptiveAvgPool2d(%1)")
        .arg(pair(c.view.integer("output_h", 1), c.view.integer("output_w", 1)));
}

QString batchNorm(const ModuleContext &c)
{
    QString args = QString::number(c.output.c());
    const double eps = c.view.real("eps", 1e-5);
    if (eps != 1e-5)
        args += QStringLiteral(", eps=%1").arg(pyFloat(eps));
    if (!c.view.flag("affine", true))
        args += QStringLiteral(", affine=False");
    return QStringLiteral("nn.BatchNorm2d(%1)").arg(args);
}

QString lrn(const ModuleContext &c)
{
    const LayerView &v = c.view;
    return QStringLiteral("nn.LocalResponseNorm(%1, alpha=%2, beta=%3, k=%4)")
        .arg(v.integer("size", 5))
        .arg(pyFloat(v.real("alpha", 1e-4)), pyFloat(v.real("beta", 0.75)),
             pyFloat(v.real("k", 1.0)));
}

QString relu(const ModuleContext &)
{
    return QStringLiteral("nn.ReLU()");
}

QString relu6(const ModuleContext &)
{
    return QStringLiteral("nn.ReLU6()");
}

QString leakyRelu(const ModuleContext &c)
{
    return QStringLiteral("nn.LeakyReLU(negative_slope=%1)")
        .arg(pyFloat(c.view.real("negative_slope", 0.01)));
}

QString prelu(const ModuleContext &c)
{
    // Naqsh counts one slope per channel (dimension 1) unless the slope is shared.
    const qint64 n = c.view.flag("channel_shared") ? 1 : std::max<qint64>(c.output.c(), 1);
    return QStringLiteral("nn.PReLU(num_parameters=%1)").arg(n);
}

QString sigmoid(const ModuleContext &)
{
    return QStringLiteral("nn.Sigmoid()");
}

QString tanhModule(const ModuleContext &)
{
    return QStringLiteral("nn.Tanh()");
}

QString geluModule(const ModuleContext &c)
{
    return c.view.choice("approximate") == QLatin1String("tanh")
               ? QStringLiteral("nn.GELU(approximate=\"tanh\")")
               : QStringLiteral("nn.GELU()");
}

QString elu(const ModuleContext &c)
{
    return QStringLiteral("nn.ELU(alpha=%1)").arg(pyFloat(c.view.real("alpha", 1.0)));
}

QString layerNorm(const ModuleContext &c)
{
    const TensorShape &x = c.inputs[0];
    QStringList dims;
    for (int i = x.rank - int(c.view.integer("dims", 1)); i < x.rank; ++i)
        dims << QString::number(x.dims[i]);
    QString args = QStringLiteral("[%1], eps=%2")
                       .arg(dims.join(QStringLiteral(", ")), pyFloat(c.view.real("eps", 1e-5)));
    if (!c.view.flag("affine", true))
        args += QStringLiteral(", elementwise_affine=False");
    return QStringLiteral("nn.LayerNorm(%1)").arg(args);
}

QString groupNorm(const ModuleContext &c)
{
    QString args = QStringLiteral("%1, %2, eps=%3")
                       .arg(c.view.integer("groups", 32))
                       .arg(c.inputs[0].c())
                       .arg(pyFloat(c.view.real("eps", 1e-5)));
    if (!c.view.flag("affine", true))
        args += QStringLiteral(", affine=False");
    return QStringLiteral("nn.GroupNorm(%1)").arg(args);
}

QString instanceNorm(const ModuleContext &c)
{
    const int spatial = std::clamp(c.inputs[0].rank - 2, 1, 3);
    QString args =
        QStringLiteral("%1, eps=%2").arg(c.inputs[0].c()).arg(pyFloat(c.view.real("eps", 1e-5)));
    if (c.view.flag("affine", false))
        args += QStringLiteral(", affine=True");
    return QStringLiteral("nn.InstanceNorm%1d(%2)").arg(spatial).arg(args);
}

QString softmax(const ModuleContext &c)
{
    return QStringLiteral("nn.Softmax(dim=%1)").arg(c.view.integer("axis", 1));
}

QString convNd(const ModuleContext &c)
{
    // Conv1d: kernel, stride, padding; Conv3d: per axis d, h, w.
    const LayerView &v = c.view;
    const bool one = v.type.id == QLatin1String("conv1d");
    auto triple = [&](const char *d, const char *h, const char *w) {
        const qint64 a = v.integer(d), b = v.integer(h), cc = v.integer(w);
        return a == b && b == cc ? QString::number(a)
                                 : QStringLiteral("(%1, %2, %3)").arg(a).arg(b).arg(cc);
    };
    QString args = QStringLiteral("%1, %2, kernel_size=%3")
                       .arg(c.inputs[0].c())
                       .arg(v.integer("out_channels"))
                       .arg(one ? QString::number(v.integer("kernel"))
                                : triple("kernel_d", "kernel_h", "kernel_w"));
    const QString stride =
        one ? QString::number(v.integer("stride")) : triple("stride_d", "stride_h", "stride_w");
    const QString pad =
        one ? QString::number(v.integer("padding")) : triple("pad_d", "pad_h", "pad_w");
    if (stride != QLatin1String("1"))
        args += QStringLiteral(", stride=%1").arg(stride);
    if (pad != QLatin1String("0"))
        args += QStringLiteral(", padding=%1").arg(pad);
    if (v.integer("dilation", 1) != 1)
        args += QStringLiteral(", dilation=%1").arg(v.integer("dilation"));
    if (v.integer("groups", 1) != 1)
        args += QStringLiteral(", groups=%1").arg(v.integer("groups"));
    if (!v.flag("bias", true))
        args += QStringLiteral(", bias=False");
    return QStringLiteral("nn.Conv%1d(%2)").arg(one ? 1 : 3).arg(args);
}

QString linear(const ModuleContext &c)
{
    QString args = QStringLiteral("%1, %2").arg(c.inputs[0].last()).arg(c.output.last());
    if (!c.view.flag("bias", true))
        args += QStringLiteral(", bias=False");
    return QStringLiteral("nn.Linear(%1)").arg(args);
}

QString dropout(const ModuleContext &c)
{
    return QStringLiteral("nn.Dropout(p=%1)").arg(pyFloat(c.view.real("p", 0.5)));
}

QString flatten(const ModuleContext &c)
{
    const qint64 start = c.view.integer("start_dim", 1), end = c.view.integer("end_dim", -1);
    if (start == 1 && end == -1)
        return QStringLiteral("nn.Flatten()");
    return QStringLiteral("nn.Flatten(%1, %2)").arg(start).arg(end);
}

QString channelShuffle(const ModuleContext &c)
{
    return QStringLiteral("nn.ChannelShuffle(%1)").arg(c.view.integer("groups", 2));
}

QString upsample(const ModuleContext &c)
{
    const double sh = c.view.real("scale_h", 2.0), sw = c.view.real("scale_w", 2.0);
    const QString scale =
        sh == sw ? pyFloat(sh) : QStringLiteral("(%1, %2)").arg(pyFloat(sh), pyFloat(sw));
    if (c.view.choice("mode") == QLatin1String("bilinear"))
        return QStringLiteral(
                   "nn.Upsample(scale_factor=%1, mode=\"bilinear\", align_corners=False)")
            .arg(scale);
    return QStringLiteral("nn.Upsample(scale_factor=%1, mode=\"nearest\")").arg(scale);
}

QString zeroPad(const ModuleContext &c)
{
    const LayerView &v = c.view;
    return QStringLiteral("nn.ZeroPad2d((%1, %2, %3, %4))")
        .arg(v.integer("left"))
        .arg(v.integer("right"))
        .arg(v.integer("top"))
        .arg(v.integer("bottom"));
}

QString identity(const ModuleContext &)
{
    return QStringLiteral("nn.Identity()");
}

/// The one table from Naqsh type ids to PyTorch modules. Types not listed here (imported
/// opaque operators, types added later) are reported as having no equivalent.
const QHash<QString, ModuleRule> &moduleRules()
{
    static const QHash<QString, ModuleRule> rules{
        {QStringLiteral("conv2d"), conv2d},
        {QStringLiteral("conv_transpose2d"), convTranspose2d},
        {QStringLiteral("maxpool2d"), maxPool},
        {QStringLiteral("avgpool2d"), avgPool},
        {QStringLiteral("global_avgpool"), globalAvgPool},
        {QStringLiteral("adaptive_avgpool2d"), adaptiveAvgPool},
        {QStringLiteral("batchnorm2d"), batchNorm},
        {QStringLiteral("lrn"), lrn},
        {QStringLiteral("relu"), relu},
        {QStringLiteral("relu6"), relu6},
        {QStringLiteral("leaky_relu"), leakyRelu},
        {QStringLiteral("prelu"), prelu},
        {QStringLiteral("sigmoid"), sigmoid},
        {QStringLiteral("tanh"), tanhModule},
        {QStringLiteral("gelu"), geluModule},
        {QStringLiteral("silu"), [](const ModuleContext &) { return QStringLiteral("nn.SiLU()"); }},
        {QStringLiteral("hardswish"),
         [](const ModuleContext &) { return QStringLiteral("nn.Hardswish()"); }},
        {QStringLiteral("hardsigmoid"),
         [](const ModuleContext &) { return QStringLiteral("nn.Hardsigmoid()"); }},
        {QStringLiteral("mish"), [](const ModuleContext &) { return QStringLiteral("nn.Mish()"); }},
        {QStringLiteral("softplus"),
         [](const ModuleContext &) { return QStringLiteral("nn.Softplus()"); }},
        {QStringLiteral("elu"), elu},
        {QStringLiteral("conv1d"), convNd},
        {QStringLiteral("conv3d"), convNd},
        {QStringLiteral("layernorm"), layerNorm},
        {QStringLiteral("groupnorm"), groupNorm},
        {QStringLiteral("instancenorm"), instanceNorm},
        {QStringLiteral("softmax"), softmax},
        {QStringLiteral("linear"), linear},
        {QStringLiteral("dropout"), dropout},
        {QStringLiteral("flatten"), flatten},
        {QStringLiteral("upsample"), upsample},
        {QStringLiteral("zeropad2d"), zeroPad},
        {QStringLiteral("identity"), identity},
        {QStringLiteral("channel_shuffle"), channelShuffle},
    };
    return rules;
}

QString withThousands(qint64 v)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    return c.toString(v);
}

} // namespace

QStringList pythonNames(const QStringList &names, const QStringList &fallbacks)
{
    QStringList out;
    QSet<QString> taken;
    for (int i = 0; i < names.size(); ++i) {
        QString base = asciiIdentifier(names[i]);
        if (base.isEmpty())
            base = asciiIdentifier(fallbacks.value(i));
        if (base.isEmpty())
            base = QStringLiteral("layer");
        if (base.front().isDigit())
            base.prepend(QStringLiteral("layer_"));
        if (reservedNames().contains(base))
            base += QLatin1Char('_');
        QString name = base;
        for (int n = 2; taken.contains(name); ++n)
            name = base + QStringLiteral("_%1").arg(n);
        taken.insert(name);
        out << name;
    }
    return out;
}

QString pythonClassName(const QString &modelName)
{
    QString name;
    bool upper = true;
    for (QChar c : modelName) {
        if (c == QChar(0x00D7))
            c = QLatin1Char('x');
        if (c.unicode() < 128 && c.isLetterOrNumber()) {
            name += upper ? c.toUpper() : c;
            upper = false;
        } else {
            upper = true;
        }
    }
    if (name.isEmpty())
        return QStringLiteral("NaqshModel");
    if (name.front().isDigit())
        name.prepend(QStringLiteral("Net"));
    if (reservedNames().contains(name))
        name += QLatin1Char('_');
    return name;
}

QString toPyTorch(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result)
{
    QStringList rawNames, fallbacks;
    for (LayerId id : graph.layerIds()) {
        rawNames << graph.layer(id)->name;
        fallbacks << graph.layer(id)->type;
    }
    const QStringList python = pythonNames(rawNames, fallbacks);
    QHash<LayerId, QString> var;
    for (int i = 0; i < graph.layerIds().size(); ++i)
        var.insert(graph.layerIds()[i], python[i]);

    // A layer with several outputs (Split, Chunk) holds a tuple; its consumers index it.
    auto outputCount = [&](LayerId id) {
        const Layer *l = graph.layer(id);
        const LayerType *t = l ? registry.find(l->type) : nullptr;
        return t ? t->outputs(l->params) : 1;
    };
    auto ref = [&](LayerId id, int port) {
        return outputCount(id) > 1 ? QStringLiteral("%1[%2]").arg(var.value(id)).arg(port)
                                   : var.value(id);
    };
    QStringList init, forward, arguments, outputs, sinks;
    bool needsTorchvision = false;
    QVector<TensorShape> inputShapes;
    auto refuse = [&](const QString &comment, const QString &message) {
        init << QStringLiteral("        # Naqsh: %1; replace this line").arg(oneLine(comment));
        forward << QStringLiteral("        raise NotImplementedError(%1)").arg(pyString(message));
    };

    const QSet<LayerId> scheduled(result.order.begin(), result.order.end());
    QVector<LayerId> order = result.order;
    for (LayerId id : graph.layerIds())
        if (!scheduled.contains(id))
            order.append(id);
    for (LayerId id : order) {
        const Layer *l = graph.layer(id);
        if (!l)
            continue;
        const LayerType *type = registry.find(l->type);
        const LayerResult *r = result.layer(id);
        const QString name = var.value(id);
        const QString quoted = QStringLiteral("'%1'").arg(l->name);
        QStringList ins;
        for (int k = 0; k < l->inputs.size(); ++k)
            ins << ref(l->inputs[k], l->inputPorts.value(k));
        const QString renamed =
            name != l->name ? QStringLiteral("  # %1").arg(oneLine(pyString(l->name))) : QString();

        if (!scheduled.contains(id)) {
            refuse(QStringLiteral("layer %1 is on a cycle, which a feed-forward module cannot run")
                       .arg(quoted),
                   QStringLiteral("Naqsh: layer %1 is on a cycle").arg(quoted));
            continue;
        }
        if (type && type->id == QLatin1String("output"))
            continue; // collected below, in the document's order
        if (l->consumers.isEmpty() && type && type->hasOutput)
            for (int k = 0; k < outputCount(id); ++k)
                sinks << ref(id, k);
        if (type && type->id == QLatin1String("input")) {
            arguments << name;
            inputShapes << (r && r->hasNumbers() ? r->output : TensorShape());
            continue;
        }
        const bool expression = type && hasPyTorchExpression(type->id);
        const bool composite = type && type->expand;
        if (!expression && !composite && (!type || !moduleRules().contains(type->id))) {
            const QString op =
                type && !type->costKnown && type->summary ? type->summary(l->params) : l->type;
            refuse(
                QStringLiteral("layer %1 (%2) has no PyTorch equivalent").arg(quoted, op),
                QStringLiteral("Naqsh: layer %1 (%2) has no PyTorch equivalent").arg(quoted, op));
            continue;
        }
        if (!r || !r->hasNumbers() || ins.isEmpty()) {
            const QString why =
                r && !r->hasNumbers() ? result.errorText(graph, id) : QStringLiteral("no input");
            refuse(QStringLiteral("layer %1 has an error in Naqsh (%2)").arg(quoted, why),
                   QStringLiteral("Naqsh: layer %1 has an error: %2").arg(quoted, why));
            continue;
        }
        const ModuleContext context{LayerView{*l, *type}, result.inputShapes(graph, id), r->output,
                                    name};
        bool inputsOk = !context.inputs.isEmpty();
        for (const TensorShape &s : context.inputs)
            inputsOk = inputsOk && s.isValid();
        if (!inputsOk) {
            refuse(QStringLiteral("layer %1 has no input shape").arg(quoted),
                   QStringLiteral("Naqsh: layer %1 has no input shape").arg(quoted));
            continue;
        }
        if (expression) {
            const QString e = pyTorchExpression(context, ins);
            if (e.isEmpty()) {
                refuse(QStringLiteral("layer %1 uses a constant of the imported file, which the "
                                      "export does not carry")
                           .arg(quoted),
                       QStringLiteral("Naqsh: layer %1 needs a constant of the imported file")
                           .arg(quoted));
                continue;
            }
            // A learned tensor of the expression (Normalize's scale) is a parameter in __init__.
            if (const QString p = pyTorchExpressionParameter(context); !p.isEmpty())
                init << QStringLiteral("        self.%1 = %2%3").arg(name, p, renamed);
            forward << QStringLiteral("        %1 = %2%3").arg(name, e, renamed);
            continue;
        }
        if (composite) {
            const ComposedModule m = pyTorchComposite(context);
            if (m.module.isEmpty()) {
                refuse(
                    QStringLiteral("layer %1 (%2) has no PyTorch equivalent").arg(quoted, l->type),
                    QStringLiteral("Naqsh: layer %1 (%2) has no PyTorch equivalent")
                        .arg(quoted, l->type));
                continue;
            }
            needsTorchvision = needsTorchvision || m.torchvision;
            init << QStringLiteral("        self.%1 = %2%3").arg(name, m.module, renamed);
            forward << QStringLiteral("        %1 = %2")
                           .arg(name, m.call.arg(QStringLiteral("self.") + name, ins.first()));
            continue;
        }
        init << QStringLiteral("        self.%1 = %2%3")
                    .arg(name, moduleRules().value(type->id)(context), renamed);
        forward << QStringLiteral("        %1 = self.%1(%2)").arg(name, ins.first());
    }
    for (LayerId id : graph.layerIds()) {
        const Layer *l = graph.layer(id);
        if (l->type == QLatin1String("output") && !l->inputs.isEmpty() && scheduled.contains(id))
            outputs << ref(l->inputs.first(), l->inputPorts.value(0));
    }
    if (outputs.isEmpty())
        outputs = sinks;

    const QString modelName = graph.name.isEmpty() ? QStringLiteral("model") : graph.name;
    QString code;
    code += QStringLiteral("# Generated by Naqsh from %1.\n").arg(oneLine(pyString(modelName)));
    code += QStringLiteral(
                "# Naqsh counts %1 parameters and %2 MACs for one forward pass of this batch.\n")
                .arg(withThousands(result.totals.params().value()),
                     withThousands(result.totals.macs.value()));
    code += QStringLiteral("import torch\nfrom torch import nn\n");
    if (needsTorchvision)
        code += QStringLiteral("import torchvision\n");
    code += QStringLiteral("\n\n");
    const QString className = pythonClassName(graph.name);
    code += QStringLiteral("class %1(nn.Module):\n").arg(className);
    QString doc = modelName;
    doc.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    code += QStringLiteral("    \"\"\"%1, as drawn in Naqsh.\"\"\"\n\n").arg(oneLine(doc));
    code += QStringLiteral("    def __init__(self):\n        super().__init__()\n");
    for (const QString &line : init)
        code += line + QLatin1Char('\n');
    code +=
        QStringLiteral("\n    def forward(self%1):\n")
            .arg(arguments.isEmpty() ? QString()
                                     : QStringLiteral(", ") + arguments.join(QStringLiteral(", ")));
    for (const QString &line : forward)
        code += line + QLatin1Char('\n');
    if (outputs.isEmpty())
        code += QStringLiteral("        return None\n");
    else if (outputs.size() == 1)
        code += QStringLiteral("        return %1\n").arg(outputs.first());
    else
        code += QStringLiteral("        return (%1)\n").arg(outputs.join(QStringLiteral(", ")));

    code += QStringLiteral("\n\nif __name__ == \"__main__\":\n");
    QStringList expected;
    for (LayerId id : graph.layerIds()) {
        const Layer *l = graph.layer(id);
        const LayerType *type = registry.find(l->type);
        if (type && type->id == QLatin1String("output") && !l->inputs.isEmpty())
            if (const LayerResult *r = result.layer(l->inputs.first()); r && r->hasNumbers())
                expected << shapeText(r->outputAt(l->inputPorts.value(0)));
    }
    if (!expected.isEmpty())
        code += QStringLiteral("    # Naqsh expects: output %1; %2 parameters\n")
                    .arg(expected.join(QStringLiteral(", ")),
                         withThousands(result.totals.params().value()));
    code += QStringLiteral("    model = %1()\n    model.eval()\n").arg(className);
    QStringList zeros;
    for (const TensorShape &s : inputShapes) {
        QStringList dims;
        for (qint64 d : s.toVector())
            dims << QString::number(d);
        zeros << QStringLiteral("torch.zeros(%1)").arg(dims.join(QStringLiteral(", ")));
    }
    code += QStringLiteral("    inputs = [%1]\n").arg(zeros.join(QStringLiteral(", ")));
    code += QStringLiteral("    with torch.no_grad():\n        result = model(*inputs)\n");
    code += QStringLiteral("    outputs = result if isinstance(result, tuple) else (result,)\n");
    code += QStringLiteral(
        "    for tensor in outputs:\n        print(\"output shape:\", list(tensor.shape))\n");
    code +=
        QStringLiteral("    print(\"parameters:\", sum(p.numel() for p in model.parameters()))\n");
    return code;
}

} // namespace naqsh
