#pragma once

#include <QMainWindow>

namespace naqsh {

class GraphModel;
class Analyzer;
class CostTableModel;

/// The designer's main window (the canvas lands with the designer issue).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    bool openFile(const QString &path);

private:
    GraphModel *m_model;
    Analyzer *m_analyzer;
    CostTableModel *m_table;
};

} // namespace naqsh
