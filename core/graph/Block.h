#pragma once

#include "LayerId.h"

#include <QString>
#include <QVector>

namespace naqsh {

/// Stable identifier of a block (a named group of layers) inside one document. Saved in files;
/// a separate number space from layer ids. The default-constructed id is invalid (top level).
struct BlockId
{
    quint64 value = 0;

    constexpr BlockId() = default;
    constexpr explicit BlockId(quint64 v)
        : value(v)
    {
    }
    constexpr bool isValid() const { return value != 0; }
    constexpr auto operator<=>(const BlockId &) const = default;
};

inline size_t qHash(BlockId id, size_t seed = 0) noexcept
{
    return ::qHash(id.value, seed);
}

/// A named block over layers ("reduce path", "stage 3"): plain data. Blocks nest and form a
/// tree through @c parent; a layer is in at most one innermost block, listed in that block's
/// @c layers (its direct layers). The layers of a block are its direct layers and those of every
/// block below it. @c collapsed says whether the designer draws it as one node.
struct Block
{
    BlockId id;
    QString name;
    BlockId parent; ///< the enclosing block, or invalid at the top level
    QVector<LayerId> layers;
    bool collapsed = false;
    bool operator==(const Block &) const = default;
};

} // namespace naqsh

Q_DECLARE_METATYPE(naqsh::BlockId)
