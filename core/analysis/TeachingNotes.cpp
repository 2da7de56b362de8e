#include "TeachingNotes.h"

#include "graph/Graph.h"

#include <QCoreApplication>
#include <QHash>

namespace naqsh {

namespace {

/// "0.31" for a part of a whole, in percent with two decimals (Latin digits; views localise).
QString percent(qint64 part, qint64 whole)
{
    return whole > 0 ? QString::number(100.0 * double(part) / double(whole), 'f', 2)
                     : QStringLiteral("0");
}

void appendBlockNotes(const Graph &graph, const AnalysisResult &result,
                      QVector<TeachingNote> *notes)
{
    const qint64 totalMacs = result.totals.macs.value();
    const qint64 totalParams = result.totals.params().value();
    for (LayerId id : result.order) {
        const Layer *l = graph.layer(id);
        const LayerResult *r = result.layer(id);
        if (!l || !r || !r->hasNumbers())
            continue;
        const QVector<TensorShape> inputs = result.inputShapes(graph, id);
        if (inputs.isEmpty() || !inputs[0].isValid())
            continue;
        const TensorShape &x = inputs[0];
        if (l->type == QLatin1String("squeeze_excitation")) {
            const qint64 macs = r->costs.macs.value();
            notes->append(
                {TeachingNote::Kind::ExcitationIsCheap, id,
                 QCoreApplication::translate("naqsh::Notes", "Why SE costs almost nothing"),
                 QCoreApplication::translate(
                     "naqsh::Notes",
                     "'%1' costs %2 MACs, %3 % of this model's %4. Its two 1×1 convolutions "
                     "work on the squeezed 1×1 map, one value per channel, so their cost does "
                     "not grow with the %5×%6 image; a 1×1 convolution on the full map would "
                     "cost %7 times as much. It adds %8 parameters (%9 % of the model).")
                     .arg(l->name)
                     .arg(macs)
                     .arg(percent(macs, totalMacs))
                     .arg(totalMacs)
                     .arg(x.h())
                     .arg(x.w())
                     .arg(x.h() * x.w())
                     .arg(r->costs.params().value())
                     .arg(percent(r->costs.params().value(), totalParams))});
        } else if (l->type == QLatin1String("channel_shuffle") && x.rank >= 2) {
            const qint64 groups = std::max<qint64>(l->params.integer(0), 1);
            const qint64 c = x.dims[1];
            notes->append(
                {TeachingNote::Kind::ShuffleMixesGroups, id,
                 QCoreApplication::translate("naqsh::Notes", "Why the channels are shuffled"),
                 QCoreApplication::translate(
                     "naqsh::Notes",
                     "A grouped 1×1 convolution with %1 groups costs %1 times fewer MACs, but "
                     "each output channel then sees only the %2 channels of its own group "
                     "(ShuffleNet v2's split does the same to the two halves). Stacked without "
                     "'%3', the groups would never exchange information. The shuffle does no "
                     "arithmetic: it only reorders the %4 channels so that the next block's "
                     "groups each get channels from every group.")
                     .arg(groups)
                     .arg(c / groups)
                     .arg(l->name)
                     .arg(c)});
        } else if (l->type == QLatin1String("linear") && x.rank == 4) {
            notes->append(
                {TeachingNote::Kind::LinearIsOneByOne, id,
                 QCoreApplication::translate("naqsh::Notes", "A Linear layer over pixels is a 1×1 "
                                                             "convolution"),
                 QCoreApplication::translate(
                     "naqsh::Notes",
                     "'%1' applies one %2 → %3 matrix to each of the %4×%5 positions of a "
                     "channels-last map: exactly what a 1×1 convolution does, with the same %6 "
                     "MACs. ConvNeXt's inverted bottleneck widens the channels four times here, "
                     "after a cheap depthwise convolution has mixed the positions.")
                     .arg(l->name)
                     .arg(x.dims[3])
                     .arg(r->output.dims[3])
                     .arg(x.dims[1])
                     .arg(x.dims[2])
                     .arg(r->costs.macs.value())});
        } else if (l->type == QLatin1String("multihead_attention") && x.rank == 3) {
            const qint64 n = x.dims[0], tokens = x.dims[1], d = x.dims[2];
            const qint64 linear = n * tokens * 4 * d * d, square = 2 * n * tokens * tokens * d;
            notes->append(
                {TeachingNote::Kind::AttentionGrowsWithSquare, id,
                 QCoreApplication::translate("naqsh::Notes", "Where attention's cost grows with "
                                                             "the square of the tokens"),
                 QCoreApplication::translate(
                     "naqsh::Notes",
                     "In '%1' the four projections (Q, K, V, output) cost %2 MACs: %3 tokens × "
                     "4 × %4 × %4, linear in the token count. Q·Kᵀ and A·V cost %5 MACs: 2 × "
                     "%3 × %3 × %4, which grows with its square. With twice the tokens (a "
                     "larger image, or smaller patches) the projections cost twice as much and "
                     "Q·Kᵀ and A·V four times as much; they overtake the projections once the "
                     "tokens outnumber 2 × %4 = %6.")
                     .arg(l->name)
                     .arg(linear)
                     .arg(tokens)
                     .arg(d)
                     .arg(square)
                     .arg(2 * d)});
        }
    }
}

} // namespace

QVector<TeachingNote> teachingNotes(const Graph &graph, const AnalysisResult &result)
{
    QVector<TeachingNote> notes;
    // Depth in convolutions from the input, along the schedule.
    QHash<LayerId, int> convDepth;
    for (LayerId id : result.order) {
        const Layer *l = graph.layer(id);
        int depth = 0;
        for (LayerId in : l->inputs)
            depth = std::max(depth, convDepth.value(in));
        const bool isConv = l->type == QLatin1String("conv2d");
        convDepth.insert(id, depth + (isConv ? 1 : 0));
        if (!isConv)
            continue;
        const LayerResult *r = result.layer(id);
        const QVector<TensorShape> inputs = result.inputShapes(graph, id);
        if (!r || !r->hasNumbers() || inputs.isEmpty() || !inputs[0].isValid())
            continue;
        const qint64 kh = l->params.integer(1), kw = l->params.integer(2);
        if (kh != 1 || kw != 1)
            continue;
        const qint64 cin = inputs[0].c(), cout = r->output.c();
        if (cout * 4 < cin) {
            notes.append(
                {TeachingNote::Kind::SqueezeTooHard, id,
                 QCoreApplication::translate("naqsh::Notes", "Representational bottleneck"),
                 QCoreApplication::translate("naqsh::Notes",
                                             "'%1' squeezes %2 channels into %3 (less than a "
                                             "quarter). The savings are real, but squeezing this "
                                             "hard can throw away information the next layers "
                                             "need: a representational bottleneck.")
                     .arg(l->name)
                     .arg(cin)
                     .arg(cout)});
        }
        // Early: a large map (112×112 or more), or among the first two convolutions on a map
        // of 56×56 or more with few channels, where features are still low-level.
        const bool early =
            inputs[0].h() >= 112 || (convDepth.value(id) <= 2 && inputs[0].h() >= 56 && cin <= 64);
        if (cout < cin && early) {
            notes.append({TeachingNote::Kind::TooEarly, id,
                          QCoreApplication::translate("naqsh::Notes", "Very early in the network"),
                          QCoreApplication::translate(
                              "naqsh::Notes", "'%1' reduces channels right at the start, where the "
                                              "features are still low-level. A 1×1 sees "
                                              "one pixel at a time, so it compresses before any "
                                              "spatial context has been gathered; "
                                              "bottlenecks usually pay off deeper in the network.")
                              .arg(l->name)});
        }
    }
    appendBlockNotes(graph, result, &notes);
    return notes;
}

} // namespace naqsh
