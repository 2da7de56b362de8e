#pragma once

// A generated network for canvas tests and benchmarks, laid out like the designer would.
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"
#include "layout/LayeredLayout.h"

#include <QSizeF>

namespace naqsh::test {

/// @p count layers: an input, then repeating blocks (conv/bn/relu; a residual-style block of
/// 3×3 and 1×1 convolutions joined by Add; conv/bn/relu; an Inception-style block of four
/// branches joined by Concat), ReLUs to fill up, and an output; laid out top-down with nodes of
/// @p nodeSize. Every layer has numbers.
inline Graph generatedGraph(int count, QSizeF nodeSize)
{
    GraphModel m(LayerRegistry::builtin());
    auto conv = [&m](LayerId in, int k) {
        const LayerId id = m.addLayer(QStringLiteral("conv2d"));
        m.setParam(id, QStringLiteral("out_channels"), 64);
        m.setParam(id, QStringLiteral("kernel_h"), k);
        m.setParam(id, QStringLiteral("kernel_w"), k);
        m.setParam(id, QStringLiteral("padding"), QStringLiteral("same"));
        m.connectLayers(in, id);
        return id;
    };
    auto chain = [&m](LayerId in, const char *type) {
        const LayerId id = m.addLayer(QString::fromLatin1(type));
        m.connectLayers(in, id);
        return id;
    };
    LayerId prev = m.addLayer(QStringLiteral("input"));
    m.setParam(prev, QStringLiteral("channels"), 64);
    m.setParam(prev, QStringLiteral("height"), 56);
    m.setParam(prev, QStringLiteral("width"), 56);
    auto pool = [&m](LayerId in) {
        const LayerId id = m.addLayer(QStringLiteral("maxpool2d"));
        for (const char *key : {"kernel_h", "kernel_w"})
            m.setParam(id, QString::fromLatin1(key), 3);
        for (const char *key : {"stride_h", "stride_w", "pad_h", "pad_w"})
            m.setParam(id, QString::fromLatin1(key), 1);
        m.connectLayers(in, id);
        return id;
    };
    for (int block = 0; m.graph().size() + 9 < count; ++block) {
        if (block % 4 == 3) {
            const LayerId concat = m.addLayer(QStringLiteral("concat"));
            m.connectLayers(conv(prev, 1), concat);
            m.connectLayers(conv(conv(prev, 1), 3), concat);
            m.connectLayers(conv(conv(prev, 1), 5), concat);
            m.connectLayers(conv(pool(prev), 1), concat);
            prev = concat;
        } else if (block % 4 == 1) {
            const LayerId a = conv(prev, 3);
            const LayerId b = conv(prev, 1);
            const LayerId add = m.addLayer(QStringLiteral("add"));
            m.connectLayers(a, add);
            m.connectLayers(b, add);
            prev = add;
        } else {
            prev = chain(chain(conv(prev, 3), "batchnorm2d"), "relu");
        }
    }
    while (m.graph().size() < count - 1)
        prev = chain(prev, "relu");
    chain(prev, "output");

    const Graph &g = m.graph();
    const QVector<QSizeF> sizes(g.size(), nodeSize);
    QVector<QPair<int, int>> edges;
    for (const Connection &c : g.connections())
        edges.append({g.slotOf(c.from), g.slotOf(c.to)});
    LayoutOptions options;
    options.layerSpacing = 70;
    const QVector<QPointF> pos = layeredLayout(sizes, edges, options);
    for (int i = 0; i < g.size(); ++i)
        m.moveLayer(g.layerAt(i).id, pos[i]);
    return m.graph();
}

} // namespace naqsh::test
