#include "Sweep.h"

#include "AnalysisEngine.h"
#include "VariantSummary.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>

namespace naqsh {

SweepResult runSweep(const Graph &graph, const LayerRegistry &registry,
                     const QVector<Variant> &variants, const SweepSpec &spec,
                     const RuleContext &context)
{
    SweepResult out;
    if (spec.layers.isEmpty() || spec.keys.isEmpty()) {
        out.error =
            QCoreApplication::translate("naqsh::Sweep", "choose a layer and a parameter to sweep");
        return out;
    }
    if (spec.step <= 0 || spec.to < spec.from) {
        out.error = QCoreApplication::translate(
            "naqsh::Sweep", "the range must go upwards with a step of at least 1");
        return out;
    }
    if ((spec.to - spec.from) / spec.step > 10000) {
        out.error = QCoreApplication::translate(
            "naqsh::Sweep", "that range has more than 10,000 points; use a larger step");
        return out;
    }
    // Resolve layer types and parameter indexes once.
    struct Target
    {
        LayerId id;
        const LayerType *type;
        QVector<int> indexes;
    };
    QVector<Target> targets;
    for (LayerId id : spec.layers) {
        const Layer *l = graph.layer(id);
        const LayerType *t = l ? registry.find(l->type) : nullptr;
        if (!t) {
            out.error =
                QCoreApplication::translate("naqsh::Sweep", "the swept layer no longer exists");
            return out;
        }
        Target target{id, t, {}};
        for (const QString &k : spec.keys) {
            const int i = t->paramIndex(k);
            if (i < 0 || t->params[i].kind != ParamKind::Int) {
                out.error = QCoreApplication::translate(
                                "naqsh::Sweep", "layer '%1' has no whole-number parameter \"%2\"")
                                .arg(l->name, k);
                return out;
            }
            target.indexes.append(i);
        }
        targets.append(target);
    }
    out.current = graph.layer(targets[0].id)->params.integer(targets[0].indexes[0]);
    for (const Variant &v : variants) {
        SweepSeries s;
        s.name = v.name;
        out.series.append(s);
    }
    AnalysisEngine engine(registry, context);
    Graph g = graph;
    for (qint64 x = spec.from; x <= spec.to; x += spec.step) {
        bool allowed = true;
        for (const Target &t : targets) {
            Layer *l = g.mutableLayer(t.id);
            for (int i : t.indexes) {
                QString why;
                const QVariant v = validateParam(t.type->params[i], QVariant(x), &why);
                if (!v.isValid())
                    allowed = false;
                else
                    l->params.set(i, v);
            }
        }
        const AnalysisResult r =
            allowed ? (engine.analyzeAll(g), engine.result()) : AnalysisResult();
        for (int vi = 0; vi < variants.size(); ++vi) {
            SweepSeries &s = out.series[vi];
            s.x.append(x);
            if (!allowed) {
                s.macs.append(0);
                s.params.append(0);
                s.activations.append(0);
                s.valid.append(false);
                continue;
            }
            const VariantSummary sum = summarizeVariant(g, r, variants[vi]);
            // A point whose sums overflow 64 bits has no numbers (never a wrapped value).
            const bool ok = sum.error.isEmpty() && sum.errorCount == 0 &&
                            !sum.costs.macs.overflowed() && !sum.costs.params().overflowed() &&
                            !sum.costs.activations.overflowed();
            s.macs.append(ok ? sum.costs.macs.value() : 0);
            s.params.append(ok ? sum.costs.params().value() : 0);
            s.activations.append(ok ? sum.costs.activations.value() : 0);
            s.valid.append(ok);
        }
    }
    return out;
}

namespace {
std::optional<double> crossing(const SweepSeries &ref, const SweepSeries &cand,
                               const QVector<qint64> &rv, const QVector<qint64> &cv)
{
    for (int i = 0; i < cand.x.size(); ++i) {
        if (!ref.valid.value(i) || !cand.valid.value(i))
            continue;
        const double d = double(cv[i]) - double(rv[i]);
        if (d < 0)
            continue;
        if (d == 0)
            return double(cand.x[i]);
        // Crossed between the previous valid point and this one: interpolate linearly.
        for (int j = i - 1; j >= 0; --j) {
            if (!ref.valid[j] || !cand.valid[j])
                continue;
            const double dj = double(cv[j]) - double(rv[j]);
            if (dj >= 0)
                return std::nullopt;
            const double t = -dj / (d - dj);
            return double(cand.x[j]) + t * double(cand.x[i] - cand.x[j]);
        }
        return std::nullopt; // already more expensive at the start of the range
    }
    return std::nullopt;
}
} // namespace

BreakEven findBreakEven(const SweepSeries &reference, const SweepSeries &candidate)
{
    BreakEven b;
    b.macs = crossing(reference, candidate, reference.macs, candidate.macs);
    b.params = crossing(reference, candidate, reference.params, candidate.params);
    return b;
}

QVector<SweepPreset> sweepPresets(const Graph &graph, const AnalysisResult &result)
{
    QVector<SweepPreset> presets;
    LayerId input, firstOneByOne;
    QVector<LayerId> bigKernels;
    qint64 inputSize = 0, inputChannels = 0;
    for (LayerId id : result.order) {
        const Layer *l = graph.layer(id);
        if (!l)
            continue;
        if (l->type == QLatin1String("input") && !input.isValid()) {
            input = id;
            if (const LayerResult *r = result.layer(id);
                r && r->hasNumbers() && r->output.isImage()) {
                inputSize = r->output.h();
                inputChannels = r->output.c();
            }
        }
        if (l->type == QLatin1String("conv2d")) {
            const qint64 kh = l->params.integer(1), kw = l->params.integer(2);
            if (kh == 1 && kw == 1 && !firstOneByOne.isValid())
                firstOneByOne = id;
            else if (kh > 1 || kw > 1)
                bigKernels.append(id);
        }
    }
    if (firstOneByOne.isValid()) {
        const qint64 cin = result.inputShapes(graph, firstOneByOne).value(0).c();
        presets.append(
            {QCoreApplication::translate("naqsh::Sweep", "1×1 output channels"),
             {{firstOneByOne}, {QStringLiteral("out_channels")}, 1, std::max<qint64>(cin, 8), 1}});
    }
    if (input.isValid() && inputSize > 0) {
        presets.append({QCoreApplication::translate("naqsh::Sweep", "Input size"),
                        {{input},
                         {QStringLiteral("height"), QStringLiteral("width")},
                         4,
                         std::max<qint64>(inputSize * 4, 16),
                         1}});
        presets.append({QCoreApplication::translate("naqsh::Sweep", "Input channels"),
                        {{input},
                         {QStringLiteral("channels")},
                         1,
                         std::max<qint64>(inputChannels * 4, 16),
                         1}});
    }
    if (!bigKernels.isEmpty())
        presets.append(
            {QCoreApplication::translate("naqsh::Sweep", "Kernel size"),
             {bigKernels, {QStringLiteral("kernel_h"), QStringLiteral("kernel_w")}, 1, 11, 2}});
    return presets;
}

} // namespace naqsh
