#include "ImportBuilder.h"

#include "layers/LayerRegistry.h"

#include <QCoreApplication>

namespace naqsh {

LayerDraft::LayerDraft(const LayerType *type)
    : m_type(type)
    , m_params(type ? type->defaultParams() : ParamValues())
{
}

LayerDraft &LayerDraft::set(QStringView key, const QVariant &value)
{
    if (!m_type)
        return *this;
    const int index = m_type->paramIndex(key);
    if (index < 0) {
        if (m_problem.isEmpty()) {
            m_problem = QCoreApplication::translate("naqsh::Import", "%1 has no parameter \"%2\"")
                            .arg(m_type->id, key.toString());
        }
        return *this;
    }
    QString why;
    const QVariant checked = validateParam(m_type->params[index], value, &why);
    if (!checked.isValid()) {
        if (m_problem.isEmpty())
            m_problem = why;
        return *this;
    }
    m_params.set(index, checked);
    return *this;
}

ImportBuilder::ImportBuilder(const LayerRegistry &registry)
    : m_registry(registry)
{
}

LayerDraft ImportBuilder::draft(const char *typeId) const
{
    return LayerDraft(m_registry.find(QString::fromLatin1(typeId)));
}

QString ImportBuilder::uniqueName(const QString &base) const
{
    const QString stem = base.trimmed().isEmpty() ? QStringLiteral("layer") : base.trimmed();
    if (!m_names.contains(stem))
        return stem;
    for (int k = 2;; ++k) {
        const QString candidate = QStringLiteral("%1_%2").arg(stem).arg(k);
        if (!m_names.contains(candidate))
            return candidate;
    }
}

LayerId ImportBuilder::add(const LayerDraft &draft, const QString &name,
                           const QVector<LayerId> &inputs, const QVector<int> &ports)
{
    Layer layer;
    layer.type = draft.type()->id; // share the registry's string
    layer.name = uniqueName(name);
    layer.params = draft.params();
    m_names.insert(layer.name);
    const LayerId id = m_graph.addLayer(std::move(layer));
    for (int slot = 0; slot < inputs.size(); ++slot)
        m_graph.insertConnection({inputs[slot], id, slot, ports.value(slot)});
    return id;
}

bool ImportBuilder::setParam(LayerId id, QStringView key, const QVariant &value, QString *why)
{
    Layer *layer = m_graph.mutableLayer(id);
    const LayerType *type = layer ? m_registry.find(layer->type) : nullptr;
    const int index = type ? type->paramIndex(key) : -1;
    if (index < 0)
        return false;
    const QVariant checked = validateParam(type->params[index], value, why);
    if (!checked.isValid())
        return false;
    layer->params.set(index, checked);
    return true;
}

} // namespace naqsh
