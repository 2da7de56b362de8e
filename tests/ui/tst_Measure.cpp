// Run › Measure on This Computer (issue 17): the executor on a worker thread while the GUI
// thread keeps running, an edit that cancels a run, the measured columns of the cost table,
// stale marking, and measurements saved with the document and read back.
#include "CostTableModel.h"
#include "DisplayContext.h"
#include "Document.h"
#include "Language.h"
#include "LayerSelection.h"
#include "MainWindow.h"
#include "Recovery.h"
#include "analysis/Analyzer.h"
#include "commands/GraphCommands.h"
#include "compare/ChartsPanel.h"
#include "compare/ComparePanel.h"
#include "compare/ExplainPanel.h"
#include "compare/MeasuredChart.h"
#include "exec/Measurement.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"
#include "panels/CostTablePanel.h"
#include "run/MeasureRunner.h"
#include "run/RunControls.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>
#include <qcustomplot.h>

using namespace naqsh;

namespace {

const QString kLesson = QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh");

// The lesson's layers by hand: MACs, and float32 bytes read and written at least once
// (input + weights + output; the lesson's convolutions have no bias).
constexpr qint64 kPlainMacs = 28 * 28 * 32 * 5 * 5 * 192;                  // 120,422,400
constexpr qint64 kPlainBytes = 4 * (192 * 784 + 32 * 192 * 25 + 32 * 784); // 1,316,864
constexpr qint64 kReduceMacs = 28 * 28 * 16 * 192;                         // 2,408,448
constexpr qint64 kReduceBytes = 4 * (192 * 784 + 16 * 192 + 16 * 784);     // 664,576

ExecOptions quick(int repeat = 2)
{
    ExecOptions o;
    o.repeat = repeat;
    o.warmup = 0;
    return o;
}

} // namespace

class tst_Measure : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void runsOffTheGuiThreadAndFillsColumns();
    void editDuringRunCancelsIt();
    void moveDuringRunDoesNotCancel();
    void cancelKeepsNothing();
    void staleAfterEdit();
    void saveAndReopenKeepsResults();
    void olderFilesAndBadMeasurements();
    void pathTimeSumsRuns();
    void compareShowsMeasuredRatio();
    void chartAndExplainer();
    void designerMenuAndStatus();

private:
    LayerId id(const char *name) const
    {
        return m_doc->model()->graph().findByName(QLatin1String(name));
    }
    /// Runs a whole measurement of the document and waits for it.
    void measureNow(int repeat = 2);
    /// A measurement of the lesson with chosen times (ms per run) for its three convolutions.
    void setSyntheticMeasurement(QVector<double> plain, QVector<double> reduce,
                                 QVector<double> after);

    std::unique_ptr<Document> m_doc;
    std::unique_ptr<MeasureRunner> m_runner;
};

void tst_Measure::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NaqshTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_Measure"));
    QSettings().clear();
}

void tst_Measure::init()
{
    m_doc = std::make_unique<Document>(LayerRegistry::builtin());
    QString error;
    QVERIFY2(m_doc->load(kLesson, &error), qPrintable(error));
    m_runner = std::make_unique<MeasureRunner>(m_doc.get());
}

void tst_Measure::cleanup()
{
    m_runner.reset();
    m_doc.reset();
}

void tst_Measure::measureNow(int repeat)
{
    QSignalSpy finished(m_runner.get(), &MeasureRunner::finished);
    QVERIFY(m_runner->start(quick(repeat)));
    QVERIFY(finished.wait(60000));
}

void tst_Measure::runsOffTheGuiThreadAndFillsColumns()
{
    QSignalSpy finished(m_runner.get(), &MeasureRunner::finished);
    QSignalSpy progress(m_runner.get(), &MeasureRunner::progress);
    // A timer on the GUI thread keeps firing while the network runs: the run never blocks it.
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] { ticks += m_runner->isRunning() ? 1 : 0; });
    ticker.start(1);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(m_runner->start(quick(20)));
    QVERIFY2(clock.elapsed() < 200, "start() must return at once: the run is on a worker thread");
    QVERIFY(m_runner->isRunning());
    QVERIFY(finished.wait(60000));
    QVERIFY2(ticks > 0, "the GUI thread's event loop ran while the network was measured");
    QVERIFY(!progress.isEmpty());
    // Last progress: every layer run done (20 timed runs of each layer).
    const QList<QVariant> last = progress.last();
    QCOMPARE(last.at(0).toInt(), last.at(1).toInt());
    QCOMPARE(last.at(1).toInt(), 20 * int(m_doc->model()->graph().size()));

    QVERIFY(m_doc->hasMeasurement());
    QVERIFY(!m_doc->isMeasurementStale());
    QVERIFY(m_doc->isModified()); // kept with the document: saving is offered
    const StoredMeasurement &m = m_doc->measurement();
    QCOMPARE(m.report.repeat, 20);
    QCOMPARE(m.report.threads, 1);
    QVERIFY(!m.machine.isEmpty());

    CostTableModel model(m_doc->model(), m_doc->analyzer());
    model.setMeasurement(&m_doc->measurement(), m_doc->isMeasurementStale());
    const int plain = model.rowOf(id("conv5x5"));
    const int reduce = model.rowOf(id("reduce1x1"));
    QVERIFY(plain >= 0 && reduce >= 0);
    auto value = [&](int row, int column) {
        return model.data(model.index(row, column), CostTableModel::SortRole).toDouble();
    };
    auto text = [&](int row, int column) {
        return model.data(model.index(row, column), Qt::DisplayRole).toString();
    };
    for (int row : {plain, reduce}) {
        QVERIFY(value(row, CostTableModel::TimeMs) > 0);
        QVERIFY(value(row, CostTableModel::SpreadMs) >= 0);
        QVERIFY(!text(row, CostTableModel::TimeMs).isEmpty());
    }
    // GMAC/s is the hand-counted MACs over the measured median.
    const LayerMeasurement *p = m.layer(id("conv5x5"));
    QVERIFY(p);
    QCOMPARE(p->macs, kPlainMacs);
    QCOMPARE(value(plain, CostTableModel::GmacPerS), double(kPlainMacs) / p->medianMs / 1e6);
    // Arithmetic intensity against the hand count of bytes: the 5×5 does 91 MACs per byte,
    // the 1×1 only 3.6.
    QCOMPARE(p->bytes, kPlainBytes);
    QCOMPARE(m.layer(id("reduce1x1"))->bytes, kReduceBytes);
    QCOMPARE(value(plain, CostTableModel::Intensity), double(kPlainMacs) / double(kPlainBytes));
    QCOMPARE(value(reduce, CostTableModel::Intensity), double(kReduceMacs) / double(kReduceBytes));
    QCOMPARE(text(plain, CostTableModel::Intensity), QStringLiteral("91.4"));
    QCOMPARE(text(reduce, CostTableModel::Intensity), QStringLiteral("3.62"));
    QCOMPARE(text(plain, CostTableModel::Algorithm), QStringLiteral("im2col + GEMM"));
    QCOMPARE(text(reduce, CostTableModel::Algorithm), QStringLiteral("1×1 GEMM"));
    // The totals row: the network's median time.
    QVERIFY(
        model.data(model.index(model.totalsRow(), CostTableModel::TimeMs), CostTableModel::SortRole)
            .toDouble() >= p->medianMs);
    // In Persian digits.
    model.setNumberFormat(NumberFormat(QLocale(QLocale::Persian, QLocale::Iran)));
    QCOMPARE(text(reduce, CostTableModel::Intensity), QString::fromUtf8("۳٫۶۲"));
}

void tst_Measure::editDuringRunCancelsIt()
{
    QSignalSpy finished(m_runner.get(), &MeasureRunner::finished);
    QSignalSpy stopped(m_runner.get(), &MeasureRunner::stopped);
    QSignalSpy progress(m_runner.get(), &MeasureRunner::progress);
    // Long enough to be caught running: 100,000 runs of each layer would take minutes.
    QVERIFY(m_runner->start(quick(100000)));
    QVERIFY(progress.wait(30000));
    QVERIFY(m_runner->isRunning());
    QElapsedTimer clock;
    clock.start();
    m_doc->undoStack()->push(new SetLayerParamCommand(m_doc->model(), id("reduce1x1"),
                                                      {{QStringLiteral("out_channels"), 24}}));
    QVERIFY(stopped.wait(10000));
    QVERIFY2(clock.elapsed() < 5000, "the run stops soon after the edit");
    QVERIFY(stopped.first().at(0).toString().contains(QStringLiteral("edited")));
    QCOMPARE(finished.count(), 0);
    QVERIFY(!m_runner->isRunning());
    QVERIFY(!m_doc->hasMeasurement());
    // The edit itself is kept, and a new run measures the edited network.
    measureNow();
    QCOMPARE(m_doc->measurement().layer(id("reduce1x1"))->macs, qint64(784) * 24 * 192);
    QVERIFY(!m_doc->isMeasurementStale());
}

void tst_Measure::moveDuringRunDoesNotCancel()
{
    QSignalSpy finished(m_runner.get(), &MeasureRunner::finished);
    QSignalSpy progress(m_runner.get(), &MeasureRunner::progress);
    // Enough runs to be caught running; an unoptimised sanitizer build needs far fewer.
#ifdef NAQSH_SANITIZED
    QVERIFY(m_runner->start(quick(2)));
#else
    QVERIFY(m_runner->start(quick(30)));
#endif
    QVERIFY(progress.wait(30000) || !finished.isEmpty());
    // Moving or renaming a layer does not change what runs.
    const LayerId conv = id("conv5x5");
    const QPointF at = m_doc->model()->graph().layer(conv)->position;
    m_doc->undoStack()->push(
        new MoveLayersCommand(m_doc->model(), {{conv, at}}, {{conv, at + QPointF(40, 0)}}));
    m_doc->undoStack()->push(
        new RenameLayerCommand(m_doc->model(), conv, QStringLiteral("big 5x5")));
    QVERIFY(!finished.isEmpty() || finished.wait(180000));
    QVERIFY(m_doc->hasMeasurement());
    QVERIFY(!m_doc->isMeasurementStale());
}

void tst_Measure::cancelKeepsNothing()
{
    QSignalSpy stopped(m_runner.get(), &MeasureRunner::stopped);
    QSignalSpy progress(m_runner.get(), &MeasureRunner::progress);
    QVERIFY(m_runner->start(quick(100000)));
    QVERIFY(progress.wait(30000));
    m_runner->cancel();
    QVERIFY(stopped.wait(10000));
    QCOMPARE(stopped.first().at(0).toString(), QStringLiteral("Measurement cancelled."));
    QVERIFY(!m_doc->hasMeasurement());
    QVERIFY(!m_doc->isModified());
}

void tst_Measure::staleAfterEdit()
{
    measureNow();
    QVERIFY(!m_doc->isMeasurementStale());
    CostTableModel model(m_doc->model(), m_doc->analyzer());
    connect(m_doc.get(), &Document::measurementChanged, &model,
            [&] { model.setMeasurement(&m_doc->measurement(), m_doc->isMeasurementStale()); });
    model.setMeasurement(&m_doc->measurement(), m_doc->isMeasurementStale());
    const int row = model.rowOf(id("conv5x5"));
    QVERIFY(!model.data(model.index(row, CostTableModel::TimeMs), Qt::ForegroundRole).isValid());

    QSignalSpy changed(m_doc.get(), &Document::measurementChanged);
    m_doc->undoStack()->push(new SetLayerParamCommand(m_doc->model(), id("conv5x5"),
                                                      {{QStringLiteral("out_channels"), 64}}));
    m_doc->analyzer()->flush();
    QVERIFY(m_doc->isMeasurementStale());
    QCOMPARE(changed.count(), 1);
    QVERIFY(model.measurementStale());
    QVERIFY(model.data(model.index(row, CostTableModel::TimeMs), Qt::ForegroundRole).isValid());
    QVERIFY(model.data(model.index(row, CostTableModel::TimeMs), Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("before the last edit")));
    // The numbers stay readable (grey), they are not thrown away.
    QVERIFY(
        model.data(model.index(row, CostTableModel::TimeMs), CostTableModel::SortRole).toDouble() >
        0);

    // Undo: the network is again the one measured.
    m_doc->undoStack()->undo();
    m_doc->analyzer()->flush();
    QVERIFY(!m_doc->isMeasurementStale());
    QCOMPARE(changed.count(), 2);
    QVERIFY(!model.measurementStale());

    // A rename, a move or a new comparison is not an edit of the network.
    m_doc->undoStack()->push(
        new RenameLayerCommand(m_doc->model(), id("conv5x5"), QStringLiteral("wide")));
    m_doc->analyzer()->flush();
    QVERIFY(!m_doc->isMeasurementStale());
    // Adding a layer is.
    m_doc->model()->addLayer(QStringLiteral("relu"), QStringLiteral("relu_extra"));
    m_doc->analyzer()->flush();
    QVERIFY(m_doc->isMeasurementStale());
}

void tst_Measure::saveAndReopenKeepsResults()
{
    measureNow(3);
    const StoredMeasurement before = m_doc->measurement();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("measured.naqsh"));
    QString error;
    QVERIFY2(m_doc->save(path, &error), qPrintable(error));
    QVERIFY(!m_doc->isModified());

    Document again(LayerRegistry::builtin());
    QStringList warnings;
    QVERIFY2(again.load(path, &error, &warnings), qPrintable(error));
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    QVERIFY(again.hasMeasurement());
    QVERIFY(!again.isMeasurementStale());
    QVERIFY(!again.isModified());
    const StoredMeasurement &after = again.measurement();
    QCOMPARE(after.report.layers.size(), before.report.layers.size());
    QCOMPARE(after.report.repeat, 3);
    QCOMPARE(after.machine, before.machine);
    QCOMPARE(after.measuredAt.toSecsSinceEpoch(), before.measuredAt.toSecsSinceEpoch());
    for (int i = 0; i < before.report.layers.size(); ++i) {
        const LayerMeasurement &a = before.report.layers[i];
        const LayerMeasurement &b = after.report.layers[i];
        QCOMPARE(b.id, a.id);
        QCOMPARE(b.path, a.path);
        QCOMPARE(b.timesMs, a.timesMs);
        QCOMPARE(b.medianMs, a.medianMs);
        QCOMPARE(b.iqrMs, a.iqrMs);
        QCOMPARE(b.macs, a.macs);
        QCOMPARE(b.bytes, a.bytes);
        QCOMPARE(b.executed, a.executed);
    }

    // Saved after an edit: it reopens stale.
    m_doc->undoStack()->push(new SetLayerParamCommand(m_doc->model(), id("conv5x5"),
                                                      {{QStringLiteral("out_channels"), 48}}));
    QVERIFY(m_doc->save(path, &error));
    Document stale(LayerRegistry::builtin());
    QVERIFY(stale.load(path, &error));
    QVERIFY(stale.hasMeasurement());
    QVERIFY(stale.isMeasurementStale());

    // Clear Measurement leaves none in the file.
    m_doc->clearMeasurement();
    QVERIFY(m_doc->isModified());
    QVERIFY(m_doc->save(path, &error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!QJsonDocument::fromJson(f.readAll()).object().contains(QStringLiteral("measurement")));
}

void tst_Measure::olderFilesAndBadMeasurements()
{
    // The lesson as shipped has no measurement: it opens as before.
    QVERIFY(!m_doc->hasMeasurement());
    QVERIFY(!m_doc->isMeasurementStale());
    measureNow();
    QByteArray json = NaqshFile::toJson(m_doc->model()->graph(), LayerRegistry::builtin(),
                                        measurementToJson(m_doc->measurement()));
    // A measurement that lost its times: the document opens, the measurement is left out with
    // a warning naming where.
    QJsonObject root = QJsonDocument::fromJson(json).object();
    QJsonObject m = root.value(QStringLiteral("measurement")).toObject();
    QJsonArray layers = m.value(QStringLiteral("layers")).toArray();
    QJsonObject first = layers[1].toObject();
    first.insert(QStringLiteral("times_ms"), QJsonArray{1.0});
    layers[1] = first;
    m.insert(QStringLiteral("layers"), layers);
    root.insert(QStringLiteral("measurement"), m);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.naqsh"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(root).toJson());
    f.close();
    Document doc(LayerRegistry::builtin());
    QString error;
    QStringList warnings;
    QVERIFY2(doc.load(path, &error, &warnings), qPrintable(error));
    QCOMPARE(doc.model()->graph().size(), m_doc->model()->graph().size());
    QVERIFY(!doc.hasMeasurement());
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(QStringLiteral("measurement.layers[1].times_ms")),
             qPrintable(warnings.first()));
    // Not an object at all.
    root.insert(QStringLiteral("measurement"), 42);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(root).toJson());
    f.close();
    warnings.clear();
    QVERIFY(doc.load(path, &error, &warnings));
    QVERIFY(!doc.hasMeasurement());
    QCOMPARE(warnings.size(), 1);
}

void tst_Measure::pathTimeSumsRuns()
{
    // Per run, the sum over the layers; then the median over runs (not the sum of medians).
    StoredMeasurement m;
    m.report.repeat = 3;
    auto layer = [](quint64 id, QVector<double> times, qint64 macs) {
        LayerMeasurement l;
        l.id = LayerId(id);
        l.executed = true;
        l.timesMs = times;
        l.macs = macs;
        return l;
    };
    m.report.layers = {layer(1, {1, 10, 2}, 100), layer(2, {10, 1, 3}, 50)};
    m.reindex();
    const PathTime t = pathTime(m, {LayerId(1), LayerId(2)});
    // Runs: 11, 11, 5 -> median 11; the medians would sum to 2 + 3 = 5.
    QCOMPARE(t.medianMs, 11.0);
    QCOMPARE(t.macs, qint64(150));
    QCOMPARE(t.measured, 2);
    QVERIFY(t.valid());
    const PathTime missing = pathTime(m, {LayerId(1), LayerId(7)});
    QCOMPARE(missing.missing, 1);
    QVERIFY(!missing.valid());
}

void tst_Measure::setSyntheticMeasurement(QVector<double> plain, QVector<double> reduce,
                                          QVector<double> after)
{
    StoredMeasurement m;
    m.fingerprint = m_doc->fingerprint();
    m.machine = QStringLiteral("test CPU");
    m.measuredAt = QDateTime::currentDateTimeUtc();
    m.report.repeat = int(plain.size());
    auto layer = [&](const char *name, const char *path, QVector<double> times, qint64 macs,
                     qint64 bytes) {
        LayerMeasurement l;
        l.id = id(name);
        l.name = QLatin1String(name);
        l.type = QStringLiteral("conv2d");
        l.path = QString::fromUtf8(path);
        l.executed = true;
        l.shapeMatches = true;
        l.timesMs = times;
        std::sort(times.begin(), times.end());
        l.medianMs = median(times);
        l.macs = macs;
        l.bytes = bytes;
        return l;
    };
    m.report.layers = {layer("conv5x5", "im2col + GEMM", plain, kPlainMacs, kPlainBytes),
                       layer("reduce1x1", "1×1 GEMM", reduce, kReduceMacs, kReduceBytes),
                       layer("conv5x5_after_1x1", "im2col + GEMM", after, 784 * 32 * 16 * 25,
                             4 * (16 * 784 + 32 * 16 * 25 + 32 * 784))};
    m_doc->setMeasurement(m);
}

void tst_Measure::compareShowsMeasuredRatio()
{
    LayerSelection selection;
    DisplayContext display;
    ComparePanel compare(m_doc.get(), &selection, &display);
    QCOMPARE(compare.variantA(), 0); // Plain 5×5
    QCOMPARE(compare.variantB(), 1); // 1×1 then 5×5
    // Before any measurement: a hint, no measured headline.
    QVERIFY(compare.measuredHeadline().isEmpty());
    QVERIFY(compare.measuredText().contains(QStringLiteral("Measure on This Computer")));

    // Per run: A = 4, 4, 5 ms; B = 0.5 + 0.5, 0.4 + 0.6, 2 + 1 -> 1, 1, 3: medians 4 and 1.
    setSyntheticMeasurement({4, 4, 5}, {0.5, 0.4, 2}, {0.5, 0.6, 1});
    QCOMPARE(compare.measuredHeadline(),
             QStringLiteral("9.68× fewer MACs — ran 4.00× faster here"));
    QCOMPARE(compare.measuredText(), QStringLiteral("— ran 4.00× faster here"));

    // The reduced path slower than the plain one on some machine: said so.
    setSyntheticMeasurement({1, 1, 1}, {1, 1, 1}, {1, 1, 1});
    QCOMPARE(compare.measuredHeadline(),
             QStringLiteral("9.68× fewer MACs — ran 2.00× slower here"));

    // A real run: the ratio is the one of the medians of the per-run sums of the stored times.
    measureNow(3);
    const StoredMeasurement &m = m_doc->measurement();
    QVector<double> a, b;
    for (int run = 0; run < 3; ++run) {
        a << m.layer(id("conv5x5"))->timesMs[run];
        b << m.layer(id("reduce1x1"))->timesMs[run] +
                 m.layer(id("conv5x5_after_1x1"))->timesMs[run];
    }
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    const double ratio = a[1] / b[1];
    const QString expected =
        ratio >= 1 ? QStringLiteral("ran %1 faster here").arg(display.format().ratio(ratio))
                   : QStringLiteral("ran %1 slower here").arg(display.format().ratio(1 / ratio));
    QCOMPARE(compare.measuredHeadline(), QStringLiteral("9.68× fewer MACs — ") + expected);

    // Stale after an edit: still shown, marked.
    m_doc->undoStack()->push(new SetLayerParamCommand(m_doc->model(), id("conv5x5"),
                                                      {{QStringLiteral("out_channels"), 48}}));
    m_doc->analyzer()->flush();
    QVERIFY(compare.measuredText().contains(QStringLiteral("before the last edit")));
}

void tst_Measure::chartAndExplainer()
{
    LayerSelection selection;
    DisplayContext display;
    ChartsPanel charts(m_doc.get(), &display);
    MeasuredChart *chart = charts.measuredChart();
    QVERIFY(chart);
    QCOMPARE(charts.tabs()->count(), 4);
    QVERIFY(chart->typeGraphs().isEmpty());
    QVERIFY(chart->caption().contains(QStringLiteral("Measure on This Computer")));

    setSyntheticMeasurement({4, 4, 4}, {0.5, 0.5, 0.5}, {0.5, 0.5, 0.5});
    // One point per layer with MACs, one graph per type (all three are convolutions).
    QCOMPARE(chart->typeGraphs().size(), 1);
    QCPGraph *conv = chart->typeGraphs().first();
    QCOMPARE(conv->dataCount(), 3);
    QCOMPARE(conv->name(),
             LayerRegistry::builtin().find(QStringLiteral("conv2d"))->translatedName());
    QCOMPARE(chart->drawnLayers().size(), 3);
    // Log–log axes, x = MACs, y = ms; the point of the 5×5 at (120,422,400, 4).
    QCOMPARE(chart->plot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
    QCOMPARE(chart->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    bool found = false;
    for (auto it = conv->data()->begin(); it != conv->data()->end(); ++it)
        found = found || (it->key == double(kPlainMacs) && it->value == 4.0);
    QVERIFY(found);
    // The best-rate line: 120,422,400 MACs in 4 ms = 30.1 GMAC/s, time = MACs / rate.
    QCPGraph *line = chart->rateLine();
    QVERIFY(line);
    const auto first = line->data()->begin();
    QVERIFY(qFuzzyCompare(first->value, first->key / (double(kPlainMacs) / 4.0 / 1e6) / 1e6));
    QVERIFY(line->name().contains(QStringLiteral("30.1")));
    QVERIFY(chart->caption().contains(QStringLiteral("conv5x5")));
    // Hover over the 1×1's point.
    chart->resize(800, 500);
    chart->plot()->replot();
    const QPoint at(int(chart->plot()->xAxis->coordToPixel(double(kReduceMacs))),
                    int(chart->plot()->yAxis->coordToPixel(0.5)));
    const QString tip = chart->toolTipAt(at);
    QVERIFY2(tip.contains(QStringLiteral("reduce1x1")) &&
                 tip.contains(QStringLiteral("1×1 GEMM")) && tip.contains(QStringLiteral("3.6")),
             qPrintable(tip));

    // The explainer: numbers filled in, and why in words.
    ExplainPanel explain(m_doc.get(), &selection, &display);
    explain.showLayer(id("reduce1x1"));
    const QString text = explain.text();
    QVERIFY2(text.contains(QStringLiteral("Arithmetic intensity")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("2,408,448 MACs ÷ 664,576 bytes = 3.62 MACs per byte")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("2,408,448 MACs ÷ 0.500 ms = 4.8 GMAC/s")));
    QVERIFY(text.contains(QStringLiteral("A 1×1 convolution uses each input value in only 16 "
                                         "multiply-adds")));
    QVERIFY(text.contains(QStringLiteral("fewer GMAC/s than a 5×5")));
    // Against the fastest layer: 4.8 of 30.1 GMAC/s.
    QVERIFY2(text.contains(QStringLiteral("The fastest layer of this document, conv5x5, reaches "
                                          "30.1 GMAC/s at 91.4 MACs per byte; this layer reaches "
                                          "16.0% of that")),
             qPrintable(text));
    explain.showLayer(id("conv5x5"));
    QVERIFY(explain.text().contains(QStringLiteral("so it does many MACs for every byte it moves "
                                                   "(91.4 here)")));
    // In Persian digits.
    display.setFormat(NumberFormat(QLocale(QLocale::Persian, QLocale::Iran)));
    explain.showLayer(id("reduce1x1"));
    QVERIFY2(explain.text().contains(QString::fromUtf8("۳٫۶۲")), qPrintable(explain.text()));
}

void tst_Measure::designerMenuAndStatus()
{
    Language language;
    language.apply(Language::Code::English);
    MainWindowOptions o;
    o.restoreLayout = false;
    o.autosaveMs = 3600 * 1000;
    MainWindow w(&language, nullptr, o);
    w.setSavePrompt([] { return int(QMessageBox::Discard); });
    QString error;
    QVERIFY2(w.openFile(kLesson, &error), qPrintable(error));
    w.resize(1366, 768);
    w.show();
    RunControls *run = w.runControls();
    QVERIFY(run);
    // Run › Measure on This Computer… is in the menu bar, before Help.
    QMenu *menu = run->menu();
    QVERIFY(w.menuBar()->actions().contains(menu->menuAction()));
    QCOMPARE(menu->title(), QStringLiteral("&Run"));
    QVERIFY(menu->actions().contains(run->measureAction()));
    // The table has no measured columns until a measurement exists.
    QTableView *table = w.findChild<CostTablePanel *>()->view();
    QVERIFY(table->isColumnHidden(CostTableModel::TimeMs));

    // The user picks two timed runs on one thread.
    MeasureSettings asked;
    run->setSettingsPrompt([&](MeasureSettings &s) {
        asked = s;
        s.repeat = 2;
        s.warmup = 0;
        return true;
    });
    QSignalSpy finished(run->runner(), &MeasureRunner::finished);
    run->measureAction()->trigger();
    QCOMPARE(asked.threads, 1); // one thread by default
    QVERIFY(run->runner()->isRunning());
    QVERIFY(run->cancelAction()->isEnabled());
    QVERIFY(finished.wait(60000));
    QVERIFY2(run->statusText().startsWith(QStringLiteral("Measured: ")),
             qPrintable(run->statusText()));
    QVERIFY(!run->progressBar()->isVisible());
    QVERIFY(!table->isColumnHidden(CostTableModel::TimeMs));
    QVERIFY(!table->isColumnHidden(CostTableModel::Algorithm));
    QVERIFY(w.isWindowModified());
    QCOMPARE(w.comparePanel()->measuredHeadline().left(17), QStringLiteral("9.68× fewer MACs "));

    // Measured again, then an edit in the window stops it and says why.
    QSignalSpy stopped(run->runner(), &MeasureRunner::stopped);
    QSignalSpy progress(run->runner(), &MeasureRunner::progress);
    run->setSettingsPrompt([](MeasureSettings &s) {
        s.repeat = 100000;
        return true;
    });
    run->measureAction()->trigger();
    QVERIFY(progress.wait(30000));
    QVERIFY(run->progressBar()->isVisible());
    w.document()->undoStack()->push(new SetLayerParamCommand(
        w.document()->model(), w.document()->model()->graph().findByName(QStringLiteral("conv5x5")),
        {{QStringLiteral("out_channels"), 40}}));
    QVERIFY(stopped.wait(10000));
    QVERIFY(run->statusText().contains(QStringLiteral("edited")));
    // The earlier measurement stays, marked stale.
    QVERIFY(w.document()->hasMeasurement());
    QVERIFY(w.document()->isMeasurementStale());

    // In Persian the menu and the status are translated.
    language.apply(Language::Code::Persian);
    QTRY_VERIFY(!menu->title().contains(QStringLiteral("Run")));
    QVERIFY(!run->measureAction()->text().contains(QStringLiteral("Measure")));
    language.apply(Language::Code::English);
}

QTEST_MAIN(tst_Measure)
#include "tst_Measure.moc"
