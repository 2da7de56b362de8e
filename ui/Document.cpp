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
            [this](bool clean) { emit modifiedChanged(!clean); });
}

QString Document::displayName() const
{
    return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

bool Document::isModified() const
{
    return !m_undo->isClean();
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
    setGraph(r.graph, QFileInfo(path).absoluteFilePath());
    return true;
}

void Document::setGraph(const Graph &graph, const QString &path)
{
    m_undo->clear();
    m_model->resetGraph(graph);
    m_analyzer->flush();
    m_undo->setClean();
    if (m_path != path) {
        m_path = path;
        emit filePathChanged();
    }
    emit modifiedChanged(false);
}

bool Document::save(const QString &path, QString *error)
{
    const QString target = path.isEmpty() ? m_path : path;
    if (!NaqshFile::write(target, m_model->graph(), m_model->registry(), error))
        return false;
    m_undo->setClean();
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
