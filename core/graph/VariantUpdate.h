#pragma once

#include "Variant.h"

#include <QSet>

namespace naqsh {

/// The comparisons that stay meaningful once the @p removed layers are gone: a path that starts
/// or ends at a removed layer is dropped (its branch no longer exists), a set of layers loses the
/// removed ones and is dropped when none remain, another document is kept. Removing layers
/// applies this in the same undoable command, so that a saved document always reopens.
inline QVector<Variant> variantsWithout(const QVector<Variant> &variants,
                                        const QSet<LayerId> &removed)
{
    QVector<Variant> kept;
    for (Variant v : variants) {
        switch (v.kind) {
        case Variant::Kind::Path:
            if (removed.contains(v.from) || removed.contains(v.to))
                continue;
            break;
        case Variant::Kind::Layers:
            v.layers.removeIf([&](LayerId id) { return removed.contains(id); });
            if (v.layers.isEmpty())
                continue;
            break;
        case Variant::Kind::Document:
            break;
        }
        kept.append(v);
    }
    return kept;
}

} // namespace naqsh
