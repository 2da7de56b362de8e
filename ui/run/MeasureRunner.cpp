#include "MeasureRunner.h"

#include "Document.h"
#include "analysis/Analyzer.h"
#include "graph/GraphModel.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>
#include <atomic>

namespace naqsh {

struct MeasureRunner::Job
{
    std::unique_ptr<Executor> executor;
    QThread *thread = nullptr;
    QString fingerprint; ///< of the network measured
    bool flushCaches = false;
    ExecReport report;
    bool nothingRuns = false;
    QString firstProblem;
    QString stopReason; ///< set on the GUI thread when cancelled
    std::atomic<int> done{0};
    std::atomic<int> total{0};
};

MeasureRunner::MeasureRunner(Document *document, QObject *parent)
    : QObject(parent)
    , m_doc(document)
{
    connect(document, &Document::networkChanged, this, &MeasureRunner::onNetworkChanged);
}

MeasureRunner::~MeasureRunner()
{
    if (m_job) {
        m_job->executor->cancel();
        m_job->thread->wait();
        delete m_job->thread;
    }
}

bool MeasureRunner::start(const ExecOptions &options, bool flushCaches, QString *error)
{
    if (!m_doc)
        return false;
    if (m_job) {
        cancel();
        wait();
    }
    m_doc->analyzer()->flush();
    const Graph &graph = m_doc->model()->graph();
    if (graph.isEmpty()) {
        if (error)
            *error = tr("The document has no layers to run.");
        return false;
    }
    auto job = std::make_shared<Job>();
    ExecOptions o = options;
    o.flushCaches = flushCaches;
    // Copies (implicitly shared): the document can be edited while the worker runs.
    job->executor = std::make_unique<Executor>(graph, m_doc->model()->registry(),
                                               m_doc->analyzer()->result(), o);
    job->fingerprint = m_doc->fingerprint();
    job->flushCaches = flushCaches;
    Job *raw = job.get();
    job->thread = QThread::create([raw, this] {
        Executor &e = *raw->executor;
        if (!e.prepare()) {
            raw->nothingRuns = true;
            for (LayerId id : e.graph().layerIds())
                if (const QString p = e.problem(id); !p.isEmpty()) {
                    raw->firstProblem = p;
                    break;
                }
            return;
        }
        QElapsedTimer sinceUpdate;
        sinceUpdate.start();
        raw->report = e.measure([raw, this, &sinceUpdate](int done, int total) {
            raw->done.store(done);
            raw->total.store(total);
            // A few updates a second: the GUI thread is never flooded.
            if (done == total || sinceUpdate.elapsed() >= 100) {
                sinceUpdate.restart();
                QMetaObject::invokeMethod(
                    this,
                    [this, raw] {
                        if (m_job.get() != raw)
                            return;
                        m_done = raw->done.load();
                        m_total = raw->total.load();
                        emit progress(m_done, m_total);
                    },
                    Qt::QueuedConnection);
            }
        });
    });
    connect(job->thread, &QThread::finished, this, [this, job] { onJobEnded(job); });
    m_job = job;
    m_done = 0;
    m_total = 0;
    emit started();
    job->thread->start(QThread::LowPriority);
    return true;
}

void MeasureRunner::cancel()
{
    if (!m_job)
        return;
    if (m_job->stopReason.isEmpty())
        m_job->stopReason = tr("Measurement cancelled.");
    m_job->executor->cancel();
}

void MeasureRunner::onNetworkChanged()
{
    if (!m_job)
        return;
    if (m_job->stopReason.isEmpty())
        m_job->stopReason =
            tr("Measurement stopped: the network was edited while it ran. Measure again to time "
               "the network as it is now.");
    m_job->executor->cancel();
}

bool MeasureRunner::wait(int timeoutMs)
{
    if (!m_job)
        return true;
    const std::shared_ptr<Job> job = m_job;
    if (!job->thread->wait(QDeadlineTimer(timeoutMs)))
        return false;
    onJobEnded(job);
    return true;
}

void MeasureRunner::onJobEnded(const std::shared_ptr<Job> &job)
{
    if (m_job != job)
        return; // already handled (wait() came first)
    m_job.reset();
    job->thread->deleteLater();
    QString reason = job->stopReason;
    if (reason.isEmpty() && job->nothingRuns)
        reason = tr("Nothing in this network can run: %1").arg(job->firstProblem);
    if (reason.isEmpty() && job->report.cancelled)
        reason = tr("Measurement cancelled.");
    // An edit may have come after the worker's last check: the numbers must be of this network.
    if (reason.isEmpty() && m_doc && m_doc->fingerprint() != job->fingerprint)
        reason = tr("Measurement stopped: the network was edited while it ran. Measure again to "
                    "time the network as it is now.");
    if (!reason.isEmpty() || !m_doc) {
        emit stopped(reason);
        return;
    }
    StoredMeasurement m;
    m.report = std::move(job->report);
    m.fingerprint = job->fingerprint;
    m.measuredAt = QDateTime::currentDateTimeUtc();
    m.machine = machineName();
    m.flushCaches = job->flushCaches;
    m_doc->setMeasurement(std::move(m));
    emit finished();
}

} // namespace naqsh
