#pragma once

#include "exec/Executor.h"

#include <QObject>
#include <QPointer>
#include <memory>

class QThread;

namespace naqsh {

class Document;

/// Runs Run › Measure on This Computer for a document on a worker thread, never on the GUI
/// thread: the executor works on copies of the graph and the analysis, reports progress, and
/// can be cancelled. An edit of the network while it runs (Document::networkChanged) cancels
/// the run and throws its numbers away; a finished run is stored with the document
/// (Document::setMeasurement).
class MeasureRunner : public QObject
{
    Q_OBJECT
public:
    explicit MeasureRunner(Document *document, QObject *parent = nullptr);
    /// Cancels a run in progress and waits for its thread.
    ~MeasureRunner() override;

    /// Starts measuring the document as it is now. A run in progress is cancelled first.
    /// Returns false (with @p error) when the graph has nothing that can run.
    bool start(const ExecOptions &options, bool flushCaches = false, QString *error = nullptr);
    /// Stops a run in progress (its numbers are thrown away); stopped() follows.
    void cancel();
    bool isRunning() const { return m_job != nullptr; }
    /// Layer runs finished and planned (warm-ups included) of the run in progress.
    int done() const { return m_done; }
    int total() const { return m_total; }
    /// Blocks until the run in progress has ended and its signals were delivered (tests, quit).
    bool wait(int timeoutMs = 30000);

signals:
    void started();
    /// @p done of @p total layer runs (throttled to a few updates a second).
    void progress(int done, int total);
    /// The run completed and its report is now the document's measurement.
    void finished();
    /// The run ended without a result: @p reason says why (Cancel, or an edit).
    void stopped(const QString &reason);

private:
    struct Job;
    void onJobEnded(const std::shared_ptr<Job> &job);
    void onNetworkChanged();

    QPointer<Document> m_doc;
    std::shared_ptr<Job> m_job;
    int m_done = 0;
    int m_total = 0;
};

} // namespace naqsh
