// Composite blocks students reason about as one unit: squeeze-and-excitation, multi-head
// attention and patch embedding. Each is described by its parts (layers/Composite.h); shape,
// cost and the worked formulas run the parts' own rules, so a block costs exactly what its
// expansion costs. Window attention (Swin) is in WindowAttentionLayers.cpp.
#include "BuiltinLayers.h"
#include "Composite.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

#include <cmath>

namespace naqsh {
using namespace rules;

namespace {

QVector<EvaluatedPart> evaluate(ExpandRule expand, const ParamValues &p,
                                std::span<const TensorShape> in, const RuleContext &context,
                                QString *error)
{
    QVector<EvaluatedPart> parts;
    *error = evaluateComposite(LayerRegistry::builtin(), expand(p, in), in, context, &parts);
    return parts;
}

template<ExpandRule E>
ShapeResult compositeShape(const ParamValues &p, std::span<const TensorShape> in,
                           const RuleContext &context)
{
    QString error;
    const QVector<EvaluatedPart> parts = evaluate(E, p, in, context, &error);
    if (!error.isEmpty())
        return ShapeResult::fail(error);
    return ShapeResult::ok(parts.last().output);
}

template<ExpandRule E>
Costs compositeCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &)
{
    QString error;
    Costs total;
    for (const EvaluatedPart &part : evaluate(E, p, in, RuleContext{}, &error))
        total += part.costs;
    return total;
}

/// The MACs formula a part's own explanation gives ("197 × 768 × 768 = 116,169,216").
QString macsFormula(const EvaluatedPart &part)
{
    const QString macs = QCoreApplication::translate("naqsh::layers", "MACs");
    if (part.type->explain) {
        const std::span<const TensorShape> span(part.inputs.data(), size_t(part.inputs.size()));
        for (const FormulaLine &l : part.type->explain(part.params, span, part.output))
            if (l.quantity == macs)
                return l.formula;
    }
    return num(part.costs.macs.value());
}

template<ExpandRule E>
QVector<FormulaLine> compositeExplain(const ParamValues &p, std::span<const TensorShape> in,
                                      const TensorShape &)
{
    const CompositeExpansion expansion = E(p, in);
    QVector<EvaluatedPart> parts;
    if (!evaluateComposite(LayerRegistry::builtin(), expansion, in, RuleContext{}, &parts)
             .isEmpty())
        return {};
    QVector<FormulaLine> lines;
    QStringList macTerms, paramTerms;
    Costs total;
    for (int i = 0; i < parts.size(); ++i) {
        const EvaluatedPart &part = parts[i];
        const CompositePart &desc = expansion.parts[i];
        total += part.costs;
        if (part.costs.macs.value() > 0)
            macTerms << num(part.costs.macs.value());
        if (part.costs.params().value() > 0)
            paramTerms << num(part.costs.params().value());
        if (desc.title.isEmpty())
            continue;
        const QString formula = part.costs.macs.value() > 0
                                    ? macsFormula(part)
                                    : QCoreApplication::translate("naqsh::layers", "%1 operations")
                                          .arg(num(part.costs.otherOps().value()));
        lines.append({desc.title, formula, desc.note});
    }
    const auto sum = [](const QStringList &terms, qint64 value) {
        return terms.size() > 1
                   ? terms.join(QStringLiteral(" + ")) + QStringLiteral(" = ") + num(value)
                   : num(value);
    };
    lines.append({QCoreApplication::translate("naqsh::layers", "MACs"),
                  sum(macTerms, total.macs.value()),
                  QCoreApplication::translate("naqsh::layers",
                                              "the block's MACs are the sum of the terms above")});
    lines.append(
        {QCoreApplication::translate("naqsh::layers", "Parameters"),
         sum(paramTerms, total.params().value()),
         QCoreApplication::translate("naqsh::layers", "weights and biases of the block's parts; "
                                                      "\"Expand into layers\" shows each part")});
    return lines;
}

template<ExpandRule E> void setComposite(LayerType &t)
{
    t.expand = E;
    t.shape = compositeShape<E>;
    t.cost = compositeCost<E>;
    t.explain = compositeExplain<E>;
    t.category = QT_TRANSLATE_NOOP("naqsh::layers", "Blocks");
}

CompositePart part(const char *type, const char *name, QVariantMap params, QVector<int> inputs,
                   QString title = {}, QString note = {})
{
    return {QString::fromLatin1(type), QString::fromLatin1(name), std::move(params),
            std::move(inputs),         std::move(title),          std::move(note)};
}

constexpr int kIn = CompositeExpansion::kBlockInput;

// ---- Squeeze-and-excitation (torchvision.ops.SqueezeExcitation) ----

enum SeP { SeSqueeze, SeReduction, SeActivation, SeGate };

qint64 squeezeChannels(const ParamValues &p, qint64 channels)
{
    if (p.integer(SeSqueeze) > 0)
        return p.integer(SeSqueeze);
    return std::max<qint64>(channels / std::max<qint64>(p.integer(SeReduction), 1), 1);
}

CompositeExpansion seExpand(const ParamValues &p, std::span<const TensorShape> in)
{
    CompositeExpansion e;
    if (QString err = needImage(in, QT_TRANSLATE_NOOP("naqsh::layers", "Squeeze-and-excitation"));
        !err.isEmpty()) {
        e.error = err;
        return e;
    }
    const qint64 c = in[0].c(), s = squeezeChannels(p, c);
    const QVariantMap oneByOne{{QStringLiteral("kernel_h"), 1},
                               {QStringLiteral("kernel_w"), 1},
                               {QStringLiteral("padding"), QStringLiteral("valid")}};
    QVariantMap fc1 = oneByOne, fc2 = oneByOne;
    fc1.insert(QStringLiteral("out_channels"), s);
    fc2.insert(QStringLiteral("out_channels"), c);
    const qint64 hw = in[0].h() * in[0].w();
    e.parts = {
        part("global_avgpool", "squeeze", {}, {kIn},
             QCoreApplication::translate("naqsh::layers", "Squeeze (global average)"),
             QCoreApplication::translate("naqsh::layers",
                                         "one mean per channel: %1 values become 1, so the two "
                                         "layers after it work on a 1×1 map")
                 .arg(hw)),
        part("conv2d", "reduce", fc1, {0},
             QCoreApplication::translate("naqsh::layers", "Reduce %1 → %2").arg(c).arg(s),
             QCoreApplication::translate("naqsh::layers",
                                         "a 1×1 convolution on a 1×1 map: %1 × %2 MACs, not %3 "
                                         "times that as on the full image")
                 .arg(c)
                 .arg(s)
                 .arg(hw)),
        part(p.choice(SeActivation) == 1 ? "silu" : "relu", "act", {}, {1}),
        part("conv2d", "expand", fc2, {2},
             QCoreApplication::translate("naqsh::layers", "Expand %1 → %2").arg(s).arg(c),
             QCoreApplication::translate("naqsh::layers", "back to one weight per channel")),
        part(p.choice(SeGate) == 1 ? "hardsigmoid" : "sigmoid", "gate", {}, {3}),
        part("mul", "scale", {}, {kIn, 4}, QCoreApplication::translate("naqsh::layers", "Scale"),
             QCoreApplication::translate("naqsh::layers",
                                         "each channel of the input is multiplied by its gate: "
                                         "one multiplication per value, no MACs")),
    };
    return e;
}

QString seSummary(const ParamValues &p)
{
    return p.integer(SeSqueeze) > 0 ? QStringLiteral("→%1").arg(p.integer(SeSqueeze))
                                    : QStringLiteral("÷%1").arg(p.integer(SeReduction));
}

// ---- Multi-head attention (nn.MultiheadAttention, self-attention, batch first) ----

/// Appends the parts of self-attention over @p l tokens of @p d features in @p h heads, reading
/// part @p input (or the block's input), to @p parts. With @p relativeBias > 0, a learned bias of
/// that many parameters is added to the scores (Swin's relative position bias).
void appendAttention(QVector<CompositePart> *parts, int input, qint64 l, qint64 d, qint64 h,
                     bool bias, qint64 relativeBias)
{
    const qint64 hd = d / h;
    const QVariantMap linear{{QStringLiteral("out_features"), d}, {QStringLiteral("bias"), bias}};
    const QString heads = QStringLiteral("0, 0, %1, %2").arg(h).arg(hd);
    auto reshape = [](const QString &shape) {
        return QVariantMap{{QStringLiteral("shape"), shape}};
    };
    auto permute = [](const char *dims) {
        return QVariantMap{{QStringLiteral("dims"), QString::fromLatin1(dims)}};
    };
    const QString projNote =
        QCoreApplication::translate("naqsh::layers",
                                    "a Linear layer on each of the %1 tokens: %1 × %2 × %2, "
                                    "like a 1×1 convolution; grows linearly with the tokens")
            .arg(l)
            .arg(d);
    auto add = [&](CompositePart part) {
        parts->append(std::move(part));
        return int(parts->size()) - 1;
    };
    const int q = add(part("linear", "q_proj", linear, {input},
                           QCoreApplication::translate("naqsh::layers", "Q projection"), projNote));
    const int k = add(part("linear", "k_proj", linear, {input},
                           QCoreApplication::translate("naqsh::layers", "K projection"), projNote));
    const int v = add(part("linear", "v_proj", linear, {input},
                           QCoreApplication::translate("naqsh::layers", "V projection"), projNote));
    const int qh = add(part("reshape", "q_heads", reshape(heads), {q}));
    const int qt = add(part("permute", "q_t", permute("0, 2, 1, 3"), {qh}));
    const int kh = add(part("reshape", "k_heads", reshape(heads), {k}));
    const int kt = add(part("permute", "k_t", permute("0, 2, 3, 1"), {kh}));
    const int vh = add(part("reshape", "v_heads", reshape(heads), {v}));
    const int vt = add(part("permute", "v_t", permute("0, 2, 1, 3"), {vh}));
    const int qs = add(part("mul", "q_scaled",
                            {{QStringLiteral("constant_operand"), true},
                             {QStringLiteral("value"), 1.0 / std::sqrt(double(hd))}},
                            {qt}));
    int scores = add(part(
        "matmul", "scores", {}, {qs, kt}, QCoreApplication::translate("naqsh::layers", "Q·Kᵀ"),
        QCoreApplication::translate("naqsh::layers",
                                    "every token scores every token, in each of %1 heads: "
                                    "%1 × %2 × %2 × %3, which grows with the square of the token "
                                    "count %2")
            .arg(h)
            .arg(l)
            .arg(hd)));
    if (relativeBias > 0)
        scores = add(part(
            "add", "position_bias",
            {{QStringLiteral("constant_operand"), true}, {QStringLiteral("params"), relativeBias}},
            {scores}, QCoreApplication::translate("naqsh::layers", "Relative position bias"),
            QCoreApplication::translate("naqsh::layers", "a learned bias per head and relative "
                                                         "offset, added to every score")));
    const int sm = add(
        part("softmax", "softmax", {{QStringLiteral("axis"), -1}}, {scores},
             QCoreApplication::translate("naqsh::layers", "Softmax"),
             QCoreApplication::translate("naqsh::layers", "an exponential, an addition and a "
                                                          "division for each of the %1 × %2 × %2 "
                                                          "scores: also L²")
                 .arg(h)
                 .arg(l)));
    const int ctx = add(
        part("matmul", "context", {}, {sm, vt}, QCoreApplication::translate("naqsh::layers", "A·V"),
             QCoreApplication::translate("naqsh::layers", "each token's output is a weighted sum "
                                                          "of all %1 value vectors: again %2 × %1 "
                                                          "× %1 × %3, L²")
                 .arg(l)
                 .arg(h)
                 .arg(hd)));
    const int merge = add(part("permute", "merge", permute("0, 2, 1, 3"), {ctx}));
    const int cat =
        add(part("reshape", "concat_heads", reshape(QStringLiteral("0, 0, -1")), {merge}));
    add(part("linear", "out_proj", linear, {cat},
             QCoreApplication::translate("naqsh::layers", "Output projection"), projNote));
}

enum MhaP { MhaHeads, MhaBias };

CompositeExpansion mhaExpand(const ParamValues &p, std::span<const TensorShape> in)
{
    CompositeExpansion e;
    const char *name = QT_TRANSLATE_NOOP("naqsh::layers", "Multi-head attention");
    if (QString err = needAny(in, name); !err.isEmpty()) {
        e.error = err;
        return e;
    }
    const TensorShape &x = in[0];
    if (x.rank != 3) {
        e.error = QCoreApplication::translate("naqsh::layers",
                                              "Multi-head attention needs tokens N×L×D (a batch "
                                              "of sequences), but its input is %1")
                      .arg(x.toString());
        return e;
    }
    const qint64 l = x.dims[1], d = x.dims[2], h = p.integer(MhaHeads);
    if (d % h != 0) {
        e.error = QCoreApplication::translate("naqsh::layers",
                                              "Multi-head attention splits the %1 features of "
                                              "each token into %2 heads, but %1 is not a "
                                              "multiple of %2")
                      .arg(d)
                      .arg(h);
        return e;
    }
    appendAttention(&e.parts, kIn, l, d, h, p.flag(MhaBias), 0);
    return e;
}

QString mhaSummary(const ParamValues &p)
{
    return QCoreApplication::translate("naqsh::layers", "%n head(s)", nullptr,
                                       int(p.integer(MhaHeads)));
}

// ---- Patch embedding (ViT's conv_proj, flattened to tokens) ----

enum PatchP { PatchSize, PatchDim, PatchBias };

CompositeExpansion patchExpand(const ParamValues &p, std::span<const TensorShape> in)
{
    CompositeExpansion e;
    if (QString err = needImage(in, QT_TRANSLATE_NOOP("naqsh::layers", "Patch embedding"));
        !err.isEmpty()) {
        e.error = err;
        return e;
    }
    const qint64 ps = p.integer(PatchSize), h = in[0].h(), w = in[0].w();
    if (h % ps != 0 || w % ps != 0) {
        e.error = QCoreApplication::translate("naqsh::layers",
                                              "the %1×%2 image does not divide into %3×%3 "
                                              "patches: height and width must be multiples of "
                                              "%3")
                      .arg(h)
                      .arg(w)
                      .arg(ps);
        return e;
    }
    const qint64 tokens = (h / ps) * (w / ps);
    e.parts = {
        part("conv2d", "proj",
             {{QStringLiteral("out_channels"), p.integer(PatchDim)},
              {QStringLiteral("kernel_h"), ps},
              {QStringLiteral("kernel_w"), ps},
              {QStringLiteral("stride_h"), ps},
              {QStringLiteral("stride_w"), ps},
              {QStringLiteral("padding"), QStringLiteral("valid")},
              {QStringLiteral("bias"), p.flag(PatchBias)}},
             {kIn}, QCoreApplication::translate("naqsh::layers", "Patch projection"),
             QCoreApplication::translate("naqsh::layers",
                                         "a %1×%1 convolution with stride %1: each of the %2 "
                                         "patches is seen once, %1 × %1 × %3 inputs per "
                                         "feature")
                 .arg(ps)
                 .arg(tokens)
                 .arg(in[0].c())),
        part("flatten", "flatten", {{QStringLiteral("start_dim"), 2}}, {0}),
        part("permute", "tokens", {{QStringLiteral("dims"), QStringLiteral("0, 2, 1")}}, {1}),
    };
    return e;
}

QString patchSummary(const ParamValues &p)
{
    return QStringLiteral("%1×%1, %2").arg(p.integer(PatchSize)).arg(p.integer(PatchDim));
}

// ---- Window attention (torchvision's Swin ShiftedWindowAttention, N×H×W×C) ----

enum WinP { WinSize, WinShift, WinHeads, WinBias };

/// Why window attention cannot run on @p in, or empty.
QString windowCheck(const ParamValues &p, std::span<const TensorShape> in)
{
    if (QString err = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Window attention"));
        !err.isEmpty())
        return err;
    if (in[0].rank != 4)
        return QCoreApplication::translate("naqsh::layers",
                                           "Window attention needs a channels-last map N×H×W×C "
                                           "(Swin permutes the image first), but its input is %1")
            .arg(in[0].toString());
    const qint64 c = in[0].dims[3], h = p.integer(WinHeads);
    if (c % h != 0)
        return QCoreApplication::translate("naqsh::layers",
                                           "Window attention splits the %1 channels into %2 "
                                           "heads, but %1 is not a multiple of %2")
            .arg(c)
            .arg(h);
    if (p.integer(WinShift) >= p.integer(WinSize))
        return QCoreApplication::translate("naqsh::layers",
                                           "the shift (%1) must be smaller than the window (%2)")
            .arg(p.integer(WinShift))
            .arg(p.integer(WinSize));
    return {};
}

/// The input padded to whole windows, as torchvision pads it.
TensorShape paddedToWindows(const TensorShape &x, qint64 ws)
{
    TensorShape padded = x;
    padded.dims[1] = (x.dims[1] + ws - 1) / ws * ws;
    padded.dims[2] = (x.dims[2] + ws - 1) / ws * ws;
    return padded;
}

/// Torchvision shifts only along an axis longer than the window.
bool windowsShifted(const ParamValues &p, const TensorShape &padded)
{
    const qint64 ws = p.integer(WinSize);
    return p.integer(WinShift) > 0 && (padded.dims[1] > ws || padded.dims[2] > ws);
}

/// The windows without shift, on an input that divides into whole windows.
CompositeExpansion windowParts(const ParamValues &p, const TensorShape &x)
{
    CompositeExpansion e;
    const qint64 ws = p.integer(WinSize), n = x.dims[0], hh = x.dims[1], ww = x.dims[2];
    const qint64 c = x.dims[3], heads = p.integer(WinHeads), t = ws * ws;
    auto text = [](std::initializer_list<qint64> v) {
        QStringList parts;
        for (qint64 d : v)
            parts << QString::number(d);
        return QVariantMap{{QStringLiteral("shape"), parts.join(QStringLiteral(", "))}};
    };
    const QVariantMap swap{{QStringLiteral("dims"), QStringLiteral("0, 1, 3, 2, 4, 5")}};
    e.parts.append(part("reshape", "grid", text({0, hh / ws, ws, ww / ws, ws, c}), {kIn}));
    e.parts.append(part("permute", "windows", swap, {0}));
    const qint64 rows = hh / ws, cols = ww / ws;
    e.parts.append(part("reshape", "window_tokens", text({-1, t, c}), {1},
                        QCoreApplication::translate("naqsh::layers", "Windows"),
                        QCoreApplication::translate("naqsh::layers",
                                                    "%1 × %2 windows of %3 × %3 = %4 tokens in "
                                                    "each of %5 images: attention runs inside "
                                                    "each window, so its L × L is %4 × %4, not "
                                                    "%6 × %6")
                            .arg(rows)
                            .arg(cols)
                            .arg(ws)
                            .arg(t)
                            .arg(n)
                            .arg(hh * ww)));
    appendAttention(&e.parts, 2, t, c, heads, p.flag(WinBias), (2 * ws - 1) * (2 * ws - 1) * heads);
    const int last = int(e.parts.size()) - 1;
    e.parts.append(part("reshape", "ungrid", text({-1, hh / ws, ww / ws, ws, ws, c}), {last}));
    e.parts.append(part("permute", "unwindow", swap, {last + 1}));
    e.parts.append(part("reshape", "map", text({0, hh, ww, c}), {last + 2}));
    return e;
}

CompositeExpansion windowExpand(const ParamValues &p, std::span<const TensorShape> in)
{
    CompositeExpansion e;
    e.error = windowCheck(p, in);
    if (!e.error.isEmpty())
        return e;
    const qint64 ws = p.integer(WinSize);
    if (in[0].dims[1] % ws != 0 || in[0].dims[2] % ws != 0 ||
        windowsShifted(p, paddedToWindows(in[0], ws))) {
        e.error = QCoreApplication::translate("naqsh::layers",
                                              "only unshifted windows that tile the map exactly "
                                              "can be expanded: Naqsh has no layer for the "
                                              "padding and the cyclic shift (torch.roll)");
        return e;
    }
    return windowParts(p, in[0]);
}

ShapeResult windowShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString err = windowCheck(p, in); !err.isEmpty())
        return ShapeResult::fail(err);
    return ShapeResult::ok(in[0]);
}

/// The unshifted parts on the padded map, evaluated; plus what the shift adds.
QVector<EvaluatedPart> windowEvaluate(const ParamValues &p, const TensorShape &x,
                                      CompositeExpansion *expansion)
{
    const TensorShape padded = paddedToWindows(x, p.integer(WinSize));
    *expansion = windowParts(p, padded);
    QVector<EvaluatedPart> parts;
    evaluateComposite(LayerRegistry::builtin(), *expansion,
                      std::span<const TensorShape>(&padded, 1), RuleContext{}, &parts);
    return parts;
}

/// Elements of the attention scores, to which the shifted windows' mask is added.
qint64 scoreCount(const CompositeExpansion &expansion, const QVector<EvaluatedPart> &parts)
{
    for (int i = 0; i < expansion.parts.size() && i < parts.size(); ++i)
        if (expansion.parts[i].name == QLatin1String("scores"))
            return parts[i].output.elements().value();
    return 0;
}

Costs windowCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    CompositeExpansion expansion;
    Costs c;
    const QVector<EvaluatedPart> parts = windowEvaluate(p, in[0], &expansion);
    for (const EvaluatedPart &part : parts)
        c += part.costs;
    const TensorShape padded = paddedToWindows(in[0], p.integer(WinSize));
    if (!(padded == in[0]))
        c.activations += padded.elements() + out.elements(); // padded map, cropped result
    if (windowsShifted(p, padded)) {
        // The rolled map before and after, and the mask added to every score.
        c.activations += padded.elements() * 2;
        c.adds += scoreCount(expansion, parts);
    }
    return c;
}

QVector<FormulaLine> windowExplain(const ParamValues &p, std::span<const TensorShape> in,
                                   const TensorShape &out)
{
    CompositeExpansion expansion;
    const QVector<EvaluatedPart> parts = windowEvaluate(p, in[0], &expansion);
    if (parts.isEmpty())
        return {};
    const qint64 ws = p.integer(WinSize);
    const TensorShape padded = paddedToWindows(in[0], ws);
    const qint64 windows = padded.dims[0] * (padded.dims[1] / ws) * (padded.dims[2] / ws);
    const qint64 perImage = windows / padded.dims[0];
    QVector<FormulaLine> lines;
    qint64 macs = 0;
    for (int i = 0; i < parts.size(); ++i) {
        macs += parts[i].costs.macs.value();
        if (!expansion.parts[i].title.isEmpty())
            lines.append({expansion.parts[i].title,
                          parts[i].costs.macs.value() > 0
                              ? macsFormula(parts[i])
                              : QCoreApplication::translate("naqsh::layers", "%1 operations")
                                    .arg(num(parts[i].costs.otherOps().value())),
                          expansion.parts[i].note});
    }
    if (!(padded == in[0]))
        lines.append(
            {QCoreApplication::translate("naqsh::layers", "Padding"),
             in[0].toString() + QStringLiteral(" → ") + padded.toString(),
             QCoreApplication::translate("naqsh::layers", "the map is padded with zeros to whole "
                                                          "windows; the padding is computed too")});
    if (windowsShifted(p, padded))
        lines.append({QCoreApplication::translate("naqsh::layers", "Shift mask"),
                      num(scoreCount(expansion, parts)),
                      QCoreApplication::translate("naqsh::layers",
                                                  "shifted windows mix regions that were not "
                                                  "neighbours: a mask is added to every score")});
    const qint64 perWindow = macs / windows;
    lines.append(
        {QCoreApplication::translate("naqsh::layers", "MACs"),
         QStringLiteral("%1 × %2 = %3").arg(num(perWindow)).arg(windows).arg(num(macs)),
         QCoreApplication::translate("naqsh::layers", "MACs per window × windows (%1 per image)")
             .arg(perImage)});
    lines.append({QCoreApplication::translate("naqsh::layers", "Parameters"),
                  num(windowCost(p, in, out).params().value()),
                  QCoreApplication::translate("naqsh::layers",
                                              "Q, K, V and output projections, and (2 × %1 − 1)² "
                                              "× %2 relative position biases")
                      .arg(ws)
                      .arg(p.integer(WinHeads))});
    return lines;
}

QString windowSummary(const ParamValues &p)
{
    return p.integer(WinShift) > 0
               ? QStringLiteral("%1×%1, ⇲%2").arg(p.integer(WinSize)).arg(p.integer(WinShift))
               : QStringLiteral("%1×%1").arg(p.integer(WinSize));
}

} // namespace

void registerCompositeLayers(LayerRegistry &registry)
{
    LayerType se;
    se.id = QStringLiteral("squeeze_excitation");
    se.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Squeeze-and-excitation");
    se.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "SE");
    se.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Squeeze-and-excitation (torchvision.ops.SqueezeExcitation): a global average per "
        "channel, a 1×1 convolution down to the squeeze channels, an activation, a 1×1 "
        "convolution back, a gate (sigmoid), and the input scaled channel by channel. The two "
        "convolutions run on a 1×1 map, so the block costs 2 × C × S MACs: almost nothing next "
        "to the convolutions around it. Expand it to see the parts.");
    se.params = {
        intParam("squeeze_channels", QT_TRANSLATE_NOOP("naqsh::layers", "Squeeze channels"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Channels in the middle; 0: input channels / reduction"),
                 0, 0, kMaxDim),
        intParam("reduction", QT_TRANSLATE_NOOP("naqsh::layers", "Reduction"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Divides the input channels when squeeze channels is 0"),
                 4, 1, 1024),
        choiceParam("activation", QT_TRANSLATE_NOOP("naqsh::layers", "Activation"),
                    QT_TRANSLATE_NOOP("naqsh::layers", "After the first 1×1 convolution"),
                    {QStringLiteral("relu"), QStringLiteral("silu")},
                    {QT_TRANSLATE_NOOP("naqsh::layers", "ReLU"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "SiLU")},
                    0),
        choiceParam("gate", QT_TRANSLATE_NOOP("naqsh::layers", "Gate"),
                    QT_TRANSLATE_NOOP("naqsh::layers",
                                      "The scale activation: Sigmoid, or HardSigmoid as in "
                                      "MobileNetV3"),
                    {QStringLiteral("sigmoid"), QStringLiteral("hardsigmoid")},
                    {QT_TRANSLATE_NOOP("naqsh::layers", "Sigmoid"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "HardSigmoid")},
                    0),
    };
    setComposite<seExpand>(se);
    se.summary = seSummary;
    registry.add(se);

    LayerType mha;
    mha.id = QStringLiteral("multihead_attention");
    mha.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Multi-head attention");
    mha.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Attention");
    mha.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Multi-head self-attention over N×L×D tokens (nn.MultiheadAttention, batch first): Q, "
        "K and V projections (three Linear layers D → D), scores Q·Kᵀ in each head, softmax, "
        "the weighted sum A·V, and an output projection. The projections grow linearly with "
        "the token count L; Q·Kᵀ, the softmax and A·V grow with L². The embedding size D is "
        "the input's last dimension.");
    mha.params = {
        intParam("heads", QT_TRANSLATE_NOOP("naqsh::layers", "Heads"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Number of attention heads; the features must divide by it"),
                 8, 1, 4096),
        boolParam("bias", QT_TRANSLATE_NOOP("naqsh::layers", "Bias"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Biases in the four projections"), true),
    };
    setComposite<mhaExpand>(mha);
    mha.summary = mhaSummary;
    registry.add(mha);

    LayerType patch;
    patch.id = QStringLiteral("patch_embedding");
    patch.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Patch embedding");
    patch.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Patches");
    patch.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Cuts the image into P×P patches and maps each to a D-dimensional token, as the Vision "
        "Transformer does: a P×P convolution with stride P (torchvision's conv_proj), then "
        "flattened to N×L×D with L = (H / P) × (W / P) tokens.");
    patch.params = {
        intParam("patch_size", QT_TRANSLATE_NOOP("naqsh::layers", "Patch size"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Height and width of one patch"), 16, 1, 4096),
        intParam("embed_dim", QT_TRANSLATE_NOOP("naqsh::layers", "Embedding size"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Features per token (D)"), 768, 1, kMaxDim),
        boolParam("bias", QT_TRANSLATE_NOOP("naqsh::layers", "Bias"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Add a learned bias per feature"), true),
    };
    setComposite<patchExpand>(patch);
    patch.summary = patchSummary;
    registry.add(patch);
    LayerType win;
    win.id = QStringLiteral("window_attention");
    win.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Window attention");
    win.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Windows");
    win.category = QT_TRANSLATE_NOOP("naqsh::layers", "Blocks");
    win.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Swin Transformer's (shifted) window attention (torchvision's ShiftedWindowAttention) on "
        "a channels-last map N×H×W×C: the map is cut into windows of W×W positions and "
        "multi-head attention runs inside each window, with a learned relative position bias. "
        "The cost is the cost per window times the number of windows, so it grows linearly with "
        "the image area instead of with its square. A shift moves the windows by a few "
        "positions (torch.roll) so that neighbouring windows exchange information.");
    win.params = {
        intParam("window", QT_TRANSLATE_NOOP("naqsh::layers", "Window size"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Height and width of a window"), 7, 1, 1024),
        intParam("shift", QT_TRANSLATE_NOOP("naqsh::layers", "Shift"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Cyclic shift of the windows (Swin: half the window in every "
                                   "second block; 0: none)"),
                 0, 0, 1023),
        intParam("heads", QT_TRANSLATE_NOOP("naqsh::layers", "Heads"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Number of attention heads; the channels must divide by it"),
                 4, 1, 4096),
        boolParam("bias", QT_TRANSLATE_NOOP("naqsh::layers", "Bias"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Biases in the QKV and output projections"),
                  true),
    };
    win.expand = windowExpand;
    win.shape = windowShape;
    win.cost = windowCost;
    win.explain = windowExplain;
    win.summary = windowSummary;
    registry.add(win);
}

} // namespace naqsh
