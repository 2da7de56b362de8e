#pragma once

#include "analysis/TensorShape.h"
#include "graph/ParamValues.h"

#include <QVariantMap>
#include <span>

namespace naqsh {

struct LayerType;

/// Parameters of a @p type layer whose values follow from others and the inputs (Conv2d's four
/// paddings under "same" or "valid"): key -> the value the shape and cost rules use, or an
/// invalid QVariant while it cannot be known yet (no input). Keys not in the map are the
/// user's to set; empty for types without such parameters.
QVariantMap derivedParams(const LayerType &type, const ParamValues &params,
                          std::span<const TensorShape> inputs);

} // namespace naqsh
