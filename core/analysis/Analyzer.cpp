#include "Analyzer.h"

#include "graph/GraphModel.h"

namespace naqsh {

Analyzer::Analyzer(GraphModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_engine(model->registry())
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &Analyzer::flush);

    connect(model, &GraphModel::layerAdded, this, [this](LayerId id) {
        m_engine.markStructureChanged();
        m_engine.markDirty(id);
        schedule();
    });
    connect(model, &GraphModel::layerRemoved, this, [this](LayerId) {
        m_engine.markStructureChanged();
        schedule();
    });
    connect(model, &GraphModel::paramsChanged, this, [this](LayerId id) {
        m_engine.markDirty(id);
        schedule();
    });
    connect(model, &GraphModel::connected, this, [this](const Connection &c) {
        m_engine.markStructureChanged();
        m_engine.markDirty(c.to);
        schedule();
    });
    connect(model, &GraphModel::disconnected, this, [this](const Connection &c) {
        m_engine.markStructureChanged();
        m_engine.markDirty(c.to);
        schedule();
    });
    connect(model, &GraphModel::layerRenamed, this, [this](LayerId id) {
        // Upstream-error messages name this layer; views re-read them.
        m_engine.markDirty(id);
        schedule();
    });
    connect(model, &GraphModel::graphReset, this, [this] {
        m_fullPending = true;
        schedule();
    });
    flush();
}

void Analyzer::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void Analyzer::setContext(const RuleContext &context)
{
    m_engine.setContext(context);
    m_fullPending = true;
    flush();
}

void Analyzer::reanalyze()
{
    m_fullPending = true;
    flush();
}

void Analyzer::flush()
{
    m_timer.stop();
    QVector<LayerId> changed;
    if (m_fullPending) {
        m_fullPending = false;
        changed = m_engine.analyzeAll(m_model->graph());
        emit analysisUpdated(changed);
        return;
    }
    if (!m_engine.hasPendingWork())
        return;
    changed = m_engine.update(m_model->graph());
    emit analysisUpdated(changed);
}

} // namespace naqsh
