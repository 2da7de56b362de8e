#include "OnnxFusion.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>

namespace naqsh {

namespace {

class Matcher
{
public:
    explicit Matcher(const OnnxModel &model)
        : m_model(model)
    {
        for (int i = 0; i < model.nodes.size(); ++i) {
            const OnnxNode &n = model.nodes[i];
            for (const QString &in : n.inputs) {
                if (!in.isEmpty())
                    m_consumers[in].append(i);
            }
            for (const QString &out : n.outputs) {
                if (!out.isEmpty() && !m_producer.contains(out))
                    m_producer.insert(out, i);
            }
        }
        for (const OnnxTensorInfo &out : model.outputs)
            m_graphOutputs.insert(out.name);
    }

    QVector<OnnxFusion> run()
    {
        QVector<OnnxFusion> found;
        QSet<int> taken;
        for (int i = 0; i < m_model.nodes.size(); ++i) {
            const OnnxNode &n = m_model.nodes[i];
            if (!n.isStandardDomain())
                continue;
            std::optional<OnnxFusion> f;
            if (n.opType == u"ReduceMean")
                f = layerNorm(i);
            else if (n.opType == u"Erf")
                f = gelu(i);
            if (!f || std::any_of(f->nodes.cbegin(), f->nodes.cend(),
                                  [&](int k) { return taken.contains(k); }))
                continue;
            for (int k : std::as_const(f->nodes))
                taken.insert(k);
            found << *f;
        }
        return found;
    }

private:
    const OnnxNode &node(int i) const { return m_model.nodes[i]; }

    /// The only node reading @p tensor, when exactly one does and it is not a graph output.
    int soleConsumer(const QString &tensor, const char16_t *op) const
    {
        const QVector<int> users = m_consumers.value(tensor);
        if (users.size() != 1 || m_graphOutputs.contains(tensor))
            return -1;
        const OnnxNode &n = node(users[0]);
        return n.isStandardDomain() && n.opType == op && n.outputs.size() >= 1 ? users[0] : -1;
    }

    bool isConstant(const QString &tensor) const
    {
        if (m_model.initializers.contains(tensor))
            return true;
        const int p = m_producer.value(tensor, -1);
        return p >= 0 && node(p).opType == u"Constant";
    }

    /// Dims and values of a constant tensor (initializer or Constant node), if it is one.
    std::optional<OnnxTensorInfo> constant(const QString &tensor) const
    {
        if (auto it = m_model.initializers.constFind(tensor); it != m_model.initializers.cend())
            return it.value();
        const int p = m_producer.value(tensor, -1);
        if (p < 0 || node(p).opType != u"Constant")
            return std::nullopt;
        const OnnxNode &c = node(p);
        if (const OnnxAttribute *a = c.attribute(u"value");
            a && a->kind == OnnxAttribute::Kind::Tensor)
            return a->tensor;
        if (const OnnxAttribute *f = c.attribute(u"value_float")) {
            OnnxTensorInfo t;
            t.rankKnown = true;
            t.elemType = 1;
            t.hasValues = true;
            t.floats = {f->f};
            return t;
        }
        return std::nullopt;
    }

    /// The one value of a constant scalar (or one-element tensor).
    std::optional<double> scalar(const QString &tensor) const
    {
        const std::optional<OnnxTensorInfo> t = constant(tensor);
        if (!t || !t->hasValues || t->elementCount() != 1)
            return std::nullopt;
        if (!t->floats.isEmpty())
            return t->floats[0];
        if (!t->ints.isEmpty())
            return double(t->ints[0]);
        return std::nullopt;
    }

    /// For a two-input node with @p known as one input: the other one.
    static QString other(const OnnxNode &n, const QString &known)
    {
        if (n.inputs.size() != 2)
            return {};
        if (n.inputs[0] == known)
            return n.inputs[1];
        if (n.inputs[1] == known)
            return n.inputs[0];
        return {};
    }

    static bool near(std::optional<double> v, double target)
    {
        return v && std::fabs(*v - target) <= 1e-4 * std::max(1.0, std::fabs(target));
    }

    std::optional<QVector<qint64>> reduceAxes(const OnnxNode &n) const
    {
        if (n.attrInt(u"keepdims", 1) == 0)
            return std::nullopt;
        if (n.inputs.size() > 1 && !n.inputs[1].isEmpty()) { // opset 18: axes as an input
            const std::optional<OnnxTensorInfo> a = constant(n.inputs[1]);
            if (!a || !a->hasValues)
                return std::nullopt;
            return a->ints;
        }
        const QVector<qint64> axes = n.attrInts(u"axes");
        return axes.isEmpty() ? std::nullopt : std::optional<QVector<qint64>>(axes);
    }

    std::optional<OnnxFusion> layerNorm(int first) const
    {
        const OnnxNode &mean = node(first);
        const QString x = mean.inputs.value(0);
        const std::optional<QVector<qint64>> axes = reduceAxes(mean);
        auto info = m_model.valueInfo.constFind(x);
        if (!axes || x.isEmpty() || isConstant(x))
            return std::nullopt;
        const bool rankKnown = info != m_model.valueInfo.cend() && info->rankKnown;
        // Shape inference may have stopped before x: the last axis alone needs no rank.
        if (!rankKnown && *axes != QVector<qint64>{-1})
            return std::nullopt;
        // The reduced axes must be the trailing k of the input, leaving the batch alone.
        const qint64 rank = rankKnown ? info->dims.size() : 2;
        QVector<qint64> sorted;
        for (qint64 a : *axes)
            sorted << (a < 0 ? a + rank : a);
        std::sort(sorted.begin(), sorted.end());
        const qint64 k = sorted.size();
        for (qint64 i = 0; i < k; ++i) {
            if (sorted[i] != rank - k + i)
                return std::nullopt;
        }
        if (k < 1 || k >= rank)
            return std::nullopt;

        const int sub = soleConsumer(mean.outputs.value(0), u"Sub");
        if (sub < 0 || node(sub).inputs != QStringList{x, mean.outputs[0]})
            return std::nullopt;
        const QString centred = node(sub).outputs.value(0);
        const QVector<int> users = m_consumers.value(centred);
        if (users.size() != 2 || m_graphOutputs.contains(centred))
            return std::nullopt;
        int pow = -1, div = -1;
        for (int u : users) {
            if (node(u).opType == u"Pow")
                pow = u;
            else if (node(u).opType == u"Div")
                div = u;
        }
        if (pow < 0 || div < 0 || node(pow).inputs.value(0) != centred ||
            !near(scalar(node(pow).inputs.value(1)), 2.0))
            return std::nullopt;
        const int var = soleConsumer(node(pow).outputs.value(0), u"ReduceMean");
        if (var < 0 || reduceAxes(node(var)) != axes)
            return std::nullopt;
        const int addEps = soleConsumer(node(var).outputs.value(0), u"Add");
        if (addEps < 0)
            return std::nullopt;
        const std::optional<double> eps = scalar(other(node(addEps), node(var).outputs.value(0)));
        if (!eps || *eps < 0)
            return std::nullopt;
        const int sqrt = soleConsumer(node(addEps).outputs.value(0), u"Sqrt");
        if (sqrt < 0 || node(div).inputs != QStringList{centred, node(sqrt).outputs.value(0)})
            return std::nullopt;

        OnnxFusion f;
        f.kind = OnnxFusion::Kind::LayerNorm;
        f.nodes = {first, sub, pow, var, addEps, sqrt, div};
        f.input = x;
        f.output = node(div).outputs.value(0);
        f.normalizedDims = k;
        f.eps = *eps;

        // γ and β with one value per normalised element become the layer's own.
        qint64 normalized = rankKnown ? 1 : -1;
        for (qint64 i = rank - k; rankKnown && i < rank; ++i)
            normalized = info->dims[i] >= 1 && normalized <= (qint64(1) << 32)
                             ? normalized * info->dims[i]
                             : -1;
        const int mul = soleConsumer(f.output, u"Mul");
        const int add = mul < 0 ? -1 : soleConsumer(node(mul).outputs.value(0), u"Add");
        if (add >= 0) {
            const std::optional<OnnxTensorInfo> gamma = constant(other(node(mul), f.output));
            const std::optional<OnnxTensorInfo> beta =
                constant(other(node(add), node(mul).outputs.value(0)));
            if (normalized < 0 && gamma && gamma->dims.size() == 1) // one value per feature
                normalized = gamma->elementCount();
            auto fits = [&](const std::optional<OnnxTensorInfo> &t) {
                return t && normalized > 0 && t->elementCount() == normalized &&
                       t->dims.size() <= k;
            };
            if (fits(gamma) && fits(beta)) {
                f.nodes << mul << add;
                f.output = node(add).outputs.value(0);
                f.affine = true;
            }
        }
        return f;
    }

    std::optional<OnnxFusion> gelu(int erf) const
    {
        // x / √2 (or x · 1/√2) → Erf → + 1 → · x → · ½
        const int scale = m_producer.value(node(erf).inputs.value(0), -1);
        if (scale < 0 || m_consumers.value(node(erf).inputs[0]).size() != 1)
            return std::nullopt;
        const OnnxNode &s = node(scale);
        const QString x = s.inputs.value(0);
        if (s.inputs.size() != 2 || x.isEmpty() || isConstant(x))
            return std::nullopt;
        const bool divides = s.opType == u"Div" && near(scalar(s.inputs[1]), std::sqrt(2.0));
        const bool multiplies =
            s.opType == u"Mul" && near(scalar(s.inputs[1]), 1.0 / std::sqrt(2.0));
        if (!divides && !multiplies)
            return std::nullopt;
        const int plus = soleConsumer(node(erf).outputs.value(0), u"Add");
        if (plus < 0 || !near(scalar(other(node(plus), node(erf).outputs[0])), 1.0))
            return std::nullopt;
        const int times = soleConsumer(node(plus).outputs.value(0), u"Mul");
        if (times < 0 || other(node(times), node(plus).outputs[0]) != x)
            return std::nullopt;
        const int half = soleConsumer(node(times).outputs.value(0), u"Mul");
        if (half < 0 || !near(scalar(other(node(half), node(times).outputs[0])), 0.5))
            return std::nullopt;
        OnnxFusion f;
        f.kind = OnnxFusion::Kind::Gelu;
        f.nodes = {scale, erf, plus, times, half};
        f.input = x;
        f.output = node(half).outputs.value(0);
        return f;
    }

    const OnnxModel &m_model;
    QHash<QString, QVector<int>> m_consumers;
    QHash<QString, int> m_producer;
    QSet<QString> m_graphOutputs;
};

} // namespace

QVector<OnnxFusion> findOnnxFusions(const OnnxModel &model)
{
    return Matcher(model).run();
}

} // namespace naqsh
