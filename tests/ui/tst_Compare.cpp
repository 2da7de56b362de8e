// The compare panel, the charts and "show your work", driven as a student would: the lesson's
// numbers and ratios, variants added and undone, the charts' data after edits (the QCustomPlot
// data, not pixels), the sweep's break-even against a hand calculation, localized ticks,
// exports that parse back, and the worked formulas in English and Persian digits.
#include "CostTableModel.h"
#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "analysis/Analyzer.h"
#include "commands/GraphCommands.h"
#include "compare/AddPathDialog.h"
#include "compare/ChartsPanel.h"
#include "compare/ComparePanel.h"
#include "compare/ExplainPanel.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"

#include <QComboBox>
#include <QDialog>
#include <QImage>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextLayout>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>
#include <qcustomplot.h>

using namespace naqsh;

namespace {

// The lesson, by hand (REFERENCE-NUMBERS.md).
constexpr qint64 kPlainMacs = 28 * 28 * 32 * 5 * 5 * 192;                       // 120,422,400
constexpr qint64 kReducedMacs = 28 * 28 * 16 * 192 + 28 * 28 * 32 * 5 * 5 * 16; // 12,443,648
// With the 1×1 widened to 32 channels.
constexpr qint64 kOneByOne32 = 784 * 32 * 192;                  // 4,816,896
constexpr qint64 kReduced32 = kOneByOne32 + 784 * 32 * 25 * 32; // 24,887,296
// The reduced path's MACs grow by 784·192 + 784·32·25 = 777,728 per channel of the 1×1.
constexpr double kBreakEven = double(kPlainMacs) / 777728.0; // 154.84

const QString kPersianDigits = QString::fromUtf8("۰۱۲۳۴۵۶۷۸۹");

bool hasLatinDigit(const QString &s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool hasPersianDigit(const QString &s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return kPersianDigits.contains(c); });
}

NumberFormat persian()
{
    return NumberFormat(QLocale(QLocale::Persian, QLocale::Iran));
}

double barValue(QCPBars *bars)
{
    return bars && !bars->data()->isEmpty() ? bars->data()->at(0)->value : -1;
}

} // namespace

class tst_Compare : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void lessonComparison();
    void followsDisplayContext();
    void addSelectionAndUndo();
    void variantsAreSaved();
    void pathDialog();
    void documentVariant();
    void variantErrorsShown();
    void barsAfterEdit();
    void conventionSwitchesComputeBars();
    void logAxis();
    void sweepBreakEven();
    void sweepFollowsEdits();
    void customSweep();
    void persianTickLabels();
    void tooltips();
    void exports_data();
    void exports();
    void explainLesson();
    void explainFamilies_data();
    void explainFamilies();
    void explainFocusAndNotes();
    void panelsRender();

private:
    LayerId id(const char *name) const
    {
        return m_doc->model()->graph().findByName(QLatin1String(name));
    }
    QString cell(int row, int column) const
    {
        return m_compare->totalsTable()->item(row, column)->text();
    }
    void setOneByOne(qint64 channels);

    std::unique_ptr<Document> m_doc;
    std::unique_ptr<LayerSelection> m_selection;
    std::unique_ptr<DisplayContext> m_display;
    std::unique_ptr<ComparePanel> m_compare;
    std::unique_ptr<ChartsPanel> m_charts;
    std::unique_ptr<ExplainPanel> m_explain;
};

void tst_Compare::init()
{
    m_doc = std::make_unique<Document>(LayerRegistry::builtin());
    QString error;
    QVERIFY2(
        m_doc->load(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh"), &error),
        qPrintable(error));
    m_selection = std::make_unique<LayerSelection>();
    m_display = std::make_unique<DisplayContext>();
    m_compare = std::make_unique<ComparePanel>(m_doc.get(), m_selection.get(), m_display.get());
    m_charts = std::make_unique<ChartsPanel>(m_doc.get(), m_display.get());
    m_explain = std::make_unique<ExplainPanel>(m_doc.get(), m_selection.get(), m_display.get());
    connect(m_compare.get(), &ComparePanel::pairChanged, m_charts.get(), &ChartsPanel::setPair);
}

void tst_Compare::cleanup()
{
    m_explain.reset();
    m_charts.reset();
    m_compare.reset();
    m_display.reset();
    m_selection.reset();
    m_doc.reset();
}

void tst_Compare::setOneByOne(qint64 channels)
{
    m_doc->undoStack()->push(new SetLayerParamCommand(
        m_doc->model(), id("reduce1x1"), {{QStringLiteral("out_channels"), channels}}));
    m_doc->analyzer()->flush();
}

void tst_Compare::lessonComparison()
{
    QCOMPARE(m_compare->variants().size(), 2);
    QCOMPARE(m_compare->variantA(), 0);
    QCOMPARE(m_compare->variantB(), 1);
    QCOMPARE(m_compare->variants()[0].variant.name, QStringLiteral("Plain 5×5"));
    // Every figure of REFERENCE-NUMBERS.md's lesson table.
    const struct
    {
        int row;
        const char *a, *b, *ratio;
    } rows[] = {
        {ComparePanel::ParamsRow, "153,600", "15,872", "9.68× fewer parameters"},
        {ComparePanel::WeightsRow, "153,600", "15,872", "9.68× fewer weights"},
        {ComparePanel::MacsRow, "120,422,400", "12,443,648", "9.68× fewer MACs"},
        {ComparePanel::FlopsRow, "240,844,800", "24,887,296", "9.68× fewer FLOPs"},
        {ComparePanel::ActivationsRow, "25,088", "37,632", "1.50× more activations"},
        {ComparePanel::MemoryRow, "100,352", "150,528", "1.50× more activation memory"},
    };
    for (const auto &r : rows) {
        QCOMPARE(cell(r.row, ComparePanel::AColumn), QString::fromUtf8(r.a));
        QCOMPARE(cell(r.row, ComparePanel::BColumn), QString::fromUtf8(r.b));
        QCOMPARE(cell(r.row, ComparePanel::RatioColumn), QString::fromUtf8(r.ratio));
    }
    QCOMPARE(m_compare->headlines(), (QStringList{QStringLiteral("9.68× fewer MACs"),
                                                  QStringLiteral("9.68× fewer parameters"),
                                                  QStringLiteral("1.50× more activation memory")}));
    QVERIFY(m_compare->errorText().isEmpty());
    // The tooltip of a total shows how it is made, layer by layer.
    const QString tip =
        m_compare->totalsTable()->item(ComparePanel::MacsRow, ComparePanel::BColumn)->toolTip();
    QVERIFY2(tip.contains(QStringLiteral("reduce1x1: 2,408,448")) &&
                 tip.contains(QStringLiteral("conv5x5_after_1x1: 10,035,200")) &&
                 tip.contains(QStringLiteral("= 12,443,648")),
             qPrintable(tip));
    // Clicking B's total selects B's layers.
    emit m_compare->totalsTable()->cellClicked(ComparePanel::MacsRow, ComparePanel::BColumn);
    QCOMPARE(m_selection->layers(), (QVector<LayerId>{id("reduce1x1"), id("conv5x5_after_1x1")}));
}

void tst_Compare::followsDisplayContext()
{
    m_display->setDType(DType::FP16);
    QCOMPARE(cell(ComparePanel::MemoryRow, ComparePanel::AColumn), QStringLiteral("50,176"));
    QCOMPARE(cell(ComparePanel::MemoryRow, ComparePanel::BColumn), QStringLiteral("75,264"));
    m_display->setConvention(FlopConvention::MacsOnly);
    QCOMPARE(cell(ComparePanel::FlopsRow, ComparePanel::AColumn), QStringLiteral("120,422,400"));
    m_display->setFormat(persian());
    QCOMPARE(cell(ComparePanel::MacsRow, ComparePanel::AColumn), QString::fromUtf8("۱۲۰٬۴۲۲٬۴۰۰"));
    QCOMPARE(m_compare->headlines().first(), QString::fromUtf8("۹٫۶۸× fewer MACs"));
    // Live with edits: widen the 1×1 and the ratio shrinks.
    m_display->setFormat(NumberFormat());
    setOneByOne(32);
    QCOMPARE(cell(ComparePanel::MacsRow, ComparePanel::BColumn), QStringLiteral("24,887,296"));
    QCOMPARE(cell(ComparePanel::MacsRow, ComparePanel::RatioColumn),
             QStringLiteral("4.84× fewer MACs"));
}

void tst_Compare::addSelectionAndUndo()
{
    QSignalSpy pairs(m_compare.get(), &ComparePanel::pairChanged);
    m_selection->setSelection({id("conv5x5_after_1x1")});
    // The real action: its name-and-role prompt is accepted with the suggested name.
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->accept();
    });
    m_compare->addSelectionAsVariant();
    const QVector<Variant> &variants = m_doc->model()->graph().variants;
    QCOMPARE(variants.size(), 3);
    QCOMPARE(variants[2].kind, Variant::Kind::Layers);
    QCOMPARE(variants[2].name, QStringLiteral("conv5x5_after_1x1"));
    QCOMPARE(variants[2].layers, QVector<LayerId>{id("conv5x5_after_1x1")});
    QCOMPARE(m_compare->variantList()->topLevelItemCount(), 3);
    QCOMPARE(m_compare->variantB(), 2); // a new variant is compared with A
    QCOMPARE(pairs.count(), 1);
    QCOMPARE(pairs.last(), (QVariantList{0, 2}));
    QCOMPARE(cell(ComparePanel::MacsRow, ComparePanel::BColumn), QStringLiteral("10,035,200"));
    QCOMPARE(m_charts->variantB(), 2);
    QVERIFY(m_doc->isModified());

    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->model()->graph().variants.size(), 2);
    QCOMPARE(m_compare->variantList()->topLevelItemCount(), 2);
    QCOMPARE(m_compare->variantB(), 1);
    QCOMPARE(cell(ComparePanel::MacsRow, ComparePanel::RatioColumn),
             QStringLiteral("9.68× fewer MACs"));
    QVERIFY(!m_doc->isModified());
    m_doc->undoStack()->redo();
    QCOMPARE(m_compare->variantList()->topLevelItemCount(), 3);
    QCOMPARE(m_compare->variantB(), 1); // the pair is view state: redo keeps the lesson's pair

    // Rename, reorder and remove are undoable too, and A and B follow their variants.
    m_compare->renameVariant(2, QStringLiteral("Only the 5×5 after"));
    QCOMPARE(m_doc->model()->graph().variants[2].name, QStringLiteral("Only the 5×5 after"));
    m_compare->moveVariant(2, -2);
    QCOMPARE(m_doc->model()->graph().variants[0].name, QStringLiteral("Only the 5×5 after"));
    QCOMPARE(m_compare->variantA(), 1);
    QCOMPARE(m_compare->variantB(), 2);
    QCOMPARE(m_compare->comboB()->currentText(), QStringLiteral("1×1 then 5×5"));
    m_compare->removeVariant(0);
    QCOMPARE(m_doc->model()->graph().variants.size(), 2);
    QCOMPARE(m_compare->variantA(), 0);
    QCOMPARE(m_compare->variantB(), 1);
    m_doc->undoStack()->undo();
    m_doc->undoStack()->undo();
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->model()->graph().variants[2].name, QStringLiteral("conv5x5_after_1x1"));
}

void tst_Compare::variantsAreSaved()
{
    m_compare->addPathVariant(QStringLiteral("Only the 1×1"), id("reduce1x1"), id("reduce1x1"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.naqsh"));
    QString error;
    QVERIFY2(m_doc->save(path, &error), qPrintable(error));
    const NaqshFile::ReadResult back = NaqshFile::read(path, LayerRegistry::builtin());
    QVERIFY(back.ok());
    QCOMPARE(back.graph.variants, m_doc->model()->graph().variants);
    QCOMPARE(back.graph.variants[2].from, id("reduce1x1"));
}

void tst_Compare::pathDialog()
{
    AddPathDialog dialog(m_doc->model(), m_doc->analyzer(), id("reduce1x1"),
                         id("conv5x5_after_1x1"));
    QVERIFY(dialog.isValidPath());
    QCOMPARE(dialog.preview(),
             QStringLiteral("2 layer(s) on this path: reduce1x1, conv5x5_after_1x1"));
    QCOMPARE(dialog.name(), QStringLiteral("reduce1x1 → conv5x5_after_1x1"));
    dialog.setTo(id("conv5x5"));
    QVERIFY(!dialog.isValidPath());
    QVERIFY(
        dialog.preview().startsWith(QStringLiteral("No path leads from 'reduce1x1' to 'conv5x5'")));
    dialog.setFrom(id("input"));
    QVERIFY(dialog.isValidPath());
    QCOMPARE(dialog.preview(), QStringLiteral("2 layer(s) on this path: input, conv5x5"));
}

void tst_Compare::documentVariant()
{
    const QString other = QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/inception_3a.naqsh");
    QString error;
    QVERIFY(m_compare->addDocumentVariant(other, QString(), ComparePanel::Role::B, &error));
    const Variant v = m_doc->model()->graph().variants.last();
    QCOMPARE(v.kind, Variant::Kind::Document);
    QCOMPARE(v.documentPath,
             QStringLiteral("inception_3a.naqsh")); // relative to the lesson's folder
    QCOMPARE(m_compare->variantB(), 2);
    QVERIFY(m_compare->variants()[2].ok());
    QCOMPARE(cell(ComparePanel::MacsRow, ComparePanel::BColumn), QStringLiteral("128,049,152"));
    QCOMPARE(barValue(m_charts->bars(ChartsPanel::Quantity::Params, 2)), 163696.0);
    QVERIFY(!m_compare->addDocumentVariant(
        QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/naqsh/truncated.naqsh"), QString(),
        ComparePanel::Role::B, &error));
    QVERIFY2(error.contains(QStringLiteral("not valid JSON")), qPrintable(error));
    QCOMPARE(m_doc->model()->graph().variants.size(), 3);
}

void tst_Compare::variantErrorsShown()
{
    QVector<Variant> variants = m_doc->model()->graph().variants;
    Variant backwards;
    backwards.name = QStringLiteral("Backwards");
    backwards.from = id("conv5x5");
    backwards.to = id("reduce1x1");
    Variant missing;
    missing.name = QStringLiteral("Elsewhere");
    missing.kind = Variant::Kind::Document;
    missing.documentPath = QStringLiteral("no-such-file.naqsh");
    variants << backwards << missing;
    m_doc->undoStack()->push(
        new SetVariantsCommand(m_doc->model(), variants, QStringLiteral("bad")));
    m_compare->setPair(0, 2);
    const QString errors = m_compare->errorText();
    QVERIFY2(errors.contains(
                 QStringLiteral("B · Backwards: no path leads from 'conv5x5' to 'reduce1x1'")),
             qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("Elsewhere: cannot read no-such-file.naqsh")),
             qPrintable(errors));
    QCOMPARE(cell(ComparePanel::MacsRow, ComparePanel::BColumn), QStringLiteral("error"));
    QVERIFY(m_compare->headlines().isEmpty());
    QVERIFY(!m_compare->variantList()->topLevelItem(2)->icon(2).isNull());
    // The charts leave out what cannot be summed.
    QVERIFY(!m_charts->bars(ChartsPanel::Quantity::Compute, 2));
    QVERIFY(!m_charts->bars(ChartsPanel::Quantity::Compute, 3));
    QVERIFY(m_charts->bars(ChartsPanel::Quantity::Compute, 1));
}

void tst_Compare::barsAfterEdit()
{
    m_display->setConvention(FlopConvention::MacsOnly);
    using Q = ChartsPanel::Quantity;
    QCOMPARE(barValue(m_charts->bars(Q::Compute, 0)), double(kPlainMacs));
    QCOMPARE(barValue(m_charts->bars(Q::Compute, 1)), double(kReducedMacs));
    setOneByOne(32);
    QCOMPARE(barValue(m_charts->bars(Q::Compute, 0)), double(kPlainMacs));
    QCOMPARE(barValue(m_charts->bars(Q::Compute, 1)), double(kReduced32));
    QCOMPARE(barValue(m_charts->bars(Q::Params, 1)), double(192 * 32 + 25 * 32 * 32));
    QCOMPARE(barValue(m_charts->bars(Q::Memory, 1)), double((784 * 32 + 784 * 32) * 4));
    // The bars are grouped, A before B, in A's blue and B's orange.
    QCPBars *a = m_charts->bars(Q::Compute, 0), *b = m_charts->bars(Q::Compute, 1);
    QVERIFY(a->barsGroup() && a->barsGroup() == b->barsGroup());
    QVERIFY(a->barsGroup()->bars().indexOf(a) < a->barsGroup()->bars().indexOf(b));
    QCOMPARE(a->brush().color(), QColor(0x4C72B0));
    QCOMPARE(b->brush().color(), QColor(0xDD8452));

    // Stacked: one segment per layer, the 1×1 under the 5×5 after it.
    const QVector<QCPBars *> reduced = m_charts->segments(1);
    QCOMPARE(reduced.size(), 2);
    QCOMPARE(reduced[0]->property("layerName").toString(), QStringLiteral("reduce1x1"));
    QCOMPARE(barValue(reduced[0]), double(kOneByOne32));
    QCOMPARE(reduced[1]->property("layerName").toString(), QStringLiteral("conv5x5_after_1x1"));
    QCOMPARE(barValue(reduced[1]), double(kReduced32 - kOneByOne32));
    QCOMPARE(reduced[1]->barBelow(), reduced[0]);
    QCOMPARE(m_charts->segments(0).size(), 1);
    QCOMPARE(barValue(m_charts->segments(0)[0]), double(kPlainMacs));
    m_charts->setStackedQuantity(Q::Params);
    QCOMPARE(barValue(m_charts->segments(1)[0]), double(192 * 32));
    // Each bar as 100%: shares, with the exact counts kept beside them.
    m_charts->setStackedShares(true);
    const QVector<QCPBars *> shares = m_charts->segments(1);
    QVERIFY(qAbs(barValue(shares[0]) - 100.0 * 6144 / 31744) < 1e-9);
    QVERIFY(qAbs(barValue(shares[0]) + barValue(shares[1]) - 100.0) < 1e-9);
    QCOMPARE(shares[0]->property("exact").toLongLong(), 6144);
    QCOMPARE(barValue(m_charts->segments(0)[0]), 100.0);
    m_charts->setStackedShares(false);

    m_doc->undoStack()->undo();
    m_doc->analyzer()->flush();
    QCOMPARE(barValue(m_charts->bars(Q::Compute, 1)), double(kReducedMacs));
    QCOMPARE(barValue(m_charts->segments(1)[0]), double(192 * 16));
}

void tst_Compare::conventionSwitchesComputeBars()
{
    using Q = ChartsPanel::Quantity;
    m_display->setConvention(FlopConvention::MacsOnly);
    QCOMPARE(barValue(m_charts->bars(Q::Compute, 0)), double(kPlainMacs));
    m_display->setConvention(FlopConvention::TwoMacs);
    QCOMPARE(barValue(m_charts->bars(Q::Compute, 0)), 2.0 * kPlainMacs);
    QCOMPARE(barValue(m_charts->bars(Q::Compute, 1)), 2.0 * kReducedMacs);
    QCOMPARE(barValue(m_charts->segments(1)[0]), 2.0 * 784 * 16 * 192);
    m_display->setDType(DType::INT8);
    QCOMPARE(barValue(m_charts->bars(Q::Memory, 0)), 25088.0);
}

void tst_Compare::logAxis()
{
    using Q = ChartsPanel::Quantity;
    QCPAxis *y = m_charts->bars(Q::Compute, 0)->valueAxis();
    QCOMPARE(y->scaleType(), QCPAxis::stLinear);
    m_charts->setLogScale(true);
    y = m_charts->bars(Q::Compute, 0)->valueAxis();
    QCOMPARE(y->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(y->range().lower > 0);
    QVERIFY(y->range().contains(2.0 * kReducedMacs) && y->range().contains(2.0 * kPlainMacs));
    QVERIFY(qSharedPointerDynamicCast<QCPAxisTickerLog>(y->ticker()));
    QCOMPARE(barValue(m_charts->bars(Q::Compute, 0)), 2.0 * kPlainMacs); // FLOPs by default
}

void tst_Compare::sweepBreakEven()
{
    // The default sweep is the lesson's: the 1×1's output channels.
    const SweepSpec &spec = m_charts->sweepSpec();
    QCOMPARE(spec.layers, QVector<LayerId>{id("reduce1x1")});
    QCOMPARE(spec.keys, QStringList{QStringLiteral("out_channels")});
    QCOMPARE(spec.from, qint64(1));
    QCOMPARE(spec.to, qint64(192));
    QVERIFY(m_charts->breakEven().has_value());
    QVERIFY(qAbs(*m_charts->breakEven() - kBreakEven) < 1e-9);
    QVERIFY(qAbs(m_charts->breakEvenLine()->point1->coords().x() - kBreakEven) < 1e-9);
    QCOMPARE(m_charts->currentLine()->point1->coords().x(), 16.0);
    QCOMPARE(m_charts->sweepCurrent(), qint64(16));
    QVERIFY2(m_charts->sweepCaption().contains(QStringLiteral("154.84")),
             qPrintable(m_charts->sweepCaption()));
    // The series the chart draws: A flat (the reference), B growing by 777,728 per channel.
    QCPGraph *plain = m_charts->sweepGraph(0), *reduced = m_charts->sweepGraph(1);
    QVERIFY(plain && reduced);
    QCOMPARE(reduced->data()->size(), 192);
    QCOMPARE(reduced->data()->at(0)->value, 777728.0);
    QCOMPARE(reduced->data()->at(15)->value, double(kReducedMacs));
    QCOMPARE(plain->data()->at(100)->value, double(kPlainMacs));
    QCOMPARE(plain->pen().style(), Qt::DashLine);
    // Parameters: 153,600 / (192 + 25·32) per channel.
    m_charts->setSweepMetric(ChartsPanel::SweepMetric::Params);
    QVERIFY(qAbs(*m_charts->breakEven() - 153600.0 / 992.0) < 1e-9);
    QCOMPARE(m_charts->sweepGraph(1)->data()->at(0)->value, 992.0);
}

void tst_Compare::sweepFollowsEdits()
{
    setOneByOne(32);
    QTRY_COMPARE(m_charts->sweepCurrent(), qint64(32));
    QCOMPARE(m_charts->currentLine()->point1->coords().x(), 32.0);
    // The break-even does not depend on where the document is now.
    QVERIFY(qAbs(*m_charts->breakEven() - kBreakEven) < 1e-9);
    // Swapping A and B: now B (the plain path) is the dearer one until the reduced path
    // catches up, at the same point.
    m_compare->setPair(1, 0);
    QCOMPARE(m_charts->variantA(), 1);
    QVERIFY(qAbs(*m_charts->breakEven() - kBreakEven) < 1e-9);
    QVERIFY2(m_charts->sweepCaption().startsWith(
                 QStringLiteral("B needs fewer MACs than A from ≈ 154.84 on")),
             qPrintable(m_charts->sweepCaption()));
}

void tst_Compare::customSweep()
{
    // The kernel size of both 5×5 convolutions: plain 28·28·32·k²·192, reduced 28·28·16·192 +
    // 28·28·32·k²·16; the bottleneck pays at every k, so there is no break-even.
    SweepSpec spec;
    spec.layers = {id("conv5x5"), id("conv5x5_after_1x1")};
    spec.keys = {QStringLiteral("kernel_h"), QStringLiteral("kernel_w")};
    spec.from = 1;
    spec.to = 9;
    spec.step = 2;
    m_charts->setSweepSpec(spec);
    QCOMPARE(m_charts->sweepPresetCombo()->currentText(), QStringLiteral("Custom"));
    QCPGraph *plain = m_charts->sweepGraph(0);
    QCOMPARE(plain->data()->size(), 5);
    QCOMPARE(plain->data()->at(4)->key, 9.0);
    QCOMPARE(plain->data()->at(4)->value, 28.0 * 28 * 32 * 81 * 192);
    QVERIFY(!m_charts->breakEven().has_value());
    QCOMPARE(m_charts->sweepCaption(),
             QStringLiteral("No break-even in this range: B needs fewer MACs throughout."));
    // A bad custom sweep says why, on the chart.
    spec.keys = {QStringLiteral("padding")};
    m_charts->setSweepSpec(spec);
    QVERIFY2(
        m_charts->sweepCaption().contains(QStringLiteral("no whole-number parameter \"padding\"")),
        qPrintable(m_charts->sweepCaption()));
    QCOMPARE(m_charts->sweepPlot()->graphCount(), 0);
    // Back to a preset.
    m_charts->selectSweepPreset(0);
    QCOMPARE(m_charts->sweepPresetCombo()->currentIndex(), 0);
    QVERIFY(m_charts->breakEven().has_value());
}

void tst_Compare::persianTickLabels()
{
    m_display->setFormat(persian());
    for (ChartsPanel::Chart chart :
         {ChartsPanel::Chart::Bars, ChartsPanel::Chart::Stacked, ChartsPanel::Chart::Sweep}) {
        QCustomPlot *plot = m_charts->plot(chart);
        plot->replot();
        QCPAxis *y = chart == ChartsPanel::Chart::Bars
                         ? m_charts->bars(ChartsPanel::Quantity::Compute, 0)->valueAxis()
                         : plot->yAxis;
        const QVector<QString> labels = y->tickVectorLabels();
        QVERIFY(labels.size() >= 2);
        for (const QString &label : labels) {
            QVERIFY2(!hasLatinDigit(label), qPrintable(label));
            if (label != QStringLiteral("۰"))
                QVERIFY2(hasPersianDigit(label), qPrintable(label));
            // The plot's font really has the glyphs (Qt draws nothing for missing ones).
            QTextLayout layout(label, y->tickLabelFont());
            layout.beginLayout();
            layout.createLine();
            layout.endLayout();
            for (const QGlyphRun &run : layout.glyphRuns())
                for (quint32 glyph : run.glyphIndexes())
                    QVERIFY2(glyph != 0, qPrintable(label));
        }
    }
    m_charts->sweepPlot()->replot();
    const QVector<QString> x = m_charts->sweepPlot()->xAxis->tickVectorLabels();
    QVERIFY(std::all_of(x.begin(), x.end(), [](const QString &l) { return !hasLatinDigit(l); }));
    QVERIFY(m_charts->sweepCaption().contains(QString::fromUtf8("۱۵۴٫۸۴")));
    m_display->setFormat(NumberFormat());
    m_charts->barsPlot()->replot();
    QVERIFY(hasLatinDigit(
        m_charts->bars(ChartsPanel::Quantity::Compute, 0)->valueAxis()->tickVectorLabels().last()));
}

void tst_Compare::tooltips()
{
    m_charts->resize(900, 600);
    m_charts->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_charts.get()));
    m_display->setConvention(FlopConvention::MacsOnly);
    auto lay = [this](ChartsPanel::Chart chart) {
        m_charts->tabs()->setCurrentIndex(int(chart));
        QCoreApplication::processEvents();
        m_charts->plot(chart)->replot();
    };
    lay(ChartsPanel::Chart::Bars);
    QCPBars *b = m_charts->bars(ChartsPanel::Quantity::Compute, 1);
    const QPointF top = b->dataPixelPosition(0);
    const QString tip =
        m_charts->toolTipAt(ChartsPanel::Chart::Bars, (top + QPointF(0, 6)).toPoint());
    QVERIFY2(tip.contains(QStringLiteral("12,443,648")) &&
                 tip.contains(QStringLiteral("9.68× fewer MACs than A")),
             qPrintable(tip));
    QCPBars *memory = m_charts->bars(ChartsPanel::Quantity::Memory, 0);
    const QString memoryTip = m_charts->toolTipAt(
        ChartsPanel::Chart::Bars, (memory->dataPixelPosition(0) + QPointF(0, 6)).toPoint());
    QVERIFY2(memoryTip.contains(QStringLiteral("100,352 bytes (98.0 KiB)")), qPrintable(memoryTip));

    lay(ChartsPanel::Chart::Stacked);
    QCPBars *oneByOne = m_charts->segments(1)[0];
    const QString segmentTip = m_charts->toolTipAt(
        ChartsPanel::Chart::Stacked, (oneByOne->dataPixelPosition(0) + QPointF(0, 3)).toPoint());
    QVERIFY2(segmentTip.contains(QStringLiteral("reduce1x1")) &&
                 segmentTip.contains(QStringLiteral("2,408,448")) &&
                 segmentTip.contains(QStringLiteral("19.4%")),
             qPrintable(segmentTip));

    lay(ChartsPanel::Chart::Sweep);
    QCustomPlot *sweep = m_charts->sweepPlot();
    const QPoint at(int(sweep->xAxis->coordToPixel(40)), int(sweep->yAxis->coordToPixel(1e6)));
    const QString sweepTip = m_charts->toolTipAt(ChartsPanel::Chart::Sweep, at);
    QVERIFY2(sweepTip.contains(QStringLiteral("out_channels = 40")) &&
                 sweepTip.contains(QStringLiteral("31,109,120 MACs")),
             qPrintable(sweepTip));
    QVERIFY(m_charts->toolTipAt(ChartsPanel::Chart::Bars, QPoint(2, 2)).isEmpty());
}

void tst_Compare::exports_data()
{
    QTest::addColumn<int>("chart");
    QTest::newRow("bars") << int(ChartsPanel::Chart::Bars);
    QTest::newRow("stacked") << int(ChartsPanel::Chart::Stacked);
    QTest::newRow("sweep") << int(ChartsPanel::Chart::Sweep);
}

void tst_Compare::exports()
{
    QFETCH(int, chart);
    const auto c = ChartsPanel::Chart(chart);
    QTemporaryDir dir;
    QString error;
    // SVG: vector, and it renders back.
    const QString svg = dir.filePath(QStringLiteral("chart.svg"));
    QVERIFY2(m_charts->exportChart(c, svg, 96, QSize(800, 500), &error), qPrintable(error));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(0, 0, 800, 500));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    QVERIFY(svgText.contains("<path") || svgText.contains("<rect") ||
            svgText.contains("<polyline"));
    QVERIFY(!svgText.contains("<image")); // drawn, not a bitmap
    // PDF: a real PDF with a page.
    const QString pdf = dir.filePath(QStringLiteral("chart.pdf"));
    QVERIFY2(m_charts->exportChart(c, pdf, 96, QSize(800, 500), &error), qPrintable(error));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    const QByteArray pdfBytes = pdfFile.readAll();
    QVERIFY(pdfBytes.startsWith("%PDF-"));
    QVERIFY(pdfBytes.count("/Type /Page") - pdfBytes.count("/Type /Pages") >= 1);
    // PNG at 192 dpi: twice the pixels, and the resolution recorded.
    const QString png = dir.filePath(QStringLiteral("chart.png"));
    QVERIFY2(m_charts->exportChart(c, png, 192, QSize(800, 500), &error), qPrintable(error));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1600, 1000));
    QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 192);
    QVERIFY(!m_charts->exportChart(c, dir.filePath(QStringLiteral("chart.bmp")), 96, {}, &error));
    QVERIFY(error.contains(QStringLiteral(".png, .pdf or .svg")));
}

void tst_Compare::explainLesson()
{
    m_explain->showLayer(id("conv5x5"));
    const QString text = m_explain->text();
    for (const char *expected :
         {"28 × 28 × 32 × 5 × 5 × 192 = 120,422,400",
          "each output value needs 5·5·192 multiplications", "5 × 5 × 192 × 32 = 153,600",
          "floor((28 + 2 + 2 − 5) / 1) + 1 = 28", "1 × 32 × 28 × 28 × 4 bytes = 100,352 bytes"})
        QVERIFY2(
            text.contains(QString::fromUtf8(expected)),
            qPrintable(QStringLiteral("missing %1 in\n%2").arg(QString::fromUtf8(expected), text)));
    // Persian digits, the formula kept left to right inside an isolate.
    m_display->setFormat(persian());
    const QString fa = m_explain->text();
    QVERIFY2(fa.contains(QChar(0x2066) +
                         QString::fromUtf8("۲۸ × ۲۸ × ۳۲ × ۵ × ۵ × ۱۹۲ = ۱۲۰٬۴۲۲٬۴۰۰") +
                         QChar(0x2069)),
             qPrintable(fa));
    QVERIFY(fa.contains(QString::fromUtf8("۵·۵·۱۹۲ multiplications")));
    QVERIFY(fa.contains(QString::fromUtf8("fp32 takes ۴ byte"))); // names keep their digits
    // Convention and dtype follow the display.
    m_display->setFormat(NumberFormat());
    m_display->setConvention(FlopConvention::TwoMacs);
    m_display->setDType(DType::FP16);
    QVERIFY(m_explain->text().contains(QStringLiteral("2 × 120,422,400 = 240,844,800")));
    QVERIFY(
        m_explain->text().contains(QStringLiteral("1 × 32 × 28 × 28 × 2 bytes = 50,176 bytes")));
}

void tst_Compare::explainFamilies_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QVariantMap>("input");
    QTest::addColumn<QVariantMap>("params");
    QTest::addColumn<QStringList>("expected");
    const QVariantMap image32{
        {"channels", qint64(32)}, {"height", qint64(56)}, {"width", qint64(56)}};
    QTest::newRow("grouped conv")
        << "conv2d" << image32
        << QVariantMap{{"out_channels", qint64(64)}, {"groups", qint64(4)}, {"padding", "same"}}
        << QStringList{"56 × 56 × 64 × 3 × 3 × 8 = 14,450,688", "3 × 3 × 8 × 64 = 4,608",
                       "with 4 groups each filter sees only 8 of the 32 input channels"};
    QTest::newRow("transposed conv")
        << "conv_transpose2d"
        << QVariantMap{{"channels", qint64(64)}, {"height", qint64(14)}, {"width", qint64(14)}}
        << QVariantMap{{"out_channels", qint64(32)},
                       {"kernel_h", qint64(4)},
                       {"kernel_w", qint64(4)},
                       {"pad_h", qint64(1)},
                       {"pad_w", qint64(1)}}
        << QStringList{"(14 − 1) × 2 − 2 × 1 + 1 × (4 − 1) + 0 + 1 = 28",
                       "14 × 14 × 64 × 4 × 4 × 32 = 6,422,528", "64 × 32 × 4 × 4 = 32,768"};
    QTest::newRow("max pooling") << "maxpool2d"
                                 << QVariantMap{{"channels", qint64(64)},
                                                {"height", qint64(112)},
                                                {"width", qint64(112)}}
                                 << QVariantMap{{"kernel_h", qint64(3)},
                                                {"kernel_w", qint64(3)},
                                                {"stride_h", qint64(2)},
                                                {"stride_w", qint64(2)},
                                                {"ceil_mode", true}}
                                 << QStringList{"ceil((112 + 2 × 0 − 3) / 2) + 1 = 56",
                                                "1 × 64 × 56 × 56 × (9 − 1) = 1,605,632"};
    QTest::newRow("linear")
        << "linear"
        << QVariantMap{{"layout", "features"}, {"features", qint64(512)}, {"batch", qint64(4)}}
        << QVariantMap{{"out_features", qint64(10)}}
        << QStringList{"4 × 512 × 10 = 20,480", "512 × 10 = 5,120", "4 × 10 × 4 bytes = 160 bytes"};
}

void tst_Compare::explainFamilies()
{
    QFETCH(QString, type);
    QFETCH(QVariantMap, input);
    QFETCH(QVariantMap, params);
    QFETCH(QStringList, expected);
    GraphModel *model = m_doc->model();
    m_doc->clear();
    const LayerId in = model->addLayer(QStringLiteral("input"), QStringLiteral("in"));
    for (auto it = input.begin(); it != input.end(); ++it)
        QVERIFY(model->setParam(in, it.key(), it.value()));
    const LayerId layer = model->addLayer(type, QStringLiteral("subject"));
    for (auto it = params.begin(); it != params.end(); ++it) {
        QString why;
        QVERIFY2(model->setParam(layer, it.key(), it.value(), &why), qPrintable(why));
    }
    QVERIFY(model->connectLayers(in, layer));
    m_doc->analyzer()->flush();
    m_selection->setSelection({layer}); // the panel follows the selection
    QCOMPARE(m_explain->layer(), layer);
    const QString text = m_explain->text();
    for (const QString &e : expected)
        QVERIFY2(text.contains(e), qPrintable(QStringLiteral("missing %1 in\n%2").arg(e, text)));
    m_display->setFormat(persian());
    QVERIFY(hasPersianDigit(m_explain->text()));
    QVERIFY(m_explain->text().contains(persian().digits(expected.first())));
}

void tst_Compare::explainFocusAndNotes()
{
    const LayerId conv = id("conv5x5");
    m_explain->showLayer(conv, CostTableModel::Macs);
    QCOMPARE(m_explain->highlightedLines().size(), 1);
    QCOMPARE(m_explain->lines()[m_explain->highlightedLines().first()].formula,
             QStringLiteral("28 × 28 × 32 × 5 × 5 × 192 = 120,422,400"));
    m_explain->showLayer(conv, CostTableModel::Shape);
    QCOMPARE(m_explain->highlightedLines().size(), 2); // output height and width
    m_explain->showLayer(conv, CostTableModel::Activations);
    QCOMPARE(m_explain->highlightedLines().size(), 1);
    QVERIFY(m_explain->lines()[m_explain->highlightedLines().first()].formula.endsWith(
        QStringLiteral("= 100,352 bytes")));
    m_explain->showLayer(conv, CostTableModel::Flops);
    QCOMPARE(m_explain->highlightedLines().size(), 1);
    // Selecting the same layer (the table click selects its row too) keeps the focus.
    m_selection->setSelection({conv});
    QCOMPARE(m_explain->focusColumn(), int(CostTableModel::Flops));
    // The lesson's 1×1 squeezes 192 channels to 16: the note sits beside its numbers.
    m_selection->setSelection({id("reduce1x1")});
    QCOMPARE(m_explain->focusColumn(), -1);
    const QString text = m_explain->text();
    QVERIFY2(text.contains(QStringLiteral("Representational bottleneck")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("squeezes 192 channels into 16")));
    QVERIFY(text.contains(QStringLiteral("Notes for this document")));
    // A layer without numbers says why instead.
    m_doc->undoStack()->push(
        new SetLayerParamCommand(m_doc->model(), conv,
                                 {{QStringLiteral("padding"), QStringLiteral("explicit")},
                                  {QStringLiteral("kernel_h"), qint64(41)}}));
    m_doc->analyzer()->flush();
    m_explain->showLayer(conv);
    QVERIFY2(m_explain->text().contains(QStringLiteral("No numbers yet")),
             qPrintable(m_explain->text()));
}

void tst_Compare::panelsRender()
{
    // Grab the panels in English and in Persian (digits and right-to-left layout) and check they
    // drew something; with NAQSH_SHOTS_DIR set, keep the pictures for a human to look at.
    const QString shots = qEnvironmentVariable("NAQSH_SHOTS_DIR");
    m_explain->showLayer(id("conv5x5"), CostTableModel::Macs);
    QTranslator translator;
    for (const bool fa : {false, true}) {
        if (fa) {
            // The Persian catalogue the build embeds: every panel retranslates on LanguageChange.
            if (translator.load(QStringLiteral(":/i18n/naqsh_fa.qm"))) {
                QCoreApplication::installTranslator(&translator);
                QCoreApplication::processEvents(); // LanguageChange is posted to each window
                QVERIFY(m_charts->tabs()->tabText(0) != QStringLiteral("Totals"));
            }
            QApplication::setLayoutDirection(Qt::RightToLeft);
            m_display->setFormat(persian());
        }
        const QString lang = fa ? QStringLiteral("fa") : QStringLiteral("en");
        struct Shot
        {
            QWidget *widget;
            QSize size;
            QString name;
            int tab;
            bool shares;
        } list[] = {{m_compare.get(), {760, 640}, QStringLiteral("panel"), -1, false},
                    {m_charts.get(), {980, 600}, QStringLiteral("bars"), 0, false},
                    {m_charts.get(), {980, 600}, QStringLiteral("stacked"), 1, false},
                    {m_charts.get(), {980, 600}, QStringLiteral("stacked-shares"), 1, true},
                    {m_charts.get(), {980, 600}, QStringLiteral("sweep"), 2, false},
                    {m_explain.get(), {520, 640}, QStringLiteral("explain"), -1, false}};
        for (const Shot &s : list) {
            if (s.tab >= 0)
                m_charts->tabs()->setCurrentIndex(s.tab);
            m_charts->setStackedShares(s.shares);
            s.widget->resize(s.size);
            s.widget->show();
            QVERIFY(QTest::qWaitForWindowExposed(s.widget));
            QTest::qWait(50);
            const QImage image = s.widget->grab().toImage();
            QCOMPARE(image.size() / image.devicePixelRatio(), s.size);
            // Something was drawn: many colours, not a blank panel.
            QSet<QRgb> colors;
            for (int y = 0; y < image.height(); y += 3)
                for (int x = 0; x < image.width(); x += 3)
                    colors.insert(image.pixel(x, y));
            QVERIFY2(colors.size() > 20, qPrintable(s.name));
            if (!shots.isEmpty())
                image.save(QStringLiteral("%1/compare-%2-%3.png").arg(shots, s.name, lang));
            s.widget->hide();
        }
    }
    QCoreApplication::removeTranslator(&translator);
    QApplication::setLayoutDirection(Qt::LeftToRight);
}

QTEST_MAIN(tst_Compare)
#include "tst_Compare.moc"
