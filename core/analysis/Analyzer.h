#pragma once

#include "AnalysisEngine.h"

#include <QObject>
#include <QTimer>

namespace naqsh {

class GraphModel;

/// Keeps an AnalysisResult in step with a GraphModel. Model signals only mark work; a
/// zero-delay timer coalesces a burst of edits into one update, which recomputes only what lies
/// downstream of a change and stops where an output shape did not change. Call flush() to apply
/// pending work at once (tests, the CLI, before reading the result after an edit).
class Analyzer : public QObject
{
    Q_OBJECT
public:
    explicit Analyzer(GraphModel *model, QObject *parent = nullptr);

    const AnalysisResult &result() const { return m_engine.result(); }
    const RuleContext &context() const { return m_engine.context(); }
    void setContext(const RuleContext &context);

    /// Applies pending work now. Emits analysisUpdated if anything changed.
    void flush();
    /// Discards everything and analyses the whole graph again (e.g. after a language change,
    /// since messages are translated when made).
    void reanalyze();

signals:
    /// The result changed for @p changed (layer ids). Fires once per coalesced burst.
    void analysisUpdated(const QVector<naqsh::LayerId> &changed);

private:
    void schedule();

    GraphModel *m_model;
    AnalysisEngine m_engine;
    QTimer m_timer;
    bool m_fullPending = true;
};

} // namespace naqsh
