#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace naqsh {

class LayerRegistry;

/// A layer typed with its key parameters into the palette's search, the way the canvas and the
/// lesson write them: "input 192x28x28", "conv 5x5 32 same", "conv 1x1 16", "maxpool 3x3 2".
///
/// The first word names the type (its name, short name or id, in English or the UI language;
/// otherwise the first of @p candidates, the palette's matches). Then, in any order:
/// - a pair "5x5" (or 5×5): the first h × w pair in the inspector's order (the kernel);
/// - three numbers "192x28x28": channels × height × width of an Input, as shapes are shown;
/// - one number "32": the first single whole-number parameter in the inspector's order
///   (filters, features, channels);
/// - a word "same": a choice value of one of the parameters (padding mode);
/// - key=value for anything else ("groups=4", "bias=false").
/// Each value is checked like an inspector edit; the first word not understood is reported.
struct QuickAdd
{
    QString typeId;     ///< empty when no type matched
    QVariantMap params; ///< key -> value, already validated
    QString error;      ///< translated; empty when the whole text was understood

    static QuickAdd parse(const LayerRegistry &registry, const QString &text,
                          const QStringList &candidates);
};

} // namespace naqsh
