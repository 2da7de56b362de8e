#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <compare>

namespace naqsh {

/// Stable identifier of a layer inside one document. Saved in files; never reused while the
/// document is open. The default-constructed id is invalid.
struct LayerId
{
    quint64 value = 0;

    constexpr LayerId() = default;
    constexpr explicit LayerId(quint64 v)
        : value(v)
    {
    }
    static constexpr LayerId invalid() { return LayerId(); }
    constexpr bool isValid() const { return value != 0; }
    constexpr auto operator<=>(const LayerId &) const = default;
};

inline size_t qHash(LayerId id, size_t seed = 0) noexcept
{
    return ::qHash(id.value, seed);
}

/// An edge: output @c output of @c from feeds input slot @c slot of @c to. Slots are the ordered
/// inputs of a layer (Concat keeps its inputs in slot order); outputs are numbered from 0, and
/// only layers with several outputs (Split, Chunk) have more than output 0.
struct Connection
{
    LayerId from;
    LayerId to;
    int slot = 0;
    int output = 0;
    bool operator==(const Connection &) const = default;
};

} // namespace naqsh

Q_DECLARE_METATYPE(naqsh::LayerId)
Q_DECLARE_METATYPE(naqsh::Connection)
