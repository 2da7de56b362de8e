#include "Executor.h"

#include "analysis/VariantSummary.h"
#include "layers/LayerRegistry.h"

#include <Eigen/Core>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>
#include <QVarLengthArray>
#include <algorithm>

namespace naqsh {

namespace {

/// Which output of its producer feeds input @p i (graphs with multi-output layers record it).
template<typename L> int inputPort(const L &layer, int i)
{
    if constexpr (requires { layer.inputPorts; })
        return i < layer.inputPorts.size() ? layer.inputPorts[i] : 0;
    else
        return 0;
}

/// Every analysed output shape of a layer.
template<typename R> QVector<TensorShape> outputShapes(const R &result)
{
    QVector<TensorShape> shapes{result.output};
    if constexpr (requires { result.extraOutputs; })
        shapes += result.extraOutputs;
    return shapes;
}

quint64 mix(quint64 seed, quint64 id)
{
    // splitmix64: a different, reproducible stream per layer, independent of execution order.
    quint64 z = seed + 0x9E3779B97F4A7C15ULL * (id + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

QVector<double> sorted(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v;
}

double quantile(const QVector<double> &s, double q)
{
    if (s.isEmpty())
        return 0;
    const double pos = q * double(s.size() - 1);
    const int lo = int(pos);
    const int hi = std::min(lo + 1, int(s.size()) - 1);
    return s[lo] + (s[hi] - s[lo]) * (pos - double(lo));
}

} // namespace

double median(QVector<double> values)
{
    return quantile(sorted(std::move(values)), 0.5);
}

double interquartileRange(QVector<double> values)
{
    const QVector<double> s = sorted(std::move(values));
    return quantile(s, 0.75) - quantile(s, 0.25);
}

Executor::Executor(Graph graph, const LayerRegistry &registry, AnalysisResult analysis,
                   ExecOptions options)
    : m_graph(std::move(graph))
    , m_registry(registry)
    , m_analysis(std::move(analysis))
    , m_options(options)
{
}

bool Executor::prepare()
{
    m_steps.clear();
    m_stepOf.clear();
    const auto &table = exec::kernelTable();
    for (LayerId id : m_analysis.order) {
        const int slot = m_graph.slotOf(id);
        if (slot < 0)
            continue;
        const Layer &layer = m_graph.layerAt(slot);
        const LayerType *type = m_registry.find(layer.type);
        const LayerResult *r = m_analysis.layer(id);
        Step step;
        step.slot = slot;
        step.id = id;
        std::mt19937_64 rng(mix(m_options.seed, id.value));
        if (!type) {
            step.problem =
                QCoreApplication::translate("naqsh::Exec", "unknown layer type %1").arg(layer.type);
        } else if (!type->hasOutput) {
            step.isSink = true;
        } else if (!r || !r->hasNumbers()) {
            step.problem =
                QCoreApplication::translate("naqsh::Exec", "the analysis has no shape for it: %1")
                    .arg(r ? m_analysis.errorText(m_graph, id) : QString());
        } else if (layer.type == QLatin1String("input")) {
            step.isInput = true;
            Tensor t = Tensor::zeros(r->output);
            exec::fillUniform(t, 1.0, rng);
            step.outputs = {std::move(t)};
        } else if (auto k = table.constFind(layer.type); k == table.constEnd()) {
            step.problem =
                QCoreApplication::translate("naqsh::Exec", "no kernel runs layer type %1 yet")
                    .arg(
                        !type->costKnown && type->summary
                            ? QStringLiteral("%1 (%2)").arg(layer.type, type->summary(layer.params))
                            : layer.type);
            step.unsupported = true;
        } else {
            step.kernel = &k.value();
        }
        // Wire the inputs to the producing steps.
        if (step.problem.isEmpty() && !step.isInput) {
            for (int i = 0; i < layer.inputs.size(); ++i) {
                const int producer = m_stepOf.value(layer.inputs[i], -1);
                if (producer < 0 || !m_steps[producer].problem.isEmpty() ||
                    m_steps[producer].isSink) {
                    const Layer *p = m_graph.layer(layer.inputs[i]);
                    step.problem =
                        QCoreApplication::translate("naqsh::Exec", "its input %1 did not run")
                            .arg(p ? p->name : QStringLiteral("?"));
                    break;
                }
                step.inputs.append({producer, inputPort(layer, i)});
            }
        }
        if (step.kernel && step.problem.isEmpty()) {
            exec::KernelSetup setup;
            setup.params = {&layer, type};
            for (const auto &[producer, port] : step.inputs)
                setup.inputs.append(m_steps[producer].outputs.value(port).shape);
            setup.outputs = outputShapes(*r);
            setup.rng = &rng;
            step.problem = step.kernel->prepare(setup, step.prepared);
            if (step.problem.isEmpty()) {
                for (const TensorShape &s : setup.outputs)
                    step.outputs.append(Tensor::zeros(s));
            }
        }
        m_stepOf.insert(id, int(m_steps.size()));
        m_steps.append(std::move(step));
    }
    m_prepared = true;
    return std::any_of(m_steps.begin(), m_steps.end(),
                       [](const Step &s) { return s.kernel && s.problem.isEmpty(); });
}

double Executor::runStep(int i)
{
    Step &s = m_steps[i];
    if (!s.kernel || !s.problem.isEmpty())
        return 0;
    QVarLengthArray<const Tensor *, 8> ins;
    for (const auto &[producer, port] : s.inputs)
        ins.append(&m_steps[producer].outputs[port]);
    const exec::CancelFlag cancel{&m_cancel};
    QElapsedTimer timer;
    timer.start();
    s.kernel->run(s.prepared, std::span<const Tensor *const>(ins.data(), size_t(ins.size())),
                  std::span<Tensor>(s.outputs.data(), size_t(s.outputs.size())), cancel);
    return double(timer.nsecsElapsed()) / 1e6;
}

void Executor::flushCaches()
{
    // Larger than any last-level cache of a desktop CPU: after this, a layer's inputs and
    // weights come from memory, as they would in a network too large for the cache.
    if (m_flushBuffer.empty())
        m_flushBuffer.assign(size_t(64) << 20, 1);
    char sum = 0;
    for (size_t i = 0; i < m_flushBuffer.size(); i += 64) {
        m_flushBuffer[i] = char(m_flushBuffer[i] + 1);
        sum = char(sum + m_flushBuffer[i]);
    }
    m_flushBuffer[0] = sum;
}

bool Executor::runOnce()
{
    if (!m_prepared)
        prepare();
    Eigen::setNbThreads(std::max(m_options.threads, 1));
    for (int i = 0; i < m_steps.size(); ++i) {
        if (m_cancel.load())
            return false;
        runStep(i);
    }
    return !m_cancel.load();
}

ExecReport Executor::measure(const ExecProgress &progress)
{
    ExecReport report;
    report.threads = std::max(m_options.threads, 1);
    report.repeat = std::max(m_options.repeat, 1);
    report.warmup = std::max(m_options.warmup, 0);
    report.seed = m_options.seed;
    if (!m_prepared)
        prepare();
    Eigen::setNbThreads(report.threads);

    const int runs = report.warmup + report.repeat;
    const int total = runs * int(m_steps.size());
    QVector<QVector<double>> times(m_steps.size());
    int done = 0;
    for (int run = 0; run < runs && !m_cancel.load(); ++run) {
        for (int i = 0; i < m_steps.size(); ++i) {
            if (m_cancel.load())
                break;
            if (m_options.flushCaches)
                flushCaches();
            const double ms = runStep(i);
            if (run >= report.warmup)
                times[i].append(ms);
            ++done;
            if (progress)
                progress(done, total);
        }
    }
    report.cancelled = m_cancel.load();

    QSet<QString> unsupported;
    QVector<double> totalPerRun(report.repeat, 0.0);
    for (int i = 0; i < m_steps.size(); ++i) {
        const Step &s = m_steps[i];
        const Layer &layer = m_graph.layerAt(s.slot);
        LayerMeasurement m;
        m.id = s.id;
        m.name = layer.name;
        m.type = layer.type;
        m.path = s.isInput ? QStringLiteral("random input") : s.prepared.path;
        m.problem = s.problem;
        m.executed = s.problem.isEmpty() && (s.kernel || s.isInput || s.isSink);
        const LayerResult *r = m_analysis.layer(s.id);
        if (r && r->hasNumbers() && !s.isSink) {
            m.analysed = r->output;
            m.macs = r->costs.macs.overflowed() ? 0 : r->costs.macs.value();
        }
        if (m.executed && !s.isSink) {
            m.produced = s.outputs.value(0).shape;
            const QVector<TensorShape> expected = r ? outputShapes(*r) : QVector<TensorShape>();
            m.shapeMatches = s.outputs.size() == expected.size();
            for (int k = 0; m.shapeMatches && k < expected.size(); ++k)
                m.shapeMatches = s.outputs[k].shape == expected[k] &&
                                 s.outputs[k].size() == expected[k].elements().value();
            if (!m.shapeMatches)
                ++report.shapeMismatches;
        } else if (s.isSink) {
            m.shapeMatches = true;
        }
        if (!m.executed) {
            ++report.notExecuted;
            if (s.unsupported)
                unsupported.insert(layer.type);
        }
        if (s.kernel && s.problem.isEmpty()) {
            qint64 bytes = 0;
            for (const auto &[producer, port] : s.inputs)
                bytes += m_steps[producer].outputs[port].size();
            for (const NamedTensor &w : s.prepared.weights)
                bytes += w.tensor.size();
            for (const Tensor &o : s.outputs)
                bytes += o.size();
            m.bytes = bytes * qint64(sizeof(float));
        }
        m.timesMs = times[i];
        if (!m.timesMs.isEmpty()) {
            const QVector<double> sortedTimes = sorted(m.timesMs);
            m.medianMs = quantile(sortedTimes, 0.5);
            m.minMs = sortedTimes.first();
            m.maxMs = sortedTimes.last();
            m.iqrMs = quantile(sortedTimes, 0.75) - quantile(sortedTimes, 0.25);
            for (int run = 0; run < m.timesMs.size() && run < totalPerRun.size(); ++run)
                totalPerRun[run] += m.timesMs[run];
        }
        report.totalMacs += m.macs;
        report.layers.append(m);
    }
    report.unsupportedTypes = QStringList(unsupported.begin(), unsupported.end());
    report.unsupportedTypes.sort();
    report.totalMedianMs = median(totalPerRun);

    // Paths: each comparison variant made of this graph's layers, then the whole graph.
    auto pathOf = [&](const QString &name, const QVector<LayerId> &ids) {
        PathMeasurement p;
        p.name = name;
        p.layers = ids;
        QVector<double> perRun(report.repeat, 0.0);
        for (LayerId id : ids) {
            const int i = m_stepOf.value(id, -1);
            if (i < 0)
                continue;
            p.macs += report.layers[i].macs;
            for (int run = 0; run < times[i].size() && run < perRun.size(); ++run)
                perRun[run] += times[i][run];
        }
        p.medianMs = median(perRun);
        p.iqrMs = interquartileRange(perRun);
        return p;
    };
    for (const Variant &v : m_graph.variants) {
        if (v.kind == Variant::Kind::Document)
            continue;
        const VariantSummary sum = summarizeVariant(m_graph, m_analysis, v);
        if (sum.error.isEmpty() && !sum.layers.isEmpty())
            report.paths.append(pathOf(v.name, sum.layers));
    }
    report.paths.append(pathOf(QStringLiteral("whole graph"), m_analysis.order));
    return report;
}

const Tensor *Executor::output(LayerId id, int port) const
{
    const int i = m_stepOf.value(id, -1);
    if (i < 0 || port < 0 || port >= m_steps[i].outputs.size())
        return nullptr;
    return &m_steps[i].outputs[port];
}

QVector<NamedTensor> Executor::weights(LayerId id) const
{
    const int i = m_stepOf.value(id, -1);
    return i < 0 ? QVector<NamedTensor>() : m_steps[i].prepared.weights;
}

QString Executor::problem(LayerId id) const
{
    const int i = m_stepOf.value(id, -1);
    return i < 0 ? QCoreApplication::translate("naqsh::Exec", "not run: it is on a cycle")
                 : m_steps[i].problem;
}

} // namespace naqsh
