// MainWindow: File › Examples, the lessons built into the designer (the 1×1 lesson and the
// blocks students meet after it), each opened as a new untitled document.
#include "MainWindow.h"

#include "Document.h"
#include "LayerSelection.h"
#include "canvas/GraphView.h"
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"

#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QUndoStack>

namespace naqsh {

namespace {

struct Example
{
    const char *file; ///< in :/examples/
    const char *title;
};

/// In the order a course meets them: the 1×1 lesson, the classic CNN blocks, then the modern ones.
const Example kExamples[] = {
    {"lesson.naqsh", QT_TRANSLATE_NOOP("naqsh::MainWindow", "The 1×1 convolution lesson")},
    {"inception_3a.naqsh", QT_TRANSLATE_NOOP("naqsh::MainWindow", "GoogLeNet Inception (3a)")},
    {"resnet50_bottleneck.naqsh",
     QT_TRANSLATE_NOOP("naqsh::MainWindow", "ResNet-50 bottleneck block")},
    {"mobilenet_separable.naqsh",
     QT_TRANSLATE_NOOP("naqsh::MainWindow", "MobileNet depthwise-separable block")},
    {"se_block.naqsh",
     QT_TRANSLATE_NOOP("naqsh::MainWindow", "Squeeze-and-excitation (MobileNetV3 block)")},
    {"shufflenet_v2_unit.naqsh",
     QT_TRANSLATE_NOOP("naqsh::MainWindow", "ShuffleNet v2 unit (channel shuffle)")},
    {"convnext_block.naqsh",
     QT_TRANSLATE_NOOP("naqsh::MainWindow", "ConvNeXt block (LayerNorm, GELU)")},
    {"vit_encoder_block.naqsh",
     QT_TRANSLATE_NOOP("naqsh::MainWindow", "Vision Transformer encoder block (attention)")},
};

} // namespace

QStringList MainWindow::examplePaths()
{
    QStringList paths;
    for (const Example &e : kExamples)
        paths << QStringLiteral(":/examples/") + QLatin1String(e.file);
    return paths;
}

void MainWindow::createExamplesMenu()
{
    m_examplesMenu = new QMenu(this);
    m_examplesMenu->setObjectName(QStringLiteral("examplesMenu"));
    for (const Example &e : kExamples) {
        QAction *a = m_examplesMenu->addAction(QString());
        const QString path = QStringLiteral(":/examples/") + QLatin1String(e.file);
        a->setData(path);
        // Like File › Open: unsaved changes are asked about first.
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openExample(path);
        });
    }
}

void MainWindow::retranslateExamplesMenu()
{
    m_examplesMenu->setTitle(tr("&Examples"));
    const QList<QAction *> actions = m_examplesMenu->actions();
    for (int i = 0; i < actions.size() && i < int(std::size(kExamples)); ++i)
        actions[i]->setText(QCoreApplication::translate("naqsh::MainWindow", kExamples[i].title));
}

bool MainWindow::openExample(const QString &path, QString *error)
{
    const NaqshFile::ReadResult r = NaqshFile::read(path, LayerRegistry::builtin());
    if (!r.ok()) {
        const QString message = tr("Cannot open the example %1:\n%2").arg(path, r.error);
        if (error)
            *error = message;
        else
            QMessageBox::warning(this, tr("Cannot open"), message);
        return false;
    }
    // A new untitled document: the built-in file stays as it is, Save asks for a path.
    m_doc->setGraph(r.graph);
    m_selection->clear();
    updateTitle();
    m_view->showDocumentStart();
    statusBar()->showMessage(tr("Opened the example “%1” as a new document").arg(r.graph.name),
                             6000);
    return true;
}

} // namespace naqsh
