#include "VariantSummary.h"

#include "graph/Graph.h"

#include <QCoreApplication>
#include <QSet>

namespace naqsh {

QVector<LayerId> layersBetween(const Graph &graph, const AnalysisResult &result, LayerId from,
                               LayerId to)
{
    // Forward from `from`, backward from `to`; the path layers are in both sets (endpoints
    // included).
    auto flood = [&](LayerId start, bool forward) {
        QSet<LayerId> seen;
        QVector<LayerId> stack{start};
        while (!stack.isEmpty()) {
            const Layer *l = graph.layer(stack.takeLast());
            if (!l)
                continue;
            for (LayerId next : forward ? l->consumers : l->inputs)
                if (!seen.contains(next)) {
                    seen.insert(next);
                    stack.append(next);
                }
        }
        return seen;
    };
    const QSet<LayerId> down = flood(from, true);
    const QSet<LayerId> up = flood(to, false);
    QVector<LayerId> layers;
    for (LayerId id : result.order)
        if ((id == from || down.contains(id)) && (id == to || up.contains(id)))
            layers.append(id);
    return layers;
}

namespace {
void sum(const AnalysisResult &result, VariantSummary &s)
{
    for (LayerId id : s.layers) {
        const LayerResult *r = result.layer(id);
        if (r && r->hasNumbers())
            s.costs += r->costs;
        else
            ++s.errorCount;
    }
}
} // namespace

VariantSummary summarizeVariant(const Graph &graph, const AnalysisResult &result,
                                const Variant &variant)
{
    VariantSummary s;
    s.name = variant.name;
    switch (variant.kind) {
    case Variant::Kind::Path:
        if (!graph.contains(variant.from) || !graph.contains(variant.to)) {
            s.error = QCoreApplication::translate(
                "naqsh::Variant", "the start or end layer of this path no longer exists");
            return s;
        }
        s.layers = layersBetween(graph, result, variant.from, variant.to);
        if (s.layers.isEmpty() && !graph.reaches(variant.from, variant.to))
            s.error =
                QCoreApplication::translate("naqsh::Variant", "no path leads from '%1' to '%2'")
                    .arg(graph.layer(variant.from)->name, graph.layer(variant.to)->name);
        break;
    case Variant::Kind::Layers:
        for (LayerId id : result.order)
            if (variant.layers.contains(id))
                s.layers.append(id);
        break;
    case Variant::Kind::Document:
        s.error = QCoreApplication::translate("naqsh::Variant",
                                              "open the other document to compare with it");
        return s;
    }
    sum(result, s);
    return s;
}

VariantSummary summarizeGraph(const Graph &graph, const AnalysisResult &result, const QString &name)
{
    Q_UNUSED(graph);
    VariantSummary s;
    s.name = name;
    s.layers = result.order;
    sum(result, s);
    return s;
}

Ratio compareCounts(qint64 a, qint64 b)
{
    Ratio r;
    if (a == b)
        return r;
    r.equal = false;
    r.fewer = b < a;
    const qint64 big = std::max(a, b), small = std::min(a, b);
    r.value = small > 0 ? double(big) / double(small) : 0.0;
    return r;
}

} // namespace naqsh
