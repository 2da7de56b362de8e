#pragma once

#include "LayerId.h"

#include <QString>
#include <QVector>

namespace naqsh {

/// A named part of a model to compare with another: the layers on the paths from one layer to
/// another (both included; a branch is picked by its first and last layer), an explicit set of
/// layers, or the whole graph of another document.
struct Variant
{
    enum class Kind { Path, Layers, Document };
    QString name;
    Kind kind = Kind::Path;
    LayerId from;            ///< Path: first layer (included)
    LayerId to;              ///< Path: last layer (included)
    QVector<LayerId> layers; ///< Layers: the chosen layers
    QString documentPath;    ///< Document: path of the other .naqsh file
    bool operator==(const Variant &) const = default;
};

} // namespace naqsh
