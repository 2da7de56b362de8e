// The designer when saving goes wrong (issue 12): Save on a real full disk and a read-only file
// system keeps the file, the modified mark and the autosave, and quitting still asks; charts and
// diagrams exported onto a full disk fail with the reason; removing layers updates the comparisons
// that use them so that every save reopens; Open Recent asks about unsaved changes like Open;
// autosave failures reach the status bar.
#include "../FaultFs.h"
#include "CostTableModel.h"
#include "DisplayContext.h"
#include "Document.h"
#include "Language.h"
#include "LayerSelection.h"
#include "MainWindow.h"
#include "Recovery.h"
#include "analysis/AnalysisEngine.h"
#include "analysis/Analyzer.h"
#include "analysis/TooLarge.h"
#include "commands/GraphCommands.h"
#include "compare/ChartExporter.h"
#include "export/DiagramExport.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"

#include <QAbstractItemView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <qcustomplot.h>

using namespace naqsh;
using namespace naqsh::test;

class tst_SaveFaults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void saveOnFullDiskKeepsEverything();
    void saveOnReadOnlyFileSystem();
    void saveToDeviceKeepsTheDevice();
    void chartAndDiagramExportOnFullDisk();
    void removingLayersUpdatesComparisons();
    void removingEveryLayerOfAComparison();
    void openRecentAsksLikeOpen();
    void autosaveFailureInStatusBar();
    void unreadableRecoveryNamesTheFile();
    void overflowInEveryView_data();
    void overflowInEveryView();

private:
    std::unique_ptr<MainWindow> makeWindow();
    Language m_language;
};

void tst_SaveFaults::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NaqshTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_SaveFaults"));
}

void tst_SaveFaults::init()
{
    QSettings().clear();
    Recovery::discard();
    m_language.apply(Language::Code::English);
}

void tst_SaveFaults::cleanup()
{
    Recovery::discard();
}

std::unique_ptr<MainWindow> tst_SaveFaults::makeWindow()
{
    MainWindowOptions o;
    o.restoreLayout = false;
    o.autosaveMs = 3600 * 1000;
    auto w = std::make_unique<MainWindow>(&m_language, nullptr, o);
    w->setSavePrompt([] { return int(QMessageBox::Discard); });
    w->setRecoveryPrompt([](const Recovery::Pending &) { return true; });
    w->show();
    return w;
}

namespace {
void rename(MainWindow *w, const char *from, const char *to)
{
    GraphModel *m = w->document()->model();
    w->document()->undoStack()->push(new RenameLayerCommand(
        m, m->graph().findByName(QString::fromLatin1(from)), QString::fromLatin1(to)));
}
} // namespace

void tst_SaveFaults::saveOnFullDiskKeepsEverything()
{
    SmallTmpfs fs(64);
    if (!fs.isMounted())
        QSKIP(qPrintable(fs.why()));
    auto w = makeWindow();
    w->openInitialDocument();
    const QString path = fs.filePath(QStringLiteral("lesson.naqsh"));
    QString error;
    QVERIFY2(w->saveTo(path, &error), qPrintable(error));
    const QByteArray before = readBytes(path);
    QVERIFY(before.size() > 1000);

    rename(w.get(), "reduce1x1", "squeeze");
    QVERIFY(w->recovery()->autosaveNow());
    QVERIFY(fs.fill());
    w->statusBar()->clearMessage();
    QVERIFY(!w->saveTo(path, &error));
    QVERIFY2(error.contains(QStringLiteral("the disk is full")), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(readBytes(path), before);                         // byte-identical
    QVERIFY(w->document()->isModified());                      // still unsaved
    QVERIFY(w->isWindowModified());                            // and shown so
    QVERIFY(QFileInfo::exists(w->recovery()->autosaveFile())); // the autosave stays
    QVERIFY(!w->statusBar()->currentMessage().startsWith(QStringLiteral("Saved")));

    // Quitting asks.
    int asked = 0;
    w->setSavePrompt([&] {
        ++asked;
        return int(QMessageBox::Cancel);
    });
    QVERIFY(!w->close());
    QCOMPARE(asked, 1);
    QVERIFY(w->isVisible());

    // With room again the same save works and the autosave goes.
    fs.unfill();
    QVERIFY2(w->saveTo(path, &error), qPrintable(error));
    QVERIFY(!w->document()->isModified());
    QVERIFY(!QFileInfo::exists(w->recovery()->autosaveFile()));
    const NaqshFile::ReadResult back = NaqshFile::read(path, LayerRegistry::builtin());
    QVERIFY(back.ok());
    QVERIFY(back.graph == w->document()->model()->graph());
}

void tst_SaveFaults::saveOnReadOnlyFileSystem()
{
    SmallTmpfs fs(256);
    if (!fs.isMounted())
        QSKIP(qPrintable(fs.why()));
    auto w = makeWindow();
    w->openInitialDocument();
    const QString path = fs.filePath(QStringLiteral("lesson.naqsh"));
    QString error;
    QVERIFY2(w->saveTo(path, &error), qPrintable(error));
    const QByteArray before = readBytes(path);
    rename(w.get(), "concat", "joined");
    QVERIFY(fs.setReadOnly(true));
    QVERIFY(!w->saveTo(path, &error));
    QVERIFY(fs.setReadOnly(false));
    QVERIFY2(error.contains(QStringLiteral("the file system is read-only")), qPrintable(error));
    QCOMPARE(readBytes(path), before);
    QVERIFY(w->document()->isModified());
}

void tst_SaveFaults::saveToDeviceKeepsTheDevice()
{
    QTemporaryDir dir;
    const QString null = privateDevice(dir, "null", 3); // the test's own copy when root
    const QString link = dir.filePath(QStringLiteral("null.naqsh"));
    QVERIFY(QFile::link(null, link));
    auto w = makeWindow();
    w->openInitialDocument();
    QString error;
    QVERIFY2(w->saveTo(link, &error), qPrintable(error));
    QVERIFY(QFileInfo(link).isSymLink());
    QVERIFY(isCharDevice(null)); // still the device
    // A folder is refused with the reason, and the document stays modified.
    rename(w.get(), "concat", "joined");
    QVERIFY(!w->saveTo(dir.path(), &error));
    QVERIFY2(error.contains(QStringLiteral("it is a folder")), qPrintable(error));
    QVERIFY(w->document()->isModified());
}

void tst_SaveFaults::chartAndDiagramExportOnFullDisk()
{
    SmallTmpfs fs(64);
    if (!fs.isMounted())
        QSKIP(qPrintable(fs.why()));
    QCustomPlot plot;
    plot.addGraph();
    plot.graph(0)->setData({1, 2, 3}, {1, 4, 9});
    plot.rescaleAxes();
    const Graph lesson = NaqshFile::read(MainWindow::lessonPath(), LayerRegistry::builtin()).graph;
    const AnalysisResult result = AnalysisEngine::analyze(lesson, LayerRegistry::builtin());
    QVERIFY(lesson.size() == 6);
    for (const char *ext : {"png", "pdf", "svg"}) {
        const QString chart = fs.filePath(QStringLiteral("chart.") + QLatin1String(ext));
        const QString diagram = fs.filePath(QStringLiteral("diagram.") + QLatin1String(ext));
        QVERIFY(writeBytes(chart, "old chart"));
        QVERIFY(writeBytes(diagram, "old diagram"));
    }
    QVERIFY(fs.fill());
    for (const char *ext : {"png", "pdf", "svg"}) {
        const QString chart = fs.filePath(QStringLiteral("chart.") + QLatin1String(ext));
        QString error;
        QVERIFY(!ChartExporter::save(&plot, chart, *ChartExporter::formatOf(chart), 96,
                                     QSize(400, 300), &error));
        QVERIFY2(error.contains(QStringLiteral("the disk is full")), qPrintable(error));
        QCOMPARE(readBytes(chart), QByteArray("old chart"));

        const QString diagram = fs.filePath(QStringLiteral("diagram.") + QLatin1String(ext));
        QVERIFY(!DiagramExport::exportDiagram(diagram, lesson, result, LayerRegistry::builtin(),
                                              DiagramOptions(), &error));
        QVERIFY2(error.contains(QStringLiteral("the disk is full")), qPrintable(error));
        QCOMPARE(readBytes(diagram), QByteArray("old diagram"));
    }
}

void tst_SaveFaults::removingLayersUpdatesComparisons()
{
    QTemporaryDir dir;
    auto w = makeWindow();
    w->openInitialDocument();
    GraphModel *m = w->document()->model();
    const QVector<Variant> before = m->graph().variants;
    QCOMPARE(before.size(), 2);
    const LayerId reduce = m->graph().findByName(QStringLiteral("reduce1x1"));
    w->document()->undoStack()->push(new RemoveItemsCommand(m, {reduce}, {}));
    // "1×1 then 5×5" began at reduce1x1: it goes in the same step; "Plain 5×5" stays.
    QCOMPARE(m->graph().variants.size(), 1);
    QCOMPARE(m->graph().variants.first().name, before.first().name);
    QCOMPARE(w->document()->undoStack()->count(), 1);

    const QString path = dir.filePath(QStringLiteral("deleted.naqsh"));
    QString error;
    QVERIFY2(w->saveTo(path, &error), qPrintable(error));
    NaqshFile::ReadResult back = NaqshFile::read(path, LayerRegistry::builtin());
    QVERIFY2(back.ok(), qPrintable(back.error));
    QVERIFY(back.warnings.isEmpty());
    QVERIFY(back.graph == m->graph());

    // Undo restores the layer and the comparison; that save reads back too.
    w->document()->undoStack()->undo();
    QCOMPARE(m->graph().variants, before);
    QVERIFY2(w->saveTo(path, &error), qPrintable(error));
    back = NaqshFile::read(path, LayerRegistry::builtin());
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.graph.variants, before);
    QVERIFY(back.graph == m->graph());
}

void tst_SaveFaults::removingEveryLayerOfAComparison()
{
    QTemporaryDir dir;
    auto w = makeWindow();
    w->openInitialDocument();
    GraphModel *m = w->document()->model();
    const LayerId a = m->graph().findByName(QStringLiteral("reduce1x1"));
    const LayerId b = m->graph().findByName(QStringLiteral("conv5x5_after_1x1"));
    const LayerId c = m->graph().findByName(QStringLiteral("conv5x5"));
    Variant set;
    set.name = QStringLiteral("Mine");
    set.kind = Variant::Kind::Layers;
    set.layers = {a, b};
    QVector<Variant> variants = m->graph().variants;
    variants << set;
    w->document()->undoStack()->push(new SetVariantsCommand(m, variants, QStringLiteral("add")));
    // A set of layers loses the removed one and keeps the rest.
    w->document()->undoStack()->push(new RemoveItemsCommand(m, {b}, {}));
    QCOMPARE(m->graph().variants.size(), 2);
    QCOMPARE(m->graph().variants.last().layers, QVector<LayerId>{a});
    // Removing the rest (and the plain path's layer) leaves no comparison naming a missing layer.
    w->document()->undoStack()->push(new RemoveItemsCommand(m, {a, c}, {}));
    QVERIFY(m->graph().variants.isEmpty());
    const QString path = dir.filePath(QStringLiteral("bare.naqsh"));
    QString error;
    QVERIFY2(w->saveTo(path, &error), qPrintable(error));
    const NaqshFile::ReadResult back = NaqshFile::read(path, LayerRegistry::builtin());
    QVERIFY2(back.ok(), qPrintable(back.error));
    QVERIFY(back.graph == m->graph());
    w->document()->undoStack()->undo();
    w->document()->undoStack()->undo();
    QCOMPARE(m->graph().variants, variants);
}

void tst_SaveFaults::openRecentAsksLikeOpen()
{
    QTemporaryDir dir;
    const QString other = dir.filePath(QStringLiteral("other.naqsh"));
    auto w = makeWindow();
    w->openInitialDocument();
    QString error;
    QVERIFY(w->saveTo(other, &error)); // now in Open Recent
    rename(w.get(), "concat", "joined");
    QVERIFY(w->document()->isModified());

    QMenu *recent = nullptr;
    for (QMenu *menu : w->findChildren<QMenu *>())
        if (menu->title() == QStringLiteral("Open &Recent"))
            recent = menu;
    QVERIFY(recent);
    QVERIFY(!recent->actions().isEmpty());
    QAction *first = recent->actions().first();
    QCOMPARE(first->toolTip(), QFileInfo(other).absoluteFilePath());

    int asked = 0;
    w->setSavePrompt([&] {
        ++asked;
        return int(QMessageBox::Cancel);
    });
    first->trigger();
    QCOMPARE(asked, 1);
    // Cancel: the edit, its undo step and the modified mark are all still there.
    QVERIFY(w->document()->isModified());
    QVERIFY(w->document()->model()->graph().findByName(QStringLiteral("joined")).isValid());
    QCOMPARE(w->document()->undoStack()->count(), 1);

    w->setSavePrompt([&] {
        ++asked;
        return int(QMessageBox::Discard);
    });
    first->trigger();
    QCOMPARE(asked, 2);
    QVERIFY(!w->document()->isModified());
    QVERIFY(w->document()->model()->graph().findByName(QStringLiteral("concat")).isValid());
}

void tst_SaveFaults::autosaveFailureInStatusBar()
{
    auto w = makeWindow();
    w->openInitialDocument();
    rename(w.get(), "concat", "joined");
    // A folder where the autosave goes: it cannot be written.
    QVERIFY(QDir().mkpath(w->recovery()->autosaveFile()));
    QSignalSpy failed(w->recovery(), &Recovery::autosaveFailed);
    QVERIFY(!w->recovery()->autosaveNow());
    QCOMPARE(failed.size(), 1);
    const QString message = w->statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("Autosave failed: cannot write ")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("autosave.naqsh: it is a folder")),
             qPrintable(message));
    QVERIFY(QDir(w->recovery()->autosaveFile()).removeRecursively());
    // Once it can be written again it is.
    QVERIFY(w->recovery()->autosaveNow());
}

void tst_SaveFaults::unreadableRecoveryNamesTheFile()
{
    QString slotFile;
    {
        auto w = makeWindow();
        w->openInitialDocument();
        rename(w.get(), "concat", "joined");
        QVERIFY(w->recovery()->autosaveNow());
        slotFile = w->recovery()->autosaveFile();
    } // gone without closing: a crash
    QVERIFY(writeBytes(slotFile, "{ truncated"));
    auto w = makeWindow();
    w->openInitialDocument();
    const QString message = w->statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("autosave.naqsh")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("not valid JSON")), qPrintable(message));
    // Set aside, never offered again.
    QVERIFY(!Recovery::pending().isValid());
    QVERIFY(w->document()->model()->graph().findByName(QStringLiteral("concat")).isValid());
}

void tst_SaveFaults::overflowInEveryView_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("layer");
    // A layer whose MACs (5 × 10^18) fit and whose FLOPs do not; four layers that each fit and
    // whose sums do not.
    QTest::newRow("flops of one layer")
        << QStringLiteral("overflow_flops.naqsh") << QStringLiteral("huge");
    QTest::newRow("totals of layers that fit")
        << QStringLiteral("overflow_totals.naqsh") << QStringLiteral("fc1");
}

void tst_SaveFaults::overflowInEveryView()
{
    QFETCH(QString, file);
    QFETCH(QString, layer);
    auto w = makeWindow();
    QString error;
    QVERIFY2(w->openFile(QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/naqsh/") + file, &error),
             qPrintable(error));
    // The designer opens in the MACs convention (the lesson's unit); FLOPs = 2 × MACs overflows
    // only in a FLOPs convention, so show FLOPs as a user who switches the column would.
    w->display()->setConvention(FlopConvention::Flops);
    w->document()->analyzer()->flush();
    const LayerId id = w->document()->model()->graph().findByName(layer);
    QVERIFY(id.isValid());
    for (const QVector<LayerId> &selection : {QVector<LayerId>{id}, QVector<LayerId>{}}) {
        w->selection()->setSelection(selection);
        QTest::qWait(50);
        // Everything the window shows: labels (status bar, inspector, compare panel) and every
        // cell of every table.
        QStringList texts;
        for (QLabel *label : w->findChildren<QLabel *>())
            texts << label->text() << label->toolTip();
        for (QAbstractItemView *view : w->findChildren<QAbstractItemView *>()) {
            QAbstractItemModel *m = view->model();
            if (!m)
                continue;
            for (int r = 0; r < m->rowCount(); ++r)
                for (int c = 0; c < m->columnCount(); ++c)
                    texts << m->data(m->index(r, c)).toString()
                          << m->data(m->index(r, c), Qt::ToolTipRole).toString();
        }
        static const QRegularExpression negative(
            QStringLiteral("[-\u2212] ?[0-9]{1,3}(,[0-9]{3})+|[-\u2212] ?[0-9]{5,}"));
        for (const QString &t : std::as_const(texts))
            QVERIFY2(!t.contains(negative), qPrintable(t));
        // No chart draws a negative bar.
        for (QCustomPlot *plot : w->findChildren<QCustomPlot *>())
            for (int i = 0; i < plot->plottableCount(); ++i)
                if (auto *bars = qobject_cast<QCPBars *>(plot->plottable(i)))
                    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
                        QVERIFY2(it->value >= 0, qPrintable(bars->name()));
        QVERIFY2(
            texts.join(QLatin1Char('\n')).contains(QStringLiteral("too large to count in 64 bits")),
            qPrintable(texts.join(QLatin1Char('\n')).left(3000)));
    }
    // The cost table's Share of the layer that overflows: no share at all, not "0.0%".
    auto *table = w->findChild<CostTableModel *>();
    QVERIFY(table);
    bool seen = false;
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->data(table->index(r, CostTableModel::Name), Qt::DisplayRole).toString() != layer)
            continue;
        seen = true;
        const QString share =
            table->data(table->index(r, CostTableModel::Share), Qt::DisplayRole).toString();
        QVERIFY2(share == tooLargeText() || share == QStringLiteral("\u2014"), qPrintable(share));
    }
    QVERIFY(seen);
}

QTEST_MAIN(tst_SaveFaults)
#include "tst_SaveFaults.moc"
