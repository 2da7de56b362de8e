#pragma once

#include "graph/LayerId.h"

#include <QVariantMap>
#include <QVector>

namespace naqsh {

class Document;
struct LayerType;

/// The order the inspector shows @p type's parameters in (indexes from @p shown): what a
/// student sets first comes first — kernel, filters (features, an input's channels and size),
/// stride, padding mode and bias — then the rest in the type's own order, so that a convolution's
/// essentials are visible without scrolling.
QVector<int> inspectorOrder(const LayerType &type, const QVector<int> &shown);

/// The parameters of @p layers that follow from others (derivedParams: Conv2d's paddings
/// under "same"): key -> the value the rules use, invalid when it is not known or the layers
/// disagree.
QVariantMap selectionDerivedParams(const Document &document, const QVector<LayerId> &layers);

} // namespace naqsh
