#include "TeachingNotes.h"

#include "graph/Graph.h"

#include <QCoreApplication>
#include <QHash>

namespace naqsh {

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
    return notes;
}

} // namespace naqsh
