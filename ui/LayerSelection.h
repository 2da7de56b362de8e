#pragma once

#include "graph/LayerId.h"

#include <QObject>
#include <QVector>

namespace naqsh {

/// The selected layers, shared by the canvas, the cost table and the inspector so that
/// selecting in one selects in the others. setSelection is a no-op when nothing changes, which
/// breaks feedback loops between the views.
class LayerSelection : public QObject
{
    Q_OBJECT
public:
    explicit LayerSelection(QObject *parent = nullptr)
        : QObject(parent)
    {
    }

    const QVector<LayerId> &layers() const { return m_layers; }
    LayerId current() const { return m_layers.isEmpty() ? LayerId() : m_layers.first(); }
    bool contains(LayerId id) const { return m_layers.contains(id); }

    void setSelection(const QVector<LayerId> &layers)
    {
        if (layers == m_layers)
            return;
        m_layers = layers;
        emit selectionChanged();
    }
    void clear() { setSelection({}); }

signals:
    void selectionChanged();

private:
    QVector<LayerId> m_layers;
};

} // namespace naqsh
