// Layers of the Caffe detection and segmentation models (SSD, Faster R-CNN, FCN) and the two
// small Caffe layers that go with them: Crop, Normalize (SSD's L2 normalisation), PriorBox,
// DetectionOutput, ROIPooling, Power and ArgMax. Shapes follow the Caffe layers' Reshape(); the
// operation counts follow their Forward_cpu().
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

#include <cmath>

namespace naqsh {
using namespace rules;

namespace {

const char *kDetection = QT_TRANSLATE_NOOP("naqsh::layers", "Detection");
const char *kShapeCategory = QT_TRANSLATE_NOOP("naqsh::layers", "Shape and utility");

Costs tensorOnly(const ParamValues &, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.activations = out.elements();
    return c;
}

// --- Crop: the first input cut to the size of the second from an axis on --------------------

enum CropP { CropAxis, CropOffset };

ShapeResult cropShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    const char *what = QT_TRANSLATE_NOOP("naqsh::layers", "Crop");
    if (QString e = needAny(in, what); !e.isEmpty())
        return ShapeResult::fail(e);
    // Without a reference (before the second input is connected) nothing is cut.
    const TensorShape &a = in[0], &b = in.size() > 1 && in[1].isValid() ? in[1] : in[0];
    if (a.rank != b.rank)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "Crop needs inputs of the same rank, not %1 and %2")
                .arg(a.toString(), b.toString()));
    const int axis =
        int(p.integer(CropAxis) < 0 ? p.integer(CropAxis) + a.rank : p.integer(CropAxis));
    if (axis < 0 || axis >= a.rank)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "Crop axis %1 does not exist in %2")
                .arg(p.integer(CropAxis))
                .arg(a.toString()));
    TensorShape out = a;
    for (int i = axis; i < a.rank; ++i) {
        const qint64 offset = p.integer(CropOffset);
        if (b.dims[size_t(i)] + offset > a.dims[size_t(i)])
            return ShapeResult::fail(
                QCoreApplication::translate("naqsh::layers",
                                            "Crop cannot cut %1 values at offset %2 from a "
                                            "dimension of size %3 (dimension %4)")
                    .arg(b.dims[size_t(i)])
                    .arg(offset)
                    .arg(a.dims[size_t(i)])
                    .arg(i));
        out.dims[size_t(i)] = b.dims[size_t(i)];
    }
    return ShapeResult::ok(out);
}

QString cropSummary(const ParamValues &p)
{
    return QStringLiteral("axis %1, +%2").arg(p.integer(CropAxis)).arg(p.integer(CropOffset));
}

QVector<FormulaLine> cropExplain(const ParamValues &p, std::span<const TensorShape> in,
                                 const TensorShape &out)
{
    return {{QCoreApplication::translate("naqsh::layers", "Output shape"), out.toString(),
             QCoreApplication::translate("naqsh::layers",
                                         "the dimensions of %1 before axis %2, and those of the "
                                         "reference %3 from it on; values are copied, nothing is "
                                         "computed")
                 .arg(in[0].toString())
                 .arg(p.integer(CropAxis))
                 .arg(in.size() > 1 ? in[1].toString() : in[0].toString())}};
}

// --- Normalize: SSD's L2 normalisation with a learned scale -----------------------------------

enum NormP { AcrossSpatial, ChannelShared, NormEps };

ShapeResult normShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needImage(in, QT_TRANSLATE_NOOP("naqsh::layers", "L2 Normalize")); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(in[0]);
}

Costs normCost(const ParamValues &p, std::span<const TensorShape>, const TensorShape &out)
{
    // Caffe's NormalizeLayer: square every value and sum them (one MAC each), add eps and take
    // the square root once per norm, divide every value by its norm, multiply by the scale.
    Costs c;
    c.weights = p.flag(ChannelShared) ? 1 : out.c();
    const CheckedInt norms =
        p.flag(AcrossSpatial) ? CheckedInt(out.n()) : CheckedInt(out.n()) * out.h() * out.w();
    c.macs = out.elements();
    c.adds = norms;
    c.exps = norms; // the square root
    c.divs = out.elements();
    c.muls = out.elements();
    c.activations = out.elements();
    return c;
}

QString normSummary(const ParamValues &p)
{
    return p.flag(AcrossSpatial) ? QStringLiteral("L2, whole sample")
                                 : QStringLiteral("L2, per position");
}

QVector<FormulaLine> normExplain(const ParamValues &p, std::span<const TensorShape>,
                                 const TensorShape &out)
{
    const CheckedInt norms =
        p.flag(AcrossSpatial) ? CheckedInt(out.n()) : CheckedInt(out.n()) * out.h() * out.w();
    return {{QCoreApplication::translate("naqsh::layers", "Parameters"),
             p.flag(ChannelShared) ? QStringLiteral("1") : QString::number(out.c()),
             p.flag(ChannelShared)
                 ? QCoreApplication::translate("naqsh::layers", "one scale shared by every channel")
                 : QCoreApplication::translate(
                       "naqsh::layers", "one learned scale per channel (SSD starts it at 20)")},
            {QCoreApplication::translate("naqsh::layers", "MACs"),
             QStringLiteral("%1 = %2").arg(out.toString(), num(out.elements().value())),
             QCoreApplication::translate("naqsh::layers",
                                         "every value is squared and added to its norm's sum")},
            {QCoreApplication::translate("naqsh::layers", "Square roots"), num(norms.value()),
             p.flag(AcrossSpatial)
                 ? QCoreApplication::translate("naqsh::layers", "one norm per sample")
                 : QCoreApplication::translate(
                       "naqsh::layers", "one norm per position: N × H × W, over the channels")},
            {QCoreApplication::translate("naqsh::layers", "Divisions and multiplications"),
             QStringLiteral("2 × %1").arg(num(out.elements().value())),
             QCoreApplication::translate("naqsh::layers",
                                         "each value is divided by its norm and multiplied by its "
                                         "scale")}};
}

// --- PriorBox: the default boxes of one SSD feature map ---------------------------------------

enum PriorP { Priors, MinSize, MaxSize };

ShapeResult priorShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needImage(in, QT_TRANSLATE_NOOP("naqsh::layers", "PriorBox")); !e.isEmpty())
        return ShapeResult::fail(e);
    // 1 × 2 × (H · W · priors · 4): the box corners and, in the second row, their variances.
    const CheckedInt boxes = CheckedInt(in[0].h()) * in[0].w() * p.integer(Priors) * 4;
    if (boxes.overflowed() || boxes.value() > qint64(kMaxDim) * 1000)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "PriorBox would produce too many boxes"));
    return ShapeResult::ok(TensorShape::of({1, 2, boxes.value()}, TensorLayout::Plain));
}

QString priorSummary(const ParamValues &p)
{
    if (p.real(MaxSize) > 0)
        return QStringLiteral("%1×, %2–%3")
            .arg(p.integer(Priors))
            .arg(p.real(MinSize))
            .arg(p.real(MaxSize));
    return QStringLiteral("%1×, %2").arg(p.integer(Priors)).arg(p.real(MinSize));
}

QVector<FormulaLine> priorExplain(const ParamValues &p, std::span<const TensorShape> in,
                                  const TensorShape &out)
{
    return {{QCoreApplication::translate("naqsh::layers", "Output length"),
             QStringLiteral("%1 × %2 × %3 × 4 = %4")
                 .arg(in[0].h())
                 .arg(in[0].w())
                 .arg(p.integer(Priors))
                 .arg(num(out.dims[2])),
             QCoreApplication::translate("naqsh::layers",
                                         "four corners for every box of every position; a second "
                                         "row holds the four variances")},
            {QCoreApplication::translate("naqsh::layers", "Operations"), QStringLiteral("0"),
             QCoreApplication::translate("naqsh::layers",
                                         "the boxes depend only on the sizes, not on the image: "
                                         "Caffe computes them without reading the data")}};
}

// --- DetectionOutput: decode the boxes, keep the best, suppress overlaps ----------------------

enum DetP { Classes, KeepTopK, NmsTopK };

ShapeResult detShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    const char *what = QT_TRANSLATE_NOOP("naqsh::layers", "DetectionOutput");
    if (QString e = needAny(in, what); !e.isEmpty())
        return ShapeResult::fail(e);
    // Caffe's output is 1 × 1 × kept × 7 (image, label, score, four corners); at most
    // keep_top_k detections per image are kept.
    return ShapeResult::ok(TensorShape::nchw(1, 1, in[0].n() * p.integer(KeepTopK), 7));
}

/// Boxes of one image: the location input holds four numbers per box.
qint64 boxesPerImage(std::span<const TensorShape> in)
{
    return in.empty() ? 0 : in[0].sampleElements().value() / 4;
}

Costs detCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    // Decoding a centre-size box: 4 multiplications by the variances, 4 more by the prior's
    // size, 4 additions for the centres and corners and 2 exponentials for width and height.
    // Suppression, at worst: one IoU (4 comparisons, 3 multiplications, 4 additions, 1
    // division) for every pair among the nms_top_k best boxes of each class.
    const qint64 n = in.empty() ? 0 : in[0].n();
    const CheckedInt boxes = CheckedInt(n) * boxesPerImage(in);
    const qint64 k = p.integer(NmsTopK);
    const CheckedInt pairs = CheckedInt(n) * p.integer(Classes) * (k * (k - 1) / 2);
    Costs c;
    c.muls = boxes * 8 + pairs * 3;
    c.adds = boxes * 4 + pairs * 4;
    c.exps = boxes * 2;
    c.comps = CheckedInt(n) * p.integer(Classes) * boxesPerImage(in) + pairs * 4;
    c.divs = pairs;
    c.activations = out.elements();
    return c;
}

QString detSummary(const ParamValues &p)
{
    return QStringLiteral("%1 classes, top %2").arg(p.integer(Classes)).arg(p.integer(KeepTopK));
}

QVector<FormulaLine> detExplain(const ParamValues &p, std::span<const TensorShape> in,
                                const TensorShape &out)
{
    const qint64 k = p.integer(NmsTopK);
    return {{QCoreApplication::translate("naqsh::layers", "Output shape"), out.toString(),
             QCoreApplication::translate("naqsh::layers",
                                         "at most keep_top_k = %1 detections per image, 7 numbers "
                                         "each: image, class, score and the box corners")
                 .arg(p.integer(KeepTopK))},
            {QCoreApplication::translate("naqsh::layers", "Boxes decoded"),
             num(boxesPerImage(in) * (in.empty() ? 0 : in[0].n())),
             QCoreApplication::translate("naqsh::layers",
                                         "8 multiplications, 4 additions and 2 exponentials per "
                                         "box, as in Caffe's DecodeBBox")},
            {QCoreApplication::translate("naqsh::layers", "Overlap tests (at most)"),
             QStringLiteral("%1 × %2 × %3 / 2").arg(p.integer(Classes)).arg(k).arg(k - 1),
             QCoreApplication::translate("naqsh::layers",
                                         "non-maximum suppression compares every pair among the "
                                         "nms_top_k best boxes of a class; fewer when boxes are "
                                         "dropped early")}};
}

// --- ROIPooling: max pooling of each region to a fixed grid -----------------------------------

enum RoiP { Regions, PooledH, PooledW, SpatialScale };

ShapeResult roiShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needImage(in, QT_TRANSLATE_NOOP("naqsh::layers", "ROIPooling")); !e.isEmpty())
        return ShapeResult::fail(e);
    if (in.size() > 1 && in[1].isValid() && in[1].rank == 2 && in[1].dims[1] != 5)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "the regions input of ROIPooling must be R×5 (image "
                                        "index and four corners), not %1")
                .arg(in[1].toString()));
    return ShapeResult::ok(
        TensorShape::nchw(p.integer(Regions), in[0].c(), p.integer(PooledH), p.integer(PooledW)));
}

Costs roiCost(const ParamValues &, std::span<const TensorShape> in, const TensorShape &out)
{
    // Each output value is the maximum of its bin; bins tile the region, so a region of the
    // whole map compares about every input value once per channel. Caffe's regions vary; the
    // count assumes each bin covers (H/ph)·(W/pw) values.
    Costs c;
    const qint64 binH = std::max<qint64>(1, (in[0].h() + out.h() - 1) / out.h());
    const qint64 binW = std::max<qint64>(1, (in[0].w() + out.w() - 1) / out.w());
    c.comps = out.elements() * (binH * binW - 1);
    c.activations = out.elements();
    return c;
}

QString roiSummary(const ParamValues &p)
{
    return QStringLiteral("%1×%2, %3 regions")
        .arg(p.integer(PooledH))
        .arg(p.integer(PooledW))
        .arg(p.integer(Regions));
}

QVector<FormulaLine> roiExplain(const ParamValues &p, std::span<const TensorShape> in,
                                const TensorShape &out)
{
    const qint64 binH = std::max<qint64>(1, (in[0].h() + out.h() - 1) / out.h());
    const qint64 binW = std::max<qint64>(1, (in[0].w() + out.w() - 1) / out.w());
    return {
        {QCoreApplication::translate("naqsh::layers", "Output shape"),
         QStringLiteral("%1 × %2 × %3 × %4")
             .arg(p.integer(Regions))
             .arg(out.c())
             .arg(out.h())
             .arg(out.w()),
         QCoreApplication::translate("naqsh::layers",
                                     "one pooled_h × pooled_w grid per region and channel; "
                                     "the number of regions is a setting (Faster R-CNN keeps "
                                     "300 proposals at test time)")},
        {QCoreApplication::translate("naqsh::layers", "Comparisons (estimate)"),
         QStringLiteral("%1 × (%2 × %3 − 1)").arg(num(out.elements().value())).arg(binH).arg(binW),
         QCoreApplication::translate("naqsh::layers",
                                     "a maximum over each bin, taking a region as large as "
                                     "the feature map; real regions are usually smaller")}};
}

// --- Power: (shift + scale · x)^power --------------------------------------------------------

enum PowP { PowPower, PowScale, PowShift };

ShapeResult powShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Power")); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(in[0]);
}

Costs powCost(const ParamValues &p, std::span<const TensorShape>, const TensorShape &out)
{
    // Caffe's PowerLayer skips the steps that change nothing.
    Costs c;
    const CheckedInt e = out.elements();
    if (p.real(PowScale) != 1.0)
        c.muls = e;
    if (p.real(PowShift) != 0.0)
        c.adds = e;
    if (p.real(PowPower) == 2.0)
        c.muls = c.muls + e;
    else if (p.real(PowPower) != 1.0)
        c.exps = e;
    c.activations = e;
    return c;
}

QString powSummary(const ParamValues &p)
{
    return QStringLiteral("(%1 + %2x)^%3")
        .arg(p.real(PowShift))
        .arg(p.real(PowScale))
        .arg(p.real(PowPower));
}

QVector<FormulaLine> powExplain(const ParamValues &p, std::span<const TensorShape>,
                                const TensorShape &out)
{
    const QString e = num(out.elements().value());
    return {{QCoreApplication::translate("naqsh::layers", "Operations"),
             QStringLiteral("%1 %2, %3 %4, %5 %6")
                 .arg(p.real(PowScale) != 1.0 ? e : QStringLiteral("0"),
                      QCoreApplication::translate("naqsh::layers", "scalings"),
                      p.real(PowShift) != 0.0 ? e : QStringLiteral("0"),
                      QCoreApplication::translate("naqsh::layers", "shifts"),
                      p.real(PowPower) != 1.0 ? e : QStringLiteral("0"),
                      QCoreApplication::translate("naqsh::layers", "powers")),
             QCoreApplication::translate("naqsh::layers",
                                         "y = (shift + scale · x)^power for every value; a "
                                         "scale of 1, a shift of 0 or a power of 1 costs nothing, "
                                         "a power of 2 is one multiplication")}};
}

// --- ArgMax: the index of the largest values -------------------------------------------------

enum ArgP { TopK, OutMaxVal, HasAxis, ArgAxis };

ShapeResult argShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "ArgMax")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    const qint64 k = p.integer(TopK);
    if (!p.flag(HasAxis)) {
        // Over everything but the batch: N × (1 or 2) × top_k, padded with 1s to the input's
        // rank (ArgMaxLayer::Reshape makes max(rank, 3) axes).
        if (k > x.sampleElements().value())
            return ShapeResult::fail(
                QCoreApplication::translate("naqsh::layers",
                                            "top_k %1 is larger than the %2 values of a sample")
                    .arg(k)
                    .arg(x.sampleElements().value()));
        QVector<qint64> dims(std::max<int>(x.rank, 3), 1);
        dims[0] = x.n();
        dims[1] = p.flag(OutMaxVal) ? 2 : 1;
        dims[2] = k;
        return ShapeResult::ok(TensorShape::of(
            std::span<const qint64>(dims.constData(), dims.size()), TensorLayout::Plain));
    }
    const int axis = int(p.integer(ArgAxis) < 0 ? p.integer(ArgAxis) + x.rank : p.integer(ArgAxis));
    if (axis < 0 || axis >= x.rank)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "ArgMax axis %1 does not exist in %2")
                .arg(p.integer(ArgAxis))
                .arg(x.toString()));
    if (k > x.dims[size_t(axis)])
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "top_k %1 is larger than axis %2 (%3)")
                .arg(k)
                .arg(axis)
                .arg(x.dims[size_t(axis)]));
    TensorShape out = x;
    out.dims[size_t(axis)] = k;
    return ShapeResult::ok(out);
}

/// Values compared to find one maximum, and how many maxima are found.
std::pair<qint64, CheckedInt> argSpan(const ParamValues &p, const TensorShape &x)
{
    if (!p.flag(HasAxis))
        return {x.sampleElements().value(), CheckedInt(x.n())};
    const int axis = int(p.integer(ArgAxis) < 0 ? p.integer(ArgAxis) + x.rank : p.integer(ArgAxis));
    const qint64 d = x.dims[size_t(std::clamp(axis, 0, std::max(0, x.rank - 1)))];
    return {d, x.elements().value() / std::max<qint64>(1, d)};
}

Costs argCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    // top_k = 1: a scan (D − 1 comparisons); more: a partial sort, about D · log2(k).
    const auto [d, groups] = argSpan(p, in[0]);
    const qint64 k = p.integer(TopK);
    const qint64 per = k <= 1 ? d - 1 : d * qint64(std::ceil(std::log2(double(k))));
    Costs c;
    c.comps = groups * per;
    c.activations = out.elements();
    return c;
}

QString argSummary(const ParamValues &p)
{
    return p.flag(HasAxis)
               ? QStringLiteral("top %1, axis %2").arg(p.integer(TopK)).arg(p.integer(ArgAxis))
               : QStringLiteral("top %1").arg(p.integer(TopK));
}

QVector<FormulaLine> argExplain(const ParamValues &p, std::span<const TensorShape> in,
                                const TensorShape &)
{
    const auto [d, groups] = argSpan(p, in[0]);
    return {{QCoreApplication::translate("naqsh::layers", "Comparisons"),
             p.integer(TopK) <= 1 ? QStringLiteral("%1 × (%2 − 1)").arg(num(groups.value())).arg(d)
                                  : QStringLiteral("%1 × %2 × ⌈log₂ %3⌉")
                                        .arg(num(groups.value()))
                                        .arg(d)
                                        .arg(p.integer(TopK)),
             QCoreApplication::translate("naqsh::layers",
                                         "one scan per group for the largest value; a partial "
                                         "sort for the top k")}};
}

ParamSpec real(const char *key, const char *label, const char *help, double def, double min,
               double max)
{
    return realParam(key, label, help, def, min, max);
}

} // namespace

void registerDetectionLayers(LayerRegistry &registry)
{
    LayerType crop;
    crop.id = QStringLiteral("crop");
    crop.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Crop");
    crop.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Crop");
    crop.category = kShapeCategory;
    crop.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Caffe's Crop, as in FCN: cuts the first input to the size of the second from an axis on "
        "(2: height and width), starting at an offset. Copies values; computes nothing.");
    crop.params = {
        intParam("axis", QT_TRANSLATE_NOOP("naqsh::layers", "Axis"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "First dimension cropped; later ones are cropped too"),
                 2, -4, 3),
        intParam("offset", QT_TRANSLATE_NOOP("naqsh::layers", "Offset"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Where the cut starts in each cropped axis"), 0,
                 0, kMaxDim),
    };
    crop.minInputs = 1;
    crop.maxInputs = 2;
    crop.shape = cropShape;
    crop.cost = tensorOnly;
    crop.summary = cropSummary;
    crop.explain = cropExplain;
    registry.add(crop);

    LayerType norm;
    norm.id = QStringLiteral("normalize");
    norm.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "L2 Normalize");
    norm.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "L2Norm");
    norm.category = QT_TRANSLATE_NOOP("naqsh::layers", "Normalization");
    norm.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "SSD's Normalize: divides the values by their L2 norm (over the channels at each "
        "position, or over the whole sample) and multiplies by a learned scale, one per channel "
        "unless shared. SSD uses it on conv4_3, whose values are much larger than later ones.");
    norm.params = {
        boolParam(
            "across_spatial", QT_TRANSLATE_NOOP("naqsh::layers", "Across positions"),
            QT_TRANSLATE_NOOP("naqsh::layers", "One norm per sample instead of one per position"),
            true),
        boolParam("channel_shared", QT_TRANSLATE_NOOP("naqsh::layers", "Shared scale"),
                  QT_TRANSLATE_NOOP("naqsh::layers",
                                    "One scale for all channels instead of one per channel"),
                  true),
        real("eps", QT_TRANSLATE_NOOP("naqsh::layers", "Epsilon"),
             QT_TRANSLATE_NOOP("naqsh::layers", "Added to the sum of squares"), 1e-10, 0, 1),
    };
    norm.shape = normShape;
    norm.cost = normCost;
    norm.summary = normSummary;
    norm.explain = normExplain;
    registry.add(norm);

    LayerType prior;
    prior.id = QStringLiteral("prior_box");
    prior.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "PriorBox");
    prior.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Prior");
    prior.category = kDetection;
    prior.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "SSD's default boxes for one feature map: for every position, boxes of the minimum size "
        "in each aspect ratio and one between the minimum and maximum size. Output 1 × 2 × "
        "(H · W · priors · 4): corners and variances. Reads only sizes; no learned parameters.");
    prior.params = {
        intParam("priors", QT_TRANSLATE_NOOP("naqsh::layers", "Boxes per position"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Aspect ratios (1 and each ratio, with its inverse when "
                                   "flipped) times minimum sizes, plus the maximum sizes"),
                 4, 1, 1000),
        real("min_size", QT_TRANSLATE_NOOP("naqsh::layers", "Minimum size"),
             QT_TRANSLATE_NOOP("naqsh::layers", "Side of the smallest box, in input pixels"), 30, 0,
             kMaxDim),
        real("max_size", QT_TRANSLATE_NOOP("naqsh::layers", "Maximum size"),
             QT_TRANSLATE_NOOP("naqsh::layers", "Side of the largest box; 0 when none"), 0, 0,
             kMaxDim),
    };
    prior.minInputs = 1;
    prior.maxInputs = 2;
    prior.shape = priorShape;
    prior.cost = tensorOnly;
    prior.summary = priorSummary;
    prior.explain = priorExplain;
    registry.add(prior);

    LayerType det;
    det.id = QStringLiteral("detection_output");
    det.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "DetectionOutput");
    det.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Detect");
    det.category = kDetection;
    det.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "SSD's last layer: decodes the predicted offsets into boxes around the priors, keeps the "
        "confident ones, removes overlapping boxes of a class (non-maximum suppression) and "
        "returns at most keep_top_k detections per image. Inputs: locations, confidences, "
        "priors.");
    det.params = {
        intParam("num_classes", QT_TRANSLATE_NOOP("naqsh::layers", "Classes"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Classes including the background"), 21, 1,
                 100000),
        intParam("keep_top_k", QT_TRANSLATE_NOOP("naqsh::layers", "Kept per image"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Detections kept per image at most"), 200, 1,
                 100000),
        intParam("nms_top_k", QT_TRANSLATE_NOOP("naqsh::layers", "Boxes per class into NMS"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Best boxes of each class that suppression compares"),
                 400, 1, 100000),
    };
    det.minInputs = 1;
    det.maxInputs = 4;
    det.shape = detShape;
    det.cost = detCost;
    det.summary = detSummary;
    det.explain = detExplain;
    registry.add(det);

    LayerType roi;
    roi.id = QStringLiteral("roi_pooling");
    roi.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "ROIPooling");
    roi.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "RoIPool");
    roi.category = kDetection;
    roi.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Fast and Faster R-CNN's region pooling: max-pools each proposed region of the feature "
        "map to a fixed grid, so the layers after it see one pooled_h × pooled_w map per region. "
        "The number of regions changes with the image; papers assume 300 at test time.");
    roi.params = {
        intParam("regions", QT_TRANSLATE_NOOP("naqsh::layers", "Regions"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Regions pooled per batch (the output's first dimension)"),
                 300, 1, kMaxDim),
        intParam("pooled_h", QT_TRANSLATE_NOOP("naqsh::layers", "Pooled height"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Rows of the grid"), 7, 1, 1024, "pooled_w"),
        intParam("pooled_w", QT_TRANSLATE_NOOP("naqsh::layers", "Pooled width"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Columns of the grid"), 7, 1, 1024, "pooled_h"),
        real("spatial_scale", QT_TRANSLATE_NOOP("naqsh::layers", "Spatial scale"),
             QT_TRANSLATE_NOOP("naqsh::layers",
                               "Feature-map pixels per input pixel (1/16 for VGG16's conv5_3)"),
             0.0625, 0, 1),
    };
    roi.minInputs = 1;
    roi.maxInputs = 2;
    roi.shape = roiShape;
    roi.cost = roiCost;
    roi.summary = roiSummary;
    roi.explain = roiExplain;
    registry.add(roi);

    LayerType pow;
    pow.id = QStringLiteral("power");
    pow.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Power");
    pow.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Pow");
    pow.category = QT_TRANSLATE_NOOP("naqsh::layers", "Activation");
    pow.help = QT_TRANSLATE_NOOP("naqsh::layers",
                                 "Caffe's Power: y = (shift + scale · x)^power for every value.");
    pow.params = {
        real("power", QT_TRANSLATE_NOOP("naqsh::layers", "Power"),
             QT_TRANSLATE_NOOP("naqsh::layers", "Exponent"), 1, -1e6, 1e6),
        real("scale", QT_TRANSLATE_NOOP("naqsh::layers", "Scale"),
             QT_TRANSLATE_NOOP("naqsh::layers", "Multiplies x first"), 1, -1e6, 1e6),
        real("shift", QT_TRANSLATE_NOOP("naqsh::layers", "Shift"),
             QT_TRANSLATE_NOOP("naqsh::layers", "Added after the scaling"), 0, -1e6, 1e6),
    };
    pow.shape = powShape;
    pow.cost = powCost;
    pow.summary = powSummary;
    pow.explain = powExplain;
    registry.add(pow);

    LayerType arg;
    arg.id = QStringLiteral("argmax");
    arg.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "ArgMax");
    arg.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "ArgMax");
    arg.category = kShapeCategory;
    arg.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Caffe's ArgMax: the indices (and, if asked, the values) of the top_k largest values of "
        "each sample, or along one axis, e.g. the predicted class of every pixel in "
        "segmentation.");
    arg.params = {
        intParam("top_k", QT_TRANSLATE_NOOP("naqsh::layers", "Top k"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "How many of the largest values"), 1, 1,
                 kMaxDim),
        boolParam("out_max_val", QT_TRANSLATE_NOOP("naqsh::layers", "Output values too"),
                  QT_TRANSLATE_NOOP("naqsh::layers",
                                    "Without an axis: return the values beside the indices"),
                  false),
        boolParam("has_axis", QT_TRANSLATE_NOOP("naqsh::layers", "Along one axis"),
                  QT_TRANSLATE_NOOP("naqsh::layers",
                                    "Search along the axis below instead of the whole sample"),
                  false),
        intParam("axis", QT_TRANSLATE_NOOP("naqsh::layers", "Axis"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Axis searched (1: channels)"), 1, -4, 3),
    };
    arg.shape = argShape;
    arg.cost = argCost;
    arg.summary = argSummary;
    arg.explain = argExplain;
    registry.add(arg);
}

} // namespace naqsh
