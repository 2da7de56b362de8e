#include "Document.h"

#include "analysis/Analyzer.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"

#include <QFileInfo>
#include <QUndoStack>

namespace naqsh {

Document::Document(const LayerRegistry &registry, QObject *parent)
    : QObject(parent)
    , m_model(new GraphModel(registry, this))
    , m_analyzer(new Analyzer(m_model, this))
    , m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean || m_measurementUnsaved); });
    // What the executor runs: a move, a rename or a comparison does not change it.
    for (auto signal :
         {&GraphModel::layerAdded, &GraphModel::layerRemoved, &GraphModel::paramsChanged})
        connect(m_model, signal, this, &Document::onNetworkEdited);
    connect(m_model, &GraphModel::connected, this, &Document::onNetworkEdited);
    connect(m_model, &GraphModel::disconnected, this, &Document::onNetworkEdited);
    connect(m_model, &GraphModel::graphReset, this, &Document::onNetworkEdited);
    // Stale or fresh again: decided once per burst of edits, when the analysis catches up.
    connect(m_analyzer, &Analyzer::analysisUpdated, this, &Document::updateStale);
}

void Document::onNetworkEdited()
{
    m_fingerprintDirty = true;
    emit networkChanged();
}

QString Document::fingerprint() const
{
    if (m_fingerprintDirty) {
        m_fingerprint = networkFingerprint(m_model->graph(), m_model->registry());
        m_fingerprintDirty = false;
    }
    return m_fingerprint;
}

bool Document::isMeasurementStale() const
{
    return hasMeasurement() && m_measurement.fingerprint != fingerprint();
}

void Document::updateStale()
{
    if (!hasMeasurement())
        return;
    const bool stale = isMeasurementStale();
    if (stale != m_wasStale) {
        m_wasStale = stale;
        emit measurementChanged();
    }
}

void Document::setMeasurement(StoredMeasurement m)
{
    m.reindex();
    m_measurement = std::move(m);
    m_measurementUnsaved = true;
    m_wasStale = isMeasurementStale();
    emit measurementChanged();
    emit modifiedChanged(true);
}

void Document::clearMeasurement()
{
    if (!hasMeasurement())
        return;
    m_measurement = StoredMeasurement();
    m_measurementUnsaved = true;
    m_wasStale = false;
    emit measurementChanged();
    emit modifiedChanged(true);
}

QString Document::displayName() const
{
    return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

bool Document::isModified() const
{
    return !m_undo->isClean() || m_measurementUnsaved;
}

bool Document::load(const QString &path, QString *error, QStringList *warnings)
{
    const NaqshFile::ReadResult r = NaqshFile::read(path, m_model->registry());
    if (!r.ok()) {
        if (error)
            *error = r.error;
        return false;
    }
    if (warnings)
        *warnings = r.warnings;
    StoredMeasurement measurement;
    QString measurementError;
    if (!r.measurement.isEmpty() &&
        !measurementFromJson(r.measurement, &measurement, &measurementError) && warnings)
        *warnings << tr("The stored measurement is left out: %1").arg(measurementError);
    setGraph(r.graph, QFileInfo(path).absoluteFilePath());
    if (!measurement.isEmpty()) {
        m_measurement = std::move(measurement);
        m_wasStale = isMeasurementStale();
        emit measurementChanged();
    }
    return true;
}

void Document::setGraph(const Graph &graph, const QString &path)
{
    m_undo->clear();
    const bool hadMeasurement = hasMeasurement();
    m_measurement = StoredMeasurement();
    m_measurementUnsaved = false;
    m_wasStale = false;
    m_model->resetGraph(graph);
    m_analyzer->flush();
    m_undo->setClean();
    if (hadMeasurement)
        emit measurementChanged();
    if (m_path != path) {
        m_path = path;
        emit filePathChanged();
    }
    emit modifiedChanged(false);
}

bool Document::save(const QString &path, QString *error)
{
    const QString target = path.isEmpty() ? m_path : path;
    if (!NaqshFile::write(target, m_model->graph(), m_model->registry(), error,
                          hasMeasurement() ? measurementToJson(m_measurement) : QJsonObject()))
        return false;
    const bool measurementWasUnsaved = m_measurementUnsaved;
    m_measurementUnsaved = false;
    m_undo->setClean();
    if (measurementWasUnsaved && m_undo->isClean())
        emit modifiedChanged(false);
    const QString absolute = QFileInfo(target).absoluteFilePath();
    if (absolute != m_path) {
        m_path = absolute;
        emit filePathChanged();
    }
    return true;
}

void Document::clear()
{
    setGraph(Graph());
}

} // namespace naqsh
