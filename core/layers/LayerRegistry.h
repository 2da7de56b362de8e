#pragma once

#include "LayerType.h"

#include <QHash>
#include <QVector>

namespace naqsh {

/// The layer types Naqsh knows, by stable id. Everything else (palette, inspector, files, tables,
/// analysis) reads types from here; nothing outside core/layers switches on a type id.
class LayerRegistry
{
public:
    /// Adds @p type. Refuses (returns false) an empty or duplicate id.
    bool add(LayerType type);
    const LayerType *find(QStringView id) const;
    const LayerType *find(const QString &id) const;
    const LayerType *find(const char16_t *id) const { return find(QStringView(id)); }
    /// Types in registration order.
    const QVector<LayerType> &types() const { return m_types; }
    /// Distinct categories in registration order (untranslated literals).
    QVector<const char *> categories() const;

    /// The registry with every built-in type, built on first use.
    static const LayerRegistry &builtin();

private:
    QVector<LayerType> m_types;
    QHash<QString, int> m_index;
};

/// Registers every built-in layer family, in palette order. The one list of families.
void registerBuiltinLayers(LayerRegistry &registry);

} // namespace naqsh
