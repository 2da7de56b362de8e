#include "LayerRegistry.h"

#include "BuiltinLayers.h"
#include "analysis/CheckedInt.h"

#include <QCoreApplication>

namespace naqsh {

QString layerTr(const char *text)
{
    return QCoreApplication::translate(kLayerContext, text);
}

int LayerType::paramIndex(QStringView key) const
{
    for (int i = 0; i < params.size(); ++i)
        if (params[i].key == key)
            return i;
    return -1;
}

ParamValues LayerType::defaultParams() const
{
    QVector<QVariant> values;
    values.reserve(params.size());
    for (const ParamSpec &p : params)
        values.append(p.defaultValue);
    return ParamValues(values);
}

QString LayerType::translatedName() const
{
    return layerTr(displayName);
}
QString LayerType::translatedShortName() const
{
    return layerTr(shortName);
}
QString LayerType::translatedCategory() const
{
    return layerTr(category);
}
QString LayerType::translatedHelp() const
{
    return layerTr(help);
}

QVariant validateParam(const ParamSpec &spec, const QVariant &value, QString *why)
{
    const QString label = layerTr(spec.label);
    auto fail = [&](const QString &message) {
        if (why)
            *why = message;
        return QVariant();
    };
    switch (spec.kind) {
    case ParamKind::Int: {
        bool ok = false;
        const double d = value.toDouble(&ok);
        if (!ok || value.typeId() == QMetaType::Bool || !isWholeInt64(d))
            return fail(QCoreApplication::translate("naqsh::layers", "%1 must be a whole number")
                            .arg(label));
        if (d < spec.minimum || d > spec.maximum)
            return fail(
                QCoreApplication::translate("naqsh::layers", "%1 must be between %2 and %3, not %4")
                    .arg(label)
                    .arg(qint64(spec.minimum))
                    .arg(qint64(spec.maximum))
                    .arg(qint64(d)));
        return QVariant(qint64(d));
    }
    case ParamKind::Real: {
        bool ok = false;
        const double d = value.toDouble(&ok);
        if (!ok || value.typeId() == QMetaType::Bool || !std::isfinite(d))
            return fail(
                QCoreApplication::translate("naqsh::layers", "%1 must be a number").arg(label));
        if (d < spec.minimum || d > spec.maximum)
            return fail(
                QCoreApplication::translate("naqsh::layers", "%1 must be between %2 and %3, not %4")
                    .arg(label)
                    .arg(spec.minimum)
                    .arg(spec.maximum)
                    .arg(d));
        return QVariant(d);
    }
    case ParamKind::Bool:
        if (value.typeId() != QMetaType::Bool)
            return fail(QCoreApplication::translate("naqsh::layers", "%1 must be true or false")
                            .arg(label));
        return value;
    case ParamKind::Choice: {
        if (value.typeId() == QMetaType::QString) {
            const int i = int(spec.choices.indexOf(value.toString()));
            if (i < 0)
                return fail(
                    QCoreApplication::translate("naqsh::layers", "%1 must be one of %2, not \"%3\"")
                        .arg(label, spec.choices.join(QStringLiteral(", ")), value.toString()));
            return QVariant(i);
        }
        bool ok = false;
        const int i = value.toInt(&ok);
        if (!ok || i < 0 || i >= spec.choices.size())
            return fail(QCoreApplication::translate("naqsh::layers", "%1 must be one of %2")
                            .arg(label, spec.choices.join(QStringLiteral(", "))));
        return QVariant(i);
    }
    case ParamKind::Text: {
        if (value.typeId() != QMetaType::QString)
            return fail(QCoreApplication::translate("naqsh::layers", "%1 must be text").arg(label));
        constexpr int kMaxText = 200;
        if (value.toString().size() > kMaxText)
            return fail(QCoreApplication::translate("naqsh::layers",
                                                    "%1 must be at most %2 characters long")
                            .arg(label)
                            .arg(kMaxText));
        return value;
    }
    }
    return {};
}

bool LayerRegistry::add(LayerType type)
{
    if (type.id.isEmpty() || m_index.contains(type.id))
        return false;
    m_index.insert(type.id, int(m_types.size()));
    m_types.append(std::move(type));
    return true;
}

const LayerType *LayerRegistry::find(QStringView id) const
{
    return find(id.toString());
}

const LayerType *LayerRegistry::find(const QString &id) const
{
    auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_types[it.value()];
}

QVector<const char *> LayerRegistry::categories() const
{
    QVector<const char *> result;
    for (const LayerType &t : m_types) {
        bool seen = false;
        for (const char *c : result)
            seen = seen || qstrcmp(c, t.category) == 0;
        if (!seen)
            result.append(t.category);
    }
    return result;
}

const LayerRegistry &LayerRegistry::builtin()
{
    static const LayerRegistry registry = [] {
        LayerRegistry r;
        registerBuiltinLayers(r);
        return r;
    }();
    return registry;
}

void registerBuiltinLayers(LayerRegistry &registry)
{
    registerIoLayers(registry);
    registerConvLayers(registry);
    registerConvNdLayers(registry);
    registerPoolingLayers(registry);
    registerNormalizationLayers(registry);
    registerActivationLayers(registry);
    registerLinearLayers(registry);
    registerMergeLayers(registry);
    registerElementwiseLayers(registry);
    registerShapeLayers(registry);
    registerTensorLayers(registry);
    registerReduceLayers(registry);
    registerSplitLayers(registry);
    registerDetectionLayers(registry);
    registerCompositeLayers(registry);
    registerTokenLayers(registry);
    registerImportedLayers(registry);
}

} // namespace naqsh
