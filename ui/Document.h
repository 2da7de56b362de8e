#pragma once

#include "exec/Measurement.h"

#include <QObject>
#include <QString>
#include <QStringList>

class QUndoStack;

namespace naqsh {

class Analyzer;
class Graph;
class GraphModel;
class LayerRegistry;

/// One open document: its graph model, live analysis, undo history and file. Edits go through
/// undoStack() (commands in ui/commands); the modified state follows the stack's clean index.
class Document : public QObject
{
    Q_OBJECT
public:
    explicit Document(const LayerRegistry &registry, QObject *parent = nullptr);

    GraphModel *model() const { return m_model; }
    Analyzer *analyzer() const { return m_analyzer; }
    QUndoStack *undoStack() const { return m_undo; }

    QString filePath() const { return m_path; }
    /// "lesson.naqsh", or "Untitled" for a new document.
    QString displayName() const;
    bool isModified() const;

    /// Loads @p path; on failure returns false with @p error and leaves this document as it was.
    /// @p warnings receives what was left out of a readable file (a comparison naming a missing
    /// layer).
    bool load(const QString &path, QString *error, QStringList *warnings = nullptr);
    /// Replaces the content with @p graph (an import, a recovery) without a file path.
    void setGraph(const Graph &graph, const QString &path = {});
    /// Saves atomically to @p path (or the current path); marks the document clean.
    bool save(const QString &path, QString *error);
    /// Empties the document.
    void clear();

    /// The last measurement on this computer (Run › Measure on This Computer), saved with the
    /// document; empty when there is none.
    const StoredMeasurement &measurement() const { return m_measurement; }
    bool hasMeasurement() const { return !m_measurement.isEmpty(); }
    /// True when the network changed (layers, types, parameters, connections) since the
    /// measurement ran: its numbers describe another network. Undoing back makes it fresh again.
    bool isMeasurementStale() const;
    /// Keeps @p m with the document (unsaved until the next save).
    void setMeasurement(StoredMeasurement m);
    void clearMeasurement();
    /// The fingerprint of the network as it is now (see networkFingerprint).
    QString fingerprint() const;

signals:
    void filePathChanged();
    void modifiedChanged(bool modified);
    /// A measurement was set or cleared, or it became stale or fresh again.
    void measurementChanged();
    /// The network that a measurement runs changed (not a move or a rename): a run in progress
    /// no longer measures this document.
    void networkChanged();

private:
    void onNetworkEdited();
    void updateStale();

    GraphModel *m_model;
    Analyzer *m_analyzer;
    QUndoStack *m_undo;
    QString m_path;
    StoredMeasurement m_measurement;
    bool m_measurementUnsaved = false;
    mutable QString m_fingerprint; ///< of the current network, when not dirty
    mutable bool m_fingerprintDirty = true;
    bool m_wasStale = false;
};

} // namespace naqsh
