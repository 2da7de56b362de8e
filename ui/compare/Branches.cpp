#include "Branches.h"

#include "graph/Graph.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <algorithm>

namespace naqsh {

namespace {

QVector<LayerId> distinctConsumers(const Graph &graph, LayerId id)
{
    QVector<LayerId> out;
    for (LayerId c : graph.consumers(id))
        if (!out.contains(c))
            out.append(c);
    return out;
}

} // namespace

LayerId forkOf(const Graph &graph, LayerId start)
{
    if (!start.isValid() || !graph.contains(start)) {
        for (LayerId id : graph.topologicalOrder())
            if (distinctConsumers(graph, id).size() > 1)
                return id;
        return {};
    }
    LayerId at = start;
    for (int guard = 0; guard < graph.size() + 1 && at.isValid(); ++guard) {
        if (distinctConsumers(graph, at).size() > 1)
            return at;
        const Layer *l = graph.layer(at);
        if (!l || l->inputs.size() != 1)
            return {};
        at = l->inputs.first();
    }
    return {};
}

QVector<Branch> branchesFrom(const Graph &graph, LayerId fork)
{
    QVector<Branch> branches;
    if (!fork.isValid() || !graph.contains(fork))
        return branches;
    QVector<LayerId> starts = distinctConsumers(graph, fork);
    std::sort(starts.begin(), starts.end(), [](LayerId a, LayerId b) { return a.value < b.value; });
    for (LayerId s : starts) {
        Branch b;
        b.from = s;
        LayerId at = s;
        // A merge (a layer with several inputs) ends the branch before it.
        if (graph.layer(at)->inputs.size() > 1)
            continue;
        for (int guard = 0; guard <= graph.size(); ++guard) {
            b.layers.append(at);
            const QVector<LayerId> next = distinctConsumers(graph, at);
            if (next.size() != 1 || graph.layer(next.first())->inputs.size() != 1)
                break;
            at = next.first();
        }
        b.to = at;
        branches.append(b);
    }
    return branches;
}

QString branchName(const Graph &graph, const LayerRegistry &registry, const Branch &branch)
{
    QStringList parts;
    for (LayerId id : branch.layers) {
        const Layer *l = graph.layer(id);
        const LayerType *t = l ? registry.find(l->type) : nullptr;
        if (!t) {
            parts << (l ? l->name : QString());
            continue;
        }
        const QString summary = t->summary ? t->summary(l->params) : QString();
        parts << (summary.isEmpty() ? t->translatedShortName()
                                    : QCoreApplication::translate("naqsh::Branches", "%1 %2")
                                          .arg(t->translatedShortName(), summary));
    }
    QString name = parts.value(0);
    for (int i = 1; i < parts.size(); ++i)
        name = QCoreApplication::translate("naqsh::Branches", "%1 → %2").arg(name, parts[i]);
    return name;
}

} // namespace naqsh
