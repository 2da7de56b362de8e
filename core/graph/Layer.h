#pragma once

#include "LayerId.h"
#include "ParamValues.h"

#include <QPointF>
#include <QString>
#include <QVector>

namespace naqsh {

/// One layer of a graph: plain data. @c inputs are the producers feeding its input slots, in
/// order; @c consumers is derived (kept in sync by Graph) and lists each consuming connection's
/// target once per connection, in the order the connections were made.
struct Layer
{
    LayerId id;
    QString type; ///< stable type id from the registry, e.g. "conv2d"
    QString name; ///< unique-ish display name chosen by the user
    ParamValues params;
    QPointF position; ///< scene position of the node's top-left corner
    QVector<LayerId> inputs;
    /// For each input slot, which output of its producer feeds it (0 unless the producer has
    /// several outputs). Same length as @c inputs.
    QVector<int> inputPorts;
    QVector<LayerId> consumers;
    /// The same edges as dense slot indexes into the owning Graph (derived; kept in sync by
    /// Graph, renumbered when a layer is removed). Lets the analysis walk without hashing.
    QVector<int> inputSlots;
    QVector<int> consumerSlots;
};

} // namespace naqsh
