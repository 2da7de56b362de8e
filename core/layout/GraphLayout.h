#pragma once

#include "LayeredLayout.h"

#include <QSizeF>

namespace naqsh {

class Graph;

/// Size every node is given when a whole graph is laid out (the canvas's default node size).
inline constexpr QSizeF kLayoutNodeSize{200.0, 90.0};

/**
 * Places every layer of @p graph with a layered layout: inputs first, each layer after the
 * layers feeding it, along @p direction. Only positions change. Used for imported models and by
 * "Tidy layout" / `naqsh-cli layout`. Deterministic: the same graph always gets the same places.
 */
void layoutGraph(Graph &graph, LayoutDirection direction = LayoutDirection::TopDown);

} // namespace naqsh
