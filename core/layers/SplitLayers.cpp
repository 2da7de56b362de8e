// Split and Chunk: layers with several outputs, each a piece of the input along one axis.
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

enum SplitP { SAxis, Sizes, Parts };
enum ChunkP { Chunks, CAxis };
const char *kSizes = QT_TRANSLATE_NOOP("naqsh::layers", "Sizes");
constexpr int kMaxOutputs = 64;

Costs piecesCost(const ParamValues &, std::span<const TensorShape> in, const TensorShape &)
{
    // Every value of the input lands in exactly one piece: the outputs hold as many values.
    Costs c;
    c.activations = in.empty() ? CheckedInt(0) : in[0].elements();
    return c;
}

/// The shapes of the pieces of @p x cut along @p axis into @p sizes.
ShapeResult pieces(const TensorShape &x, int axis, const QVector<qint64> &sizes)
{
    ShapeResult r;
    for (int i = 0; i < sizes.size(); ++i) {
        TensorShape s = x;
        s.dims[axis] = sizes[i];
        if (i == 0)
            r.shape = s;
        else
            r.more.append(s);
    }
    return r;
}

int splitCount(const ParamValues &p)
{
    QVector<qint64> sizes;
    if (parseInts(p.value(Sizes).toString(), kSizes, &sizes).isEmpty() && !sizes.isEmpty())
        return int(std::min<qsizetype>(sizes.size(), kMaxOutputs));
    return int(std::clamp<qint64>(p.integer(Parts), 1, kMaxOutputs));
}

ShapeResult splitShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Split")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    const int axis = x.axis(p.integer(SAxis));
    if (axis < 0)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "Axis %1 does not exist in the input %2")
                .arg(p.integer(SAxis))
                .arg(x.toString()));
    const qint64 size = x.dims[axis];
    QVector<qint64> sizes;
    if (QString e = parseInts(p.value(Sizes).toString(), kSizes, &sizes); !e.isEmpty())
        return ShapeResult::fail(e);
    if (sizes.size() > kMaxOutputs)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "Split makes at most %1 pieces")
                .arg(kMaxOutputs));
    if (sizes.isEmpty()) {
        const qint64 parts = p.integer(Parts);
        if (size % parts != 0)
            return ShapeResult::fail(
                QCoreApplication::translate(
                    "naqsh::layers",
                    "Split into %1 equal parts needs dimension %2 (size %3) to be a multiple of "
                    "%1; give the sizes instead")
                    .arg(parts)
                    .arg(axis)
                    .arg(size));
        sizes.fill(size / parts, int(parts));
    }
    // One -1 takes what the others leave (Caffe's Slice gives only the cut points).
    qint64 total = 0;
    int rest = -1;
    for (int i = 0; i < sizes.size(); ++i) {
        if (sizes[i] == -1 && rest < 0) {
            rest = i;
            continue;
        }
        if (sizes[i] < 1)
            return ShapeResult::fail(QCoreApplication::translate(
                "naqsh::layers", "Sizes: every piece needs at least 1 (one -1 takes the rest)"));
        total += sizes[i];
    }
    if (rest >= 0) {
        if (total >= size)
            return ShapeResult::fail(
                QCoreApplication::translate("naqsh::layers",
                                            "the sizes add up to %1 and leave nothing for -1: "
                                            "dimension %2 of %3 has %4")
                    .arg(total)
                    .arg(axis)
                    .arg(x.toString())
                    .arg(size));
        sizes[rest] = size - total;
        total = size;
    }
    if (total != size)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "the sizes add up to %1, but dimension %2 of %3 has %4")
                .arg(total)
                .arg(axis)
                .arg(x.toString())
                .arg(size));
    return pieces(x, axis, sizes);
}

QString splitSummary(const ParamValues &p)
{
    QString sizes = p.value(Sizes).toString().simplified().replace(QLatin1Char(' '), QString());
    if (sizes.isEmpty())
        sizes = QStringLiteral("%1×").arg(p.integer(Parts));
    return QStringLiteral("%1 @%2").arg(sizes).arg(p.integer(SAxis));
}

int chunkCount(const ParamValues &p)
{
    return int(std::clamp<qint64>(p.integer(Chunks), 1, kMaxOutputs));
}

ShapeResult chunkShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Chunk")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    const int axis = x.axis(p.integer(CAxis));
    if (axis < 0)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "Axis %1 does not exist in the input %2")
                .arg(p.integer(CAxis))
                .arg(x.toString()));
    // PyTorch's rule: pieces of ceil(size / chunks), the last one smaller.
    const qint64 size = x.dims[axis], chunks = p.integer(Chunks);
    const qint64 each = (size + chunks - 1) / chunks;
    const qint64 made = (size + each - 1) / each;
    if (made != chunks)
        return ShapeResult::fail(QCoreApplication::translate(
                                     "naqsh::layers",
                                     "Chunk cuts dimension %1 (size %2) into pieces of %3, which "
                                     "makes only %4 pieces, not %5")
                                     .arg(axis)
                                     .arg(size)
                                     .arg(each)
                                     .arg(made)
                                     .arg(chunks));
    QVector<qint64> sizes(int(chunks), each);
    sizes.last() = size - each * (chunks - 1);
    return pieces(x, axis, sizes);
}

QString chunkSummary(const ParamValues &p)
{
    return QStringLiteral("%1 @%2").arg(p.integer(Chunks)).arg(p.integer(CAxis));
}

QVector<FormulaLine> piecesExplain(const ParamValues &, std::span<const TensorShape> in,
                                   const TensorShape &out)
{
    return {{QCoreApplication::translate("naqsh::layers", "Output"),
             dimsText(in[0]) + QStringLiteral(" → ") + dimsText(out) + QStringLiteral(", …"),
             QCoreApplication::translate(
                 "naqsh::layers",
                 "each output is one piece of the input along the axis; the pieces together hold "
                 "every input value once")},
            {QCoreApplication::translate("naqsh::layers", "Operations"), QStringLiteral("0"),
             QCoreApplication::translate("naqsh::layers",
                                         "values are only moved or re-read; nothing is computed")}};
}

} // namespace

void registerSplitLayers(LayerRegistry &registry)
{
    const char *category = QT_TRANSLATE_NOOP("naqsh::layers", "Shape and utility");
    LayerType split;
    split.id = QStringLiteral("split");
    split.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Split");
    split.shortName = split.displayName;
    split.category = category;
    split.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Cuts the input into pieces along one axis, one output each (PyTorch's split, ONNX "
        "Split, Caffe's Slice): sizes 58, 58 cut 116 channels in two halves, as ShuffleNet v2 "
        "does; with no sizes, the axis is cut into equal parts. No arithmetic.");
    split.params = {
        intParam(
            "axis", QT_TRANSLATE_NOOP("naqsh::layers", "Axis"),
            QT_TRANSLATE_NOOP("naqsh::layers", "Dimension to cut (negative counts from the end)"),
            1, -TensorShape::kMaxRank, TensorShape::kMaxRank - 1),
        listParam("sizes", kSizes,
                  QT_TRANSLATE_NOOP("naqsh::layers",
                                    "Size of each piece, adding up to the axis (one -1 takes the "
                                    "rest); empty: equal parts"),
                  ""),
        intParam(
            "parts", QT_TRANSLATE_NOOP("naqsh::layers", "Equal parts"),
            QT_TRANSLATE_NOOP("naqsh::layers", "Number of equal pieces when no sizes are given"), 2,
            1, kMaxOutputs),
    };
    split.shape = splitShape;
    split.cost = piecesCost;
    split.summary = splitSummary;
    split.explain = piecesExplain;
    split.outputCount = splitCount;
    registry.add(split);

    LayerType chunk;
    chunk.id = QStringLiteral("chunk");
    chunk.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Chunk");
    chunk.shortName = chunk.displayName;
    chunk.category = category;
    chunk.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Cuts the input into a number of pieces along one axis (PyTorch's chunk): each piece "
        "has ceil(size / chunks) values along it, the last one what is left. No arithmetic.");
    chunk.params = {
        intParam("chunks", QT_TRANSLATE_NOOP("naqsh::layers", "Chunks"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Number of pieces, one output each"), 2, 1,
                 kMaxOutputs),
        intParam(
            "axis", QT_TRANSLATE_NOOP("naqsh::layers", "Axis"),
            QT_TRANSLATE_NOOP("naqsh::layers", "Dimension to cut (negative counts from the end)"),
            1, -TensorShape::kMaxRank, TensorShape::kMaxRank - 1),
    };
    chunk.shape = chunkShape;
    chunk.cost = piecesCost;
    chunk.summary = chunkSummary;
    chunk.explain = piecesExplain;
    chunk.outputCount = chunkCount;
    registry.add(chunk);
}

} // namespace naqsh
