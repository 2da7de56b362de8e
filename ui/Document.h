#pragma once

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

signals:
    void filePathChanged();
    void modifiedChanged(bool modified);

private:
    GraphModel *m_model;
    Analyzer *m_analyzer;
    QUndoStack *m_undo;
    QString m_path;
};

} // namespace naqsh
