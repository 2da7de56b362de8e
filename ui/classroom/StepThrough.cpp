#include "StepThrough.h"

#include "Document.h"
#include "LayerSelection.h"
#include "analysis/Analyzer.h"
#include "graph/GraphModel.h"

namespace naqsh {

StepThrough::StepThrough(Document *doc, LayerSelection *selection, QObject *parent)
    : QObject(parent)
    , m_doc(doc)
    , m_selection(selection)
{
    // An edit while stepping keeps the current position but refreshes the numbers.
    connect(doc->analyzer(), &Analyzer::analysisUpdated, this, [this] {
        if (m_active)
            go(std::min(m_step.index, int(m_doc->analyzer()->result().order.size()) - 1));
    });
}

void StepThrough::start()
{
    m_doc->analyzer()->flush();
    if (m_doc->analyzer()->result().order.isEmpty())
        return;
    m_active = true;
    emit activeChanged(true);
    go(0);
}

void StepThrough::stop()
{
    if (!m_active)
        return;
    m_active = false;
    m_step = Step();
    emit activeChanged(false);
    emit stepChanged();
}

void StepThrough::next()
{
    if (m_active && m_step.index + 1 < m_step.count)
        go(m_step.index + 1);
}

void StepThrough::previous()
{
    if (m_active && m_step.index > 0)
        go(m_step.index - 1);
}

void StepThrough::go(int index)
{
    const AnalysisResult &r = m_doc->analyzer()->result();
    const Graph &g = m_doc->model()->graph();
    if (index < 0 || r.order.isEmpty()) {
        stop();
        return;
    }
    Step s;
    s.index = index;
    s.count = int(r.order.size());
    s.layer = r.order[index];
    for (int i = 0; i <= index; ++i) {
        const LayerId id = r.order[i];
        s.revealed.append(id);
        const LayerResult *lr = r.layer(id);
        if (lr && lr->hasNumbers())
            s.running += lr->costs;
    }
    const LayerResult *lr = r.layer(s.layer);
    s.inputs = r.inputShapes(g, s.layer);
    s.hasNumbers = lr && lr->hasNumbers();
    if (s.hasNumbers) {
        s.output = lr->output;
        s.costs = lr->costs;
    }
    m_step = s;
    m_selection->setSelection({s.layer});
    emit stepChanged();
}

} // namespace naqsh
