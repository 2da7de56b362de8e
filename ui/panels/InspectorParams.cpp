#include "InspectorParams.h"

#include "Document.h"
#include "analysis/Analyzer.h"
#include "graph/GraphModel.h"
#include "layers/DerivedParams.h"
#include "layers/LayerRegistry.h"

namespace naqsh {

QVector<int> inspectorOrder(const LayerType &type, const QVector<int> &shown)
{
    static const char *const kFirst[] = {
        "kernel_h", "kernel_w", "kernel",   "out_channels", "out_features", "channels", "height",
        "width",    "stride_h", "stride_w", "stride",       "padding",      "bias"};
    QVector<int> order;
    for (const char *key : kFirst) {
        const int i = type.paramIndex(QString::fromLatin1(key));
        if (i >= 0 && shown.contains(i) && !order.contains(i))
            order.append(i);
    }
    for (int i : shown)
        if (!order.contains(i))
            order.append(i);
    return order;
}

QVariantMap selectionDerivedParams(const Document &document, const QVector<LayerId> &layers)
{
    const Graph &g = document.model()->graph();
    const AnalysisResult &result = document.analyzer()->result();
    QVariantMap derived;
    bool first = true;
    for (LayerId id : layers) {
        if (!g.contains(id))
            continue;
        const Layer *l = g.layer(id);
        const LayerType *type = document.model()->registry().find(l->type);
        QVariantMap mine;
        if (type) {
            const QVector<TensorShape> in = result.inputShapes(g, id);
            mine = derivedParams(*type, l->params,
                                 std::span<const TensorShape>(in.constData(), size_t(in.size())));
        }
        if (first) {
            derived = mine;
            first = false;
            continue;
        }
        // A parameter is derived for the selection only when it is derived for every layer.
        for (auto it = derived.begin(); it != derived.end();) {
            if (!mine.contains(it.key())) {
                it = derived.erase(it);
                continue;
            }
            if (mine.value(it.key()) != it.value())
                it.value() = QVariant();
            ++it;
        }
    }
    return derived;
}

} // namespace naqsh
