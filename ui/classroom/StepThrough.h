#pragma once

#include "analysis/Costs.h"
#include "analysis/TensorShape.h"
#include "graph/LayerId.h"

#include <QObject>
#include <QVector>

namespace naqsh {

class Document;
class LayerSelection;

/// Reveals the graph layer by layer in data-flow order, for teaching: each step selects (and so
/// highlights) one layer, describes its shape change, and adds its cost to a running total.
/// Driven with the arrow keys by the main window.
class StepThrough : public QObject
{
    Q_OBJECT
public:
    struct Step
    {
        int index = -1; ///< 0-based position in the order
        int count = 0;
        LayerId layer;
        QVector<TensorShape> inputs;
        TensorShape output;
        bool hasNumbers = false;
        Costs costs;               ///< this layer's costs
        Costs running;             ///< the sum up to and including this layer
        QVector<LayerId> revealed; ///< layers shown so far, in order
    };

    StepThrough(Document *doc, LayerSelection *selection, QObject *parent = nullptr);

    bool isActive() const { return m_active; }
    const Step &step() const { return m_step; }

public slots:
    void start();
    void stop();
    void next();
    void previous();

signals:
    void activeChanged(bool active);
    void stepChanged();

private:
    void go(int index);

    Document *m_doc;
    LayerSelection *m_selection;
    bool m_active = false;
    Step m_step;
};

} // namespace naqsh
