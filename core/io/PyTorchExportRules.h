#pragma once

// Private to core/io/PyTorchExport*.cpp: what a code-generation rule sees of one layer.
#include "analysis/TensorShape.h"
#include "graph/Layer.h"
#include "layers/LayerType.h"

#include <QLocale>
#include <QStringList>

namespace naqsh {

/// Parameter access by key, so that this file does not depend on the families' private enums.
struct LayerView
{
    const Layer &layer;
    const LayerType &type;

    QVariant value(const char *key) const
    {
        const int i = type.paramIndex(QString::fromLatin1(key));
        return i >= 0 && i < layer.params.size() ? layer.params.value(i) : QVariant();
    }
    qint64 integer(const char *key, qint64 fallback = 0) const
    {
        const QVariant v = value(key);
        return v.isValid() ? v.toLongLong() : fallback;
    }
    double real(const char *key, double fallback = 0) const
    {
        const QVariant v = value(key);
        return v.isValid() ? v.toDouble() : fallback;
    }
    bool flag(const char *key, bool fallback = false) const
    {
        const QVariant v = value(key);
        return v.isValid() ? v.toBool() : fallback;
    }
    /// The saved key of a choice parameter ("same", "bilinear").
    QString choice(const char *key) const
    {
        const int i = type.paramIndex(QString::fromLatin1(key));
        if (i < 0 || i >= layer.params.size())
            return {};
        return type.params[i].choices.value(layer.params.choice(i));
    }
};

struct ModuleContext
{
    LayerView view;
    QVector<TensorShape> inputs;
    TensorShape output;
    QString self; ///< the layer's Python name: an expression's parameter is self.<name>
};

/// A Python float literal ("1.0", "1e-10").
inline QString pyFloat(double v)
{
    QString s = QString::number(v, 'g', QLocale::FloatingPointShortest);
    if (!s.contains(QLatin1Char('.')) && !s.contains(QLatin1Char('e')))
        s += QStringLiteral(".0");
    return s;
}

/// A forward() expression for a layer that is a tensor operation rather than a module
/// (reshape, permute, slice, reductions, element-wise arithmetic): given the Python names of the
/// inputs, e.g. "x.permute(0, 2, 3, 1)". Empty if @p typeId is not such a type.
QString pyTorchExpression(const ModuleContext &context, const QStringList &inputs);
/// For an expression that uses a learned tensor (SSD's Normalize scale): the right-hand side of
/// `self.<context.self> = ...` in __init__; empty for the others.
QString pyTorchExpressionParameter(const ModuleContext &context);
/// True if @p typeId is exported as an expression by pyTorchExpression.
bool hasPyTorchExpression(const QString &typeId);

/// A composite block as a PyTorch module: the constructor (assigned to self.<name>), the call
/// in forward() ("%1" is self.<name>, "%2" the input) and whether it needs torchvision.
struct ComposedModule
{
    QString module;
    QString call;
    bool torchvision = false;
};
/// The module for composite block types (squeeze-and-excitation, attention, patches); an empty
/// module for other types.
ComposedModule pyTorchComposite(const ModuleContext &context);

} // namespace naqsh
