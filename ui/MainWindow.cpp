#include "MainWindow.h"

#include "CostTableModel.h"
#include "analysis/Analyzer.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"

#include <QHeaderView>
#include <QMessageBox>
#include <QTableView>

namespace naqsh {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new GraphModel(LayerRegistry::builtin(), this))
    , m_analyzer(new Analyzer(m_model, this))
    , m_table(new CostTableModel(m_model, m_analyzer, this))
{
    auto *view = new QTableView(this);
    view->setModel(m_table);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setCentralWidget(view);
    resize(1100, 600);
    setWindowTitle(tr("Naqsh"));
}

bool MainWindow::openFile(const QString &path)
{
    const NaqshFile::ReadResult r = NaqshFile::read(path, LayerRegistry::builtin());
    if (!r.ok()) {
        QMessageBox::warning(this, tr("Cannot open"), r.error);
        return false;
    }
    m_model->resetGraph(r.graph);
    m_analyzer->flush();
    setWindowTitle(tr("%1 — Naqsh").arg(r.graph.name));
    return true;
}

} // namespace naqsh
